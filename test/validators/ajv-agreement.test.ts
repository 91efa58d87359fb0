// The generated validators and Ajv, compiling the emitted JSON Schemas, must judge every body the
// same way: valid bodies built from the schemas, and the same bodies with one random change.
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mutatedArb, validArb } from "./arbitrary.ts";
import { AJV_DIFFERS, ours as ourFormat } from "./our-formats.ts";

const packages = ["generated/deck", "generated/truto", "generated/chift", "test/cases/constructs/generated/constructs", "test/cases/flat/generated/flat", "test/cases/header-typed/generated/header-typed", "test/cases/nested/generated/nested"];

interface Pkg {
  validators: Record<string, (x: unknown) => { ok: boolean }>;
}

for (const dir of packages) {
  describe(dir, async () => {
    const pkg = (await import(pathToFileURL(resolve(dir, "dist/index.js")).href)) as Pkg;
    const openapi = JSON.parse(readFileSync(join(dir, "openapi.json"), "utf8"));
    // ownProperties: without it Ajv reads inherited names (`constructor`, `toString`) as present
    // fields; JSON Schema, and our validators, only look at the instance's own properties.
    const ajv = new Ajv2020.default({ strict: false, allErrors: false, ownProperties: true });
    addFormats.default(ajv);
    // Where Ajv's format knowingly differs from the RFC (pinned in ajv-formats.test.ts), Ajv gets
    // our check, so this property is about everything else.
    for (const f of Object.keys(AJV_DIFFERS)) ajv.addFormat(f, (s: string) => ourFormat(f, s));
    const events = Object.entries(openapi.webhooks as Record<string, { post: { "x-eventgen-event-type": string } }>).map(([type]) => type);

    it.each(events)("%s: same verdicts on valid and mutated bodies", (type) => {
      const file = join(dir, "schemas", `${type.replace(/[^A-Za-z0-9._@+/-]/g, "_")}.json`);
      const text = readFileSync(file, "utf8");
      const schema = JSON.parse(text);
      // Ajv skips a property named __proto__ in `properties` (a guard in its own code), so it gets
      // that property under a stand-in name, in the schema and in each body; ours checks it as named.
      const proto = text.includes('"__proto__"');
      const standIn = (json: string) => JSON.parse(json.replaceAll('"__proto__"', '"__proto__\\u0000"'));
      const ajvSchema = proto ? standIn(text) : schema;
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
