// Catalogs built at random from the format's own vocabulary, well-formed YAML every time: the
// checker either reports them or hands the model a catalog every emitter can write. Text edits
// (test/unit/load/fuzz.test.ts) rarely reach these odd-but-shapely corners (`payload: {}` under
// a flat envelope was one).
import fc from "fast-check";
import { stringify } from "yaml";
import { describe, expect, it } from "vitest";
import { emitSchemaFiles } from "../../../generator/emit/json-schema/schema-files.ts";
import { openapiDocument } from "../../../generator/emit/openapi/openapi-document.ts";
import { emitTypes } from "../../../generator/emit/types/types-module.ts";
import { emitValidators } from "../../../generator/emit/validators/validators-module.ts";
import { loadText } from "../../support/load-text.ts";
import { catalogArb } from "../../support/random-catalog.ts";

describe("random catalogs from the format's vocabulary", () => {
  it("are reported or fully emitted, never a crash", () => {
    let models = 0;
    fc.assert(
      fc.property(catalogArb, (c) => {
        const text = stringify(c, { aliasDuplicateObjects: false });
        const { model, diagnostics } = loadText("random.yaml", text);
        for (const d of diagnostics) {
          expect(d.code).toMatch(/^EG\d{3}$/);
          expect(d.pos.line).toBeGreaterThanOrEqual(1);
          expect(d.message).not.toMatch(/undefined|\[object /);
        }
        if (!model) {
          expect(diagnostics.some((d) => d.severity === "error")).toBe(true);
          return;
        }
        models++;
        expect(emitTypes(model)).toContain("export type Event");
        expect(emitValidators(model).length).toBeGreaterThan(0);
        expect(emitSchemaFiles(model).size).toBeGreaterThan(0);
        expect(openapiDocument(model)).toHaveProperty("webhooks");
      }),
      { numRuns: Number(process.env.EVENTGEN_FUZZ_RUNS ?? 300) },
    );
    expect(models).toBeGreaterThan(0);
  });
});
