// allOf and $ref structure over named schemas is written as the catalog's composition (`allOf`,
// `from`/`require`) where that is exact, and merged where it is not. Imported both ways (composed,
// and --flatten), the catalogs lint clean, generate the same JSON Schemas, and their validators
// judge sampled and mutated bodies alike, and as Ajv does on the source document.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parse } from "yaml";
import { afterAll, describe, expect, it } from "vitest";
import { token } from "../../generator/import/warnings.ts";
import { runCli } from "../support/run-cli.ts";
import { agree, eventSchemaFile, generateAll, importInto, makeAjv, scratchDir } from "./support.ts";
import { expand } from "./expand-schema.ts";

type Rec = Record<string, unknown>;
const scratch = scratchDir("import-compose");
afterAll(scratch.done);

const DOC = "test/import/fixtures/openapi/compose.yaml";
const composed = importInto("openapi", DOC, scratch.dir, "compose");
const flattened = importInto("openapi", DOC, scratch.dir, "compose-flat", { compose: false });
const schemasOf = (text: string) => (parse(text) as Rec).schemas as Rec;

describe("what the importer writes", () => {
  const s = schemasOf(composed.text);

  it("an allOf of named schemas and inline objects is an allOf of the names and the inline parts", () => {
    expect(s.VipCustomer).toEqual({
      description: "A customer with a tier",
      allOf: ["Customer", { properties: { "id?": { pattern: "^cus_", description: "The same id, described again" }, tier: { enum: ["gold", "platinum"] } } }],
    });
    // Nested in a body too, beside the envelope's fields.
    const data = ((parse(composed.text) as Rec).events as Rec)["vip.upgraded"] as Rec;
    expect((data.payload as Rec).properties).toMatchObject({ data: { allOf: ["VipCustomer", { properties: { since: "date-time" } }] } });
  });

  it("a discriminated union of composed variants keeps its discriminator", () => {
    expect(s.Shape).toEqual({ oneOf: ["Circle", "Square"], discriminator: "kind" });
    expect(s.Circle).toEqual({ allOf: ["ShapeBase", { properties: { kind: { const: "circle" }, radius: { minimum: 0 } } }] });
  });

  it("keywords beside a $ref, and fields beside an allOf, are one more member", () => {
    expect(s.Tagged).toEqual({ allOf: ["Customer", { properties: { "tags?": { maxItems: 3, items: "string" } } }] });
    expect(s.Noted).toEqual({ description: "A customer, with a note beside the allOf", allOf: ["Customer", { properties: { "note?": { maxLength: 20 } } }] });
  });

  it("a named schema with only some of its fields required again is derived from it; one alone is a reference", () => {
    expect(s.Member).toEqual({ from: "Customer", require: ["email", "name"] });
    expect(s.Plain).toBe("Customer Only a customer");
  });

  it("members that say a field differently, a closed member, or none saying object: merged as before, with its warnings", () => {
    for (const name of ["Renamed", "ClosedCustomer", "Thing"]) expect([name, s[name]]).toEqual([name, schemasOf(flattened.text)[name]]);
    expect((s.Renamed as Rec).properties).toMatchObject({ "name?": { minLength: 1, maxLength: 8 } });
    expect(composed.printed).toEqual(flattened.printed);
    expect(composed.printed.map((w) => w.replace(/^[^#]*#/, "").replace(/: warning (IMP\d+).*/, " $1"))).toEqual([
      "/components/schemas/Closed/additionalProperties IMP104",
      "/components/schemas/Thing IMP106",
      "/components/schemas/Base IMP106",
    ]);
  });

  it("--flatten writes no composition", () => {
    expect(flattened.text).not.toMatch(/^\s*(?:- )?(?:allOf|from|require):/m);
    expect(composed.text.match(/^\s*allOf:/gm)).toHaveLength(6);
  });
});

describe("a folder of JSON Schemas", () => {
  it("composes over $defs and over files it refers to", () => {
    const dir = join(scratch.dir, "schemas");
    mkdirSync(join(dir, "customer"), { recursive: true });
    writeFileSync(join(scratch.dir, "person.json"), JSON.stringify({ title: "Person", type: "object", required: ["name"], properties: { name: { type: "string" } } }));
    writeFileSync(
      join(dir, "customer", "created.json"),
      JSON.stringify({
        $schema: "https://json-schema.org/draft/2020-12/schema",
        type: "object",
        required: ["type", "customer"],
        properties: { type: { const: "customer/created" }, customer: { $ref: "#/$defs/Customer" } },
        $defs: { Customer: { allOf: [{ $ref: "../../person.json" }, { type: "object", properties: { vip: { type: "boolean" } } }] } },
      }),
    );
    const r = importInto("jsonschema", dir, scratch.dir, "folder");
    expect(r.printed).toEqual([]);
    expect(schemasOf(r.text).Customer).toEqual({ allOf: ["Person", { properties: { "vip?": "boolean" } }] });
  });
});

describe("both ways, the same verdicts", async () => {
  const load = await generateAll(scratch.dir);
  const [pkg, flat] = await Promise.all([load("compose"), load("compose-flat")]);
  const out = (id: string) => join(scratch.dir, "out", id);
  const ajv = makeAjv();
  const url = pathToFileURL(resolve(DOC)).href;
  ajv.addSchema(parse(readFileSync(DOC, "utf8")) as Rec, url);
  const types = Object.keys((parse(readFileSync(DOC, "utf8")) as Rec).webhooks as Rec);
  // Where the import approximates (IMP104, IMP106), Ajv on the source judges otherwise: there the
  // two imports are compared with each other only.
  const approximated = new Set(["customer.closed", "thing.made"]);

  it.each(types)("%s", (type) => {
    expect(expand(eventSchemaFile(out("compose"), type))).toEqual(expand(eventSchemaFile(out("compose-flat"), type)));
    const sample = eventSchemaFile(out("compose"), type);
    agree(sample, (b) => pkg.validators[type]!(b).ok, (b) => flat.validators[type]!(b).ok, 100);
    if (approximated.has(type)) return;
    const pointer = `/webhooks/${token(type)}/post/requestBody/content/application~1json/schema`;
    const ajvValidate = ajv.compile({ $ref: `${url}#${pointer.split("/").map(encodeURIComponent).join("/")}` });
    agree(sample, (b) => pkg.validators[type]!(b).ok, (b) => ajvValidate(b) as boolean, 100);
  });

  it("eventgen's own OpenAPI, imported back, keeps the named schemas, expanded: its emitters write compositions as objects", () => {
    const back = importInto("openapi", join(out("compose"), "openapi.json"), scratch.dir, "compose-back");
    expect(back.printed).toEqual([]);
    const names = (r: typeof composed) => r.model.schemas.map((x) => x.name).sort();
    expect(names(back)).toEqual(names(composed));
    expect(back.text).not.toMatch(/^\s*(?:- )?(?:allOf|from|require):/m);
    expect(schemasOf(back.text).VipCustomer).toMatchObject({ properties: { id: { pattern: "^cus_" }, tier: { enum: ["gold", "platinum"] } } });
  });

  it("the composed catalog lints clean", async () => {
    const r = await runCli("lint", join(scratch.dir, "catalog"));
    expect([r.code, r.err]).toEqual([0, ""]);
  });
});
