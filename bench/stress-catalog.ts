// Random catalogs with awkward shapes for the printer: long and strange property names, long enum
// values and patterns, deep nesting, unions, maps, constants of every JSON type, Unicode. The
// printer's tests check that prettier leaves what it prints for these exactly as it is.
import { stringify } from "yaml";
import { rng } from "./make-catalog.ts";

type R = ReturnType<typeof rng>;

const NAMES = ["a", "id", "status", "constructor", "__proto__", "toString", "a-b", "with space", "dotted.name", "quote'd", 'dq"d', "é", "naïve_field", "ünïcödé_ßtring", "日本語", "emoji_😀", "x".repeat(40), "a_very_long_property_name_that_goes_on_and_on_and_on", "$dollar", "_under", "9lives", "class", "default", "slash/key", "tilde~key"];
const WORDS = ["queued", "running", "x", "it's", 'say "hi"', "a'b\"c", "ünïcödé", "日本", "long_value_".repeat(6), "with space", "back\\slash", "line\u2028sep", "tab\tbed", ""];

function pickName(r: R, taken: Set<string>): string {
  for (;;) {
    const base = r.chance(0.6) ? r.pick(NAMES) : `f${r.int(0, 999)}_${"z".repeat(r.int(0, 30))}`;
    const name = r.chance(0.3) && !base.endsWith("?") ? base : base;
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
}

function scalar(r: R): unknown {
  switch (r.int(0, 5)) {
    case 0:
      return r.pick(WORDS);
    case 1:
      return r.pick([0, 1, -1, 1.5, -0.25, 1e21, 123456789, 0.000001]);
    case 2:
      return r.chance(0.5);
    case 3:
      return null;
    default:
      return r.pick(WORDS);
  }
}

function schema(r: R, depth: number, named: string[]): unknown {
  const nullable = r.chance(0.2) ? { nullable: true } : {};
  const kind = depth > 5 ? r.int(0, 3) : r.int(0, 11);
  switch (kind) {
    case 0:
      return r.pick(["string", "integer", "number", "boolean", "any", "uuid", "date-time", "email", "uri", "string|null", "ipv6"]);
    case 1:
      return { type: "string", ...nullable, ...(r.chance(0.5) ? { pattern: r.pick(["^evt_", "^[A-Z]{2}$", "^(?:" + "abc|".repeat(r.int(1, 20)) + "x)$", "é+", "^a\\/b$"]) } : {}), ...(r.chance(0.4) ? { minLength: r.int(0, 5), maxLength: r.int(6, 500) } : {}) };
    case 2:
      return { type: r.pick(["integer", "number"]), ...nullable, ...(r.chance(0.5) ? { minimum: r.pick([0, -5, 1.5, -1e21]) } : {}), ...(r.chance(0.3) ? { exclusiveMaximum: 1e9 } : {}), ...(r.chance(0.2) ? { multipleOf: 0.5 } : {}) };
    case 3: {
      const n = r.int(1, 12);
      const values = [...new Set(Array.from({ length: n }, () => scalar(r)).map((v) => JSON.stringify(v)))].map((v) => JSON.parse(v));
      return r.chance(0.2) ? { const: r.chance(0.5) ? values[0] : { k: values, "odd key": [1, { x: null }] } } : { enum: values, ...nullable };
    }
    case 4:
    case 5: {
      const taken = new Set<string>();
      const props: Record<string, unknown> = {};
      for (let i = r.int(0, 6); i > 0; i--) props[pickName(r, taken) + (r.chance(0.4) ? "?" : "")] = schema(r, depth + 1, named);
      return { type: "object", ...nullable, properties: props, ...(r.chance(0.2) ? { additionalProperties: false } : {}) };
    }
    case 6:
      return { type: "array", ...nullable, items: schema(r, depth + 1, named), ...(r.chance(0.3) ? { minItems: 1, maxItems: 10 } : {}), ...(r.chance(0.2) ? { uniqueItems: true } : {}) };
    case 7:
      return { values: schema(r, depth + 1, named), ...nullable };
    case 8:
      return named.length ? (r.chance(0.5) ? r.pick(named) : { ref: r.pick(named), ...nullable }) : "string";
    case 9:
      return { anyOf: [schema(r, depth + 1, named), schema(r, depth + 1, named)] };
    case 10:
      return { oneOf: ["string", "integer"], ...nullable };
    default:
      return `${r.pick(["string", "number", "boolean"])}[]${r.chance(0.3) ? "|null" : ""}`;
  }
}

/** A catalog (YAML text) for seed `seed`; `id` must match the file stem it is saved under. */
export function stressCatalog(seed: number, id = `stress-${seed}`): string {
  const r = rng(seed * 104729 + 7);
  const named: string[] = [];
  const schemas: Record<string, unknown> = {};
  for (let i = r.int(0, 6); i > 0; i--) {
    const name = r.pick(["Thing", "AVeryLongSchemaNameThatKeepsGoingForQuiteAWhileIndeedYesReally", "Money", "Node", "Weird_Name", "X"]) + i;
    named.push(name);
  }
  for (const n of named) schemas[n] = schema(r, 1, named.filter((x) => x !== n));
  // A discriminated union over two object schemas.
  schemas.Cat = { properties: { kind: { const: "cat" }, lives: "integer" } };
  schemas.Dog = { properties: { kind: { const: "dog" }, good: "boolean" } };
  schemas.Pet = { oneOf: ["Cat", "Dog"], discriminator: "kind" };
  const events: Record<string, unknown> = {};
  const n = r.int(2, 8);
  for (let i = 0; i < n; i++) {
    const type = r.pick(["a.b", "thing.happened", "a_rather_long_event_type_name.that_happened_just_now", "x.y"]) + i;
    const taken = new Set<string>();
    const props: Record<string, unknown> = { pet: "Pet" };
    for (let j = r.int(1, 8); j > 0; j--) props[pickName(r, taken) + (r.chance(0.3) ? "?" : "")] = schema(r, 2, named);
    events[type] = { group: "g", trigger: `Event ${i}`, payload: r.chance(0.2) && named.length ? r.pick(named) : { properties: props } };
  }
  const catalog = {
    id,
    title: "Stress",
    version: "1.0.0",
    source: { title: "Stress" },
    package: { name: `@stress/${id}` },
    envelope: { typeField: "type", payloadField: "data", fields: { id: "string", "created_at?": "date-time" } },
    groups: { g: { title: "All" } },
    schemas,
    events,
  };
  return stringify(catalog, { lineWidth: 0 });
}
