// A string a simple regular expression matches, built from the pattern itself: literals, escapes,
// character classes, groups with alternatives and quantifiers. Lookarounds and back-references
// give up (undefined). The caller tests the result against the real RegExp, so a wrong guess
// costs nothing.

const CLASS_ESCAPES: Record<string, string> = { d: "1", D: "a", w: "a", W: "-", s: " ", S: "a" };
const CONTROL_ESCAPES: Record<string, string> = { n: "\n", r: "\r", t: "\t", f: "\f", v: "\v", "0": "\0" };
const CLASS_CANDIDATES = ["a", "A", "1", "x", "X", "0", "_", "-", ".", " "];

class GiveUp extends Error {}

/** `rich`: quantifiers with a minimum of 0 still produce one repetition (`a*` → `a`). */
export function regexSample(pattern: string, rich = false): string | undefined {
  let i = 0;
  const peek = () => pattern[i];
  const fail = (): never => {
    throw new GiveUp();
  };

  // alternation := sequence ('|' sequence)*; the first alternative is the sample.
  function alternation(): string {
    const first = sequence();
    while (peek() === "|") {
      i++;
      sequence();
    }
    return first;
  }

  /** The last atom's character class, when it was one (`[a-z]`, `\\d`): repetitions of it vary,
   * as a person writes `ABC` or `4821`, not `AAA` or `1111`. */
  let cls: RegExp | undefined;

  function sequence(): string {
    let out = "";
    while (i < pattern.length && peek() !== "|" && peek() !== ")") {
      cls = undefined;
      const a = atom();
      const c = cls;
      const q = quantified(a);
      out += c && q.length > 1 ? vary(c, q.length) ?? q : q;
    }
    return out;
  }

  function quantified(a: string): string {
    const c = peek();
    let min: number;
    if (c === "*" || c === "?") (i++, (min = 0));
    else if (c === "+") (i++, (min = 1));
    else if (c === "{" && /^\{\d+(,\d*)?\}/.test(pattern.slice(i))) {
      const m = /^\{(\d+)(?:,(\d*))?\}/.exec(pattern.slice(i))!;
      i += m[0].length;
      min = Number(m[1]);
      const max = m[2] === undefined ? min : m[2] === "" ? Infinity : Number(m[2]);
      if (rich && min === 0 && max > 0) min = 1;
      if (peek() === "?") i++;
      return a.repeat(min);
    } else return a;
    if (peek() === "?") i++; // lazy
    // `+` and `*` (rich) give a class a few characters, as an id or a word has.
    return a.repeat(rich && min <= 1 && cls ? 8 : rich && min === 0 ? 1 : min);
  }

  function atom(): string {
    const c = pattern[i++]!;
    switch (c) {
      case "^":
      case "$":
        return "";
      case ".":
        return "a";
      case "(": {
        if (pattern.startsWith("?:", i)) i += 2;
        else if (pattern.startsWith("?<", i) && !/^\?<[=!]/.test(pattern.slice(i))) i = pattern.indexOf(">", i) + 1 || fail();
        else if (peek() === "?") fail(); // lookaround
        const inner = alternation();
        if (pattern[i++] !== ")") fail();
        cls = undefined;
        return inner;
      }
      case "[":
        return charClass();
      case "\\":
        return escape();
      case "*":
      case "+":
      case "?":
      case ")":
        return fail();
      default:
        return c;
    }
  }

  function escape(): string {
    const c = pattern[i++] ?? fail();
    if (CLASS_ESCAPES[c]) {
      cls = new RegExp(`^\\${c}$`, "u");
      return CLASS_ESCAPES[c]!;
    }
    if (CONTROL_ESCAPES[c]) return CONTROL_ESCAPES[c]!;
    if (c === "b" || c === "B") return "";
    if (/[1-9k]/.test(c)) fail(); // back-references
    if (c === "p" || c === "P") {
      const end = pattern.indexOf("}", i);
      const body = pattern.slice(i - 2, end + 1);
      i = end + 1 || fail();
      return pickChar(body) ?? fail();
    }
    const hex = c === "x" ? /^[0-9a-fA-F]{2}/ : c === "u" ? /^(\{[0-9a-fA-F]+\}|[0-9a-fA-F]{4})/ : undefined;
    if (hex) {
      const m = hex.exec(pattern.slice(i)) ?? fail();
      i += m[0].length;
      return String.fromCodePoint(parseInt(m[0].replace(/[{}]/g, ""), 16));
    }
    return c;
  }

  function charClass(): string {
    // Find the class's end, skipping escapes, then let RegExp say which candidate it accepts.
    const start = i - 1;
    if (peek() === "^") i++;
    if (peek() === "]") i++;
    while (i < pattern.length && peek() !== "]") i += peek() === "\\" ? 2 : 1;
    if (i >= pattern.length) fail();
    i++;
    const source = pattern.slice(start, i);
    const rangeStart = /^\[([^\\^\]])-/.exec(source)?.[1];
    const picked = pickChar(source, rangeStart) ?? fail();
    try {
      cls = new RegExp(`^${source}$`, "u");
    } catch {
      cls = undefined;
    }
    return picked;
  }

  try {
    const out = alternation();
    return i === pattern.length ? out : undefined;
  } catch (e) {
    if (e instanceof GiveUp) return undefined;
    throw e;
  }
}

/** Characters in the order a sample takes them: mixed case and digits, like a real id. */
const HUMAN = "k3Tn9xQ2mB7vR4wLc8Hp5jZ6dF1sY0gAeUi";

/** `n` characters the class accepts, varied; undefined when the class takes too few of them. */
function vary(cls: RegExp, n: number): string | undefined {
  const pool = [...HUMAN].filter((c) => cls.test(c));
  if (pool.length < 2) return undefined;
  let out = "";
  for (let k = 0; k < n; k++) out += pool[k % pool.length];
  return out;
}

function pickChar(cls: string, preferred?: string): string | undefined {
  let re: RegExp;
  try {
    re = new RegExp(`^${cls}$`, "u");
  } catch {
    return undefined;
  }
  return [...(preferred ? [preferred] : []), ...CLASS_CANDIDATES].find((c) => re.test(c));
}
