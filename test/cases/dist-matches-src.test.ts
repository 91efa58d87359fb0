// Each package ships its TypeScript (src/) and the JavaScript built from it (dist/). The case tests
// import src/, the Ajv agreement imports dist/: here both give the same results, errors included.
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mutatedArb, validArb } from "../validators/arbitrary.ts";
import { caseNames } from "./regenerate.ts";

type Api = { validators: Record<string, (x: unknown) => unknown>; eventTypes: readonly string[] };
const dirs = [...caseNames().map((n) => `test/cases/${n}/generated/${n}`), "generated/deck", "generated/truto", "generated/chift"];

describe("dist/ and src/ agree", () => {
  it.each(dirs)("%s", async (dir) => {
    const load = async (f: string) => (await import(pathToFileURL(resolve(dir, f)).href)) as Api;
    const [src, dist] = await Promise.all([load("src/index.ts"), load("dist/index.js")]);
    expect(dist.eventTypes).toEqual(src.eventTypes);
    expect(Object.keys(dist.validators)).toEqual(Object.keys(src.validators));
    for (const type of src.eventTypes) {
      const schema = JSON.parse(readFileSync(join(dir, "schemas", `${type.replace(/[^A-Za-z0-9._@+/-]/g, "_")}.json`), "utf8"));
      for (const body of [...fc.sample(validArb(schema), 10), ...fc.sample(mutatedArb(schema), 20)])
        expect(dist.validators[type]!(body)).toEqual(src.validators[type]!(body));
    }
  });
});
