// Builds the IR from a catalog that passed every check: shorthands expanded, optional markers
// moved onto properties, the delivery body composed from envelope + type + payload.
import type { RawCatalog, RawFull, RawSchema } from "../check/catalog-shape.ts";
import { extensibleBase, type ExtensibleBase } from "../check/extensible.ts";
import { classifyBase, walkSchema } from "../check/schema-refs.ts";
import { payloadPath } from "../check/payload-path.ts";
import type { Json } from "../check/shape.ts";
import type { Names } from "./assign-names.ts";
import type { CatalogModel, EventModel, GroupModel, Property, Schema, SchemaOf, SigningModel, SigningScheme } from "./ir.ts";
import { resolveSigning, type ResolvedSigning } from "./signing.ts";
import { defined } from "../defined.ts";

export interface CheckedCatalog {
  raw: RawCatalog;
  names: Names;
  id: string;
  file: string;
  sourcePath: string;
}

export function buildModel({ raw, names, id, file, sourcePath }: CheckedCatalog): CatalogModel {
  const schemaNames = new Set((raw.schemas ?? []).map((e) => e.key));
  const tags = discriminatorTags(raw);
  const openEnum = (f: RawFull): ExtensibleBase | undefined =>
    (f.extensible ?? (raw.extensibleEnums === true && !tags.has(f))) ? extensibleBase(f.enum!.map((x) => x.value), f.type) : undefined;
  const rawByName = new Map((raw.schemas ?? []).map((e) => [e.key, e.value]));
  // `{ from: Customer, partial: true, omit: [id] }`: the named object's fields, changed. The rules
  // have checked that the target is an object and the names are its fields.
  const derive = (f: RawFull): SchemaOf<"object"> => {
    let target = toSchema(rawByName.get(f.from!)!);
    for (let i = 0; target.kind === "ref" && i < 100; i++) target = toSchema(rawByName.get(target.name)!);
    const base = target as SchemaOf<"object">;
    const names = (l?: { value: Json }[]) => (l ? new Set(l.map((x) => x.value as string)) : undefined);
    const [pick, omit, require] = [names(f.pick), names(f.omit), names(f.require)];
    const kept = base.properties
      .filter((p) => (!pick || pick.has(p.name)) && !omit?.has(p.name))
      .map((p) => ({ ...p, required: require?.has(p.name) || (!f.partial && p.required) }));
    return { kind: "object", properties: kept, additional: f.additionalProperties ?? base.additional, nullable: false };
  };
  // `allOf: [Customer, { properties: … }]`: one object with every member's fields. The rules have
  // checked that every member is an open object and that members naming one field agree on it.
  const objectOf = (s: RawSchema): SchemaOf<"object"> => {
    let o = toSchema(s);
    for (let i = 0; o.kind === "ref" && i < 100; i++) o = toSchema(rawByName.get(o.name)!);
    return o as SchemaOf<"object">;
  };
  const compose = (f: RawFull): SchemaOf<"object"> => {
    const fields = new Map<string, Property>();
    for (const m of f.allOf!)
      for (const p of objectOf(m).properties) {
        const had = fields.get(p.name);
        fields.set(p.name, had ? { ...had, required: had.required || p.required } : p);
      }
    return { kind: "object", properties: [...fields.values()], additional: f.additionalProperties ?? true, nullable: false };
  };
  const toSchema = (s: RawSchema): Schema => (s.shorthand ? fromShorthand(s, schemaNames) : fromFull(s, toSchema, properties, openEnum, derive, compose));
  const properties = (entries: { key: string; value: RawSchema }[] = []): Property[] =>
    entries.map(({ key, value }) => {
      const marked = key.endsWith("?");
      const optional = marked || (!value.shorthand && value.optional === true);
      return { name: marked ? key.slice(0, -1) : key, schema: toSchema(value), required: !optional };
    });

  const env = raw.envelope;
  const envelope = {
    ...text("typeField", env.typeField),
    ...text("typeHeader", env.typeHeader),
    ...(env.payloadField !== undefined && !env.flat ? { payloadField: env.payloadField, payloadPath: payloadPath(env.payloadField) } : {}),
    fields: properties(env.fields),
    additional: env.additionalProperties ?? true,
    ...text("description", env.description),
    ...text("notes", env.notes),
  };

  const schemas = (raw.schemas ?? []).map((e) => {
    const n = names.schemas.get(e.key)!;
    return { name: e.key, ...n, schema: toSchema(e.value), pos: e.pos };
  });
  const byName = new Map(schemas.map((s) => [s.name, s.schema]));
  const deref = (s: Schema): Schema => {
    for (let i = 0; s.kind === "ref" && i < 100; i++) s = byName.get(s.name)!;
    return s;
  };

  const events: EventModel[] = raw.events.map((e) => {
    const ev = e.value;
    const payload: Schema = ev.payload ? toSchema(ev.payload) : { kind: "object", properties: [], additional: true, nullable: false };
    const typeProps: Property[] = env.typeField === undefined ? [] : [{ name: env.typeField, required: true, schema: { kind: "literal", values: [e.key], isConst: true, nullable: false, description: "The event type." } }];
    const outer = (ev.outer ?? []).map((o) => ({ path: o.key.split("."), fields: properties(o.value) }));
    let body: EventModel["body"];
    if (envelope.payloadPath !== undefined) {
      // A nested payload (`data.object`): the objects around it are open, as vendors add fields,
      // and hold the fields the event's `outer` gives them beside the next step.
      const path = envelope.payloadPath;
      let wrapped: Schema = payload;
      for (let k = path.length - 2; k >= 0; k--) {
        const extra = outer.find((o) => o.path.join(".") === path.slice(0, k + 1).join("."))?.fields ?? [];
        wrapped = { kind: "object", nullable: false, additional: true, properties: [{ name: path[k + 1]!, required: true, schema: wrapped }, ...extra] };
      }
      body = {
        kind: "object",
        nullable: false,
        additional: envelope.additional,
        properties: [...typeProps, ...envelope.fields, { name: path[0]!, required: true, schema: wrapped }],
      };
    } else {
      // A flat body: the type, the envelope's fields and the payload's side by side. A body is
      // closed only if both the envelope and the payload are.
      // A union's variant keeps its title and description (the ref's, else its target's).
      const flatBody = (o: SchemaOf<"object">, variant?: Schema): SchemaOf<"object"> => ({
        kind: "object",
        nullable: false,
        ...(variant ? { ...text("title", variant.title ?? o.title), ...text("description", variant.description ?? o.description) } : {}),
        additional: envelope.additional || o.additional !== false,
        properties: [...typeProps, ...envelope.fields, ...o.properties],
      });
      const found = deref(payload);
      // A union of objects: the body is the envelope and one of them, each variant a whole body.
      const variants = found.kind === "union" ? found.variants.map((v) => ({ site: v, o: deref(v) })) : [];
      if (found.kind === "union" && variants.every((v) => v.o.kind === "object"))
        body = {
          kind: "union",
          mode: found.mode,
          nullable: false,
          ...(found.discriminator !== undefined ? { discriminator: found.discriminator } : {}),
          variants: variants.map((v) => flatBody(v.o as SchemaOf<"object">, v.site)),
        };
      // An event without a payload (any) adds no fields and leaves the body open.
      else body = flatBody(found.kind === "object" ? found : { kind: "object", nullable: false, properties: [], additional: true });
    }
    return {
      type: e.key,
      trigger: ev.trigger,
      ...text("description", ev.description),
      group: ev.group,
      ...text("scope", ev.scope),
      ...(ev.deprecated === true || (typeof ev.deprecated === "string" && ev.deprecated) ? { deprecated: ev.deprecated } : {}),
      payload,
      ...(outer.length ? { outer } : {}),
      body,
      examples: (ev.examples ?? []).map((x) => x.value),
      exampleSources: (ev.examples ?? []).map((x) => ({ pos: x.pos, positions: x.positions })),
      names: names.events.get(e.key)!,
      pos: e.pos,
    };
  });

  const groups: GroupModel[] = raw.groups.map((g) => ({
    id: g.key,
    title: g.value.title,
    ...text("note", g.value.note),
    unionName: names.groupUnions.get(g.key)!,
    anchor: names.groupAnchors.get(g.key)!,
    events: events.filter((e) => e.group === g.key),
  }));

  return {
    id,
    file,
    sourcePath,
    title: raw.title,
    version: raw.version,
    ...text("description", raw.description),
    source: { title: raw.source.title, ...text("url", raw.source.url), ...text("document", raw.source.document), ...text("vendor", raw.source.vendor) },
    package: { name: raw.package.name, ...text("description", raw.package.description), license: raw.package.license ?? "MIT" },
    ...text("typePattern", raw.typePattern),
    envelope,
    ...(raw.signing ? { signing: signing(raw) } : {}),
    groups,
    schemas,
    events,
  };
}

function text<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value !== undefined && value !== "" ? { [key]: value } : {}) as { [P in K]?: string };
}

function fromShorthand(s: Extract<RawSchema, { shorthand: true }>, schemaNames: ReadonlySet<string>): Schema {
  const b = classifyBase(s.base, schemaNames);
  let schema: Schema;
  switch (b.kind) {
    case "format":
      schema = { kind: "string", format: b.format, nullable: false };
      break;
    case "ref":
      schema = { kind: "ref", name: b.name, nullable: false };
      break;
    default:
      schema = primitive(b.kind === "primitive" ? b.primitive : "any");
  }
  for (let i = 0; i < s.arrays; i++) schema = { kind: "array", items: schema, nullable: false };
  return { ...schema, nullable: s.nullable, ...text("description", s.description) };
}

function primitive(p: string): Schema {
  switch (p) {
    case "string": return { kind: "string", nullable: false };
    case "integer": return { kind: "number", integer: true, nullable: false };
    case "number": return { kind: "number", integer: false, nullable: false };
    case "boolean": return { kind: "boolean", nullable: false };
    case "null": return { kind: "null", nullable: false };
    case "object": return { kind: "object", properties: [], additional: true, nullable: false };
    case "array": return { kind: "array", items: { kind: "any", nullable: false }, nullable: false };
    default: return { kind: "any", nullable: false };
  }
}

function impliedType(f: RawFull): string {
  if (f.type) return f.type;
  if (f.properties || f.values || f.additionalProperties !== undefined) return "object";
  if (f.items || f.minItems !== undefined || f.maxItems !== undefined || f.uniqueItems !== undefined) return "array";
  if (f.format || f.pattern !== undefined || f.minLength !== undefined || f.maxLength !== undefined) return "string";
  if ([f.minimum, f.maximum, f.exclusiveMinimum, f.exclusiveMaximum, f.multipleOf].some((x) => x !== undefined)) return "number";
  return "any";
}

function fromFull(
  f: RawFull,
  toSchema: (s: RawSchema) => Schema,
  propertiesOf: (entries?: { key: string; value: RawSchema }[]) => Property[],
  openEnum: (f: RawFull) => ExtensibleBase | undefined,
  derive: (f: RawFull) => SchemaOf<"object">,
  compose: (f: RawFull) => SchemaOf<"object">,
): Schema {
  const meta = {
    nullable: f.nullable === true,
    ...text("title", f.title),
    ...text("description", f.description),
    ...(f.deprecated ? { deprecated: true } : {}),
    ...(f.example ? { example: f.example.value } : {}),
    ...(f.default ? { default: f.default.value } : {}),
  };
  if (f.from !== undefined) return { ...derive(f), ...meta };
  if (f.allOf) return { ...compose(f), ...meta };
  if (f.ref !== undefined) return { kind: "ref", name: f.ref, ...meta };
  if (f.oneOf) return { kind: "union", mode: "oneOf", variants: f.oneOf.map(toSchema), ...(f.discriminator ? { discriminator: f.discriminator } : {}), ...meta };
  if (f.anyOf) return { kind: "union", mode: "anyOf", variants: f.anyOf.map(toSchema), ...meta };
  if (f.const) return { kind: "literal", values: [f.const.value], isConst: true, ...meta };
  if (f.enum) {
    const extensible = openEnum(f);
    return { kind: "literal", values: dedupe(f.enum.map((x) => x.value)), isConst: false, ...(extensible ? { extensible } : {}), ...meta };
  }
  const type = impliedType(f);
  switch (type) {
    case "string":
      return { kind: "string", ...defined({ format: f.format, pattern: f.pattern, minLength: f.minLength, maxLength: f.maxLength }), ...meta };
    case "integer":
    case "number":
      return {
        kind: "number",
        integer: type === "integer",
        ...defined({ format: f.format, minimum: f.minimum, maximum: f.maximum, exclusiveMinimum: f.exclusiveMinimum, exclusiveMaximum: f.exclusiveMaximum, multipleOf: f.multipleOf }),
        ...meta,
      };
    case "array":
      return {
        kind: "array",
        items: f.items ? toSchema(f.items) : { kind: "any", nullable: false },
        ...defined({ minItems: f.minItems, maxItems: f.maxItems, uniqueItems: f.uniqueItems }),
        ...meta,
      };
    case "object":
      return {
        kind: "object",
        properties: propertiesOf(f.properties),
        additional: f.values ? toSchema(f.values) : f.additionalProperties ?? true,
        ...meta,
      };
    default:
      return { ...primitive(type), ...meta };
  }
}

/** The enums that tell a discriminated union's variants apart: they stay closed under the catalog's
 * `extensibleEnums` (a union cannot route a value it does not know). */
function discriminatorTags(raw: RawCatalog): Set<RawFull> {
  const byName = new Map((raw.schemas ?? []).map((e) => [e.key, e.value]));
  const objectOf = (s: RawSchema | undefined, depth = 0): RawFull | undefined => {
    if (!s || depth > 100) return undefined;
    if (s.shorthand) return s.arrays === 0 ? objectOf(byName.get(s.base), depth + 1) : undefined;
    return s.ref !== undefined ? objectOf(byName.get(s.ref), depth + 1) : s;
  };
  const out = new Set<RawFull>();
  const visit = (s: RawSchema) => {
    if (s.shorthand || !s.oneOf || s.discriminator === undefined) return;
    for (const v of s.oneOf) {
      const p = objectOf(v)?.properties?.find((e) => e.key.replace(/\?$/, "") === s.discriminator)?.value;
      if (p && !p.shorthand) out.add(p);
    }
  };
  const roots = [...(raw.schemas ?? []).map((e) => e.value), ...(raw.envelope.fields ?? []).map((e) => e.value), ...raw.events.flatMap((e) => [...(e.value.payload ? [e.value.payload] : []), ...(e.value.outer ?? []).flatMap((o) => o.value.map((p) => p.value))])];
  for (const r of roots) walkSchema(r, visit);
  return out;
}

function dedupe(values: Json[]): Json[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const k = JSON.stringify(v);
    return seen.has(k) ? false : (seen.add(k), true);
  });
}

function signing(raw: RawCatalog): SigningModel {
  const s = raw.signing!;
  const r = resolveSigning(s);
  const headers = r.headers.map(({ pos: _, ...h }) => h);
  const notes = { ...text("description", s.description), ...text("notes", s.notes) };
  if (r.scheme === "none") return { scheme: "none", required: false, headers, ...notes };
  const { headers: _, ...facts } = r;
  return { ...facts, headers, ...notes, verify: verifyScheme(r) };
}

/** The runtime's description of the scheme (generator/runtime/signing.ts). */
function verifyScheme(r: ResolvedSigning): SigningScheme {
  const header = (role: string) => r.headers.find((h) => h.role === role)?.name;
  const signature = header("signature")!;
  const timestampHeader = r.timestampPart !== undefined ? signature : header("timestamp");
  const id = header("id");
  return {
    algorithm: r.algorithm,
    content: r.signedContent,
    // A UTF-8 secret is keyed whole: its prefix only says how secrets look.
    secret: { encoding: r.secretEncoding, ...(r.secretPrefix !== undefined && r.secretEncoding === "base64" ? { prefix: r.secretPrefix } : {}) },
    signature: {
      header: signature,
      encoding: r.encoding,
      ...(r.signaturePrefix !== undefined ? { prefix: r.signaturePrefix } : {}),
      ...(r.signatureSeparator !== undefined && r.signaturePart === undefined ? { separator: r.signatureSeparator } : {}),
      ...(r.signaturePart !== undefined ? { part: r.signaturePart } : {}),
      ...(r.signatureConstants !== undefined && r.signaturePart !== undefined ? { constants: r.signatureConstants } : {}),
    },
    ...(timestampHeader !== undefined
      ? { timestamp: { header: timestampHeader, ...(r.timestampPart !== undefined ? { part: r.timestampPart } : {}), unit: r.timestampUnit, tolerance: r.tolerance } }
      : {}),
    ...(id !== undefined ? { id: { header: id } } : {}),
  };
}
