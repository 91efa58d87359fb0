// The Ajv side of the bench's GitHub workload (bench/ajv-standalone.mjs: every event JSON Schema of
// a package in one Ajv standalone module, each named schema referenced by its own file's $id
// instead of each event's $defs) must judge bodies as Ajv does on the self-contained files, and
// accept the package's examples as eventgen's validators do: otherwise the bench would compare
// validators that check different things.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { breakBody } from "../../bench/validators.ts";
import { FORMATS } from "../../generator/check/catalog-shape.ts";
import type { Json } from "../../generator/model/ir.ts";
import { PACKAGES } from "../support/packages.ts";
import { mutatedArb, validArb } from "../validators/arbitrary.ts";

const SCRATCH = "test/.scratch/ajv-standalone";
const require = createRequire(import.meta.url);
const schemaFile = (dir: string, type: string) => join(dir, "schemas", `${type.replace(/[^A-Za-z0-9._@+/-]/g, "_")}.json`);
type AjvFn = (x: unknown) => boolean;

/** Ajv as the script sets it up: the checked formats asserted; any other one is unknown to it,
 * which `strict: false` ignores (the script declares them always valid instead: no warnings). */
function selfContainedAjv(): Ajv2020.default {
  const ajv = new Ajv2020.default({ strict: false, logger: false });
  addFormats.default(ajv, [...FORMATS]);
  return ajv;
}

for (const { id, dir } of PACKAGES) {
  describe(dir, async () => {
    mkdirSync(SCRATCH, { recursive: true });
    const out = resolve(SCRATCH, `${id}.cjs`);
    const r = spawnSync(process.execPath, ["bench/ajv-standalone.mjs", dir, out, FORMATS.join(",")], { encoding: "utf8" });
    if (r.status !== 0) throw new Error(`bench/ajv-standalone.mjs ${dir} exited ${r.status}: ${r.stderr}`);
    const bundle = require(out) as Record<string, AjvFn>;
    const { validators } = (await import(pathToFileURL(resolve(dir, "dist/validators.js")).href)) as { validators: Record<string, (x: unknown) => { ok: boolean }> };
    const { examples } = (await import(pathToFileURL(resolve(dir, "dist/testing.js")).href)) as { examples: Record<string, Json[]> };
    const ajv = selfContainedAjv();

    it.each(Object.keys(examples))("%s: the bundle judges as Ajv on the self-contained file, and takes the examples", (type) => {
      const schema = JSON.parse(readFileSync(schemaFile(dir, type), "utf8")) as Record<string, unknown>;
      const self = ajv.compile(schema);
      const fn = bundle[type.replace(/[^A-Za-z0-9._@+/-]/g, "_")]!;
      expect(fn, `the bundle exports ${type}`).toBeTypeOf("function");
      for (const example of examples[type]!) {
        const body = JSON.parse(JSON.stringify(example)) as Json;
        expect(fn(body), JSON.stringify(body)).toBe(true);
        expect(validators[type]!(body).ok).toBe(true);
        const broken = breakBody(body);
        expect(fn(broken), JSON.stringify(broken)).toBe(validators[type]!(broken).ok);
      }
      const same = (body: unknown) => {
        expect(fn(body), JSON.stringify(body)).toBe(self(body));
      };
      fc.assert(fc.property(validArb(schema), same), { numRuns: 60, seed: 16 });
      fc.assert(fc.property(mutatedArb(schema), same), { numRuns: 60, seed: 16 });
    });
  });
}
