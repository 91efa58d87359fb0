// The generated validators and Ajv, compiling the emitted JSON Schemas, must judge every body the
// same way: valid bodies built from the schemas, and the same bodies with one random change.
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { makeAjv, PROTO_STAND_IN } from "../support/ajv.ts";
import { PACKAGES } from "../support/packages.ts";
import { mutatedArb, validArb } from "./arbitrary.ts";

interface Pkg {
  validators: Record<string, (x: unknown) => { ok: boolean }>;
}

for (const { dir } of PACKAGES) {
  describe(dir, async () => {
    const pkg = (await import(pathToFileURL(resolve(dir, "dist/index.js")).href)) as Pkg;
    const openapi = JSON.parse(readFileSync(join(dir, "openapi.json"), "utf8"));
    const ajv = makeAjv();
    const events = Object.entries(openapi.webhooks as Record<string, { post: { "x-eventgen-event-type": string } }>).map(([type]) => type);

    it.each(events)("%s: same verdicts on valid and mutated bodies", (type) => {
      const file = join(dir, "schemas", `${type.replace(/[^A-Za-z0-9._@+/-]/g, "_")}.json`);
      const text = readFileSync(file, "utf8");
      const schema = JSON.parse(text);
      const proto = PROTO_STAND_IN.needed(text);
      const standIn = PROTO_STAND_IN.apply;
      const ajvSchema = (proto ? standIn(text) : schema) as { $id: string };
      const ajvValidate = ajv.getSchema(ajvSchema.$id) ?? ajv.compile(ajvSchema);
      const ours = pkg.validators[type]!;
      let valid = 0;
      const agree = (body: unknown) => {
        const want = ajvValidate(proto ? standIn(JSON.stringify(body)) : body) as boolean;
        if (want) valid++;
        expect(ours(body).ok, JSON.stringify(body)).toBe(want);
      };
      fc.assert(fc.property(validArb(schema), agree), { numRuns: 150 });
      expect(valid, "the valid sampler should mostly make valid bodies").toBeGreaterThan(30);
      fc.assert(fc.property(mutatedArb(schema), agree), { numRuns: 150 });
    });
  });
}
