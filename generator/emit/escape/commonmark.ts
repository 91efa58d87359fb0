// Catalog prose (descriptions, notes, triggers) is CommonMark, passed through to Markdown output so
// links, code spans, emphasis and lists render. It is made safe on the way, by reading it with a
// CommonMark parser (micromark, through mdast-util-from-markdown, which gives every node its source
// offsets) and editing the source where a node would do harm:
// - raw HTML (blocks, inline tags, comments) is shown as text: its `<` becomes `&lt;`;
// - headings and thematic breaks are shown as text (they would break the document's outline);
// - links, images and definitions to anything but http(s), mailto or a relative URL are text;
// - `{`, `}`, `|` and `$` in text are backslash-escaped: no `{{…}}` template tag (prettier's
//   parser reads one), no GFM table and no GitHub math (`$5 and $10`) can come out of catalog text;
// - an unclosed code fence is closed, so it cannot swallow the rest of the document;
// - emphasis and bullets are written the way prettier writes them (`_a_`, `**a**`, `-`), so the
//   README stays in prettier's layout without running prettier on it.
// The edits are repeated until the text needs none (showing an HTML block's `<` as text can expose
// the inline HTML inside it); text that does not settle in a few rounds is escaped whole.
// Text with none of CommonMark's active characters is returned without parsing.
import { fromMarkdown } from "mdast-util-from-markdown";

interface Node {
  type: string;
  url?: string;
  value?: string;
  position?: { start: { offset?: number }; end: { offset?: number } };
  children?: Node[];
}

interface Edit {
  at: number;
  /** How many characters are replaced (0: an insertion). */
  drop: number;
  text: string;
}

const ROUNDS = 5;

/** One kind of line break, `\n`, and no trailing spaces (a hard break prettier would rewrite). */
const normalize = (s: string) => s.replace(/\r\n?|[\u2028\u2029]/g, "\n").replace(/[ \t]+$/gm, "");

/** What CommonMark (or prettier, GitHub) could read as markup; text without any is returned as
 * it is. A `_` inside a word (`task_run`) is never emphasis. */
const ACTIVE = /[`*<>{}|\\[&~$]|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])|^[ \t]*(?:[-+#=]|\d+[.)])|^(?: {4}|\t)/mu;

/** Block text (a description, a note) as safe CommonMark. Undefined when it does not settle
 * (the caller escapes it whole). */
export function commonmarkBlock(text: string): string | undefined {
  return settle(normalize(text).replace(/^\n+|\n+$/g, ""), false);
}

/** Text for one line (a table cell, after a label): as `commonmarkBlock`, with line breaks as
 * `<br>` (spaces inside code), every `|` escaped, fenced code as a code span. */
export function commonmarkInline(text: string): string | undefined {
  const lines = normalize(text)
    .split("\n")
    .map((l) => l.trim())
    .join("\n")
    .replace(/^\n+|\n+$/g, "");
  const settled = settle(lines, true);
  // No `|` may split the cell, in code or link targets either (GFM reads `\|` there as `|`).
  const safe = settled?.replace(/(?<!\\)\|/g, "\\|");
  if (safe === undefined || !safe.includes("\n")) return safe;
  // Line breaks: spaces inside code spans, `<br>` elsewhere.
  const code = codeRanges(safe);
  let out = "";
  for (let i = 0; i < safe.length; i++) out += safe[i] !== "\n" ? safe[i] : code.some(([a, b]) => i >= a && i < b) ? " " : "<br>";
  return out;
}

function settle(text: string, inline: boolean): string | undefined {
  if (!ACTIVE.test(text)) return text;
  for (let round = 0; round < ROUNDS; round++) {
    const edits = editsFor(text, inline);
    if (!edits.length) return text;
    text = apply(text, edits);
  }
  return undefined;
}

function apply(text: string, edits: Edit[]): string {
  edits.sort((a, b) => b.at - a.at);
  let out = text;
  let last = Infinity;
  for (const e of edits) {
    if (e.at + e.drop > last) continue; // overlapping: the next round sees it again
    out = out.slice(0, e.at) + e.text + out.slice(e.at + e.drop);
    last = e.at;
  }
  return out;
}

const SAFE_URL = /^(?:https?:|mailto:|#|\/|\.|[^:/?#]*(?:[/?#]|$))/i;
const WORD = /[^\s\p{P}\p{S}]/u;

function editsFor(text: string, inline: boolean): Edit[] {
  const edits: Edit[] = [];
  const start = (n: Node) => n.position!.start.offset!;
  const end = (n: Node) => n.position!.end.offset!;
  /** The first character of a node that is not indentation. */
  const lead = (n: Node) => {
    let i = start(n);
    while (text[i] === " " || text[i] === "\t") i++;
    return i;
  };
  const visit = (n: Node, inEmphasis: boolean) => {
    switch (n.type) {
      case "html": {
        const at = text.indexOf("<", start(n));
        if (at >= 0 && at < end(n)) edits.push({ at, drop: 1, text: "&lt;" });
        return;
      }
      case "heading": {
        const at = lead(n);
        if (text[at] === "#") edits.push({ at, drop: 0, text: "\\" });
        else {
          // A setext heading: its underline, on the last line, becomes text.
          const underline = text.lastIndexOf("\n", end(n) - 1) + 1;
          let u = underline;
          while (text[u] === " ") u++;
          edits.push({ at: u, drop: 0, text: "\\" });
        }
        return;
      }
      case "thematicBreak":
        edits.push({ at: lead(n), drop: 0, text: "\\" });
        return;
      case "link":
      case "image":
      case "definition":
        if (!SAFE_URL.test(n.url ?? "")) {
          const at = start(n);
          edits.push(text[at] === "<" ? { at, drop: 1, text: "&lt;" } : { at, drop: 0, text: "\\" });
          return;
        }
        break;
      case "text":
        escapeText(text, start(n), end(n), edits);
        return;
      case "inlineCode":
        return;
      case "code": {
        const at = lead(n);
        const fence = /^(`{3,}|~{3,})/.exec(text.slice(at))?.[1];
        if (inline) {
          // A code block in a cell: a code span of its text.
          const value = (n.value ?? "").replace(/\n/g, " ");
          const ticks = "`".repeat(Math.max(0, ...(value.match(/`+/g) ?? []).map((r) => r.length)) + 1);
          const pad = value.startsWith("`") || value.endsWith("`") || value === "" ? " " : "";
          const span = `${ticks}${pad}${value}${pad}${ticks}`;
          if (text.slice(start(n), end(n)) !== span) edits.push({ at: start(n), drop: end(n) - start(n), text: span });
        } else if (fence) {
          const body = text.slice(at, end(n));
          const lastLine = body.slice(body.lastIndexOf("\n") + 1).trim();
          const closed = body.includes("\n") && lastLine.startsWith(fence) && /^(`+|~+)$/.test(lastLine);
          if (!closed) edits.push({ at: end(n), drop: 0, text: `\n${fence}` });
        }
        return;
      }
      case "emphasis": {
        // prettier writes `_a_`, or `*a*` inside a word or another emphasis.
        const a = start(n);
        const b = end(n) - 1;
        const style = inEmphasis || WORD.test(text[a - 1] ?? " ") || WORD.test(text[b + 1] ?? " ") ? "*" : "_";
        if (text[a] !== style) edits.push({ at: a, drop: 1, text: style }, { at: b, drop: 1, text: style });
        for (const c of n.children ?? []) visit(c, true);
        return;
      }
      case "strong": {
        const a = start(n);
        const b = end(n) - 2;
        if (text[a] === "_") edits.push({ at: a, drop: 2, text: "**" }, { at: b, drop: 2, text: "**" });
        break;
      }
      case "listItem": {
        const at = lead(n);
        if (text[at] === "*" || text[at] === "+") edits.push({ at, drop: 1, text: "-" });
        break;
      }
    }
    for (const c of n.children ?? []) visit(c, inEmphasis);
  };
  const root = fromMarkdown(text) as Node;
  visit(root, false);
  // The layout, once the text is safe: blocks are only known then.
  if (!edits.length && !inline) layoutBlocks(text, root.children ?? [], edits);
  return edits;
}

/** prettier's block layout, at the top level: a blank line between blocks, and a paragraph's
 * continuation lines not indented. */
function layoutBlocks(text: string, blocks: Node[], edits: Edit[]) {
  blocks.forEach((b, i) => {
    const from = b.position!.start.offset!;
    const to = b.position!.end.offset!;
    const prev = blocks[i - 1];
    if (prev && !/\n[ \t]*\n/.test(text.slice(prev.position!.end.offset!, from))) edits.push({ at: text.lastIndexOf("\n", from - 1) + 1, drop: 0, text: "\n" });
    if (b.type === "paragraph")
      for (let at = text.indexOf("\n", from); at >= 0 && at < to; at = text.indexOf("\n", at + 1)) {
        const indent = /^[ \t]+/.exec(text.slice(at + 1))?.[0].length ?? 0;
        if (indent) edits.push({ at: at + 1, drop: indent, text: "" });
      }
  });
}

/** `{`, `}`, `|` and `$` (GitHub reads `$…$` as math) in a text node's source get a backslash,
 * unless one is there already. */
function escapeText(text: string, from: number, to: number, edits: Edit[]) {
  for (let i = from; i < to; i++) {
    const c = text[i];
    if (c === "\\") i++;
    else if (c === "{" || c === "}" || c === "|" || c === "$") edits.push({ at: i, drop: 0, text: "\\" });
  }
}

/** The source ranges of the code spans in a text that is already safe. */
function codeRanges(text: string): [number, number][] {
  const out: [number, number][] = [];
  const visit = (n: Node) => {
    if (n.type === "inlineCode" || n.type === "code") out.push([n.position!.start.offset!, n.position!.end.offset!]);
    else for (const c of n.children ?? []) visit(c);
  };
  if (text.includes("`") || text.includes("~")) visit(fromMarkdown(text) as Node);
  return out;
}
