// Catalogs built at random from the format's own vocabulary, as YAML-ready values: the model
// tests (test/unit/model/random-catalogs.test.ts) load and emit them, the OpenAPI tests validate
// what they emit. Mostly coherent, so that many pass the checker and reach the emitters.
import fc from "fast-check";

const names = ["Order", "Line", "Tree", "Order2"];
const props = ["id", "kind", "type", "data", "n", "__proto__", "a b", "x?"];
const literal = fc.oneof(fc.constantFrom("a", "b", "open", 1, 2.5, 0, true, null), fc.string({ maxLength: 4 }));
const some = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 2 });
/** Drops the keys left undefined, so YAML gets only the ones drawn. */
const shape = <T extends Record<string, fc.Arbitrary<unknown>>>(keys: T) =>
  fc.record(Object.fromEntries(Object.entries(keys).map(([k, a]) => [k, some(a)]))).map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)));

const shorthand = fc
  .tuple(fc.constantFrom("string", "integer", "number", "boolean", "null", "any", "object", "array", "uuid", "date-time", "uri", ...names), fc.nat(2), fc.boolean(), fc.constantFrom("", " The thing"))
  .map(([base, arrays, nullable, desc]) => `${base}${"[]".repeat(arrays)}${nullable ? "|null" : ""}${desc}`);

const { schema } = fc.letrec<{ schema: unknown; full: unknown }>((tie) => ({
  schema: fc.oneof({ depthSize: "xsmall", withCrossShrink: true }, shorthand, tie("full")),
  // Mostly coherent forms, so that many catalogs pass and reach the emitters; now and then one
  // that mixes any keys at all.
  full: fc.oneof(
    { weight: 6, arbitrary: shape({ type: fc.constant("string"), format: fc.constantFrom("uuid", "email", "date"), pattern: fc.constantFrom("^a", "[0-9]+", "(x|y)$"), minLength: fc.nat(3), maxLength: fc.nat(3), nullable: fc.boolean() }) },
    { weight: 6, arbitrary: shape({ type: fc.constantFrom("integer", "number"), minimum: fc.integer({ min: -2, max: 2 }), exclusiveMaximum: fc.integer({ min: -2, max: 2 }), multipleOf: fc.constantFrom(0.5, 1, 3) }) },
    { weight: 6, arbitrary: shape({ items: tie("schema"), minItems: fc.nat(2), uniqueItems: fc.boolean(), optional: fc.boolean() }) },
    { weight: 6, arbitrary: shape({ properties: fc.dictionary(fc.constantFrom(...props), tie("schema"), { maxKeys: 3 }), additionalProperties: fc.boolean(), description: fc.constant("A *thing*") }) },
    { weight: 6, arbitrary: shape({ values: tie("schema"), nullable: fc.boolean() }) },
    { weight: 6, arbitrary: fc.record({ ref: fc.constantFrom(...names), description: fc.constant("d"), nullable: fc.boolean() }, { requiredKeys: ["ref"] }) },
    { weight: 6, arbitrary: fc.record({ oneOf: fc.array(tie("schema"), { minLength: 1, maxLength: 3 }), discriminator: fc.constantFrom("kind", "type") }, { requiredKeys: ["oneOf"] }) },
    { weight: 6, arbitrary: fc.record({ anyOf: fc.array(tie("schema"), { minLength: 1, maxLength: 2 }) }) },
    { weight: 6, arbitrary: fc.record({ const: literal }) },
    { weight: 6, arbitrary: fc.record({ enum: fc.array(literal, { minLength: 1, maxLength: 3 }), deprecated: fc.boolean() }, { requiredKeys: ["enum"] }) },
    { weight: 1, arbitrary: shape({
      type: fc.constantFrom("string", "integer", "object", "array", "null", "any"),
      enum: fc.array(literal, { minLength: 1, maxLength: 3 }),
      const: literal,
      minLength: fc.nat(3),
      minimum: fc.integer({ min: -2, max: 2 }),
      items: tie("schema"),
      properties: fc.dictionary(fc.constantFrom(...props), tie("schema"), { maxKeys: 2 }),
      values: tie("schema"),
      ref: fc.constantFrom(...names, "Nope"),
      oneOf: fc.array(tie("schema"), { minLength: 1, maxLength: 2 }),
      discriminator: fc.constant("kind"),
    }) },
  ),
}));

const fields = fc.dictionary(fc.constantFrom(...props), schema, { maxKeys: 2 });
const envelope = fc.oneof(
  fc.record({ typeField: fc.constantFrom("type", "kind"), payloadField: fc.constantFrom("data", "payload"), fields }, { requiredKeys: ["typeField", "payloadField"] }),
  fc.record({ typeField: fc.constantFrom("event", "type"), flat: fc.constant(true), fields, additionalProperties: fc.boolean() }, { requiredKeys: ["typeField", "flat"] }),
  fc.record({ typeHeader: fc.constant("X-Event"), payloadField: fc.constant("body") }),
  fc.record({ typeHeader: fc.constant("X-Event"), flat: fc.constant(true) }),
);
// A flat envelope wants object payloads; give it mostly those.
const objectPayload = fc.oneof(
  fc.record({ properties: fc.dictionary(fc.constantFrom(...props), schema, { maxKeys: 3 }), additionalProperties: fc.boolean() }, { requiredKeys: ["properties"] }),
  fc.constantFrom("object", ...names),
);

export const catalogArb = envelope.chain((env) =>
  fc.record({
    title: fc.constant("Random"),
    version: fc.constant("1.0.0"),
    source: fc.constant({ title: "fuzz" }),
    package: fc.constant({ name: "random" }),
    envelope: fc.constant(env),
    groups: fc.constant({ g: { title: "G" }, h: { title: "H" } }),
    schemas: fc.oneof(
      { weight: 4, arbitrary: fc.tuple(...names.map(() => schema)).map((ss) => Object.fromEntries(names.map((n, i) => [n, ss[i]]))) },
      { weight: 1, arbitrary: fc.dictionary(fc.constantFrom(...names, "Event", "string", "date"), schema, { maxKeys: 3 }) },
    ),
    events: fc.dictionary(
      fc.constantFrom("a.created", "a.updated", "a_b.done", "a.b_done", "x", "Order.created"),
      fc.record(
        {
          group: fc.oneof({ weight: 8, arbitrary: fc.constantFrom("g", "h") }, { weight: 1, arbitrary: fc.constant("k") }),
          trigger: fc.constant("T"),
          payload: "flat" in env ? fc.oneof({ weight: 6, arbitrary: objectPayload }, { weight: 1, arbitrary: schema }) : schema,
          operationId: fc.constantFrom("aCreated", "other"),
        },
        { requiredKeys: ["group", "trigger"] },
      ),
      { minKeys: 1, maxKeys: 4 },
    ),
  }),
);
