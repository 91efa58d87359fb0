// Importing the catalog's newer constructs: each is read back from what eventgen writes and from
// the form other tools write, and the generated validators judge bodies as the source says.
import { writeFileSync } from "node:fs";
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
