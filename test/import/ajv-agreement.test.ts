// The validators of an imported catalog judge bodies as Ajv does on the ORIGINAL schemas (the
// OpenAPI document and the files beside it, the folder of JSON Schemas): bodies sampled from the
// imported catalog's own JSON Schemas, and mutations of them. Only fixtures the importer carries
// over exactly (no widening warning) are held to this.
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parse } from "yaml";
import { afterAll, describe, it } from "vitest";
import { token } from "../../generator/import/warnings.ts";
import { agree, eventSchemaFile, generateAll, importInto, makeAjv, scratchDir } from "./support.ts";

const F = "test/import/fixtures";
const scratch = scratchDir("import-ajv");
afterAll(scratch.done);

type Rec = Record<string, unknown>;
const readAny = (f: string) => (/\.json$/.test(f) ? JSON.parse(readFileSync(f, "utf8")) : parse(readFileSync(f, "utf8"))) as Rec;
const url = (f: string) => pathToFileURL(resolve(f)).href;

/** OpenAPI 3.0's dialect in the words of 2020-12, which Ajv speaks: `nullable` as a null type,
 * boolean exclusive bounds as numbers. */
function from30(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(from30);
  if (typeof v !== "object" || v === null) return v;
  const out: Rec = Object.fromEntries(Object.entries(v).map(([k, x]) => [k, from30(x)]));
  for (const [ex, bound] of [["exclusiveMinimum", "minimum"], ["exclusiveMaximum", "maximum"]] as const)
    if (typeof out[ex] === "boolean") {
      if (out[ex]) out[ex] = out[bound];
      else delete out[ex];
      if (out[ex] !== undefined) delete out[bound];
    }
  if (out.nullable === true) {
    delete out.nullable;
    if (out.enum || "const" in out) return out;
    if (typeof out.type === "string") out.type = [out.type, "null"];
    else return { anyOf: [out, { type: "null" }] };
  }
  return out;
}

const openapi = [
  { id: "shop-31", doc: `${F}/openapi/shop-31.yaml`, beside: [`${F}/openapi/customer.json`, `${F}/openapi/shared.yaml`] },
  { id: "shop-30", doc: `${F}/openapi/shop-30.json`, beside: [] },
  { id: "header-typed", doc: `${F}/openapi/header-typed.yaml`, beside: [] },
];
for (const f of openapi) importInto("openapi", f.doc, scratch.dir, f.id);
importInto("jsonschema", `${F}/schemas`, scratch.dir, "schemas");
const load = await generateAll(scratch.dir);

describe.each(openapi)("$id agrees with Ajv on the OpenAPI document", async ({ id, doc, beside }) => {
  const ajv = makeAjv();
  const original = readAny(doc);
  const dialect = String(original.openapi).startsWith("3.0") ? from30 : (x: unknown) => x;
  ajv.addSchema(dialect(original) as Rec, url(doc));
  for (const b of beside) ajv.addSchema(readAny(b), url(b));
  const pkg = await load(id);
  const key = original.webhooks ? "webhooks" : "x-webhooks";
  it.each(Object.keys(original[key] as Rec))("%s", (type) => {
    const pointer = `/${key}/${token(type)}/post/requestBody/content/application~1json/schema`;
    const ajvValidate = ajv.compile({ $ref: `${url(doc)}#${pointer.split("/").map(encodeURIComponent).join("/")}` });
    agree(eventSchemaFile(join(scratch.dir, "out", id), type), (b) => ajvValidate(b) as boolean, (b) => pkg.validators[type]!(b).ok, 150);
  });
});

describe("the folder of JSON Schemas agrees with Ajv on its files", async () => {
  const files = ["invoice/paid.json", "invoice/voided.json", "customer/created.json", "ping.yaml"];
  const ajv = makeAjv();
  // draft-07 and 2020-12 alike: what these files use means the same in both.
  for (const f of files) {
    const { $schema: _, ...schema } = readAny(`${F}/schemas/${f}`);
    ajv.addSchema(schema, url(`${F}/schemas/${f}`));
  }
  const pkg = await load("schemas");
  it.each(files)("%s", (f) => {
    const type = f.replace(/\.[a-z]+$/, "");
    const ajvValidate = ajv.getSchema(url(`${F}/schemas/${f}`))!;
    agree(eventSchemaFile(join(scratch.dir, "out", "schemas"), type), (b) => ajvValidate(b) as boolean, (b) => pkg.validators[type]!(b).ok, 150);
  });
});
