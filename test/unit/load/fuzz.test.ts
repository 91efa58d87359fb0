// Random edits of real catalogs never crash the loader: the answer is located diagnostics or a
// model, whatever the text.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { emitSchemaFiles } from "../../../generator/emit/json-schema/schema-files.ts";
import { emitTypes } from "../../../generator/emit/types/types-module.ts";
import { emitValidators } from "../../../generator/emit/validators/validators-module.ts";
import { loadText } from "../../support/load-text.ts";
import { applyEdits, edit } from "./edits.ts";

const bundled = ["catalog/deck.yaml", "catalog/truto.yaml", "catalog/chift.yaml"];
const fixtures = readdirSync("test/cases").flatMap((c) => {
  try {
    return readdirSync(join("test/cases", c, "catalog")).map((f) => join("test/cases", c, "catalog", f));
  } catch {
    return [];
  }
});
const sources = [...bundled, ...fixtures].map((f) => ({ f, text: readFileSync(f, "utf8") }));

describe("loader + checker + model on randomly edited catalogs", () => {
  it("returns located diagnostics or a model, never throws", () => {
    const t0 = performance.now();
    let models = 0;
    fc.assert(
      fc.property(fc.constantFrom(...sources), fc.array(edit, { minLength: 1, maxLength: 4 }), (src, edits) => {
        const text = applyEdits(src.text, edits);
        const lineCount = text.split(/\r\n|\r|\n/).length;
        const { model, diagnostics } = loadText(src.f, text);
        for (const d of diagnostics) {
          expect(d.code).toMatch(/^EG\d{3}$/);
          expect(d.pos.file).toBe(src.f);
          expect(d.pos.line).toBeGreaterThanOrEqual(1);
          expect(d.pos.line).toBeLessThanOrEqual(lineCount + 1);
          expect(d.pos.col).toBeGreaterThanOrEqual(1);
          expect(d.message.length).toBeGreaterThan(0);
          expect(d.message).not.toMatch(/undefined|\[object /);
        }
        if (model) {
          models++;
          expect(diagnostics.some((d) => d.severity === "error")).toBe(false);
          // A model the checker let through is one the emitters can write.
          expect(emitTypes(model).length).toBeGreaterThan(0);
          expect(emitValidators(model).length).toBeGreaterThan(0);
          expect(emitSchemaFiles(model).size).toBeGreaterThan(0);
        } else expect(diagnostics.some((d) => d.severity === "error")).toBe(true);
      }),
      { numRuns: Number(process.env.EVENTGEN_FUZZ_RUNS ?? 300) },
    );
    // Some edits are harmless (a comment, a swapped pair of keys): the emitters saw real models.
    expect(models).toBeGreaterThan(10);
    if (!process.env.EVENTGEN_FUZZ_RUNS) expect(performance.now() - t0).toBeLessThan(50_000);
  });

  it("gives the same answer for the same text", () => {
    fc.assert(
      fc.property(fc.constantFrom(...sources), fc.array(edit, { minLength: 1, maxLength: 3 }), (src, edits) => {
        const text = applyEdits(src.text, edits);
        expect(loadText(src.f, text).diagnostics).toEqual(loadText(src.f, text).diagnostics);
      }),
      { numRuns: 50 },
    );
  });

  it("the bundled catalogs load with no diagnostics and hold the 63 documented events", () => {
    const counts = sources.slice(0, 3).map((s) => {
      const { model, diagnostics } = loadText(s.f, s.text);
      expect(diagnostics).toEqual([]);
      return model!.events.length;
    });
    expect(counts).toEqual([33, 17, 13]);
  });

  it.each(fixtures)("the fixture %s loads with no diagnostics", (f) => {
    const { model, diagnostics } = loadText(f, readFileSync(f, "utf8"));
    expect(diagnostics).toEqual([]);
    expect(model!.events.length).toBeGreaterThan(0);
  });
});
