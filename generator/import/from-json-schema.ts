// JSON Schema (draft-07, 2020-12, and OpenAPI 3.0/3.1's dialects) → the catalog's schema syntax.
// What the catalog says exactly is carried over; anything else is a warning with its JSON Pointer,
// and the schema is widened (the keyword dropped), never narrowed.
import { FORMAT_NAME, isCheckedFormat } from "../check/catalog-shape.ts";
import { extensibleBase } from "../check/extensible.ts";
import type { Json } from "../model/ir.ts";
import type { CatSchema } from "./draft.ts";
import { composeAllOf, type ComposeCx, type Part } from "./compose.ts";
import { isRec, mergeAllOf, same } from "./merge-all-of.ts";
import { placeName, type SchemaNamer } from "./names.ts";
import { child, type Loc, type Sources } from "./read-source.ts";
import type { ImportCode, Warn } from "./warnings.ts";

type Rec = Record<string, unknown>;

/** Keywords no catalog schema can say; dropped with a warning. */
const UNSAID: Record<string, string> = {
  not: "'not'", if: "'if'/'then'/'else'", then: "'if'/'then'/'else'", else: "'if'/'then'/'else'",
  $dynamicRef: "'$dynamicRef'", $recursiveRef: "'$recursiveRef'", patternProperties: "'patternProperties'",
  propertyNames: "'propertyNames'", minProperties: "'minProperties'", maxProperties: "'maxProperties'",
  dependentRequired: "'dependentRequired'", dependentSchemas: "'dependentSchemas'", dependencies: "'dependencies'",
  unevaluatedProperties: "'unevaluatedProperties'", unevaluatedItems: "'unevaluatedItems'", contains: "'contains'",
  minContains: "'minContains'", maxContains: "'maxContains'", prefixItems: "'prefixItems'", additionalItems: "'additionalItems'",
};
const FAMILIES: Record<string, string[]> = {
  string: ["format", "pattern", "minLength", "maxLength"],
  number: ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"],
  array: ["items", "minItems", "maxItems", "uniqueItems"],
  object: ["properties", "required", "additionalProperties"],
};
const JSON_TYPES = ["string", "integer", "number", "boolean", "array", "object", "null"];
/** What still constrains a `$ref`'s or a union's neighbour schema (annotations do not). */
const CONSTRAINTS = new Set([...Object.values(FAMILIES).flat(), "type", "enum", "const", "allOf", "anyOf", "oneOf", "$ref", ...Object.keys(UNSAID)]);

export interface Dialect {
  /** OpenAPI 3.0: `nullable`, boolean exclusive bounds, and `$ref` siblings ignored. */
  openapi30: boolean;
  /** The name a place gets when it is a named schema (`components/schemas/X`, `$defs/X`, …). */
  namedPlace(loc: Loc): string | undefined;
  /** Write `allOf` over named schemas as the catalog's composition (see compose.ts); false: merge
   * every allOf into one expanded object. */
  compose: boolean;
}

interface Named {
  name: string;
  loc: Loc;
  schema?: CatSchema;
}

export class SchemaConverter {
  /** Named schemas by place (`file#pointer`), in the order they were named. */
  readonly named = new Map<string, Named>();
  private readonly pending: Named[] = [];
  private readonly inlining = new Map<string, { recursive: boolean }>();
  private depth = 0;

  constructor(
    private readonly sources: Sources,
    private readonly warnings: Warn,
    private readonly namer: SchemaNamer,
    private readonly dialect: Dialect,
  ) {}

  private warn(code: ImportCode, loc: Loc, message: string) {
    this.warnings({ code, file: loc.file, pointer: loc.pointer, message });
  }

  /** The named schema at a place, converted now or later (see `drain`). */
  nameOf(loc: Loc, wanted: string): string {
    const key = `${loc.file}#${loc.pointer}`;
    let n = this.named.get(key);
    if (!n) {
      n = { name: this.namer.take(wanted), loc };
      this.named.set(key, n);
      this.pending.push(n);
    }
    return n.name;
  }

  /** Converts every named schema that was referred to, and those they refer to. */
  drain() {
    for (let n = this.pending.shift(); n; n = this.pending.shift()) this.ensure(n);
  }

  private readonly converting = new Set<Named>();
  /** A named schema's conversion, made now if it was not; undefined while it is being made. */
  private ensure(n: Named): CatSchema | undefined {
    if (n.schema || this.converting.has(n)) return n.schema;
    this.converting.add(n);
    try {
      const node = this.sources.resolve(`#${n.loc.pointer}`, n.loc);
      const out = typeof node === "string" ? {} : this.inline(node.node, n.loc);
      n.schema ??= out;
      return n.schema;
    } finally {
      this.converting.delete(n);
    }
  }

  /** The named schema a converted schema names, converted. */
  schemaNamed(name: string): CatSchema | undefined {
    for (const n of this.named.values()) if (n.name === name) return this.ensure(n);
    return undefined;
  }

  /** The schema itself, even where it stands at a named place (an event's body, say). */
  inline(node: unknown, loc: Loc): CatSchema {
    const key = `${loc.file}#${loc.pointer}`;
    const mark = { recursive: false };
    this.inlining.set(key, mark);
    try {
      const out = this.convert(node, loc);
      if (!mark.recursive) return out;
      // It refers to itself: it becomes a named schema, and this place refers to it.
      const named = this.named.get(key) ?? { name: this.namer.take(placeName(loc.pointer, "")), loc };
      named.schema ??= out;
      this.named.set(key, named);
      return { ref: named.name };
    } finally {
      this.inlining.delete(key);
    }
  }

  private refTo(ref: string, loc: Loc): CatSchema {
    const r = this.sources.resolve(ref, loc);
    if (typeof r === "string") {
      this.warn("IMP103", child(loc, "$ref"), `${r}; read as any`);
      return {};
    }
    const target = this.sources.placeOf(r.node) ?? r.loc;
    const key = `${target.file}#${target.pointer}`;
    const wanted = this.dialect.namedPlace(target);
    if (wanted !== undefined) return { ref: this.nameOf(target, wanted) };
    const inProgress = this.inlining.get(key);
    if (inProgress) {
      inProgress.recursive = true;
      const named = this.named.get(key) ?? { name: this.namer.take(placeName(target.pointer, "")), loc: target };
      this.named.set(key, named);
      return { ref: named.name };
    }
    return this.inline(r.node, target);
  }

  convert(node: unknown, loc: Loc): CatSchema {
    if (node === true) return {};
    if (node === false) {
      this.warn("IMP101", loc, "'false' (no value is valid) cannot be said; read as any");
      return {};
    }
    if (!isRec(node)) {
      this.warn("IMP101", loc, "not a schema; read as any");
      return {};
    }
    if (++this.depth > 150) {
      this.depth--;
      this.warn("IMP101", loc, "nested too deep; read as any");
      return {};
    }
    try {
      return this.object(node, loc);
    } finally {
      this.depth--;
    }
  }

  private at(node: unknown, parent: Loc, ...keys: (string | number)[]): Loc {
    return this.sources.placeOf(node) ?? child(parent, ...keys);
  }

  private object(s: Rec, loc: Loc): CatSchema {
    for (const k of Object.keys(s)) if (UNSAID[k]) this.warn("IMP100", child(loc, k), `${UNSAID[k]} cannot be said in a catalog; dropped, so the catalog accepts more`);
    const meta = this.meta(s, loc);
    const nullable30 = this.dialect.openapi30 && s.nullable === true;
    const withNull = (out: CatSchema): CatSchema => (nullable30 && out.enum === undefined && !Object.hasOwn(out, "const") ? { ...out, nullable: true } : out);

    if (typeof s.$ref === "string") {
      const constraints = Object.keys(s).filter((k) => CONSTRAINTS.has(k) && k !== "$ref");
      if (!constraints.length || this.dialect.openapi30) return withNull({ ...this.refTo(s.$ref, loc), ...meta });
      // 2020-12: keywords beside `$ref` are one more conjunct, as in an allOf.
      const beside = Object.fromEntries(constraints.map((k) => [k, s[k]]));
      const composed = this.composition([{ node: { $ref: s.$ref }, loc }, { node: beside, loc }], s, meta);
      if (composed) return composed;
      return withNull({ ...meta, ...this.convert(mergeAllOf(s, loc, this.sources, this.warnings), loc) });
    }
    if (Array.isArray(s.allOf) && s.allOf.length === 1 && isRec(s.allOf[0]) && typeof s.allOf[0].$ref === "string" && Object.keys(s.allOf[0]).length === 1 && !Object.keys(s).some((k) => CONSTRAINTS.has(k) && k !== "allOf"))
      // `allOf: [$ref]` is how OpenAPI 3.0 puts a description or `nullable` beside a reference.
      return withNull({ ...this.refTo(s.allOf[0].$ref, this.at(s.allOf[0], loc, "allOf", 0)), ...meta });
    if (Array.isArray(s.allOf)) {
      const parts: Part[] = s.allOf.map((m, i) => ({ node: m, loc: this.at(m, loc, "allOf", i) }));
      // Fields beside the allOf are one more member.
      if (s.properties !== undefined || s.required !== undefined) parts.push({ node: Object.fromEntries(["properties", "required"].filter((k) => s[k] !== undefined).map((k) => [k, s[k]])), loc });
      const composed = this.composition(parts, s, meta);
      if (composed) return composed;
      return withNull({ ...meta, ...this.convert(mergeAllOf(s, loc, this.sources, this.warnings), loc) });
    }
    const extensible = this.extensibleEnum(s);
    if (extensible) return { ...meta, ...extensible };
    for (const mode of ["oneOf", "anyOf"] as const) if (Array.isArray(s[mode])) return withNull({ ...meta, ...this.union(s, mode, loc) });

    let types = s.type === undefined ? undefined : ([] as unknown[]).concat(s.type).filter((t): t is string => typeof t === "string");
    const nullType = types?.includes("null") ?? false;
    if (types) types = types.filter((t) => t !== "null" && JSON_TYPES.includes(t));

    // An enum or const is the whole truth, `nullable` included: OpenAPI 3.0.3 says null must be listed.
    if (Object.hasOwn(s, "const")) return { ...meta, const: s.const as Json };
    if (Array.isArray(s.enum)) {
      const fits = (v: unknown) => !s.type || (v === null ? nullType || nullable30 : types!.some((t) => fitsType(v, t)));
      const values = (s.enum as Json[]).filter(fits);
      if (!values.length) {
        this.warn("IMP101", child(loc, "enum"), "no value of the enum has the declared type; read as any");
        return meta;
      }
      return { ...meta, enum: values };
    }

    const nullable = nullType || nullable30;
    if (types && types.length > 1) {
      // type: [string, integer] is a union of one schema per type, each with its own keywords.
      const variants = types.map((t) => this.typed(t, s, loc));
      return { ...meta, anyOf: variants, ...(nullable ? { nullable: true } : {}) };
    }
    if (types && types.length === 0) return nullType ? { ...meta, type: "null" } : meta;
    let type = types?.[0];
    if (!type) {
      const implied = Object.entries(FAMILIES).find(([, keys]) => keys.some((k) => Object.hasOwn(s, k)))?.[0];
      if (!implied) return meta;
      this.warn("IMP106", loc, `no 'type', so JSON Schema accepts any non-${implied} value here; the catalog reads it as ${implied === "object" ? "an" : "a"} ${implied}`);
      type = implied;
    }
    return { ...meta, ...this.typed(type, s, loc), ...(nullable ? { nullable: true } : {}) };
  }

  /** `allOf` (or `$ref` with keywords beside it) as the catalog's composition, where that is exact
   * (compose.ts); undefined: merge it. Only the annotations, `type: object` and the fields (made one
   * more member by the caller) may stand beside it. */
  private composition(parts: Part[], s: Rec, meta: CatSchema): CatSchema | undefined {
    if (!this.dialect.compose) return undefined;
    const besides = Object.keys(s).filter((k) => CONSTRAINTS.has(k) && !["allOf", "$ref", "type", "properties", "required"].includes(k));
    if (besides.length || (s.type !== undefined && s.type !== "object") || (this.dialect.openapi30 && s.nullable === true)) return undefined;
    if (parts.some((p) => isRec(p.node) && (p.node.additionalProperties === false || isRec(p.node.additionalProperties)) && !p.node.$ref)) return undefined;
    return composeAllOf(parts, meta, this.composeCx, s.type === "object");
  }

  private readonly composeCx: ComposeCx = {
    convert: (node, loc) => this.convert(node, loc),
    namedRef: (node, loc) => {
      const r = this.sources.resolve(node.$ref as string, this.sources.placeOf(node) ?? loc);
      if (typeof r === "string") return undefined;
      const target = this.sources.placeOf(r.node) ?? r.loc;
      const wanted = this.dialect.namedPlace(target);
      return wanted === undefined ? undefined : this.nameOf(target, wanted);
    },
    schemaNamed: (name) => this.schemaNamed(name),
    saysObject: (node, loc) => this.saysObject(node, loc, 0),
  };

  private saysObject(node: unknown, loc: Loc, depth: number): boolean {
    if (!isRec(node) || depth > 20) return false;
    if (node.type === "object" || (Array.isArray(node.type) && node.type.length === 1 && node.type[0] === "object")) return true;
    if (typeof node.$ref === "string") {
      const r = this.sources.resolve(node.$ref, this.sources.placeOf(node) ?? loc);
      if (typeof r !== "string" && this.saysObject(r.node, this.sources.placeOf(r.node) ?? r.loc, depth + 1)) return true;
    }
    return Array.isArray(node.allOf) && node.allOf.some((m, i) => this.saysObject(m, this.at(m, loc, "allOf", i), depth + 1));
  }

  /** `x-extensible-enum` (Zalando's): the known values of a string or number whose vendor may add
   * more. Beside `type: string` alone, or beside the `anyOf: [{ enum }, { type }]` eventgen writes
   * so that tools without the extension read it right. */
  private extensibleEnum(s: Rec): CatSchema | undefined {
    const known = s["x-extensible-enum"];
    if (!Array.isArray(known) || !known.length) return undefined;
    let types: unknown[];
    if (Array.isArray(s.anyOf)) {
      if (s.anyOf.length !== 2 || Object.keys(s).some((k) => CONSTRAINTS.has(k) && k !== "anyOf")) return undefined;
      const [a, b] = s.anyOf as unknown[];
      if (!isRec(a) || !isRec(b) || !Array.isArray(a.enum) || Object.keys(a).length !== 1 || Object.keys(b).some((k) => k !== "type")) return undefined;
      types = ([] as unknown[]).concat(b.type);
    } else {
      if (Object.keys(s).some((k) => CONSTRAINTS.has(k) && k !== "type")) return undefined;
      types = ([] as unknown[]).concat(s.type);
    }
    const nullable = types.includes("null") || (this.dialect.openapi30 && s.nullable === true);
    const base = types.filter((t) => t !== "null");
    if (base.length !== 1 || !["string", "integer", "number"].includes(base[0] as string)) return undefined;
    const type = base[0] as string;
    const values = (known as Json[]).filter((v) => v !== null && fitsType(v, type));
    if (values.length !== known.filter((v) => v !== null).length) return undefined;
    return { ...(extensibleBase(values) === type ? {} : { type }), enum: values, extensible: true, ...(nullable ? { nullable: true } : {}) };
  }

  private meta(s: Rec, loc: Loc): CatSchema {
    const out: CatSchema = {};
    if (typeof s.title === "string" && s.title) out.title = s.title;
    if (typeof s.description === "string" && s.description.trim()) out.description = s.description;
    if (s.deprecated === true) out.deprecated = true;
    if (Object.hasOwn(s, "default")) out.default = s.default as Json;
    if (Object.hasOwn(s, "example")) out.example = s.example as Json;
    else if (Array.isArray(s.examples) && s.examples.length) out.example = s.examples[0] as Json;
    void loc;
    return out;
  }

  private typed(type: string, s: Rec, loc: Loc): CatSchema {
    const num = (k: string) => (typeof s[k] === "number" && Number.isFinite(s[k]) ? { [k]: s[k] as number } : {});
    switch (type) {
      case "string": {
        const out: CatSchema = { type: "string", ...num("minLength"), ...num("maxLength") };
        // Every format is kept: those the validators do not check stay annotations, as in JSON Schema.
        if (typeof s.format === "string") this.format(s.format, out, loc);
        if (typeof s.pattern === "string") {
          try {
            new RegExp(s.pattern, "u");
            out.pattern = s.pattern;
          } catch {
            this.warn("IMP100", child(loc, "pattern"), "not an ECMAScript regular expression; dropped");
          }
        }
        return out;
      }
      case "integer":
      case "number": {
        const out: CatSchema = { type, ...num("minimum"), ...num("maximum"), ...num("multipleOf") };
        for (const [ex, bound] of [["exclusiveMinimum", "minimum"], ["exclusiveMaximum", "maximum"]] as const) {
          if (typeof s[ex] === "number") out[ex] = s[ex] as number;
          else if (s[ex] === true && typeof s[bound] === "number") {
            // OpenAPI 3.0 and draft-04: a boolean that makes the bound exclusive.
            out[ex] = s[bound] as number;
            delete out[bound];
          }
        }
        if (out.multipleOf !== undefined && out.multipleOf <= 0) delete out.multipleOf;
        if (typeof s.format === "string") this.format(s.format, out, loc, true);
        return out;
      }
      case "boolean":
      case "null":
        return { type };
      case "array": {
        const out: CatSchema = { type: "array", ...num("minItems"), ...num("maxItems"), ...(s.uniqueItems === true ? { uniqueItems: true } : {}) };
        if (Array.isArray(s.items)) this.warn("IMP100", child(loc, "items"), "a tuple ('items' as a list) cannot be said; its items are read as any");
        else if (s.items !== undefined) {
          const items = this.convert(s.items, this.at(s.items, loc, "items"));
          if (Object.keys(items).length) out.items = items;
        }
        return out;
      }
      case "object":
        return this.objectType(s, loc);
    }
    return {};
  }

  /** Keeps a format; one the catalog cannot name (a checked string format on a number, or not a
   * format name at all) is dropped with IMP102. */
  private format(f: string, out: CatSchema, loc: Loc, number = false) {
    if (!FORMAT_NAME.test(f)) this.warn("IMP102", child(loc, "format"), `format ${JSON.stringify(f.slice(0, 80))} is not a format name the catalog can keep; dropped`);
    else if (number && isCheckedFormat(f)) this.warn("IMP102", child(loc, "format"), `format '${f}' is a string format, on a number; dropped`);
    else out.format = f;
  }

  private objectType(s: Rec, loc: Loc): CatSchema {
    const out: CatSchema = { type: "object" };
    const required = new Set(Array.isArray(s.required) ? s.required.filter((r): r is string => typeof r === "string") : []);
    const props = isRec(s.properties) ? s.properties : {};
    const list = Object.keys(props).map((name) => ({ name, schema: this.convert(props[name], this.at(props[name], loc, "properties", name)), required: required.has(name) }));
    // A required name with no schema must still be present, with any value.
    for (const name of required) if (!Object.hasOwn(props, name)) list.push({ name, schema: {}, required: true });
    if (list.length) out.properties = list;
    const extra = s.additionalProperties;
    if (extra === false) out.additionalProperties = false;
    else if (extra !== undefined && extra !== true) {
      const values = this.convert(extra, this.at(extra, loc, "additionalProperties"));
      if (Object.keys(values).length) out.values = values;
    }
    return out;
  }

  private union(s: Rec, mode: "oneOf" | "anyOf", loc: Loc): CatSchema {
    if (mode === "oneOf" && Array.isArray(s.anyOf)) this.warn("IMP104", child(loc, "anyOf"), "'anyOf' beside 'oneOf' cannot be said; dropped, so the catalog accepts more");
    const all = s[mode] as unknown[];
    const isNull = (v: unknown) => isRec(v) && (v.type === "null" || same(v.type, ["null"])) && Object.keys(v).every((k) => k === "type" || k === "description");
    let nullable = all.some(isNull);
    const variants = all.map((v, i) => ({ v, l: this.at(v, loc, mode, i) })).filter(({ v }) => !isNull(v));
    // Keywords beside the union constrain every variant: (A|B) ∩ S = (A ∩ S) | (B ∩ S), exactly.
    const siblings: Rec = {};
    for (const [k, v] of Object.entries(s))
      if (CONSTRAINTS.has(k) && k !== mode && k !== "anyOf" && !(k === "type" && this.typesAgree(v, variants.map((x) => x.v), loc))) siblings[k] = v;
    if (Array.isArray(siblings.type) && siblings.type.includes("null")) nullable = true;
    const withSiblings = Object.keys(siblings).length
      ? variants.map(({ v, l }) => {
          const both = { allOf: [v, siblings] };
          this.sources.place(both, l);
          return { v: both as unknown, l };
        })
      : variants;
    const converted = withSiblings.map(({ v, l }) => this.convert(v, l));
    const nul = nullable || (this.dialect.openapi30 && s.nullable === true) ? { nullable: true } : {};
    if (converted.length === 1) return { ...converted[0]!, ...nul };
    if (!converted.length) return { type: "null" };
    const out: CatSchema = { [mode]: converted, ...nul };
    const d = s.discriminator;
    const property = isRec(d) ? d.propertyName : typeof d === "string" ? d : undefined;
    if (typeof property === "string") {
      const why = mode === "anyOf" ? "it goes with oneOf only" : this.discriminates(property, variants.map((x) => x.v), loc);
      if (why) this.warn("IMP105", child(loc, "discriminator"), `discriminator '${property}' dropped: ${why}; the union still holds`);
      else out.discriminator = property;
    }
    return out;
  }

  /** Whether `type` beside a union says nothing the variants do not say themselves. */
  private typesAgree(type: unknown, variants: unknown[], loc: Loc): boolean {
    const types = ([] as unknown[]).concat(type);
    return variants.every((v) => {
      const r = this.deref(v, loc);
      return r !== undefined && r.type !== undefined && ([] as unknown[]).concat(r.type).every((t) => types.includes(t) || (t === "integer" && types.includes("number")));
    });
  }

  /** Why the discriminator does not tell the variants apart as the catalog requires, or "". */
  private discriminates(property: string, variants: unknown[], loc: Loc): string {
    const seen = new Set<string>();
    for (const v of variants) {
      const r = this.deref(v, loc);
      const p = r && isRec(r.properties) ? (r.properties as Rec)[property] : undefined;
      const lit = isRec(p) ? (Object.hasOwn(p, "const") ? [p.const] : Array.isArray(p.enum) ? p.enum : undefined) : undefined;
      if (!r || !lit || !(Array.isArray(r.required) && r.required.includes(property))) return `a variant has no required '${property}' with a const or enum`;
      for (const x of lit) {
        const k = JSON.stringify(x);
        if (seen.has(k)) return `two variants share the value ${k}`;
        seen.add(k);
      }
    }
    return "";
  }

  /** A variant with its references followed and its allOf merged, to look inside it. */
  private deref(v: unknown, loc: Loc): Rec | undefined {
    for (let i = 0; i < 20 && isRec(v); i++) {
      if (typeof v.$ref === "string" && Object.keys(v).filter((k) => CONSTRAINTS.has(k)).length === 1) {
        const r = this.sources.resolve(v.$ref, this.sources.placeOf(v) ?? loc);
        if (typeof r === "string") return undefined;
        v = r.node;
        loc = this.sources.placeOf(r.node) ?? r.loc;
      } else if (Array.isArray(v.allOf) || typeof v.$ref === "string") return mergeAllOf(v, this.sources.placeOf(v) ?? loc, this.sources, () => {});
      else return v;
    }
    return undefined;
  }
}

function fitsType(v: unknown, t: string): boolean {
  switch (t) {
    case "string": return typeof v === "string";
    case "integer": return typeof v === "number" && Number.isInteger(v);
    case "number": return typeof v === "number";
    case "boolean": return typeof v === "boolean";
    case "array": return Array.isArray(v);
    case "object": return isRec(v);
    default: return false;
  }
}
