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
  const bodies = events.map((e) => ({ ...e, obj: objectOf(e, lookup, warn) }));
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

  const single = bodies.every((b) => rest(b).length === 1 && rest(b)[0]!.required) && new Set(bodies.map((b) => rest(b)[0]?.name)).size === 1;
  const [hintTop, ...hintSteps] = hint.payloadField === undefined ? [] : payloadPath(hint.payloadField);
  const payloadField = !hint.flat && bodies.length && single && (hintTop === undefined || rest(bodies[0]!)[0]!.name === hintTop) ? rest(bodies[0]!)[0]!.name : undefined;
  const payloads = new Map<string, CatSchema | undefined>();

  if (payloadField !== undefined) {
    // A nested payload the document names (our own `x-eventgen.payloadField: data.object`), when
    // every body has it there, under open objects with nothing else required.
    const nested = bodies.map((b) => descend(rest(b)[0]!.schema, hintSteps, lookup));
    const deep = hintSteps.length > 0 && nested.every((s) => s !== undefined);
    envelope.payloadField = deep ? [payloadField, ...hintSteps].join(".") : payloadField;
    const closed = bodies.filter((b) => b.obj.additionalProperties === false);
    if (closed.length && closed.length === bodies.length) envelope.additionalProperties = false;
    else for (const b of closed) warn({ code: "IMP201", file: b.loc.file, pointer: b.loc.pointer, message: "this body is closed (additionalProperties: false) but others are open; the catalog's envelope is one for all, so it is read as open" });
    for (const [i, b] of bodies.entries()) payloads.set(b.type, deep ? nested[i]! : rest(b)[0]!.schema);
  } else {
    envelope.flat = true;
    if (bodies.some((b) => b.obj.additionalProperties === false)) envelope.additionalProperties = false;
    for (const b of bodies) {
      const fields = rest(b);
      const closed = b.obj.additionalProperties === false;
      payloads.set(b.type, fields.length || closed ? { properties: fields, ...(closed ? { additionalProperties: false } : {}) } : undefined);
    }
  }
  for (const b of bodies)
    if (b.obj.values) warn({ code: "IMP201", file: b.loc.file, pointer: b.loc.pointer, message: "a body whose other fields must match a schema (additionalProperties) cannot be said; unknown top-level fields are accepted" });
  return { envelope, payloads };
}

/** The schema at `steps` inside `s`, through open inline objects whose one field, required, is the
 * next step; undefined when the body is not shaped so. */
function descend(s: CatSchema, steps: string[], lookup: (name: string) => CatSchema | undefined): CatSchema | undefined {
  for (const step of steps) {
    for (let i = 0; s.ref !== undefined && i < 20; i++) s = lookup(s.ref) ?? {};
    const only = s.properties?.length === 1 ? s.properties[0]! : undefined;
    const plain = Object.keys(s).every((k) => ["type", "properties", "description", "title"].includes(k)) && (s.type === undefined || s.type === "object");
    if (!plain || !only || only.name !== step || !only.required || s.nullable) return undefined;
    s = only.schema;
  }
  return s;
}

function isTypeConst(p: CatProp | undefined, type: string): boolean {
  if (!p || !p.required || p.schema.nullable) return false;
  const s = p.schema;
  return s.const === type || (s.enum?.length === 1 && s.enum[0] === type);
}

function objectOf(e: EventBody, lookup: (name: string) => CatSchema | undefined, warn: Warn): CatSchema {
  let s: CatSchema | undefined = e.body;
  for (let i = 0; s?.ref !== undefined && i < 20; i++) s = lookup(s.ref);
  const isObject = s && !s.oneOf && !s.anyOf && s.enum === undefined && !Object.hasOwn(s, "const") && (s.type === "object" || s.properties !== undefined);
  if (!isObject) {
    warn({ code: "IMP201", file: e.loc.file, pointer: e.loc.pointer, message: "the body is not an object schema; read as an object with any fields" });
    return { type: "object" };
  }
  if (s!.nullable) warn({ code: "IMP201", file: e.loc.file, pointer: e.loc.pointer, message: "a body that may be null cannot be said; null is rejected" });
  return s!;
}
