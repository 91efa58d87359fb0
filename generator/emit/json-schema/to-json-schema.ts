// Schema (IR) → JSON Schema 2020-12. `refPrefix` is where named schemas live: `#/$defs/` in the
// standalone files, `#/components/schemas/` in OpenAPI. The validators implement exactly this.
import { discriminatorValues } from "../../model/discriminator.ts";
import type { CatalogModel, Json, Schema, SchemaOf } from "../../model/ir.ts";
import { sharedShapes } from "../../model/shapes.ts";

export type JsonSchema = { [k: string]: Json | JsonSchema | JsonSchema[] | undefined };

export interface RefStyle {
  /** The JSON Pointer prefix for a named schema, e.g. `#/$defs/`. */
  prefix: string;
  /** Maps a catalog schema name to its key under the prefix. */
  key(name: string): string;
  /** OpenAPI understands `discriminator` (its mapping names each variant's schema, so it needs the
   * named schemas); plain JSON Schema validators (Ajv strict) do not. */
  discriminator?: { schemasByName: Map<string, Schema> };
  /** AsyncAPI's schemas name the discriminator's property (`discriminator: kind`). */
  discriminatorName?: boolean;
  /** The named schema an inline object or union is the same shape as (model/shapes.ts): written
   * as a reference to it, under the document's own name. */
  named?: (s: Schema) => string | undefined;
}

/** Refers an inline copy of a named schema to it (see RefStyle.named). */
export const namedShapes = (model: CatalogModel): ((s: Schema) => string | undefined) => {
  const shapes = sharedShapes(model);
  return (s) => shapes.of(s)?.named;
};

const escapePointer = (s: string) => encodeURIComponent(s.replace(/~/g, "~0").replace(/\//g, "~1")).replace(/%24/g, "$");

export function toJsonSchema(s: Schema, refs: RefStyle): JsonSchema {
  const core = body(s, refs);
  const out: JsonSchema = {};
  if (s.title) out.title = s.title;
  if (s.description) out.description = s.description;
  Object.assign(out, core);
  if (s.deprecated) out.deprecated = true;
  if (s.default !== undefined) out.default = s.default;
  if (s.example !== undefined) out.examples = [s.example];
  return out;
}

function nullable(type: string, s: Schema): Json {
  return s.nullable ? [type, "null"] : type;
}

function body(s: Schema, refs: RefStyle): JsonSchema {
  const named = refs.named?.(s);
  if (named !== undefined) return body({ kind: "ref", name: named, nullable: s.nullable }, refs);
  switch (s.kind) {
    case "any":
      return {};
    case "null":
      return { type: "null" };
    case "boolean":
      return { type: nullable("boolean", s) };
    case "string":
      return {
        type: nullable("string", s),
        ...(s.format ? { format: s.format } : {}),
        ...(s.pattern !== undefined ? { pattern: s.pattern } : {}),
        ...(s.minLength !== undefined ? { minLength: s.minLength } : {}),
        ...(s.maxLength !== undefined ? { maxLength: s.maxLength } : {}),
      };
    case "number":
      return {
        type: nullable(s.integer ? "integer" : "number", s),
        ...pick(s, ["format", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"]),
      };
    case "literal": {
      const values = s.nullable && !s.values.includes(null) ? [...s.values, null] : s.values;
      if (s.extensible) {
        // The known values, then the base type that any value added later still has; tools that
        // know `x-extensible-enum` (Zalando's) read the known values from it.
        const base = s.nullable || s.values.includes(null) ? [s.extensible, "null"] : s.extensible;
        return { anyOf: [{ enum: values }, { type: base }], "x-extensible-enum": s.values.filter((x) => x !== null) };
      }
      return s.isConst && values.length === 1 ? { const: values[0]! } : { enum: values };
    }
    case "array":
      return {
        type: nullable("array", s),
        items: toJsonSchema(s.items, refs),
        ...pick(s, ["minItems", "maxItems", "uniqueItems"]),
      };
    case "object": {
      const out: JsonSchema = { type: nullable("object", s) };
      if (s.properties.length) {
        out.properties = Object.fromEntries(s.properties.map((p) => [p.name, toJsonSchema(p.schema, refs)]));
        const required = s.properties.filter((p) => p.required).map((p) => p.name);
        if (required.length) out.required = required;
      }
      if (s.additional === false) out.additionalProperties = false;
      else if (typeof s.additional === "object") out.additionalProperties = toJsonSchema(s.additional, refs);
      // The same to JSON Schema, but said outright: tools that type schemas (openapi-typescript)
      // read a bare `{ type: object }` as an object with no fields at all.
      else if (!s.properties.length) out.additionalProperties = true;
      return out;
    }
    case "ref": {
      const ref = { $ref: refTo(s.name, refs) };
      return s.nullable ? { anyOf: [ref, { type: "null" }] } : ref;
    }
    case "union": {
      const union: JsonSchema = { [s.mode]: s.variants.map((v) => toJsonSchema(v, refs)) };
      if (s.discriminator && refs.discriminator) union.discriminator = discriminatorObject(s, refs, refs.discriminator.schemasByName);
      else if (s.discriminator && refs.discriminatorName) union.discriminator = s.discriminator;
      return s.nullable ? { anyOf: [union, { type: "null" }] } : union;
    }
  }
}

/** OpenAPI's discriminator. Without a mapping, a tool reads each variant's schema name as its value
 * (`Circle`, where the body says `circle`), so every string value of a named variant is mapped to
 * it; an inline variant cannot be named in a mapping. */
function discriminatorObject(s: SchemaOf<"union">, refs: RefStyle, schemasByName: Map<string, Schema>): JsonSchema {
  const mapping: JsonSchema = {};
  for (const v of s.variants) {
    // An inline copy of a named schema is written as a reference to it, so it is mapped too.
    const name = v.kind === "ref" ? v.name : refs.named?.(v);
    if (name !== undefined)
      for (const value of discriminatorValues(s, v, schemasByName)) if (typeof value === "string") mapping[value] = refTo(name, refs);
  }
  return { propertyName: s.discriminator!, ...(Object.keys(mapping).length ? { mapping } : {}) };
}

const refTo = (name: string, refs: RefStyle) => `${refs.prefix}${escapePointer(refs.key(name))}`;

function pick<T extends object>(o: T, keys: (keyof T)[]): JsonSchema {
  const out: JsonSchema = {};
  for (const k of keys) if (o[k] !== undefined) out[k as string] = o[k] as Json;
  return out;
}
