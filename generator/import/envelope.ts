// The envelope, read off the event bodies: a required constant equal to each event's type is the
// type field; fields every body has alike are the envelope's; what is left is the payload, under
// one field when every body has exactly one more (data, payload), else flat beside the envelope.
import type { CatProp, CatSchema, DraftEnvelope } from "./draft.ts";
import { same } from "./merge-all-of.ts";
import { payloadPath } from "../check/payload-path.ts";
import type { Loc } from "./read-source.ts";
import type { Warn } from "./warnings.ts";

export interface EventBody {
  type: string;
  body: CatSchema;
  /** The body schema's place, for warnings. */
  loc: Loc;
}

/** What a document says about its own envelope (our OpenAPI's `x-eventgen`). */
export interface EnvelopeHint {
  typeField?: string;
  typeHeader?: string;
  payloadField?: string;
  flat?: boolean;
}

export interface Envelope {
  envelope: DraftEnvelope;
  /** Each event's payload; undefined: an open object with no fields (the catalog's default). */
  payloads: Map<string, CatSchema | undefined>;
  /** Each event's other fields of the objects around a nested payload (`data.previous_attributes`). */
  outers: Map<string, { path: string; fields: CatProp[] }[]>;
}

/** A body that is a oneOf or anyOf of objects: each variant as written (a ref stays one) and as
 * resolved. */
interface BodyUnion {
  mode: "oneOf" | "anyOf";
  variants: { site: CatSchema; obj: CatSchema }[];
  discriminator?: string;
}

const TYPE_NAMES = ["type", "event", "event_type", "eventType", "kind", "topic"];

export function inferEnvelope(
  events: EventBody[],
  hint: EnvelopeHint,
  /** The header that carries the type when no body field does. */
  header: () => string,
  lookup: (name: string) => CatSchema | undefined,
  warn: Warn,
): Envelope {
  const bodies = events.map((e) => {
    const union = unionOf(e, lookup, warn);
    return { ...e, union, obj: union ? alike(union) : objectOf(e, lookup, warn) };
  });
  const props = (b: (typeof bodies)[number]) => b.obj.properties ?? [];
  const prop = (b: (typeof bodies)[number], name: string) => props(b).find((p) => p.name === name);

  const carriesType = (name: string) => bodies.every((b) => isTypeConst(prop(b, name), b.type));
  const firstNames = bodies.length ? props(bodies[0]!).map((p) => p.name) : [];
  const typeField = bodies.length ? [hint.typeField, ...TYPE_NAMES, ...firstNames].find((n) => n !== undefined && carriesType(n)) : hint.typeField;
  const envelope: DraftEnvelope = { fields: [] };
  if (typeField !== undefined) envelope.typeField = typeField;
  else envelope.typeHeader = hint.typeHeader ?? header();

  const common = bodies.length < 2 ? [] : firstNames.filter((n) => n !== typeField && n !== hint.payloadField && bodies.every((b) => { const p = prop(b, n); return p !== undefined && same(p, prop(bodies[0]!, n)); }));
  envelope.fields = common.map((n) => prop(bodies[0]!, n)!);
  const rest = (b: (typeof bodies)[number]) => props(b).filter((p) => p.name !== typeField && !common.includes(p.name));

  // A body that is a union of objects is a flat one: the envelope's fields and one variant's.
  const single = bodies.every((b) => !b.union && rest(b).length === 1 && rest(b)[0]!.required) && new Set(bodies.map((b) => rest(b)[0]?.name)).size === 1;
  const [hintTop, ...hintSteps] = hint.payloadField === undefined ? [] : payloadPath(hint.payloadField);
  const payloadField = !hint.flat && bodies.length && single && (hintTop === undefined || rest(bodies[0]!)[0]!.name === hintTop) ? rest(bodies[0]!)[0]!.name : undefined;
  const payloads = new Map<string, CatSchema | undefined>();
  const outers = new Map<string, { path: string; fields: CatProp[] }[]>();

  if (payloadField !== undefined) {
    // A nested payload the document names (our own `x-eventgen.payloadField: data.object`), when
    // every body has it there, under open objects with nothing else required.
    const nested = bodies.map((b) => descend(rest(b)[0]!.schema, [payloadField], hintSteps, lookup));
    const deep = hintSteps.length > 0 && nested.every((s) => s !== undefined);
    envelope.payloadField = deep ? [payloadField, ...hintSteps].join(".") : payloadField;
    if (deep) for (const [i, b] of bodies.entries()) if (nested[i]!.outer.length) outers.set(b.type, nested[i]!.outer);
    const closed = bodies.filter((b) => b.obj.additionalProperties === false);
    if (closed.length && closed.length === bodies.length) envelope.additionalProperties = false;
    else for (const b of closed) warn({ code: "IMP201", file: b.loc.file, pointer: b.loc.pointer, message: "this body is closed (additionalProperties: false) but others are open; the catalog's envelope is one for all, so it is read as open" });
    for (const [i, b] of bodies.entries()) payloads.set(b.type, deep ? nested[i]!.payload : rest(b)[0]!.schema);
  } else {
    envelope.flat = true;
    if (bodies.some((b) => b.obj.additionalProperties === false)) envelope.additionalProperties = false;
    for (const b of bodies) {
      if (b.union) {
        // Each variant without the type and the envelope's fields; a named one stays a ref when
        // it has none of them.
        const kept = (p: CatProp) => p.name !== typeField && !common.includes(p.name);
        const variants = b.union.variants.map(({ site, obj }) => (site.ref !== undefined && (obj.properties ?? []).every(kept) ? site : { ...obj, properties: (obj.properties ?? []).filter(kept) }));
        payloads.set(b.type, { [b.union.mode]: variants, ...(b.union.discriminator !== undefined && b.union.discriminator !== typeField && !common.includes(b.union.discriminator) ? { discriminator: b.union.discriminator } : {}) });
        continue;
      }
      const fields = rest(b);
      const closed = b.obj.additionalProperties === false;
      payloads.set(b.type, fields.length || closed ? { properties: fields, ...(closed ? { additionalProperties: false } : {}) } : undefined);
    }
  }
  for (const b of bodies)
    if (b.obj.values) warn({ code: "IMP201", file: b.loc.file, pointer: b.loc.pointer, message: "a body whose other fields must match a schema (additionalProperties) cannot be said; unknown top-level fields are accepted" });
  return { envelope, payloads, outers };
}

/** The schema at `steps` inside `s`, through open inline objects that require the next step, and
 * the other fields of each (an event's `outer` fields); undefined when the body is not shaped so.
 * `at`: the steps to `s` from the body. */
function descend(s: CatSchema, at: string[], steps: string[], lookup: (name: string) => CatSchema | undefined): { payload: CatSchema; outer: { path: string; fields: CatProp[] }[] } | undefined {
  const outer: { path: string; fields: CatProp[] }[] = [];
  const path = [...at];
  for (const step of steps) {
    for (let i = 0; s.ref !== undefined && i < 20; i++) s = lookup(s.ref) ?? {};
    const next = s.properties?.find((p) => p.name === step);
    const plain = Object.keys(s).every((k) => ["type", "properties", "description", "title"].includes(k)) && (s.type === undefined || s.type === "object");
    if (!plain || !next || !next.required || s.nullable) return undefined;
    const others = s.properties!.filter((p) => p !== next);
    if (others.length) outer.push({ path: path.join("."), fields: others });
    path.push(step);
    s = next.schema;
  }
  return { payload: s, outer };
}

function isTypeConst(p: CatProp | undefined, type: string): boolean {
  if (!p || !p.required || p.schema.nullable) return false;
  const s = p.schema;
  return s.const === type || (s.enum?.length === 1 && s.enum[0] === type);
}

const isObjectSchema = (s: CatSchema | undefined): s is CatSchema =>
  !!s && !s.oneOf && !s.anyOf && s.enum === undefined && !Object.hasOwn(s, "const") && (s.type === "object" || s.properties !== undefined);

/** A body that is a oneOf or anyOf whose every variant is an object (through refs), read exactly:
 * GitHub's review_requested, or eventgen's own body unions. */
function unionOf(e: EventBody, lookup: (name: string) => CatSchema | undefined, warn: Warn): BodyUnion | undefined {
  let s: CatSchema | undefined = e.body;
  for (let i = 0; s?.ref !== undefined && i < 20; i++) s = lookup(s.ref);
  const list = s?.oneOf ?? s?.anyOf;
  if (!s || !list) return undefined;
  const variants = list.map((site) => {
    let obj: CatSchema | undefined = site;
    for (let i = 0; obj?.ref !== undefined && i < 20; i++) obj = lookup(obj.ref);
    return { site, obj };
  });
  if (!variants.every((v) => isObjectSchema(v.obj) && !v.obj.nullable && !v.obj.values)) return undefined;
  if (s.nullable) warn({ code: "IMP201", file: e.loc.file, pointer: e.loc.pointer, message: "a body that may be null cannot be said; null is rejected" });
  return { mode: s.oneOf ? "oneOf" : "anyOf", variants: variants as BodyUnion["variants"], ...(s.discriminator !== undefined ? { discriminator: s.discriminator } : {}) };
}

/** What every variant of a body union has alike: the fields the envelope may be read from. */
function alike(u: BodyUnion): CatSchema {
  const [first, ...rest] = u.variants.map((v) => v.obj.properties ?? []);
  const properties = first!.filter((p) => rest.every((ps) => ps.some((q) => same(p, q))));
  return { type: "object", properties, ...(u.variants.some((v) => v.obj.additionalProperties === false) ? { additionalProperties: false } : {}) };
}

function objectOf(e: EventBody, lookup: (name: string) => CatSchema | undefined, warn: Warn): CatSchema {
  let s: CatSchema | undefined = e.body;
  for (let i = 0; s?.ref !== undefined && i < 20; i++) s = lookup(s.ref);
  if (!isObjectSchema(s)) {
    warn({ code: "IMP201", file: e.loc.file, pointer: e.loc.pointer, message: "the body is not an object schema; read as an object with any fields" });
    return { type: "object" };
  }
  if (s!.nullable) warn({ code: "IMP201", file: e.loc.file, pointer: e.loc.pointer, message: "a body that may be null cannot be said; null is rejected" });
  return s!;
}
