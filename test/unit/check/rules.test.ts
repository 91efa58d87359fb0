// The semantic rules, one schema at a time: what each reports, and what it must leave alone.
import { describe, expect, it } from "vitest";
import { CATALOG_HEAD, loadText } from "../../support/load-text.ts";
import { brief } from "./check-node.ts";

/** A catalog with one event whose payload property `x` is `given`, plus a few named schemas. */
const withField = (given: string) => `${CATALOG_HEAD}schemas:
  Circle: { properties: { kind: { const: circle }, r: number } }
  Square: { properties: { kind: { enum: [square, box] }, side: number } }
  Tree: { properties: { children: 'Tree[]' } }
events:
  x.happened:
    group: g
    trigger: X happened
    payload:
      properties:
        x: ${given}
`;
const rules = (given: string) => brief(loadText("t.yaml", withField(given)).diagnostics);

describe("rules that must stay quiet", () => {
  it.each([
    "{ type: integer, minimum: 1, maximum: 1 }",
    "{ type: number, exclusiveMinimum: 0, maximum: 0.5 }",
    "{ type: string, minLength: 0, maxLength: 0 }",
    "{ oneOf: [Circle, Square], discriminator: kind }",
    "{ oneOf: [Circle, { properties: { kind: { const: tri } } }], discriminator: kind }",
    "{ oneOf: [{ ref: Circle, description: A circle }, Square], discriminator: kind }",
    "{ anyOf: [integer, string, 'Tree[]'] }",
    "{ ref: Tree, description: The root, nullable: true }",
    "{ type: object, values: integer }",
    "{ type: array, items: { enum: [1, 2.5, null, true, a] }, uniqueItems: true }",
    "{ type: object, const: { a: 1 } }",
    "{ type: integer, enum: [1, 2e3] }",
    "{ pattern: '^\\p{Lu}' }",
    "'Circle|null Maybe a circle'",
  ])("%s", (given) => expect(rules(given)).toEqual([]));
});

describe("rules that report", () => {
  // `at` is the text the diagnostic points at: its first occurrence in `given`.
  it.each([
    { given: "{ ref: Circle, type: object }", at: "type", code: "EG206", message: "'type' cannot be combined with 'ref' in one schema" },
    { given: "{ ref: Circel }", at: "ref", code: "EG303", message: "unknown schema 'Circel' (did you mean 'Circle'?)" },
    { given: "{ anyOf: [string], enum: [a] }", at: "enum", code: "EG206", message: "'enum' cannot be combined with 'anyOf' in one schema" },
    { given: "{ oneOf: [string], items: string }", at: "items", code: "EG206", message: "'items' cannot be combined with 'oneOf' in one schema" },
    { given: "{ values: string, additionalProperties: false }", at: "values", code: "EG206", message: "'values' cannot be combined with 'additionalProperties' in one schema" },
    { given: "{ type: any, format: uuid }", at: "format", code: "EG206", message: "'format' cannot be combined with 'type: any': a format describes a string or a number" },
    { given: "{ type: integer, format: uuid }", at: "format", code: "EG206", message: "format 'uuid' is a string format; it cannot be combined with 'type: integer'" },
    { given: "{ type: integer, enum: [1, 1.5] }", at: "1.5", code: "EG402", message: "1.5 is not of type integer" },
    { given: "{ type: object, const: [1] }", at: "[1]", code: "EG402", message: "[1] is not of type object" },
    { given: "{ type: boolean, enum: [true, 'false'] }", at: "'false'", code: "EG402", message: '"false" is not of type boolean' },
    { given: "{ type: string, pattern: '(?<n>a)\\k<m>' }", at: "pattern", code: "EG307", message: "invalid regular expression: /(?<n>a)\\k<m>/u: Invalid named capture referenced" },
    { given: "{ type: array, minItems: 2, maxItems: 1 }", at: "minItems", code: "EG312", message: "minItems 2 is greater than maxItems 1" },
    { given: "{ type: number, multipleOf: -2 }", at: "multipleOf", code: "EG312", message: "multipleOf must be greater than 0" },
    { given: "{ oneOf: [Circle, Tree], discriminator: kind }", at: "Tree", code: "EG310", message: "every variant of a union with discriminator 'kind' must be an object with a 'kind' property that has const or enum" },
    { given: "{ oneOf: ['Circle[]', Square], discriminator: kind }", at: "'Circle[]'", code: "EG310", message: "every variant of a union with discriminator 'kind' must be an object with a 'kind' property that has const or enum" },
    { given: "{ oneOf: [Square, { properties: { kind: { enum: [box] } } }], discriminator: kind }", at: "box", code: "EG310", message: "discriminator value \"box\" of variant 2 is also the value of variant 'Square' (line 9:50)" },
    { given: "{ oneOf: [Circle, { properties: { kind?: { const: tri } } }], discriminator: kind }", at: "kind?", code: "EG310", message: "discriminator property 'kind' must be required" },
    { given: "string|null|null", at: "string", code: "EG204", message: "'string|null|null' is not a field shorthand: expected TYPE then an optional description" },
  ])("$given", ({ given, at, code, message }) => {
    expect(given).toContain(at);
    expect(rules(given)).toEqual([`${code} 17:${12 + given.indexOf(at)} ${message}`]);
  });
});

describe("a flat payload is an object as the model reads it", () => {
  /** withField's catalog with a flat envelope and `given` as the payload itself. */
  const flat = (given: string) =>
    brief(loadText("t.yaml", withField("string").replace("payloadField: data", "flat: true").replace(/    payload:[\s\S]*$/, `    payload: ${given}\n`)).diagnostics);
  const notObject = "EG309 15:14 with a flat envelope the payload must be an object: its fields stand beside the envelope's";
  it.each([
    // const or enum makes a literal, whatever the other keys say.
    { given: "{ enum: [a], values: string }", want: [notObject] },
    { given: "{ type: object, const: { a: 1 } }", want: [notObject] },
    { given: "{ type: integer }", want: [notObject] },
    { given: "{ values: string }", want: [] },
    { given: "Circle", want: [] },
  ])("$given", ({ given, want }) => expect(flat(given)).toEqual(want));
});
