// JSON in prettier's layout, printed from the value: objects always open (prettier keeps an object
// open when it was written open, and we write them so), arrays on one line when they fit in 100
// columns, numbers packed when they do not, numbers spelled as prettier spells them. Used for
// every .json file eventgen writes (package.json aside: prettier formats it as JSON.stringify
// does) and for JSON code blocks in the docs. test/unit/emit/json-layout.test.ts holds it to
// prettier's output.
import { createRequire } from "node:module";
import { isPlainAscii, numberLiteral } from "./ts/literal.ts";

const WIDTH = 100;

export type Width = (s: string) => number;
export interface JsonLayout {
  /** Display width as prettier counts it (wide characters count two). */
  width: Width;
  /** A string literal as it should appear. */
  quote: (s: string) => string;
}

let stringWidth: Width | undefined;
/** prettier's own width function, loaded (synchronously, a few milliseconds) only for non-ASCII. */
export const prettierWidth: Width = (s) => {
  if (isPlainAscii(s)) return s.length;
  stringWidth ??= (createRequire(import.meta.url)("prettier") as { util: { getStringWidth: Width } }).util.getStringWidth;
  return stringWidth(s);
};

const FILES: JsonLayout = { width: prettierWidth, quote: (s) => JSON.stringify(s) };

const SCALAR = String.raw`(?:"(?:[^"\\\n]|\\.)*"|-?[0-9][0-9.eE+-]*|true|false|null|\{\})`;
/** An array of scalars as JSON.stringify opens it; a raw newline is never inside a string there. */
const SCALAR_ARRAY = new RegExp(String.raw`\[\n( +)(${SCALAR}(?:,\n\1${SCALAR})*)\n *\]`, "g");
const TOKEN = /"(?:[^"\\\n]|\\.)*"|(?<=[0-9])e\+/g;

/**
 * A .json file's text. The common case is JSON.stringify's output with its arrays of scalars
 * closed where they fit, which costs little over JSON.stringify on a 30 MB document; a value with
 * arrays inside arrays is printed by printJson, whose rules cover them.
 */
export function jsonFileText(value: unknown): string {
  const text = JSON.stringify(value, null, 2);
  if (/[[,]\n *\[/.test(text)) return printJson(value, 0, 0, 0, FILES) + "\n";
  const laid = text.replace(SCALAR_ARRAY, (whole: string, indent: string, body: string, offset: number) => {
    const items = body.split(`,\n${indent}`).map(numberText);
    const flat = `[${items.join(", ")}]`;
    const col = prettierWidth(text.slice(text.lastIndexOf("\n", offset) + 1, offset));
    const after = text.charCodeAt(offset + whole.length) === 44 ? 1 : 0;
    if (col + prettierWidth(flat) + after <= WIDTH) return flat;
    if (items.length > 1 && items.every((t) => /^-?[0-9]/.test(t))) return fillNumbers(items.map(Number), indent.length / 2 - 1, FILES);
    return `[\n${indent}${items.join(`,\n${indent}`)}\n${indent.slice(2)}]`;
  });
  // prettier writes 1e21 where JSON.stringify writes 1e+21 (rare: only scan when it is there).
  return (laid.includes("e+") ? laid.replace(TOKEN, (t) => (t === "e+" ? "e" : t)) : laid) + "\n";
}

const numberText = (t: string) => (t.charCodeAt(0) === 34 ? t : t.replace("e+", "e"));

const forcesBreak = (v: unknown): boolean =>
  v !== null && typeof v === "object" && (Array.isArray(v) ? v.some(forcesBreak) : Object.keys(v).length > 0);

function flatJson(v: unknown, o: JsonLayout): string {
  if (Array.isArray(v)) return `[${v.map((x) => flatJson(x, o)).join(", ")}]`;
  if (v !== null && typeof v === "object") return "{}";
  if (typeof v === "number") return (v < 0 ? "-" : "") + numberLiteral(v);
  if (typeof v === "string") return o.quote(v);
  return String(v);
}

/** `col`: where the value starts; `after`: characters that must fit after it on its line. */
export function printJson(v: unknown, level: number, col: number, after: number, o: JsonLayout): string {
  if (Array.isArray(v)) {
    if (!v.length) return "[]";
    const many = (x: unknown) => x !== null && typeof x === "object" && (Array.isArray(x) ? x.length > 1 : Object.keys(x).length > 1);
    const sameKind = v.every((x, i) => i === 0 || Array.isArray(x) === Array.isArray(v[i - 1]));
    const shouldBreak = v.length > 1 && sameKind && v.every(many);
    if (!shouldBreak && !v.some(forcesBreak)) {
      const f = flatJson(v, o);
      if (col + o.width(f) + after <= WIDTH) return f;
      if (v.length > 1 && v.every((x) => typeof x === "number")) return fillNumbers(v as number[], level, o);
    }
    const inner = "  ".repeat(level + 1);
    const items = v.map((x, i) => inner + printJson(x, level + 1, inner.length, i < v.length - 1 ? 1 : 0, o));
    return `[\n${items.join(",\n")}\n${"  ".repeat(level)}]`;
  }
  if (v !== null && typeof v === "object") {
    const keys = Object.keys(v);
    if (!keys.length) return "{}";
    const inner = "  ".repeat(level + 1);
    let out = "{\n";
    for (let i = 0; i < keys.length; i++) {
      const key = `${o.quote(keys[i]!)}: `;
      const x = (v as Record<string, unknown>)[keys[i]!];
      out += inner + key + printJson(x, level + 1, inner.length + o.width(key), i < keys.length - 1 ? 1 : 0, o) + (i < keys.length - 1 ? ",\n" : "\n");
    }
    return out + "  ".repeat(level) + "}";
  }
  return flatJson(v, o);
}

/** prettier's fill for an array of numbers that does not fit on its line. */
function fillNumbers(v: number[], level: number, o: JsonLayout): string {
  const inner = "  ".repeat(level + 1);
  const texts = v.map((n, i) => flatJson(n, o) + (i < v.length - 1 ? "," : ""));
  const lines: string[] = [];
  let cur = inner + texts[0];
  for (let i = 1; i < texts.length; i++) {
    if (o.width(cur) + 1 + o.width(texts[i]!) <= WIDTH) cur += " " + texts[i];
    else {
      lines.push(cur);
      cur = inner + texts[i];
    }
  }
  lines.push(cur);
  return `[\n${lines.join("\n")}\n${"  ".repeat(level)}]`;
}
