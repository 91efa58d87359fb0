// `allOf` over named schemas → the catalog's composition (`allOf: [Customer, { properties: … }]`),
// or a derivation (`from: Customer, require: [email]`), when that says exactly what JSON Schema's
// intersection says; else undefined, and the caller merges the members into one object (with
// merge-all-of.ts's warnings).
//
// Exact means what the catalog's merge (EG314) accepts: every member an open object (not closed,
// not a map, not nullable), members that name one field saying it the same way (descriptions and
// examples aside), and some member saying `type: object` (JSON Schema's allOf of untyped members
// accepts non-objects; the catalog's makes an object).
import type { CatProp, CatSchema } from "./draft.ts";
import { isRec } from "./merge-all-of.ts";
import type { Loc } from "./read-source.ts";
import { catalogForm } from "./write-catalog-yaml.ts";

type Rec = Record<string, unknown>;

/** One conjunct: an allOf member, or the fields beside the allOf. */
export interface Part {
  node: unknown;
  loc: Loc;
}

export interface ComposeCx {
  convert(node: unknown, loc: Loc): CatSchema;
  /** The named schema a `$ref` member names, or undefined (no such place, or not a named one). */
  namedRef(node: Rec, loc: Loc): string | undefined;
  /** A named schema, converted (undefined while it is being converted). */
  schemaNamed(name: string): CatSchema | undefined;
  /** Whether the raw member says `type: object` (through references and nested allOfs). */
  saysObject(node: unknown, loc: Loc): boolean;
}

/** Keys that only annotate: a member or the schema beside allOf may have them. */
const ANNOTATION = new Set(["title", "description", "example", "examples", "default", "deprecated", "readOnly", "writeOnly", "$comment", "$id", "$schema", "externalDocs", "xml"]);
const annotationOnly = (n: Rec, except: string[]) => Object.keys(n).every((k) => ANNOTATION.has(k) || k.startsWith("x-") || except.includes(k));

interface Fields {
  fields: Map<string, CatProp>;
  closed: boolean;
}

/** `meta`: the annotations of the schema beside allOf. */
export function composeAllOf(parts: Part[], meta: CatSchema, cx: ComposeCx, saysObject: boolean): CatSchema | undefined {
  const refs = parts.map((p) => (isRec(p.node) && typeof p.node.$ref === "string" && annotationOnly(p.node, ["$ref"]) ? cx.namedRef(p.node, p.loc) : undefined));
  if (!refs.some((r) => r !== undefined)) return undefined;
  if (!saysObject && !parts.some((p) => cx.saysObject(p.node, p.loc))) return undefined;

  // `allOf: [X, { required: [a, b] }]`, a and b fields of X: X with them required.
  if (parts.length === 2 && refs[0] !== undefined && refs[1] === undefined && isRec(parts[1]!.node) && Array.isArray(parts[1]!.node.required) && annotationOnly(parts[1]!.node, ["required", "type"]) && [undefined, "object"].includes(parts[1]!.node.type as string)) {
    const base = fieldsOf({ ref: refs[0] }, cx, new Set());
    const names = [...new Set(parts[1]!.node.required as unknown[])];
    if (!base || !names.length || !names.every((n) => typeof n === "string" && base.fields.has(n))) return undefined;
    const require = (names as string[]).filter((n) => !base.fields.get(n)!.required);
    if (!require.length) return { ref: refs[0], ...meta };
    const flat: CatSchema = { type: "object", properties: [...base.fields.values()].map((p) => (require.includes(p.name) ? { ...p, required: true } : p)), ...(base.closed ? { additionalProperties: false } : {}), ...meta };
    return { from: refs[0], require, ...meta, flat };
  }

  const members: CatSchema[] = [];
  const merged = new Map<string, { prop: CatProp; form: string }>();
  for (const [i, p] of parts.entries()) {
    let member: CatSchema;
    if (refs[i] !== undefined) member = { ref: refs[i] };
    else {
      // An untyped inline member is an object here: another member says so.
      const node = isRec(p.node) && p.node.type === undefined && !p.node.$ref && !p.node.allOf ? { type: "object", ...p.node } : p.node;
      member = cx.convert(node, p.loc);
    }
    const f = fieldsOf(member, cx, new Set());
    if (!f || f.closed) return undefined;
    for (const [name, prop] of f.fields) {
      const form = canonical(prop.schema);
      const had = merged.get(name);
      if (!had) merged.set(name, { prop, form });
      else if (had.form !== form) return undefined;
      else if (prop.required && !had.prop.required) had.prop = { ...had.prop, required: true };
    }
    members.push(member);
  }
  if (members.length === 1) return { ...members[0]!, ...meta };
  const flat: CatSchema = { type: "object", properties: [...merged.values()].map((m) => m.prop), ...meta };
  return { ...meta, allOf: members, flat };
}

/** An object's fields as the catalog's merge reads them, or undefined for anything it cannot merge
 * (no object, a map, nullable, a derivation or a schema still being converted). */
function fieldsOf(s: CatSchema, cx: ComposeCx, seen: Set<string>): Fields | undefined {
  if (s.ref !== undefined) {
    if (seen.has(s.ref) || Object.keys(s).some((k) => !["ref", "description", "title", "deprecated", "example", "default"].includes(k))) return undefined;
    const target = cx.schemaNamed(s.ref);
    return target && fieldsOf(target, cx, new Set(seen).add(s.ref));
  }
  if (s.nullable || s.from !== undefined || s.values || s.oneOf || s.anyOf || s.enum || Object.hasOwn(s, "const")) return undefined;
  if (s.allOf) {
    const out: Fields = { fields: new Map(), closed: s.additionalProperties === false };
    for (const m of s.allOf) {
      const f = fieldsOf(m, cx, seen);
      if (!f) return undefined;
      for (const [k, v] of f.fields) if (!out.fields.has(k)) out.fields.set(k, v);
    }
    return out;
  }
  if (s.type !== "object") return undefined;
  return { fields: new Map((s.properties ?? []).map((p) => [p.name, p])), closed: s.additionalProperties === false };
}

/** What a field's schema says as the catalog will read it, annotations aside: two members agree on
 * a field when these are equal (the catalog's EG314 compares the written form the same way). */
function canonical(s: CatSchema): string {
  return JSON.stringify(strip(catalogForm(s)));
}
const IGNORED = new Set(["description", "title", "example", "default", "deprecated"]);
function strip(v: unknown): unknown {
  if (typeof v === "string") return v.split(" ")[0];
  if (Array.isArray(v)) return v.map(strip);
  if (!isRec(v)) return v;
  const out: Rec = {};
  for (const [k, x] of Object.entries(v)) {
    if (IGNORED.has(k)) continue;
    if (k === "properties" && isRec(x)) out[k] = Object.fromEntries(Object.entries(x).map(([n, p]) => [n, strip(p)]));
    else if (["items", "values", "oneOf", "anyOf", "allOf"].includes(k)) out[k] = strip(x);
    else out[k] = x;
  }
  return out;
}
