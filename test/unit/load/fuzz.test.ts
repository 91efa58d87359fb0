// Random edits of real catalogs never crash the loader: the answer is located diagnostics or a
// model, whatever the text.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadText } from "../../support/load-text.ts";

const sources = ["catalog/deck.yaml", "catalog/truto.yaml", "catalog/chift.yaml"].map((f) => ({ f, text: readFileSync(f, "utf8") }));

const yamlish = fc.constantFrom("", "~", "null", "[]", "{}", "- x", "&a x", "*a", "*b", "!!binary aGk=", "{ a: [", "'", '"', "\t", ":", "? x", "|", ">-", "1e999", "-0", "0x1F", "__proto__", "constructor: 1", "{ __proto__: { x: 1 } }", "<<: *a", "%YAML 1.2", "---", "...", "#", "ø", "\u2028", "{{x}}");

type Edit = (lines: string[]) => string[];
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.nat().map((i): Edit => (ls) => ls.filter((_, j) => j !== i % ls.length)),
  fc.nat().map((i): Edit => (ls) => [...ls.slice(0, i % ls.length), ls[i % ls.length]!, ...ls.slice(i % ls.length)]),
  fc.tuple(fc.nat(), fc.nat()).map(([a, b]): Edit => (ls) => {
    const out = [...ls];
    [out[a % ls.length], out[b % ls.length]] = [out[b % ls.length]!, out[a % ls.length]!];
    return out;
  }),
  fc.tuple(fc.nat(), fc.nat(), yamlish).map(([i, at, text]): Edit => (ls) => {
    const out = [...ls];
    const line = out[i % ls.length]!;
    const k = at % (line.length + 1);
    out[i % ls.length] = line.slice(0, k) + text + line.slice(k);
    return out;
  }),
  fc.tuple(fc.nat(), yamlish).map(([i, text]): Edit => (ls) => ls.map((l, j) => (j === i % ls.length ? l.replace(/:\s.*$/, `: ${text}`) : l))),
  fc.tuple(fc.nat(), fc.integer({ min: -4, max: 4 })).map(([i, d]): Edit => (ls) => ls.map((l, j) => (j === i % ls.length ? (d > 0 ? " ".repeat(d) + l : l.slice(-d)) : l))),
  fc.nat().map((i): Edit => (ls) => ls.slice(0, 1 + (i % ls.length))),
);

describe("loader + checker + model on randomly edited catalogs", () => {
  it("returns diagnostics or a model, never throws", () => {
    fc.assert(
      fc.property(fc.constantFrom(...sources), fc.array(edit, { minLength: 1, maxLength: 4 }), (src, edits) => {
        const text = edits.reduce((ls, e) => e(ls), src.text.split("\n")).join("\n");
        const { model, diagnostics } = loadText(src.f, text);
        for (const d of diagnostics) {
          expect(d.code).toMatch(/^EG\d{3}$/);
          expect(d.pos.file).toBe(src.f);
          expect(d.pos.line).toBeGreaterThanOrEqual(1);
          expect(d.pos.col).toBeGreaterThanOrEqual(1);
          expect(d.message.length).toBeGreaterThan(0);
        }
        if (!model) expect(diagnostics.some((d) => d.severity === "error")).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it("the bundled catalogs load with no diagnostics and hold the 63 documented events", () => {
    const counts = sources.map((s) => {
      const { model, diagnostics } = loadText(s.f, s.text);
      expect(diagnostics).toEqual([]);
      return model!.events.length;
    });
    expect(counts).toEqual([33, 17, 13]);
  });
});
