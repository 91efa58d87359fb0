// fast-check arbitraries from the emitted JSON Schemas: bodies that are valid by construction
// (mostly: format and pattern samplers aim for valid strings), and mutations of them that are
// usually not. The property tests compare verdicts, so a sampler's miss is harmless.
import fc from "fast-check";
import { decimals } from "../../generator/emit/validators/multiple-of.ts";

type S = Record<string, unknown>;

const FORMATS: Record<string, fc.Arbitrary<string>> = {
  uuid: fc.uuid(),
  "date-time": fc.date({ min: new Date("1970-01-01"), max: new Date("2100-01-01"), noInvalidDate: true }).map((d) => d.toISOString()),
  date: fc.date({ min: new Date("1970-01-01"), max: new Date("2100-01-01"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  time: fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 59 })).map(([h, m, s]) => `${pad(h)}:${pad(m)}:${pad(s)}Z`),
  uri: fc.constantFrom("https://example.com/", "http://a.b/c?d=e#f", "urn:isbn:0451450523", "mailto:a@b.c"),
  "uri-reference": fc.constantFrom("/a/b", "../c", "#frag", "https://example.com/x", ""),
  email: fc.constantFrom("a@example.com", "first.last@sub.example.org", "x+y@b.co"),
  hostname: fc.constantFrom("example.com", "a-b.c", "localhost", "xn--bcher-kva.example"),
  ipv4: fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((p) => p.join(".")),
  ipv6: fc.constantFrom("::1", "2001:db8::1", "fe80::1:2:3:4", "2001:0db8:85a3:0000:0000:8a2e:0370:7334"),
};
/** Edge cases of every format, to hold our format checks against Ajv's. */
const TRICKY = fc.constantFrom("", " ", "a", "http://", "https://exa mple.com", "https://é.com", "HTTP://X.Y", "2024-02-30", "2024-02-29",
  "2023-02-29", "2024-02-29T24:00:00Z", "2024-01-01T23:59:60Z", "2024-01-01t10:00:00z", "2024-01-01T10:00:00", "23:59:60Z", "12:00:00+25:00",
  "1.2.3", "::", "::ffff:1.2.3.4", "a@b", "a@b.", "-a.com", "a..b", "%zz", "%41", "é", "00000000-0000-0000-0000-000000000000",
  "3F2B8C1E-5A7D-4E9F-8B6A-1C2D3E4F5A6B", "2001:db8::1::1", "1.1.1.01", "255.255.255.255", "#", "?q", "//host/p");
const pad = (n: number) => String(n).padStart(2, "0");
const char = fc.constantFrom("a", "b", "Z", "0", " ", "é", "😀", "\\", '"', "/", "\uD800", "\uDC00");

export function validArb(schema: S, root: S = schema, depth = 0): fc.Arbitrary<unknown> {
  if (schema["$ref"]) return fc.constant(null).chain(() => validArb(resolve(root, schema["$ref"] as string), root, depth + 1));
  if ("const" in schema) return fc.constant(schema["const"]);
  if (schema["enum"]) return fc.constantFrom(...(schema["enum"] as unknown[]));
  for (const k of ["oneOf", "anyOf"] as const)
    if (schema[k]) return fc.oneof(...(schema[k] as S[]).map((v) => validArb(v, root, depth + 1)));
  const types = schema["type"] === undefined ? ["any"] : ([] as string[]).concat(schema["type"] as string | string[]);
  return fc.oneof(...types.map((t) => typed(t, schema, root, depth)));
}

function typed(t: string, s: S, root: S, depth: number): fc.Arbitrary<unknown> {
  switch (t) {
    case "null":
      return fc.constant(null);
    case "boolean":
      return fc.boolean();
    case "integer":
    case "number": {
      const min = (s["minimum"] as number | undefined) ?? (s["exclusiveMinimum"] !== undefined ? (s["exclusiveMinimum"] as number) + 1e-3 : -1e6);
      const max = (s["maximum"] as number | undefined) ?? (s["exclusiveMaximum"] !== undefined ? (s["exclusiveMaximum"] as number) - 1e-3 : 1e6);
      const step = s["multipleOf"] as number | undefined;
      // k · step in the step's decimals: 35 × 0.01 is 0.35000000000000003, not the decimal 0.35.
      if (step) return fc.integer({ min: Math.ceil(min / step), max: Math.floor(max / step) }).map((k) => Number((k * step).toFixed(decimals(step))));
      return t === "integer" ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) }) : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
    }
    case "string": {
      if (s["format"] && FORMATS[s["format"] as string]) return fc.oneof({ weight: 12, arbitrary: FORMATS[s["format"] as string]! }, { weight: 1, arbitrary: TRICKY });
      if (s["pattern"]) return fc.stringMatching(new RegExp(s["pattern"] as string, "u"));
      return fc.array(char, { minLength: (s["minLength"] as number) ?? 0, maxLength: (s["maxLength"] as number) ?? 6 }).map((cs) => cs.join(""));
    }
    case "array": {
      // Deep down, arrays stay empty, unless minItems says they cannot be.
      const min = (s["minItems"] as number) ?? 0;
      const deep = depth > 4;
      const items = deep && min === 0 ? fc.constant(null) : validArb((s["items"] as S) ?? {}, root, depth + 1);
      const o = { minLength: min, maxLength: Math.max(min, Math.min((s["maxItems"] as number) ?? 3, deep ? 0 : 3)) };
      return s["uniqueItems"] ? fc.uniqueArray(items, { ...o, selector: (v) => JSON.stringify(v) }) : fc.array(items, o);
    }
    case "object": {
      const props = (s["properties"] as Record<string, S>) ?? {};
      const required = new Set((s["required"] as string[]) ?? []);
      // No prototype, so a property named __proto__ is a key like any other.
      const record: Record<string, fc.Arbitrary<unknown>> = Object.create(null);
      for (const [k, v] of Object.entries(props)) if (required.has(k) || depth < 5) record[k] = validArb(v, root, depth + 1);
      // A plain object with the record's own fields, as JSON.parse makes it.
      const base = fc.record(record, { requiredKeys: Object.keys(record).filter((k) => required.has(k)) }).map((o) => Object.defineProperties({}, Object.getOwnPropertyDescriptors(o)));
      const extra = s["additionalProperties"];
      if (typeof extra === "object" && extra !== null)
        return fc.tuple(base, fc.dictionary(fc.constantFrom("k1", "k/2", "k~3"), validArb(extra as S, root, depth + 1), { maxKeys: 2 })).map(([a, b]) => ({ ...b, ...a }));
      return base;
    }
    default:
      return depth > 3 ? fc.constant(null) : fc.jsonValue({ maxDepth: 2 });
  }
}

function resolve(root: S, ref: string): S {
  let cur: unknown = root;
  for (const part of ref.replace(/^#\//, "").split("/")) cur = (cur as S)[part.replace(/~1/g, "/").replace(/~0/g, "~")];
  return cur as S;
}

// No number past 2^53 here: Ajv's multipleOf divides and compares with parseInt, which misjudges
// 1e300 as a multiple of 0.5; our validators get it right, so such numbers would only show Ajv's bug.
const WRONG: unknown[] = [null, 0, -1, 1.5, "", "x", "😀😀😀😀😀😀😀😀😀😀", true, [], {}, [1], { a: 1 }, "2024-13-45", "not a uuid", 2 ** 31];

/** A valid body with one random change somewhere inside it. */
export function mutatedArb(schema: S): fc.Arbitrary<unknown> {
  return fc.tuple(validArb(schema), fc.nat(), fc.constantFrom(...WRONG), fc.constantFrom("delete", "replace", "extra")).map(([value, pick, wrong, op]) => {
    const copy = structuredClone(value);
    const spots = containers(copy);
    const [parent, key] = spots[pick % spots.length]!;
    if (op === "extra" && isObject(parent)) (parent as Record<string, unknown>)["zz_extra"] = wrong;
    else if (op === "delete" && isObject(parent)) delete (parent as Record<string, unknown>)[key as string];
    else (parent as Record<string | number, unknown>)[key] = wrong;
    return copy;
  });
}

const isObject = (v: unknown) => typeof v === "object" && v !== null && !Array.isArray(v);

/** Every (container, key) pair inside a value, the root's own fields first. */
function containers(v: unknown, out: [unknown, string | number][] = []): [unknown, string | number][] {
  if (Array.isArray(v)) v.forEach((x, i) => (out.push([v, i]), containers(x, out)));
  else if (isObject(v)) for (const [k, x] of Object.entries(v as object)) out.push([v, k]), containers(x, out);
  if (!out.length) out.push([{ root: v }, "root"]);
  return out;
}
