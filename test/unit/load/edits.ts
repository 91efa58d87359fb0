// Random edits of a catalog's text, the kind a person makes by mistake: a line deleted, duplicated
// or moved, stray text, a value replaced, indentation off, the file cut short.
import fc from "fast-check";

const yamlish = fc.oneof(
  fc.constantFrom("", "~", "null", "[]", "{}", "- x", "&a x", "*a", "*b", "!!binary aGk=", "!!str", "!tag x", "{ a: [", "'", '"', "\t", ":", ": ", "? x", "|", ">-", "1e999", "-0", "0x1F", ".nan", "__proto__", "constructor: 1", "{ __proto__: { x: 1 } }", "<<: *a", "%YAML 1.2", "---", "...", "#", "ø", "\u2028", "\uFEFF", "{{x}}", "string[]|null", "x?", "Order[]", "{ ref: Nope }", "{ enum: [] }", "{ oneOf: [a] }"),
  fc.string({ maxLength: 12, unit: "grapheme" }),
);

export type Edit = (lines: string[]) => string[];
const at = (ls: string[], i: number) => i % Math.max(ls.length, 1);
export const edit: fc.Arbitrary<Edit> = fc.oneof(
  // delete a line
  fc.nat().map((i): Edit => (ls) => ls.filter((_, j) => j !== at(ls, i))),
  // duplicate a line
  fc.nat().map((i): Edit => (ls) => [...ls.slice(0, at(ls, i)), ls[at(ls, i)] ?? "", ...ls.slice(at(ls, i))]),
  // swap two lines
  fc.tuple(fc.nat(), fc.nat()).map(([a, b]): Edit => (ls) => {
    const out = [...ls];
    [out[at(ls, a)], out[at(ls, b)]] = [out[at(ls, b)] ?? "", out[at(ls, a)] ?? ""];
    return out;
  }),
  // insert text somewhere in a line
  fc.tuple(fc.nat(), fc.nat(), yamlish).map(([i, k, text]): Edit => (ls) => {
    const out = [...ls];
    const line = out[at(ls, i)] ?? "";
    const c = k % (line.length + 1);
    out[at(ls, i)] = line.slice(0, c) + text + line.slice(c);
    return out;
  }),
  // replace a value with another
  fc.tuple(fc.nat(), yamlish).map(([i, text]): Edit => (ls) => ls.map((l, j) => (j === at(ls, i) ? l.replace(/:\s.*$/, `: ${text}`) : l))),
  // indent or dedent a line
  fc.tuple(fc.nat(), fc.integer({ min: -4, max: 4 })).map(([i, d]): Edit => (ls) => ls.map((l, j) => (j === at(ls, i) ? (d > 0 ? " ".repeat(d) + l : l.slice(-d)) : l))),
  // truncate the file
  fc.nat().map((i): Edit => (ls) => ls.slice(0, 1 + at(ls, i))),
  // cut a line short
  fc.tuple(fc.nat(), fc.nat()).map(([i, k]): Edit => (ls) => ls.map((l, j) => (j === at(ls, i) ? l.slice(0, k % (l.length + 1)) : l))),
);

export const applyEdits = (text: string, edits: Edit[]) => edits.reduce((ls, e) => e(ls), text.split("\n")).join("\n");
