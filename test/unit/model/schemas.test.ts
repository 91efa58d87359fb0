// Shorthand and full form expand to the same IR; references stay references, by name.
import { describe, expect, it } from "vitest";
import type { Schema } from "../../../generator/model/ir.ts";
import { CATALOG_HEAD, loadText } from "../../support/load-text.ts";

const catalog = (field: string, extra = "") => `${CATALOG_HEAD}schemas:
  Order: { properties: { id: uuid } }
${extra}events:
  x.happened: { group: g, trigger: X, payload: { properties: { f: ${field} } } }
`;

const fieldOf = (field: string, extra?: string): Schema => {
  const { model, diagnostics } = loadText("t.yaml", catalog(field, extra));
  if (!model) throw new Error(diagnostics.map((d) => d.message).join("\n"));
  const payload = model.events[0]!.payload as Extract<Schema, { kind: "object" }>;
  return payload.properties[0]!.schema;
};

describe("schemas in the model", () => {
  it.each<{ given: string; want: Schema }>([
    { given: "string", want: { kind: "string", nullable: false } },
    { given: "uuid The id", want: { kind: "string", format: "uuid", nullable: false, description: "The id" } },
    { given: "integer|null", want: { kind: "number", integer: true, nullable: true } },
    { given: "number", want: { kind: "number", integer: false, nullable: false } },
    { given: "any", want: { kind: "any", nullable: false } },
    { given: "object", want: { kind: "object", properties: [], additional: true, nullable: false } },
    { given: "array", want: { kind: "array", items: { kind: "any", nullable: false }, nullable: false } },
    { given: "Order", want: { kind: "ref", name: "Order", nullable: false } },
    {
      given: "'Order[][]|null Pages of orders'",
      want: { kind: "array", items: { kind: "array", items: { kind: "ref", name: "Order", nullable: false }, nullable: false }, nullable: true, description: "Pages of orders" },
    },
    { given: "{ ref: Order, description: The order as it was, nullable: true }", want: { kind: "ref", name: "Order", nullable: true, description: "The order as it was" } },
    // A full form's type is implied by its keys.
    { given: "{ pattern: '^a' }", want: { kind: "string", pattern: "^a", nullable: false } },
    { given: "{ minimum: 0 }", want: { kind: "number", integer: false, minimum: 0, nullable: false } },
    { given: "{ maxItems: 3 }", want: { kind: "array", items: { kind: "any", nullable: false }, maxItems: 3, nullable: false } },
    { given: "{ values: integer }", want: { kind: "object", properties: [], additional: { kind: "number", integer: true, nullable: false }, nullable: false } },
    { given: "{ additionalProperties: false }", want: { kind: "object", properties: [], additional: false, nullable: false } },
    { given: "{ description: Anything }", want: { kind: "any", nullable: false, description: "Anything" } },
    { given: "{ enum: [a, b, a, 1] }", want: { kind: "literal", values: ["a", "b", 1], isConst: false, nullable: false } },
    { given: "{ const: auto_closed }", want: { kind: "literal", values: ["auto_closed"], isConst: true, nullable: false } },
    { given: "{ type: integer, deprecated: true, example: 3, default: 0 }", want: { kind: "number", integer: true, deprecated: true, example: 3, default: 0, nullable: false } },
    {
      given: "{ anyOf: [integer, string] }",
      want: { kind: "union", mode: "anyOf", variants: [{ kind: "number", integer: true, nullable: false }, { kind: "string", nullable: false }], nullable: false },
    },
  ])("$given", ({ given, want }) => expect(fieldOf(given)).toEqual(want));

  it("keeps a named schema once, under its name, and refers to it by name", () => {
    const { model } = loadText("t.yaml", catalog("Order", "  Pair: { properties: { a: Order, b: 'Order[]' } }\n"));
    expect(model!.schemas.map((s) => s.name)).toEqual(["Order", "Pair"]);
    expect(model!.schemas[1]!.schema).toEqual({
      kind: "object",
      additional: true,
      nullable: false,
      properties: [
        { name: "a", required: true, schema: { kind: "ref", name: "Order", nullable: false } },
        { name: "b", required: true, schema: { kind: "array", items: { kind: "ref", name: "Order", nullable: false }, nullable: false } },
      ],
    });
  });

  it("reads optional from `?` or from optional: true, and never keeps the `?` in the name", () => {
    const { model } = loadText("t.yaml", catalog("string", "  O: { properties: { a?: string, b: { type: string, optional: true }, 'c?': { type: string, optional: true } } }\n"));
    const o = model!.schemas[1]!.schema as Extract<Schema, { kind: "object" }>;
    expect(o.properties.map((p) => [p.name, p.required])).toEqual([["a", false], ["b", false], ["c", false]]);
  });
});
