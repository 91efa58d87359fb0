// Helpers for the import tests: import into a scratch folder, generate the catalog there, load its
// validators, and compare two judges over sampled and mutated bodies.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import fc from "fast-check";
import { expect } from "vitest";
import type { ImportOptions } from "../../generator/import/draft.ts";
import { importCatalog, type ImportKind } from "../../generator/import/import-catalog.ts";
import { formatWarning } from "../../generator/import/warnings.ts";
import { runCli } from "../support/run-cli.ts";
import { mutatedArb, validArb } from "../validators/arbitrary.ts";
import { AJV_DIFFERS, ours as ourFormat } from "../validators/our-formats.ts";
import { annotationFormats } from "../support/ajv.ts";

export type Judge = (body: unknown) => boolean;
export interface Pkg {
  validators: Record<string, (x: unknown) => { ok: boolean }>;
  validateEvent: (x: unknown, type?: string) => { ok: boolean };
}

export function scratchDir(prefix: string): { dir: string; done: () => void } {
  mkdirSync("test/.scratch", { recursive: true });
  const dir = resolve(mkdtempSync(`test/.scratch/${prefix}-`));
  return { dir, done: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Imports `input` as catalog `<id>` under `dir/catalog/`; the YAML and the warnings as printed. */
export function importInto(kind: ImportKind, input: string, dir: string, id: string, how: ImportOptions = { compose: true }) {
  const path = join(dir, "catalog", `${id}.yaml`);
  const r = importCatalog(kind, input, { path, id, schemaPath: "../schema/catalog.schema.json" }, how);
  mkdirSync(join(dir, "catalog"), { recursive: true });
  writeFileSync(path, r.text);
  return { ...r, path, printed: r.warnings.map(formatWarning) };
}

/** Generates every catalog under `dir/catalog` into `dir/out` and loads each package's validators. */
export async function generateAll(dir: string): Promise<(id: string) => Promise<Pkg>> {
  const r = await runCli("generate", "--quiet", "--catalog", join(dir, "catalog"), "--out", join(dir, "out"));
  expect(r.err).toBe("");
  expect(r.code).toBe(0);
  return (id) => import(pathToFileURL(join(dir, "out", id, "dist/index.js")).href) as Promise<Pkg>;
}

export function makeAjv() {
  const ajv = new Ajv2020.default({ strict: false, allErrors: false, ownProperties: true, validateSchema: false, multipleOfPrecision: 6, logger: false });
  addFormats.default(ajv);
  for (const f of Object.keys(AJV_DIFFERS)) ajv.addFormat(f, (s: string) => ourFormat(f, s));
  annotationFormats(ajv);
  return ajv;
}

/** A generated package's self-contained JSON Schema for one event, to sample bodies from. */
export const eventSchemaFile = (pkgDir: string, type: string) =>
  JSON.parse(readFileSync(join(pkgDir, "schemas", `${type.replace(/[^A-Za-z0-9._@+/-]/g, "_")}.json`), "utf8")) as Record<string, unknown>;

/** Both judges give every sampled body, and every mutation of one, the same verdict. */
export function agree(sampleFrom: Record<string, unknown>, a: Judge, b: Judge, runs = 100, extra: unknown[] = []) {
  let valid = 0;
  const check = (body: unknown) => {
    const verdict = b(body);
    if (verdict) valid++;
    expect(a(body), JSON.stringify(body)).toBe(verdict);
  };
  extra.forEach(check);
  fc.assert(fc.property(validArb(sampleFrom), check), { numRuns: runs });
  expect(valid, "the sampler should mostly make valid bodies").toBeGreaterThan(runs / 5);
  fc.assert(fc.property(mutatedArb(sampleFrom), check), { numRuns: runs });
}
