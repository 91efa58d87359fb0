// What a test delivery refreshes in the envelope: the field carrying the event's id (a fresh one
// each delivery) and the fields saying when it happened (now). Read from the envelope's fields by
// name, format and description; a field is only refreshed when a fresh value certainly fits its
// schema, so the body stays valid. Used by `eventgen send`/`example` and the packages' testing
// entry, so both fill the envelope the same way.
import { conforms } from "../docs/conforms.ts";
import type { CatalogModel, Json, Property, Schema } from "../../model/ir.ts";

export type TimestampUnit = "iso" | "seconds" | "milliseconds";

export interface DeliveryFill {
  /** The envelope field carrying the event's id; a fresh id is `prefix` + 32 hex digits, or a
   * UUID when the field's format is uuid. */
  id?: { field: string; prefix: string; uuid: boolean };
  /** Envelope fields set to now, as an RFC 3339 date-time or a Unix time. */
  timestamps: { field: string; unit: TimestampUnit }[];
}

const ID_NAMES = /^(id|event_?id|eventid|message_?id|messageid|delivery_?id|deliveryid)$/i;
const TIME_NAMES = /^(created|created_?at|createdat|timestamp|time|ts|occurred_?at|occurredat|sent_?at|sentat|emitted_?at)$/i;
const SAMPLE_HEX = "0123456789abcdef0123456789abcdef";
const SAMPLE_UUID = "3f2b8c1e-5a7d-4e9f-8b6a-1c2d3e4f5a6b";
const SAMPLE_NOW = new Date("2026-01-02T03:04:05Z");

const fillCache = new WeakMap<CatalogModel, DeliveryFill>();

export function deliveryFill(model: CatalogModel): DeliveryFill {
  let fill = fillCache.get(model);
  if (fill) return fill;
  const named = new Map(model.schemas.map((s) => [s.name, s.schema]));
  const fits = (s: Schema, v: Json) => conforms(s, v, named);
  const resolved = (p: Property): Schema => (p.schema.kind === "ref" ? (named.get(p.schema.name) ?? p.schema) : p.schema);
  fill = { timestamps: [] };
  for (const p of model.envelope.fields) {
    if (p.name === model.envelope.typeField || p.name === model.envelope.payloadField) continue;
    const s = resolved(p);
    if (!fill.id && ID_NAMES.test(p.name) && s.kind === "string") {
      const uuid = s.format === "uuid";
      const prefix = uuid ? "" : literalPrefix(s.pattern);
      if (fits(s, uuid ? SAMPLE_UUID : prefix + SAMPLE_HEX)) fill.id = { field: p.name, prefix, uuid };
      continue;
    }
    const unit = timestampUnit(p, s);
    if (unit && fits(s, stamp(SAMPLE_NOW, unit))) fill.timestamps.push({ field: p.name, unit });
  }
  fillCache.set(model, fill);
  return fill;
}

function timestampUnit(p: Property, s: Schema): TimestampUnit | undefined {
  if (s.kind === "string") return s.format === "date-time" ? "iso" : undefined;
  if (s.kind !== "number") return undefined;
  const words = `${p.schema.description ?? ""} ${s.description ?? ""}`;
  if (!TIME_NAMES.test(p.name) && !/\bunix\b/i.test(words)) return undefined;
  return /millisecond/i.test(words) ? "milliseconds" : "seconds";
}

/** The literal text a pattern demands at the start (`^evt_` → evt_), or "". */
function literalPrefix(pattern: string | undefined): string {
  if (!pattern) return "";
  return /^\^((?:[A-Za-z0-9_:.-]|\\[.\-/:_])*)/.exec(pattern)?.[1]?.replace(/\\(.)/g, "$1") ?? "";
}

/** `now` in a timestamp field's unit. */
export function stamp(now: Date, unit: TimestampUnit): string | number {
  if (unit === "iso") return now.toISOString().replace(/\.\d{3}Z$/, "Z");
  return unit === "milliseconds" ? now.getTime() : Math.floor(now.getTime() / 1000);
}
