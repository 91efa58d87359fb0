// The mistakes behind most YAML syntax errors in a hand-edited catalog, found in the text itself
// and located where they were made: a tab in the indentation, a line indented deeper than a key
// that already has its value or to a column no key above it uses, a quote that is never closed.
// The parser reports these later and in its own terms ("All mapping items must start at the same
// column" on the blank line above, "Missing closing quote" at the end of the file); read-catalogs
// asks here first and reports the mistake alone.

export interface TextMistake {
  line: number;
  col: number;
  message: string;
  hint?: string;
}

const lines = (text: string) => text.split(/\r?\n/);

/** The first tab in a line's indentation. */
export function firstTab(text: string): TextMistake | undefined {
  const all = lines(text);
  for (let i = 0; i < all.length; i++) {
    const m = /^( *)\t/.exec(all[i]!);
    // A tab after the indentation (inside a value or before a comment) is allowed.
    if (m) return { line: i + 1, col: m[1]!.length + 1, message: "tabs cannot indent YAML; use spaces", hint: "replace the tabs at the start of this line (and any below it) with spaces" };
  }
  return undefined;
}

/** The quote at `i` opens a quoted value: it stands where a value starts, at the line's start or
 * after a space, ":", "[", "{" or "," (`-"` is a plain value that holds a quote). */
function opensQuote(s: string, i: number): boolean {
  const c = s[i];
  return (c === '"' || c === "'") && (i === 0 || /[\s:[{,]/.test(s[i - 1]!));
}

/** A line's text without a trailing comment (a # after a space, outside quotes). */
function withoutComment(s: string): string {
  let quote: string | undefined;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quote) {
      if (c === "\\" && quote === '"') i++;
      else if (c === quote) quote = undefined;
    } else if (opensQuote(s, i)) quote = c;
    else if (c === "#" && (i === 0 || /\s/.test(s[i - 1]!))) return s.slice(0, i).trimEnd();
  }
  return s.trimEnd();
}

/** How deep the brackets of a line leave the flow collections it opens (quotes skipped). */
function flowDepth(s: string, depth: number): number {
  let quote: string | undefined;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quote) {
      if (c === "\\" && quote === '"') i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") {
      if (i === 0 || /[\s:[{,]/.test(s[i - 1]!)) quote = c;
    } else if (c === "[" || c === "{") depth++;
    else if (c === "]" || c === "}") depth = Math.max(0, depth - 1);
  }
  return depth;
}

interface Level {
  indent: number;
  key: string;
  line: number;
}

/**
 * The first line whose indentation cannot be right, up to line `until`: deeper than the line above
 * it when that line's key already has its value, or at a column that no open key above it uses.
 */
export function indentationMistake(text: string, until = Infinity): TextMistake | undefined {
  const all = lines(text);
  const stack: Level[] = [];
  /** The line above: its content's indent, its key, and whether lines below may nest in it. */
  let above: (Level & { opens: boolean }) | undefined;
  let flow = 0;
  let blockScalarAt: number | undefined;
  for (let i = 0; i < all.length && i < until; i++) {
    const raw = all[i]!;
    const indent = raw.length - raw.trimStart().length;
    const content = withoutComment(raw.trim());
    if (!content || content === "---" || content === "...") continue;
    if (blockScalarAt !== undefined) {
      if (indent > blockScalarAt) continue;
      blockScalarAt = undefined;
    }
    if (flow > 0) {
      flow = flowDepth(content, flow);
      continue;
    }
    // `- key: value`: the dash is one level, what follows it another.
    const dash = /^(-(?:\s+|$))+/.exec(content);
    const inner = dash ? indent + dash[0].length : indent;
    const rest = dash ? content.slice(dash[0].length) : content;
    const key = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"][^#]*?)\s*:(?:\s|$)/.exec(rest);
    const name = key ? key[1]! : rest.slice(0, 20);
    if (above && indent > above.indent) {
      // A plain value continued on a deeper line (`trigger: Fired when the\n    run ends`) is valid.
      if (!above.opens && !key && !dash) continue;
      if (!above.opens)
        return {
          line: i + 1,
          col: indent + 1,
          message: `this line is indented deeper than the key above it ('${above.key}', line ${above.line}), which already has its value`,
          hint: `indent it like '${above.key}' (${above.indent} spaces), or put the value of '${above.key}' on the lines below it`,
        };
      stack.push({ indent, key: name, line: i + 1 });
    } else {
      while (stack.length && stack.at(-1)!.indent > indent) stack.pop();
      const top = stack.at(-1);
      if (top && top.indent < indent) {
        const below = above!;
        return {
          line: i + 1,
          col: indent + 1,
          message: `this line is indented ${indent} spaces, which lines up with no key above it`,
          hint: `the keys of one mapping start at the same column: '${below.key}' (line ${below.line}) is at ${below.indent} spaces, '${top.key}' (line ${top.line}) at ${top.indent}`,
        };
      }
      if (top) stack[stack.length - 1] = { indent, key: name, line: i + 1 };
      else stack.push({ indent, key: name, line: i + 1 });
    }
    if (dash) stack.push({ indent: inner, key: name, line: i + 1 });
    const value = key ? rest.slice(key[0].length).trim() : dash ? "" : rest;
    let opens = key !== null && (value === "" || /^[&!][^\s]*$/.test(value));
    if (key && /^[|>][-+0-9]*$/.test(value)) blockScalarAt = inner;
    if (dash && !key && value === "") opens = true;
    flow = flowDepth(value, 0);
    // A value continued on the next lines (a flow collection, a block scalar) is not a mistake.
    if (flow > 0) opens = true;
    above = { indent: inner, key: name, line: i + 1, opens };
  }
  return undefined;
}

/** The opening quote of a quoted value that its line does not close, up to line `until`. */
export function unclosedQuote(text: string, until = Infinity): TextMistake | undefined {
  const all = lines(text);
  for (let i = 0; i < all.length && i < until; i++) {
    const s = all[i]!;
    let quote: string | undefined;
    let at = 0;
    for (let j = 0; j < s.length; j++) {
      const c = s[j]!;
      if (quote) {
        if (c === "\\" && quote === '"') j++;
        else if (c === quote) {
          if (quote === "'" && s[j + 1] === "'") j++;
          else quote = undefined;
        }
      } else if (opensQuote(s, j)) [quote, at] = [c, j];
      else if (c === "#" && (j === 0 || /\s/.test(s[j - 1]!))) break;
    }
    if (quote)
      return {
        line: i + 1,
        col: at + 1,
        message: "the quote opened here is never closed",
        hint: `end the value with ${quote}${quote === '"' ? ', and write a " inside it as \\"' : ", and write a ' inside it as ''"}`,
      };
  }
  return undefined;
}
