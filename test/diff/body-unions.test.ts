// eventgen diff on the two constructs of a body: a flat body that is a union of objects (its
// variants matched by discriminator value, each a whole body) and an event's outer fields beside a
// payload path. Every breaking change has a witness that both catalogs' validators and Ajv on both
// catalogs' JSON Schemas judge as a witness must be judged.
import { describe, expect, it } from "vitest";
import { RULES } from "../../generator/diff/rules.ts";
import { catalog, checkWitnesses, diffTexts, model } from "./support.ts";

const FLAT = "{ typeField: type, flat: true, fields: { id: string } }";
const PATH = "{ typeField: type, payloadField: data.object }";
const SHAPES = `schemas:
  A: { properties: { kind: { const: a }, n: integer } }
  B: { properties: { kind: { const: b }, s: string } }
  C: { properties: { kind: { const: c }, ok: boolean } }
`;
const flat = (payload: string) => `${SHAPES}events:\n  a.x: { group: g, trigger: T, payload: ${payload} }\n`;
const outer = (fields: string) => `schemas:\n  Customer: { properties: { id: string, n: integer } }\nevents:\n  a.x: { group: g, trigger: T, payload: Customer${fields ? `, outer: { data: { ${fields} } }` : ""} }\n`;

interface Case {
  what: string;
  rule: string;
  pointer: string;
  old: string;
  new: string;
  envelope: string;
}

const CASES: Case[] = [
  { what: "a variant added to a body union", rule: "union-variant-added", pointer: "", envelope: FLAT, old: flat("{ oneOf: [A, B], discriminator: kind }"), new: flat("{ oneOf: [A, B, C], discriminator: kind }") },
  { what: "an object body made a union", rule: "union-variant-added", pointer: "", envelope: FLAT, old: flat("A"), new: flat("{ oneOf: [A, B], discriminator: kind }") },
  { what: "an undiscriminated variant added", rule: "union-variant-added", pointer: "", envelope: FLAT, old: flat("{ anyOf: [A, B] }"), new: flat("{ anyOf: [A, B, { properties: { z: { const: 1 } }, additionalProperties: false }] }") },
  { what: "a variant removed from a body union", rule: "union-variant-removed", pointer: "", envelope: FLAT, old: flat("{ oneOf: [A, B, C], discriminator: kind }"), new: flat("{ oneOf: [A, B], discriminator: kind }") },
  { what: "a field of one variant widened", rule: "type-widened", pointer: "/n", envelope: FLAT, old: flat("{ oneOf: [A, B], discriminator: kind }"), new: flat("{ oneOf: [{ properties: { kind: { const: a }, n: number } }, B], discriminator: kind }") },
  { what: "a required field added to one variant", rule: "property-added", pointer: "/extra", envelope: FLAT, old: flat("{ oneOf: [A, B], discriminator: kind }"), new: flat("{ oneOf: [A, { properties: { kind: { const: b }, s: string, extra: integer } }], discriminator: kind }") },
  { what: "a body union's oneOf made anyOf", rule: "union-became-anyof", pointer: "", envelope: FLAT, old: flat("{ oneOf: [A, { properties: { n: integer } }] }"), new: flat("{ anyOf: [A, { properties: { n: integer } }] }") },
  { what: "an outer field added", rule: "property-added", pointer: "/data/previous_attributes", envelope: PATH, old: outer(""), new: outer("previous_attributes?: { from: Customer, partial: true }") },
  { what: "a required outer field removed", rule: "required-property-removed", pointer: "/data/previous_attributes", envelope: PATH, old: outer("previous_attributes: { from: Customer, partial: true }"), new: outer("") },
  { what: "an optional outer field removed", rule: "optional-property-removed", pointer: "/data/previous_attributes", envelope: PATH, old: outer("previous_attributes?: { from: Customer, partial: true }"), new: outer("") },
  { what: "an outer field made required", rule: "property-became-required", pointer: "/data/previous_attributes", envelope: PATH, old: outer("previous_attributes?: { from: Customer, partial: true }"), new: outer("previous_attributes: { from: Customer, partial: true }") },
  { what: "an outer field made optional", rule: "property-became-optional", pointer: "/data/previous_attributes", envelope: PATH, old: outer("previous_attributes: { from: Customer, partial: true }"), new: outer("previous_attributes?: { from: Customer, partial: true }") },
  { what: "an outer field's field widened", rule: "type-widened", pointer: "/data/previous_attributes/n", envelope: PATH, old: outer("previous_attributes?: { from: Customer, partial: true }"), new: outer("previous_attributes?: { properties: { id?: string, n?: number } }") },
];

describe("diff of body unions and outer fields", () => {
  it.each(CASES.map((c) => [c.what, c] as const))("%s", async (_, c) => {
    const [oldText, newText] = [catalog(c.old, { envelope: c.envelope }), catalog(c.new, { envelope: c.envelope })];
    const d = await diffTexts(oldText, newText);
    const hit = d.changes.find((x) => x.id === c.rule && x.pointer === c.pointer && x.event === "a.x");
    expect(hit, `${c.rule} at ${c.pointer} among ${JSON.stringify(d.changes.map((x) => [x.id, x.event, x.pointer]))}`).toBeDefined();
    const rule = RULES.find((r) => r.id === c.rule)!;
    expect(hit!.level).toBe(rule.level);
    if (rule.level === "breaking") expect(hit!.witness, "witness").toBeDefined();
    await checkWitnesses(model(oldText, "old.yaml"), model(newText, "new.yaml"), d);
  });

  it("names a body union's variants by their discriminator value", async () => {
    const d = await diffTexts(catalog(CASES[0]!.old, { envelope: FLAT }), catalog(CASES[0]!.new, { envelope: FLAT }));
    expect(d.changes.map((c) => [c.id, c.message])).toEqual([["union-variant-added", 'variant object (kind "c") added']]);
    expect(d.changes[0]!.witness).toMatchObject({ type: "a.x", kind: "c", ok: expect.any(Boolean) });
  });

  it("the same body union in both is no change", async () => {
    const text = catalog(flat("{ oneOf: [A, B], discriminator: kind }"), { envelope: FLAT });
    expect((await diffTexts(text, text)).changes).toEqual([]);
    const path = catalog(outer("previous_attributes?: { from: Customer, partial: true }"), { envelope: PATH });
    expect((await diffTexts(path, path)).changes).toEqual([]);
  });
});
