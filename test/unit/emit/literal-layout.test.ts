// The direct layout of JSON literals (emit/ts/literal-layout.ts) against the doc printer it stands
// in for: the same text for every value it takes on, and it takes on most.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { array, json, type Expr } from "../../../generator/emit/ts/expr.ts";
import { literalEntry } from "../../../generator/emit/ts/literal-layout.ts";
import { propertyKeyText } from "../../../generator/emit/ts/literal.ts";
import { Printer } from "../../../generator/emit/ts/stmt.ts";

const viaDocs = (key: string, value: Expr) => new Printer().print([{ s: "indented", body: [{ s: "entry", key, value }] }]).text().trimEnd();

const word = fc.stringMatching(/^[a-z_]{1,12}$/);
const key = fc.oneof(word, fc.constantFrom("id", "a", "type", "x-y", "0", "12", "a b", "__proto__", "a_rather_long_property_name_of_forty_two"));
const text = fc.oneof(word, fc.string({ maxLength: 120 }), fc.constantFrom("", "https://example.com/a/rather/long/path/that/goes/on/and/on?with=a&query=string"));
const scalar = fc.oneof(text, fc.integer({ min: -1000, max: 100000 }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null));
const value = fc.letrec((tie) => ({
  v: fc.oneof({ depthSize: "small", withCrossShrink: true }, scalar, tie("arr"), tie("obj")),
  arr: fc.array(tie("v"), { maxLength: 5 }),
  obj: fc.dictionary(key, tie("v"), { maxKeys: 6 }),
})).v;

describe("literal layout", () => {
  it("writes what the doc printer writes, for every value it lays out", () => {
    let laid = 0;
    let runs = 0;
    fc.assert(
      fc.property(key, fc.array(value, { minLength: 1, maxLength: 3 }), (k, bodies) => {
        runs++;
        const entryKey = propertyKeyText(k);
        const v = array(bodies.map((b) => json(b)));
        const fast = literalEntry(entryKey, v, 1);
        if (fast === undefined) return;
        laid++;
        expect(fast).toBe(viaDocs(entryKey, v));
      }),
      { numRuns: 3000, seed: 16 },
    );
    expect(laid / runs).toBeGreaterThan(0.6);
  });

  it("answers undefined where the doc printer must decide (an array of numbers to fill)", () => {
    const numbers = array([json(Array.from({ length: 60 }, (_, i) => i * 1000))]);
    expect(literalEntry('"t"', numbers, 1)).toBeUndefined();
  });
});
