// A delivery body synthesized from an event's schema, for events whose catalog has no example.
// Deterministic, and meant to pass the generated validator (the docs tests hold it to that).
import type { CatalogModel, Json, Schema, SchemaOf } from "../../model/ir.ts";

const FORMAT_SAMPLES: Record<string, string> = {
  uuid: "3f2b8c1e-5a7d-4e9f-8b6a-1c2d3e4f5a6b",
  "date-time": "2024-05-01T12:00:00Z",
  date: "2024-05-01",
  time: "12:00:00Z",
  uri: "https://example.com/resource",
  "uri-reference": "/resource",
  email: "user@example.com",
  hostname: "example.com",
  ipv4: "192.0.2.1",
  ipv6: "2001:db8::1",
};

const MAX_DEPTH = 8;

export function exampleBody(model: CatalogModel, body: SchemaOf<"object">): Json {
  const named = new Map(model.schemas.map((s) => [s.name, s.schema]));
  const sample = (s: Schema, depth: number, key: string): Json => {
    if (depth > MAX_DEPTH) return null;
    switch (s.kind) {
      case "any":
        return {};
      case "string":
        return stringSample(s, key);
      case "number":
        return numberSample(s);
      case "boolean":
        return true;
      case "null":
        return null;
      case "literal":
        return s.values[0]!;
      case "array": {
        const n = Math.max(s.minItems ?? 0, s.maxItems === 0 ? 0 : 1);
        const one = sample(s.items, depth + 1, key);
        // Distinct items when they must be unique: only numbers and strings can be varied simply.
        return Array.from({ length: n }, (_, i) => (i && typeof one === "number" ? one + i : i && typeof one === "string" ? `${one}${i}` : one));
      }
      case "object": {
        const out: Record<string, Json> = {};
        for (const p of s.properties) {
          // Deep optional fields are left out so recursive schemas end.
          if (!p.required && depth >= 3) continue;
          out[p.name] = sample(p.schema, depth + 1, p.name);
        }
        if (!s.properties.length && typeof s.additional === "object") out["key"] = sample(s.additional, depth + 1, "key");
        return out;
      }
      case "ref":
        return sample(named.get(s.name)!, depth + 1, key);
      case "union": {
        const first = s.variants[0];
        return first ? sample(first, depth, key) : null;
      }
    }
  };
  return sample(body, 0, "");
}

function stringSample(s: SchemaOf<"string">, key: string): string {
  if (s.format && FORMAT_SAMPLES[s.format]) return FORMAT_SAMPLES[s.format]!;
  let text = key ? `example_${key}` : "example";
  if (s.pattern !== undefined) {
    const re = safeRegExp(s.pattern);
    const prefix = /^\^([A-Za-z0-9_-]*)/.exec(s.pattern)?.[1] ?? "";
    const candidates = [`${prefix}${text}`, `${prefix}123`, text, "example", "EXAMPLE", "123", "a", "A", "0", ""];
    text = (re && candidates.find((c) => re.test(c))) ?? candidates[0]!;
  }
  const min = s.minLength ?? 0;
  const chars = [...text];
  while (chars.length < min) chars.push("x");
  if (s.maxLength !== undefined && chars.length > s.maxLength) chars.length = s.maxLength;
  return chars.join("");
}

function numberSample(s: SchemaOf<"number">): number {
  let n = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : 0);
  if (s.multipleOf) n = Math.ceil(n / s.multipleOf) * s.multipleOf;
  if (s.exclusiveMinimum !== undefined && n <= s.exclusiveMinimum) n += s.multipleOf ?? 1;
  if (s.maximum !== undefined && n > s.maximum) n = s.maximum;
  if (s.exclusiveMaximum !== undefined && n >= s.exclusiveMaximum) n = s.exclusiveMaximum - (s.integer ? 1 : 0.5);
  return s.integer ? Math.round(n) : n;
}

function safeRegExp(pattern: string): RegExp | undefined {
  try {
    return new RegExp(pattern, "u");
  } catch {
    return undefined;
  }
}
