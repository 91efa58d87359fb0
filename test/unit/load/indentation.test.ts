// The text-level reading of YAML mistakes: each finds the mistake where it was made, and none
// sees one in valid YAML of the shapes catalogs use (block scalars, flow over several lines,
// lists of mappings, comments, keys holding colons, quoted keys).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { catalogArb } from "../../support/random-catalog.ts";
import { firstTab, indentationMistake, unclosedQuote } from "../../../generator/load/indentation.ts";

const valid = [
  "a:\n  b: 1\n  c:\n    d: 2\ne: 3\n",
  "description: |\n  text\n      deeper text is content\n  more\nnext: 1\n",
  "notes: >-\n    folded\n      x: deeper is content too\n\n    still\nnext: 1\n",
  "payload: { properties: {\n    id: uuid,\n      name: string } }\nnext: 1\n",
  "examples:\n  - { a: 1 }\n  - a: 1\n    b: 2\n  -\n    c: 3\nnext: 1\n",
  "list:\n- a\n- b: 1\n  c: 2\n",
  "a: 1 # comment\n  # an indented comment\nb: 2\n",
  "integrated_account:created:\n  group: x\n'quoted key': 1\n\"q: k\":\n  v: 1\n",
  "a:\n\n\n  b: 1\n",
  "a:\n  trigger: Fired when the\n    run ends, or later\n  next: 1\n",
  "x: &anchor\n  y: 1\nz: *anchor\n",
  "s: 'it''s # not a comment'\nt: \"a \\\" quote\"\n",
];

describe("no mistake in valid YAML", () => {
  it.each(valid)("%j", (text) => {
    expect(() => parse(text)).not.toThrow();
    expect(indentationMistake(text)).toBeUndefined();
    expect(unclosedQuote(text)).toBeUndefined();
    expect(firstTab(text)).toBeUndefined();
  });

  it("nor in random catalogs as the yaml package writes them, block and flow", () => {
    fc.assert(
      fc.property(catalogArb, fc.constantFrom(false, true), (c, flowish) => {
        const text = stringify(c, { aliasDuplicateObjects: false, ...(flowish ? { collectionStyle: "any" as const, flowCollectionPadding: true, lineWidth: 40 } : {}) });
        expect(indentationMistake(text)).toBeUndefined();
        expect(unclosedQuote(text)).toBeUndefined();
      }),
      { numRuns: 200 },
    );
  });
});

describe("the mistake, located", () => {
  it.each([
    { text: "a:\n  b: 1\n    c: 2\n", want: { line: 3, col: 5, message: "this line is indented deeper than the key above it ('b', line 2), which already has its value" } },
    { text: "a:\n  b: 1\n\n c: 2\n", want: { line: 4, col: 2, message: "this line is indented 1 spaces, which lines up with no key above it" } },
    { text: "a:\n    b: 1\n  c: 2\n", want: { line: 3, col: 3, message: "this line is indented 2 spaces, which lines up with no key above it" } },
  ])("$text", ({ text, want }) => expect(indentationMistake(text)).toMatchObject(want));

  it("a tab: the first one, once", () => {
    expect(firstTab("a:\n  b: 1\n\tc: 2\n\td: 3\n")).toMatchObject({ line: 3, col: 1, message: "tabs cannot indent YAML; use spaces" });
    expect(firstTab("a:\n  \tb: 1\n")).toMatchObject({ line: 2, col: 3 });
    expect(firstTab("a: x\tand a tab inside\n")).toBeUndefined();
  });

  it("an unclosed quote: at the opening quote", () => {
    expect(unclosedQuote('a: 1\nb: "open\nc: 2\n')).toMatchObject({ line: 2, col: 4, message: "the quote opened here is never closed" });
    expect(unclosedQuote("a: 'it''s\n")).toMatchObject({ line: 1, col: 4 });
    expect(unclosedQuote("a: don't\n")).toBeUndefined(); // an apostrophe inside a plain value opens nothing
  });
});
