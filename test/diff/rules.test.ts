// One small catalog pair per rule: the change is found with its level and pointer, and every
// breaking change in a body has a witness that both catalogs' validators, and Ajv on both
// catalogs' JSON Schemas, judge as a witness must be judged.
import { describe, expect, it } from "vitest";
import { RULES } from "../../generator/diff/rules.ts";
import { catalog, checkWitnesses, diffTexts, model } from "./support.ts";

const ev = (payload: string, extra = "") => `${extra}events:\n  a.x: { group: g, trigger: T, payload: ${payload} }\n`;
const SIGNING = (prefix: string) => `signing:
  scheme: standard-webhooks
  secretPrefix: ${prefix}
  headers:
    webhook-id: { role: id }
    webhook-timestamp: { role: timestamp }
    webhook-signature: { role: signature }
`;

interface Case {
  rule: string;
  old: string;
  new: string;
  pointer: string;
  event?: string | null;
  envelope?: [string, string];
}

const obj = (props: string, closed = false) => `{ type: object, properties: { ${props} }${closed ? ", additionalProperties: false" : ""} }`;

const CASES: Case[] = [
  { rule: "event-removed", old: "events:\n  a.x: { group: g, trigger: T }\n  a.y: { group: g, trigger: T }\n", new: ev("object"), pointer: "", event: "a.y" },
  { rule: "event-added", old: ev("object"), new: "events:\n  a.x: { group: g, trigger: T, payload: object }\n  a.y: { group: g, trigger: T }\n", pointer: "", event: "a.y" },
  { rule: "property-added", old: ev(obj("id: string")), new: ev(obj("id: string, name?: string")), pointer: "/data/name" },
  { rule: "property-added-closed", old: ev(obj("id: string", true)), new: ev(obj("id: string, name?: string", true)), pointer: "/data/name" },
  { rule: "required-property-removed", old: ev(obj("id: string, n: integer")), new: ev(obj("id: string")), pointer: "/data/n" },
  { rule: "optional-property-removed", old: ev(obj("id: string, n?: integer")), new: ev(obj("id: string")), pointer: "/data/n" },
  { rule: "optional-property-removed-closed", old: ev(obj("id: string, n?: integer", true)), new: ev(obj("id: string", true)), pointer: "/data/n" },
  { rule: "property-became-optional", old: ev(obj("id: string")), new: ev(obj("id?: string")), pointer: "/data/id" },
  { rule: "property-became-required", old: ev(obj("id?: string")), new: ev(obj("id: string")), pointer: "/data/id" },
  { rule: "became-nullable", old: ev(obj("n: integer")), new: ev(obj("n: integer|null")), pointer: "/data/n" },
  { rule: "nullable-dropped", old: ev(obj("n: integer|null")), new: ev(obj("n: integer")), pointer: "/data/n" },
  { rule: "enum-value-added", old: ev(obj("s: { enum: [a, b] }")), new: ev(obj("s: { enum: [a, b, c] }")), pointer: "/data/s" },
  { rule: "enum-value-removed", old: ev(obj("s: { enum: [a, b, c] }")), new: ev(obj("s: { enum: [a, b] }")), pointer: "/data/s" },
  { rule: "extensible-enum-value-added", old: ev(obj("s: { enum: [a, b], extensible: true }")), new: ev(obj("s: { enum: [a, b, c], extensible: true }")), pointer: "/data/s" },
  { rule: "extensible-enum-value-removed", old: ev(obj("s: { enum: [a, b, c], extensible: true }")), new: ev(obj("s: { enum: [a, b], extensible: true }")), pointer: "/data/s" },
  { rule: "enum-made-extensible", old: ev(obj("s: { enum: [a, b] }")), new: ev(obj("s: { enum: [a, b], extensible: true }")), pointer: "/data/s" },
  { rule: "enum-closed", old: ev(obj("s: { enum: [a, b], extensible: true }")), new: ev(obj("s: { enum: [a, b, c] }")), pointer: "/data/s" },
  { rule: "type-narrowed", old: ev(obj("s: string")), new: ev(obj("s: { enum: [a, b], extensible: true }")), pointer: "/data/s" },
  { rule: "type-narrowed", old: ev(obj("s: { enum: [a, b], extensible: true }")), new: ev(obj("s: string")), pointer: "/data/s" },
  { rule: "type-widened", old: ev(obj("s: { type: string, maxLength: 3 }")), new: ev(obj("s: { enum: [a, b], extensible: true }")), pointer: "/data/s" },
  { rule: "type-widened", old: ev(obj("s: { enum: [1, 2], extensible: true }")), new: ev(obj("s: { enum: [1, 2.5], extensible: true }")), pointer: "/data/s" },
  { rule: "const-changed", old: ev(obj("s: { const: a }")), new: ev(obj("s: { const: b }")), pointer: "/data/s" },
  { rule: "type-widened", old: ev(obj("n: integer")), new: ev(obj("n: number")), pointer: "/data/n" },
  { rule: "type-widened", old: ev(obj("n: { enum: [a, b] }")), new: ev(obj("n: string")), pointer: "/data/n" },
  { rule: "type-narrowed", old: ev(obj("n: number")), new: ev(obj("n: integer")), pointer: "/data/n" },
  { rule: "union-variant-added", old: ev(obj("u: { oneOf: [string, integer] }")), new: ev(obj("u: { oneOf: [string, integer, boolean] }")), pointer: "/data/u" },
  { rule: "union-variant-added", old: ev(obj("u: string")), new: ev(obj("u: { anyOf: [string, { type: object, properties: { k: integer } }] }")), pointer: "/data/u" },
  { rule: "union-variant-removed", old: ev(obj("u: { oneOf: [string, integer, boolean] }")), new: ev(obj("u: { oneOf: [string, integer] }")), pointer: "/data/u" },
  { rule: "union-became-anyof", old: ev(obj("u: { oneOf: [string, { type: string, format: uuid }] }")), new: ev(obj("u: { anyOf: [string, { type: string, format: uuid }] }")), pointer: "/data/u" },
  { rule: "union-became-oneof", old: ev(obj("u: { anyOf: [string, integer] }")), new: ev(obj("u: { oneOf: [string, integer] }")), pointer: "/data/u" },
  { rule: "bounds-loosened", old: ev(obj("n: { type: integer, minimum: 1 }")), new: ev(obj("n: { type: integer, minimum: 0 }")), pointer: "/data/n" },
  { rule: "bounds-loosened", old: ev(obj("n: { type: number, exclusiveMaximum: 10 }")), new: ev(obj("n: { type: number, maximum: 10 }")), pointer: "/data/n" },
  { rule: "bounds-loosened", old: ev(obj("s: { type: string, maxLength: 5 }")), new: ev(obj("s: { type: string, maxLength: 50 }")), pointer: "/data/s" },
  { rule: "bounds-loosened", old: ev(obj("s: { type: string, minLength: 3 }")), new: ev(obj("s: string")), pointer: "/data/s" },
  { rule: "bounds-loosened", old: ev(obj("n: { type: integer, multipleOf: 2 }")), new: ev(obj("n: integer")), pointer: "/data/n" },
  { rule: "bounds-loosened", old: ev(obj("l: { items: string, minItems: 1 }")), new: ev(obj("l: { items: string }")), pointer: "/data/l" },
  { rule: "bounds-loosened", old: ev(obj("l: { items: string, uniqueItems: true }")), new: ev(obj("l: { items: string }")), pointer: "/data/l" },
  { rule: "bounds-tightened", old: ev(obj("n: { type: integer, minimum: 0 }")), new: ev(obj("n: { type: integer, minimum: 1 }")), pointer: "/data/n" },
  { rule: "pattern-loosened", old: ev(obj("s: { type: string, pattern: '^a' }")), new: ev(obj("s: string")), pointer: "/data/s" },
  { rule: "pattern-loosened", old: ev(obj("s: { type: string, pattern: '^evt_' }")), new: ev(obj("s: { type: string, pattern: '^ev' }")), pointer: "/data/s" },
  { rule: "pattern-tightened", old: ev(obj("s: string")), new: ev(obj("s: { type: string, pattern: '^a' }")), pointer: "/data/s" },
  { rule: "pattern-changed", old: ev(obj("s: { type: string, pattern: '^[0-9]+$' }")), new: ev(obj("s: { type: string, pattern: '^[0-9]{1,}$' }")), pointer: "/data/s" },
  { rule: "format-loosened", old: ev(obj("s: uuid")), new: ev(obj("s: string")), pointer: "/data/s" },
  { rule: "format-loosened", old: ev(obj("s: uuid")), new: ev(obj("s: uri")), pointer: "/data/s" },
  { rule: "format-tightened", old: ev(obj("s: string")), new: ev(obj("s: date-time")), pointer: "/data/s" },
  { rule: "docs-changed", old: ev(obj("s: string")), new: ev(obj("s: { type: string, format: uri-template }")), pointer: "/data/s" },
  { rule: "docs-changed", old: ev(obj("n: { type: integer, format: int64 }")), new: ev(obj("n: { type: integer, format: int32 }")), pointer: "/data/n" },
  { rule: "format-loosened", old: ev(obj("s: uuid")), new: ev(obj("s: { type: string, format: uuid-ish }")), pointer: "/data/s" },
  { rule: "object-opened", old: ev(obj("id: string", true)), new: ev(obj("id: string")), pointer: "/data" },
  { rule: "object-opened", old: ev(obj("id: string", true)), new: ev("{ type: object, values: integer }"), pointer: "/data" },
  { rule: "object-opened", old: ev("{ type: object, values: integer }"), new: ev("object"), pointer: "/data" },
  { rule: "object-closed", old: ev(obj("id: string")), new: ev(obj("id: string", true)), pointer: "/data" },
  { rule: "bounds-loosened", old: ev("{ type: object, values: { type: integer, minimum: 0 } }"), new: ev("{ type: object, values: integer }"), pointer: "/data/*" },
  { rule: "bounds-loosened", old: ev(obj("l: { items: { type: integer, maximum: 3 } }")), new: ev(obj("l: { items: integer }")), pointer: "/data/l/*" },
  { rule: "docs-changed", old: ev(obj("id: { type: string, description: old }")), new: ev(obj("id: { type: string, description: new }")), pointer: "/data/id" },
  { rule: "docs-changed", old: "events:\n  a.x: { group: g, trigger: T }\n", new: "events:\n  a.x: { group: g, trigger: Then }\n", pointer: "" },
  { rule: "signing-changed", old: SIGNING("whsec_") + ev("object"), new: SIGNING("wh_") + ev("object"), pointer: "/signing/secretPrefix", event: null },
  { rule: "envelope-changed", old: ev(obj("id: string")), new: ev(obj("id: string")), pointer: "/envelope/typeField", event: null, envelope: ["{ typeField: type, payloadField: data }", "{ typeField: kind, payloadField: data }"] },
  { rule: "envelope-changed", old: ev(obj("id: string")), new: ev(obj("id: string")), pointer: "/envelope/payloadField", event: null, envelope: ["{ typeField: type, payloadField: data }", "{ typeField: type, flat: true }"] },
];

/** Located at the old definition. */
const REMOVALS = ["event-removed", "required-property-removed", "optional-property-removed", "optional-property-removed-closed", "enum-value-removed", "extensible-enum-value-removed", "union-variant-removed"];

describe("each rule on a small catalog pair", () => {
  it.each(CASES.map((c, i) => [`${c.rule} #${i}`, c] as const))("%s", async (_, c) => {
    const [oldText, newText] = [catalog(c.old, { envelope: c.envelope?.[0] }), catalog(c.new, { envelope: c.envelope?.[1] })];
    const d = await diffTexts(oldText, newText);
    const rule = RULES.find((r) => r.id === c.rule)!;
    const event = c.event === undefined ? "a.x" : c.event ?? undefined;
    const hit = d.changes.find((x) => x.id === c.rule && x.pointer === c.pointer && x.event === event);
    expect(hit, `${c.rule} at ${c.pointer} among ${JSON.stringify(d.changes.map((x) => [x.id, x.event, x.pointer]))}`).toBeDefined();
    expect(hit!.level).toBe(rule.level);
    expect(hit!.pos.file).toBe(REMOVALS.includes(c.rule) ? "old.yaml" : "new.yaml");
    expect(hit!.pos.line).toBeGreaterThan(0);
    // A breaking change in a body has a witness; a removed event and the signing have none.
    if (rule.level === "breaking" && !["signing-changed", "event-removed"].includes(c.rule)) expect(hit!.witness, "witness").toBeDefined();
    await checkWitnesses(model(oldText, "old.yaml"), model(newText, "new.yaml"), d);
  });

  it("covers every rule in the registry but the size limit's", () => {
    const covered = new Set(CASES.map((c) => c.rule));
    expect(RULES.map((r) => r.id).filter((id) => !covered.has(id))).toEqual(["diff-incomplete"]);
  });
});

describe("derived schemas", () => {
  it("are compared as the objects they make: a field no longer omitted is a field added", async () => {
    const cat = (draft: string) => catalog(`schemas:\n  Order: { type: object, properties: { id: string, total: integer } }\n  Draft: ${draft}\nevents:\n  a.x: { group: g, trigger: T, payload: Draft }\n`);
    const d = await diffTexts(cat("{ from: Order, omit: [id] }"), cat("{ from: Order, omit: [id], partial: true }"));
    expect(d.changes.map((c) => [c.id, c.pointer])).toEqual([["property-became-optional", "/data/total"]]);
    expect((await diffTexts(cat("{ from: Order, pick: [total] }"), cat("{ type: object, properties: { total: integer } }"))).changes).toEqual([]);
  });
});

describe("formats as annotations", () => {
  it("a format the validators do not check changes the docs only", async () => {
    const d = await diffTexts(catalog(ev(obj("s: { type: string, format: uri-template }"))), catalog(ev(obj("s: { type: string, format: iri-template }"))));
    expect(d.changes.map((c) => [c.id, c.level])).toEqual([["docs-changed", "info"]]);
  });
});

describe("extensible enums", () => {
  it("a known value added to an extensible enum is info only, and the bump is a patch at most", async () => {
    const d = await diffTexts(catalog(ev(obj("s: { enum: [a, b], extensible: true }"))), catalog(ev(obj("s: { enum: [a, b, c], extensible: true }"))));
    expect(d.changes.map((c) => [c.id, c.level])).toEqual([["extensible-enum-value-added", "info"]]);
    expect(d.changes[0]!.witness).toBeUndefined();
    expect(["none", "patch", "minor"]).toContain(d.bump);
  });
});

describe("what is no change", () => {
  it("renaming a named schema, or moving fields into one", async () => {
    const before = catalog(`schemas:\n  Item: { type: object, properties: { id: uuid, n?: integer } }\nevents:\n  a.x: { group: g, trigger: T, payload: { type: object, properties: { item: Item, id: uuid, n?: integer } } }\n`);
    const after = catalog(`schemas:\n  Thing: { type: object, properties: { id: uuid, n?: integer } }\nevents:\n  a.x: { group: g, trigger: T, payload: { type: object, properties: { item: Thing, id: uuid, n?: integer } } }\n`);
    const moved = catalog(`schemas:\n  Thing: { type: object, properties: { id: uuid, n?: integer } }\nevents:\n  a.x: { group: g, trigger: T, payload: { type: object, properties: { item: Thing, id: uuid, n?: integer } } }\n`);
    expect((await diffTexts(before, after)).changes).toEqual([]);
    const inline = catalog(`events:\n  a.x: { group: g, trigger: T, payload: { type: object, properties: { item: { type: object, properties: { id: uuid, n?: integer } } } } }\n`);
    const shared = catalog(`schemas:\n  Thing: { type: object, properties: { id: uuid, n?: integer } }\nevents:\n  a.x: { group: g, trigger: T, payload: { type: object, properties: { item: Thing } } }\n`);
    expect((await diffTexts(inline, shared)).changes).toEqual([]);
    expect((await diffTexts(moved, moved)).bump).toBe("none");
  });

  it("a recursive schema compared with itself, renamed", async () => {
    const tree = (n: string) => catalog(`schemas:\n  ${n}: { type: object, properties: { name: string, children?: { items: ${n} }, parent?: ${n}|null } }\nevents:\n  a.x: { group: g, trigger: T, payload: ${n} }\n`);
    expect((await diffTexts(tree("Tree"), tree("Node"))).changes).toEqual([]);
  });

  it("a change inside a recursive schema is found once per place, located at the schema", async () => {
    const tree = (t: string) => catalog(`schemas:\n  Tree: { type: object, properties: { name: ${t}, children?: { items: Tree } } }\nevents:\n  a.x: { group: g, trigger: T, payload: Tree }\n`);
    const d = await diffTexts(tree("string"), tree("string|null"));
    expect(d.changes.map((c) => [c.id, c.pointer, c.pos.line])).toEqual([["became-nullable", "/data/name", 8]]);
    expect(d.changes[0]!.witness).toMatchObject({ data: { name: null } });
  });
});
