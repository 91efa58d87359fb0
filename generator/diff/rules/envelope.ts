// Where a delivery says its type and carries its payload. Moving either breaks every consumer's
// routing. The envelope's fields and openness are part of each event's body and compared there.
import type { Json, EnvelopeModel } from "../../model/ir.ts";
import type { Finding, Rule } from "../change.ts";
import { found, type Cx } from "../walk.ts";
import { docsChanged, same } from "./docs.ts";

export const rules: Rule[] = [{ id: "envelope-changed", level: "breaking", section: "breaking", description: "envelope: type field, type header or payload location changed" }];

export function compareEnvelopes(o: EnvelopeModel, n: EnvelopeModel, cx: Cx, out: Finding[]): void {
  for (const key of ["typeField", "typeHeader", "payloadField"] as const) {
    const a: Json = o[key] ?? null;
    const b: Json = n[key] ?? null;
    if (a === b) continue;
    const show = (v: Json) => (v === null ? (key === "payloadField" ? "the top level (flat)" : "none") : `'${v}'`);
    out.push({ ...found(cx, "envelope-changed", `envelope ${key}: ${show(a)} → ${show(b)}`, { old: a, new: b }), pointer: `/envelope/${key}` });
  }
  for (const key of ["description", "notes"] as const)
    if (!same(o[key], n[key])) out.push({ ...docsChanged(cx, key, o[key], n[key]), pointer: `/envelope/${key}` });
}
