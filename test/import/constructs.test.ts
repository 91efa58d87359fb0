// Importing the catalog's newer constructs: each is read back from what eventgen writes and from
// the form other tools write, and the generated validators judge bodies as the source says.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { showPath } from "../../generator/import/read-source.ts";
import { runCli } from "../support/run-cli.ts";
import { generateAll, importInto, scratchDir } from "./support.ts";

const scratch = scratchDir("constructs");
afterAll(() => scratch.done());

const openapi = (schemas: Record<string, unknown>) =>
  JSON.stringify({
    openapi: "3.1.0",
    info: { title: "Shop", version: "1.0.0" },
    webhooks: {
      "order.created": {
        post: {
          requestBody: {
            content: {
              "application/json": {
                schema: { type: "object", required: ["type", "data"], properties: { type: { const: "order.created" }, data: { $ref: "#/components/schemas/Order" } } },
              },
            },
          },
          responses: { "200": { description: "ok" } },
        },
      },
    },
    components: { schemas },
  });

describe("extensible enums", () => {
  const input = join(scratch.dir, "extensible.json");
  writeFileSync(
    input,
    openapi({
      Order: {
        type: "object",
        required: ["status"],
        properties: {
          // Zalando's form: a string, with the values known today.
          status: { type: "string", "x-extensible-enum": ["open", "paid"] },
          // eventgen's own form: the known values or the base type, and the extension.
          level: { anyOf: [{ enum: [1, 2, null] }, { type: ["integer", "null"] }], "x-extensible-enum": [1, 2] },
          // Not an extensible enum: the extension beside constraints the catalog would lose.
          code: { type: "string", pattern: "^c", "x-extensible-enum": ["c1"] },
        },
      },
    }),
  );

  it("reads x-extensible-enum as an extensible enum, nullable where the type says so", async () => {
    const r = importInto("openapi", input, scratch.dir, "extensible");
    expect(r.printed).toEqual([]);
    expect(r.text).toContain("status: { enum: [ open, paid ], extensible: true }");
    expect(r.text).toContain("level?: { enum: [ 1, 2 ], extensible: true, nullable: true }");
    expect(r.text).toContain("code?: { pattern: ^c }");
    const pkg = (await generateAll(scratch.dir))("extensible");
    const v = (await pkg).validators["order.created"]!;
    const body = (data: object) => ({ type: "order.created", data: { status: "open", ...data } });
    for (const data of [{}, { status: "refunded" }, { level: 9 }, { level: null }]) expect([data, v(body(data)).ok]).toEqual([data, true]);
    for (const data of [{ status: 1 }, { level: 1.5 }, { level: "1" }]) expect([data, v(body(data)).ok]).toEqual([data, false]);
  });
});

describe("formats as annotations", () => {
  const input = join(scratch.dir, "formats.json");
  writeFileSync(
    input,
    openapi({
      Order: {
        type: "object",
        required: ["id"],
        properties: {
          id: { type: "integer", format: "int64" },
          link: { type: "string", format: "uri-template" },
          amount: { type: "number", format: "double" },
          at: { type: "string", format: "date-time" },
          odd: { type: "string", format: "not a name" },
          wrong: { type: "integer", format: "uuid" },
        },
      },
    }),
  );

  it("keeps every format; only what no catalog can name is dropped (IMP102)", async () => {
    const r = importInto("openapi", input, scratch.dir, "formats");
    expect(r.text).toContain("id: { type: integer, format: int64 }");
    expect(r.text).toContain("link?: { format: uri-template }");
    expect(r.text).toContain("amount?: { type: number, format: double }");
    expect(r.text).toContain("at?: date-time");
    expect(r.text).toContain("odd?: string");
    expect(r.text).toContain("wrong?: integer");
    expect(r.warnings.map((w) => [w.code, w.pointer])).toEqual([
      ["IMP102", "/components/schemas/Order/properties/odd/format"],
      ["IMP102", "/components/schemas/Order/properties/wrong/format"],
    ]);
    const pkg = await (await generateAll(scratch.dir))("formats");
    const v = pkg.validators["order.created"]!;
    const body = (data: object) => ({ type: "order.created", data: { id: 1, ...data } });
    // Annotations are not checked; date-time is.
    expect(v(body({ link: "{not a template", id: 2 ** 60 })).ok).toBe(true);
    expect(v(body({ at: "yesterday" })).ok).toBe(false);
  });
});

describe("round trip of the constructs case", () => {
  it("extensible enums and annotation formats come back as they were", async () => {
    const r = importInto("openapi", "test/cases/constructs/generated/constructs/openapi.json", scratch.dir, "constructs");
    await generateAll(scratch.dir);
    const body = (file: string, type: string) => {
      const doc = JSON.parse(readFileSync(file, "utf8"));
      const ref: string = doc.webhooks[type].post.requestBody.content["application/json"].schema.$ref;
      const event = doc.components.schemas[ref.split("/").pop()!];
      const data = event.properties.data;
      return (data.$ref ? doc.components.schemas[data.$ref.split("/").pop()] : data).properties;
    };
    let compared = 0;
    for (const type of ["strings.formats", "strings.bounds"]) {
      const before = body("test/cases/constructs/generated/constructs/openapi.json", type);
      const after = body(join(scratch.dir, "out", "constructs", "openapi.json"), type);
      for (const field of ["template", "big", "ratio", "vendor", "open_status", "open_code", "open_ratio"].filter((f) => f in before))
        expect([type, field, after[field]]).toEqual([type, field, before[field]]), compared++;
    }
    expect(compared).toBe(7);
    // Derived and composed schemas come back as the objects they made.
    const components = (file: string) => JSON.parse(readFileSync(file, "utf8")).components.schemas;
    const [before, after] = [components("test/cases/constructs/generated/constructs/openapi.json"), components(join(scratch.dir, "out", "constructs", "openapi.json"))];
    for (const name of ["CustomerDraft", "CustomerChanges", "CustomerRef", "VipCustomer"]) expect([name, after[name]]).toEqual([name, before[name]]);
    expect(r.printed.filter((w) => /format|extensible/.test(w))).toEqual([]);
  });
});

describe("warnings, summarized", () => {
  const input = join(scratch.dir, "many.json");
  const props = Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`p${i}`, { type: "string", not: { const: "x" } }]));
  writeFileSync(input, openapi({ Order: { type: "object", properties: { ...props, q: { type: "string", contains: {} } } } }));

  it("one line per code and reason, with the count and the first pointer; --verbose prints each", async () => {
    const out = join(scratch.dir, "catalog", "many.yaml");
    const short = await runCli("import", "openapi", input, "--out", out, "--force");
    const lines = short.err.trimEnd().split("\n");
    expect(lines).toEqual([
      `${showPath(input)}: warning IMP100 ×5: 'not' cannot be said in a catalog; dropped, so the catalog accepts more (first at #/components/schemas/Order/properties/p0/not)`,
      `${showPath(input)}#/components/schemas/Order/properties/q/contains: warning IMP100: 'contains' cannot be said in a catalog; dropped, so the catalog accepts more`,
      `eventgen import: wrote ${showPath(out)}: 1 event, 1 schema, 6 warnings (2 lines above; --verbose prints each)`,
    ]);
    const verbose = await runCli("import", "openapi", input, "--out", out, "--force", "--verbose");
    const all = verbose.err.trimEnd().split("\n");
    expect(all).toHaveLength(7);
    expect(all.slice(0, 5).map((l) => l.split(": warning")[0])).toEqual([0, 1, 2, 3, 4].map((i) => `${showPath(input)}#/components/schemas/Order/properties/p${i}/not`));
    expect(all[6]).toBe(`eventgen import: wrote ${showPath(out)}: 1 event, 1 schema, 6 warnings`);
  });
});

describe("package and vendor", () => {
  it("are carried over where the document says them: info.license, info.contact, eventgen's own extensions", () => {
    const input = join(scratch.dir, "about.json");
    const doc = JSON.parse(openapi({ Order: { type: "object" } }));
    doc.info.license = { name: "Apache License 2.0", identifier: "Apache-2.0" };
    doc.info.contact = { name: "Shop Inc." };
    writeFileSync(input, JSON.stringify(doc));
    const r = importInto("openapi", input, scratch.dir, "about");
    expect(r.model.package).toEqual({ name: "@about/webhooks", license: "Apache-2.0" });
    expect(r.model.source.vendor).toBe("Shop Inc.");
  });

  it("a bundled catalog's OpenAPI gives back its package name, description and vendor", () => {
    const r = importInto("openapi", "generated/deck/openapi.json", scratch.dir, "deck");
    expect(r.model.package).toEqual({ name: "@eventgen/deck-webhooks", description: "Types, validators, JSON Schemas and OpenAPI for Deck webhooks", license: "MIT" });
    expect(r.model.source.vendor).toBe("Deck");
  });
});

describe("round trip of a nested payload", () => {
  it("payloadField: data.object comes back, and the validators judge bodies the same", async () => {
    const r = importInto("openapi", "test/cases/payload-path/generated/payload-path/openapi.json", scratch.dir, "payload-path");
    expect(r.printed).toEqual([]);
    expect(r.text).toContain("  payloadField: data.object\n");
    expect(r.model.package).toMatchObject({ name: "@cases/payload-path", license: "Apache-2.0" });
    expect(r.model.source.vendor).toBe("Stripe-like");
    const pkg = await (await generateAll(scratch.dir))("payload-path");
    const body = { id: "evt_1", object: "event", created: 1, type: "customer.created", data: { object: { id: "cus_1", object: "customer", tax_exempt: "partial", balance: 1 }, previous_attributes: {} } };
    expect(pkg.validateEvent(body).ok).toBe(true);
    expect(pkg.validateEvent({ ...body, data: { object: { ...body.data.object, id: "x" } } }).ok).toBe(false);
  });
});
