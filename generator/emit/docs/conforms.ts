// Whether a JSON value could match a schema: the example synthesizer's own check, used to pick a
// `oneOf` variant no other variant also accepts and to vet a schema's documented `example`.
// Formats are not checked (a value "could" match), so callers only trust it where that is safe;
// the generated validators remain the judge (the docs tests run every synthesized example
// through them).
import type { Json, Schema } from "../../model/ir.ts";
import { isMultipleOf } from "../validators/multiple-of.ts";

export type Named = ReadonlyMap<string, Schema>;

const MAX_DEPTH = 64;

export function conforms(s: Schema, v: Json, named: Named, depth = 0): boolean {
  if (depth > MAX_DEPTH) return true;
  if (v === null && s.nullable) return true;
  const next = (schema: Schema, value: Json) => conforms(schema, value, named, depth + 1);
  switch (s.kind) {
    case "any":
      return true;
    case "null":
      return v === null;
    case "boolean":
      return typeof v === "boolean";
    case "string": {
      if (typeof v !== "string") return false;
      const length = [...v].length;
      if (s.minLength !== undefined && length < s.minLength) return false;
      if (s.maxLength !== undefined && length > s.maxLength) return false;
      return s.pattern === undefined || testPattern(s.pattern, v);
    }
    case "number":
      return (
        typeof v === "number" &&
        Number.isFinite(v) &&
        (!s.integer || Number.isInteger(v)) &&
        (s.minimum === undefined || v >= s.minimum) &&
        (s.maximum === undefined || v <= s.maximum) &&
        (s.exclusiveMinimum === undefined || v > s.exclusiveMinimum) &&
        (s.exclusiveMaximum === undefined || v < s.exclusiveMaximum) &&
        (s.multipleOf === undefined || isMultipleOf(v, s.multipleOf))
      );
    case "literal":
      if (s.extensible) return v === null ? s.values.includes(null) : s.extensible === "string" ? typeof v === "string" : typeof v === "number" && Number.isFinite(v) && (s.extensible === "number" || Number.isInteger(v));
      return s.values.some((x) => canonical(x) === canonical(v));
    case "array":
      return (
        Array.isArray(v) &&
        (s.minItems === undefined || v.length >= s.minItems) &&
        (s.maxItems === undefined || v.length <= s.maxItems) &&
        (!s.uniqueItems || new Set(v.map(canonical)).size === v.length) &&
        v.every((x) => next(s.items, x))
      );
    case "object": {
      if (typeof v !== "object" || v === null || Array.isArray(v)) return false;
      const declared = new Set(s.properties.map((p) => p.name));
      for (const p of s.properties) {
        const has = Object.hasOwn(v, p.name) && v[p.name] !== undefined;
        if (!has ? p.required : !next(p.schema, v[p.name]!)) return false;
      }
      for (const [k, x] of Object.entries(v)) {
        if (declared.has(k)) continue;
        if (s.additional === false || (typeof s.additional === "object" && !next(s.additional, x))) return false;
      }
      return true;
    }
    case "ref": {
      const target = named.get(s.name);
      return target === undefined || next(target, v);
    }
    case "union": {
      const matching = s.variants.filter((x) => next(x, v)).length;
      return s.mode === "oneOf" ? matching === 1 : matching > 0;
    }
  }
}

/** JSON text with sorted keys, so equal values compare equal. */
export function canonical(v: Json): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  if (v !== null && typeof v === "object")
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(v[k]!)}`)
      .join(",")}}`;
  return JSON.stringify(v);
}

export function testPattern(pattern: string, v: string): boolean {
  try {
    return new RegExp(pattern, "u").test(v);
  } catch {
    return true;
  }
}
