// Importing the catalog's newer constructs: each is read back from what eventgen writes and from
// the form other tools write, and the generated validators judge bodies as the source says.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
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
    expect(r.printed.filter((w) => /format|extensible/.test(w))).toEqual([]);
  });
});
