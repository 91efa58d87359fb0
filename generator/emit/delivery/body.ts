// The body of a test delivery (`eventgen send`, `eventgen example`): the event's first catalog
// example, or one synthesized as the docs do; the envelope filled with the type, a fresh id and
// now; the payload replaced by `data`; then each `--set path=value` edit. Pure: the caller
// supplies the id and the clock. The catalog's validators judge the result afterwards.
import type { CatalogModel, EventModel, Json } from "../../model/ir.ts";
import { exampleBody } from "../docs/example-body.ts";
import { deliveryFill, stamp, type DeliveryFill } from "./fill.ts";

export interface BodyOptions {
  /** Replaces the payload (the payload field's value, or a flat body's own fields). */
  data?: Json;
  /** Edits applied last, in order. */
  sets?: readonly { path: string; value: Json }[];
  /** A random UUID (fresh ids are made from it). */
  uuid: string;
  now: Date;
}

/** A --set or --data that cannot apply; the message says why, without a stack. */
export class BodyEditError extends Error {}

/** At most this many segments in a --set path. */
export const MAX_PATH_SEGMENTS = 64;

type JsonObject = { [key: string]: Json };
const isObject = (v: Json | undefined): v is JsonObject => typeof v === "object" && v !== null && !Array.isArray(v);
/** An own property even for `__proto__`, which plain assignment would take as the prototype. */
const put = (o: JsonObject, key: string, value: Json) => Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });

/** The event's example body: the catalog's first, or a synthesized one. A fresh copy. */
export function baseBody(model: CatalogModel, event: EventModel): Json {
  const example = event.examples[0] ?? exampleBody(model, event);
  return JSON.parse(JSON.stringify(example)) as Json;
}

/** The id a delivery's envelope gets: the field's prefix and the UUID's hex digits, or the UUID. */
export function freshEventId(fill: NonNullable<DeliveryFill["id"]>, uuid: string): string {
  return fill.uuid ? uuid : fill.prefix + uuid.replace(/-/g, "");
}

export function deliveryBody(model: CatalogModel, event: EventModel, opts: BodyOptions): { body: Json; id?: string } {
  const body = baseBody(model, event);
  if (!isObject(body)) return { body };
  const { typeField, payloadField } = model.envelope;
  if (typeField !== undefined) put(body, typeField, event.type);
  const fill = deliveryFill(model);
  const id = fill.id ? freshEventId(fill.id, opts.uuid) : undefined;
  if (fill.id) put(body, fill.id.field, id!);
  for (const t of fill.timestamps) put(body, t.field, stamp(opts.now, t.unit));
  if (opts.data !== undefined) replacePayload(model, body, opts.data);
  for (const s of opts.sets ?? []) setPath(body, s.path, s.value);
  return id === undefined ? { body } : { body, id };
}

function replacePayload(model: CatalogModel, body: JsonObject, data: Json): void {
  const { typeField, payloadField, fields } = model.envelope;
  if (payloadField !== undefined) return void put(body, payloadField, data);
  // A flat body: the payload is every field but the envelope's.
  if (!isObject(data)) throw new BodyEditError("--data must be a JSON object: this catalog's payload fields stand at the top level of the body");
  const envelope = new Set([...fields.map((f) => f.name), ...(typeField !== undefined ? [typeField] : [])]);
  for (const key of Object.keys(body)) if (!envelope.has(key)) delete body[key];
  for (const [key, value] of Object.entries(data)) if (key !== typeField) put(body, key, value);
}

/** `data.status` or `/data/status` (a JSON Pointer) → the keys. */
export function pathSegments(path: string): string[] {
  const segments = path.startsWith("/") ? path.slice(1).split("/").map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~")) : path.split(".");
  if (path === "" || segments.some((s) => s === "")) throw new BodyEditError(`--set '${path}': the path has an empty segment (write data.status, or a JSON Pointer such as /data/status)`);
  if (segments.length > MAX_PATH_SEGMENTS) throw new BodyEditError(`--set: the path has more than ${MAX_PATH_SEGMENTS} segments`);
  return segments;
}

/** Sets the value at `path`, making the objects on the way that are missing; an array segment is
 * an index (or `-`, to append). */
export function setPath(body: Json, path: string, value: Json): void {
  const segments = pathSegments(path);
  let here: Json = body;
  for (const [i, key] of segments.entries()) {
    const last = i === segments.length - 1;
    const shown = segments.slice(0, i + 1).join(".");
    if (Array.isArray(here)) {
      const at = key === "-" ? here.length : /^(0|[1-9]\d{0,8})$/.test(key) ? Number(key) : -1;
      if (at < 0 || at > here.length) throw new BodyEditError(`--set ${path}: ${shown} is not an index of the array there (0 to ${here.length}, or -)`);
      if (last) here[at] = value;
      else here = here[at] ?? (here[at] = {});
      continue;
    }
    if (!isObject(here)) throw new BodyEditError(`--set ${path}: ${segments.slice(0, i).join(".")} is ${JSON.stringify(here)}, not an object`);
    if (last) put(here, key, value);
    else {
      if (!Object.hasOwn(here, key) || here[key] === null) put(here, key, {});
      here = here[key]!;
    }
  }
}

/** `path=value`; the value is JSON where it parses as JSON, else the text itself. */
export function parseSet(text: string): { path: string; value: Json } {
  const eq = text.indexOf("=");
  if (eq <= 0) throw new BodyEditError(`--set '${text}': write path=value, e.g. --set data.status=failed`);
  const path = text.slice(0, eq);
  pathSegments(path);
  const raw = text.slice(eq + 1);
  try {
    return { path, value: JSON.parse(raw) as Json };
  } catch {
    return { path, value: raw };
  }
}
