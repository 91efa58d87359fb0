// How a shorthand's TYPE is read; shared by the rules (to report) and the model (to build).
import { FORMATS, PRIMITIVES, type Format, type Primitive, type RawSchema } from "./catalog-shape.ts";

export type BaseKind =
  | { kind: "primitive"; primitive: Primitive }
  | { kind: "format"; format: Format }
  | { kind: "ref"; name: string }
  | { kind: "unknown" };

export function classifyBase(base: string, schemaNames: ReadonlySet<string>): BaseKind {
  if ((PRIMITIVES as readonly string[]).includes(base)) return { kind: "primitive", primitive: base as Primitive };
  if ((FORMATS as readonly string[]).includes(base)) return { kind: "format", format: base as Format };
  if (schemaNames.has(base)) return { kind: "ref", name: base };
  return { kind: "unknown" };
}

/** Calls `visit` on a schema and every schema nested in it (items, properties, values, oneOf). */
export function walkSchema(s: RawSchema, visit: (s: RawSchema, propertyName?: string) => void, propertyName?: string) {
  visit(s, propertyName);
  if (s.shorthand) return;
  if (s.items) walkSchema(s.items, visit);
  if (s.values) walkSchema(s.values, visit);
  for (const p of s.properties ?? []) walkSchema(p.value, visit, p.key);
  for (const v of [...(s.oneOf ?? []), ...(s.anyOf ?? []), ...(s.allOf ?? [])]) walkSchema(v, visit);
}
