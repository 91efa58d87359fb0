// A catalog draft → the YAML a person would write: the shorthand wherever it says the same
// (`uuid The id`, `Order[]`, `string|null`, `name?:`), small schemas on one line, sections
// separated by a blank line, keys in the order the README's example uses.
import { SIGNING_FACTS } from "../model/signing.ts";
import { Document, Pair, Scalar, YAMLMap, YAMLSeq, type Node } from "yaml";
import { FORMATS } from "../check/catalog-shape.ts";
import type { CatProp, CatSchema, DraftCatalog, DraftEvent } from "./draft.ts";
import type { Warn } from "./warnings.ts";

type Rec = Record<string, unknown>;
const FLOW = new WeakSet<object>();
const flow = <T extends object>(v: T): T => (FLOW.add(v), v);
const define = (o: Rec, k: string, v: unknown) => Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });

/** Short enough to read on one line, and flat enough to stay readable there. */
function short<T extends object>(v: T, depth = 0): T {
  const text = JSON.stringify(v);
  const nested = (x: unknown, d: number): number => (typeof x === "object" && x !== null ? 1 + Math.max(0, ...Object.values(x).map((y) => nested(y, d + 1))) : 0);
  return text.length <= 72 - depth && nested(v, 0) <= 2 && !/\\n/.test(text) ? flow(v) : v;
}

export interface YamlOptions {
  /** The format's JSON Schema, relative to the catalog file, for editors. */
  schemaPath: string;
  input: string;
}

export function writeCatalogYaml(d: DraftCatalog, o: YamlOptions, warn: Warn): string {
  const top: Rec = {};
  top.title = d.title;
  top.version = d.version;
  if (d.description) top.description = d.description;
  top.source = d.source;
  top.package = { name: d.packageName, ...(d.packageDescription ? { description: d.packageDescription } : {}), ...(d.license && d.license !== "MIT" ? { license: d.license } : {}) };
  top.envelope = envelope(d, warn);
  if (d.signing) top.signing = signing(d);
  top.groups = Object.fromEntries(d.groups.map((g) => [g.id, short({ title: g.title, ...(g.note ? { note: g.note } : {}) })]));
  if (d.schemas.length) {
    const schemas: Rec = {};
    for (const s of d.schemas) define(schemas, s.name, schema(s.schema, warn, 2));
    top.schemas = schemas;
  }
  const events: Rec = {};
  for (const e of d.events) define(events, e.type, event(e, warn));
  top.events = events;

  const doc = new Document();
  const root = toNode(doc, top) as YAMLMap;
  root.items.forEach((p, i) => {
    if (i > 0 && typeof top[String((p.key as Scalar).value)] === "object") (p.key as Scalar).spaceBefore = true;
  });
  // A blank line before each group's first event, as the bundled catalogs are laid out.
  const eventsMap = root.items.find((p) => (p.key as Scalar).value === "events")?.value as YAMLMap | undefined;
  eventsMap?.items.forEach((p, i) => {
    if (i > 0 && d.events[i]!.group !== d.events[i - 1]!.group) (p.key as Scalar).spaceBefore = true;
  });
  doc.contents = root;
  doc.commentBefore = ` yaml-language-server: $schema=${o.schemaPath}\n Imported from ${o.input} by \`eventgen import\`; edit it freely from here on.`;
  return doc.toString({ lineWidth: 100, minContentWidth: 40 });
}

function toNode(doc: Document, v: unknown): Node {
  if (Array.isArray(v)) {
    const seq = new YAMLSeq();
    seq.items = v.map((x) => toNode(doc, x));
    seq.flow = FLOW.has(v) || !v.length;
    return seq;
  }
  if (typeof v === "object" && v !== null && (FLOW.has(v) || Object.getPrototypeOf(v) === Object.prototype)) {
    const map = new YAMLMap();
    for (const k of Object.keys(v)) map.items.push(new Pair(new Scalar(k), toNode(doc, (v as Rec)[k])));
    map.flow = FLOW.has(v) || !map.items.length;
    return map;
  }
  return doc.createNode(v) as Node;
}

function envelope(d: DraftCatalog, warn: Warn): Rec {
  const e = d.envelope;
  const out: Rec = {};
  if (e.typeField !== undefined) out.typeField = e.typeField;
  if (e.typeHeader !== undefined) out.typeHeader = e.typeHeader;
  if (e.payloadField !== undefined) out.payloadField = e.payloadField;
  if (e.flat) out.flat = true;
  if (e.fields.length) out.fields = properties(e.fields, warn, 2);
  if (e.additionalProperties === false) out.additionalProperties = false;
  if (e.notes) out.notes = e.notes;
  return out;
}

function signing(d: DraftCatalog): Rec {
  const s = d.signing!;
  const out: Rec = { scheme: s.scheme };
  for (const k of SIGNING_FACTS) if (s[k] !== undefined) out[k] = s[k];
  if (s.required === false) out.required = false;
  if (s.headers.length) {
    const headers: Rec = {};
    for (const h of s.headers)
      define(headers, h.name, short({ ...(h.role && h.role !== "other" ? { role: h.role } : {}), ...(h.description ? { description: h.description } : {}), ...(h.format ? { format: h.format } : {}), ...(h.required ? {} : { required: false }) }, 4));
    out.headers = headers;
  }
  if (s.notes) out.notes = s.notes;
  return out;
}

function event(e: DraftEvent, warn: Warn): Rec {
  const out: Rec = { group: e.group, trigger: e.trigger };
  if (e.description) out.description = e.description;
  if (e.scope) out.scope = e.scope;
  if (e.deprecated !== undefined) out.deprecated = e.deprecated;
  if (e.operationId) out.operationId = e.operationId;
  if (e.payload) out.payload = schema(e.payload, warn, 4);
  if (e.outer?.length) {
    const outer: Rec = {};
    for (const o of e.outer) define(outer, o.path, properties(o.fields, warn, 6));
    out.outer = outer;
  }
  if (e.examples.length) out.examples = e.examples.map((x) => x.value);
  return out;
}

function properties(props: CatProp[], warn: Warn, depth: number): Rec {
  const out: Rec = {};
  for (const p of props) {
    if (p.name.endsWith("?") && p.required)
      warn({ code: "IMP204", file: "", pointer: "", message: `a required property named '${p.name}' cannot be said (a trailing ? marks it optional); it is optional in the catalog` });
    define(out, p.required && !p.name.endsWith("?") ? p.name : `${p.name}?`, schema(p.schema, warn, depth + 2));
  }
  return out;
}

/** The shorthand for a schema when one says it all, else undefined. */
export function shorthand(s: CatSchema): string | undefined {
  const keys = Object.keys(s).filter((k) => (s as Rec)[k] !== undefined);
  if (keys.some((k) => !["type", "format", "ref", "items", "nullable", "description"].includes(k))) return undefined;
  const d = s.description;
  if (d !== undefined && (d !== d.trim() || /\n/.test(d) || /^(?:\||\[\])/.test(d) || d === "")) return undefined;
  const base = baseOf(s);
  if (base === undefined) return undefined;
  return `${base}${s.nullable && s.type !== "null" ? "|null" : ""}${d ? ` ${d}` : ""}`;
}

function baseOf(s: CatSchema): string | undefined {
  if (s.ref !== undefined) return s.type || s.format || s.items ? undefined : s.ref;
  if (s.format !== undefined) return s.type === "string" && (FORMATS as readonly string[]).includes(s.format) && !s.items ? s.format : undefined;
  if (s.items !== undefined) {
    if (s.type !== "array" || s.items.nullable || s.items.description !== undefined) return undefined;
    const inner = baseOf(s.items);
    return inner === undefined || shorthand(s.items) === undefined ? undefined : `${inner}[]`;
  }
  return s.type ?? "any";
}

const ORDER = ["ref", "from", "require", "type", "const", "enum", "extensible", "format", "pattern", "minLength", "maxLength", "minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum", "multipleOf",
  "minItems", "maxItems", "uniqueItems", "nullable", "deprecated", "title", "description", "additionalProperties", "items", "values", "properties", "allOf", "oneOf", "anyOf", "discriminator", "example", "default"] as const;

/** A schema as the catalog writes it (the value the YAML is made of), to compare two schemas as the
 * catalog will read them. */
export const catalogForm = (s: CatSchema): unknown => schema(s, () => {}, 0);

function schema(s: CatSchema, warn: Warn, depth: number): unknown {
  if (s.properties && !s.properties.length) s = { ...s, properties: undefined, type: s.type ?? "object" };
  const sh = shorthand(s);
  if (sh !== undefined) return sh;
  const out: Rec = {};
  for (const k of ORDER) {
    const v = (s as Rec)[k];
    if (v === undefined) continue;
    if (k === "type" && impliedBy(s) === v) continue;
    if (k === "properties") out.properties = properties(v as CatProp[], warn, depth);
    else if (k === "items" || k === "values") out[k] = schema(v as CatSchema, warn, depth + 2);
    else if (k === "oneOf" || k === "anyOf" || k === "allOf") out[k] = short((v as CatSchema[]).map((x) => schema(x, warn, depth + 2)), depth);
    else if (k === "require") out[k] = flow([...(v as string[])]);
    else if (k === "enum") out[k] = (v as unknown[]).every((x) => typeof x !== "object" || x === null) ? flow([...(v as unknown[])]) : v;
    else out[k] = v;
  }
  if (!Object.keys(out).length) return "any";
  return out.properties ? out : short(out, depth);
}

/** The type the catalog infers from the other keys, so writing it is redundant. */
function impliedBy(s: CatSchema): string | undefined {
  if (s.properties?.length || s.values || s.additionalProperties !== undefined || s.allOf || s.from !== undefined) return "object";
  if (s.items || s.minItems !== undefined || s.maxItems !== undefined || s.uniqueItems !== undefined) return "array";
  if (s.format || s.pattern !== undefined || s.minLength !== undefined || s.maxLength !== undefined) return "string";
  if ([s.minimum, s.maximum, s.exclusiveMinimum, s.exclusiveMaximum, s.multipleOf].some((x) => x !== undefined)) return "number";
  return undefined;
}
