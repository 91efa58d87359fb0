// Extensible enums in the model: the base type, the catalog-wide default, the per-enum override,
// and discriminator values that stay closed.
import { describe, expect, it } from "vitest";
import type { Property, Schema } from "../../../generator/model/ir.ts";
import { loadText } from "../../support/load-text.ts";

const catalog = (top: string, props: string) => `
title: T
version: 1.0.0
source: { title: s }
package: { name: t }
${top}
envelope: { typeField: type, payloadField: data }
groups: { g: { title: G } }
schemas:
  Shape: { oneOf: [Circle, Square], discriminator: kind }
  Circle: { properties: { kind: { enum: [circle] } } }
  Square: { properties: { kind: { enum: [square] } } }
events:
  x.happened: { group: g, trigger: X happened, payload: { properties: { ${props} } } }
`;

const fields = (text: string) => {
  const { model, diagnostics } = loadText("t.yaml", text);
  expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  const payload = model!.events[0]!.payload as { properties: Property[] };
  return { model: model!, by: Object.fromEntries(payload.properties.map((p) => [p.name, p.schema])) as Record<string, Schema> };
};
const ext = (s: Schema | undefined) => (s?.kind === "literal" ? s.extensible : "not a literal");

describe("extensible enums", () => {
  it("take their base type from `type` or from the values", () => {
    const { by } = fields(catalog("", "a: { enum: [x, y], extensible: true }, b: { enum: [1, 2], extensible: true }, c: { enum: [1, 2.5], extensible: true }, d: { type: number, enum: [1, 2], extensible: true }, e: { enum: [x] }"));
    expect([ext(by.a), ext(by.b), ext(by.c), ext(by.d), ext(by.e)]).toEqual(["string", "integer", "number", "number", undefined]);
  });

  it("extensibleEnums opens every enum of strings or numbers, but not discriminator values, nor one that says extensible: false", () => {
    const { by, model } = fields(catalog("extensibleEnums: true", "a: { enum: [x, y] }, b: { enum: [x], extensible: false }, c: { enum: [true, 1] }, k: { const: x }, s: Shape"));
    expect([ext(by.a), ext(by.b), ext(by.c), ext(by.k)]).toEqual(["string", undefined, undefined, undefined]);
    for (const name of ["Circle", "Square"]) {
      const kind = (model.schemas.find((s) => s.name === name)!.schema as { properties: Property[] }).properties[0]!.schema;
      expect(ext(kind)).toBeUndefined();
    }
  });
});
