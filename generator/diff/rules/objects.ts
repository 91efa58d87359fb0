// Objects: fields added, removed, made optional or required, and the object opened or closed.
// A closed object (additionalProperties: false) rejects fields it does not list, so a field added
// to it is breaking; an open one accepts them. A map (`values`) holds its keys to a schema.
import type { Json, Property, Schema, SchemaOf } from "../../model/ir.ts";
import { DELETE, type Finding, type Rule } from "../change.ts";
import { compareSchemas, draw, found, under, type Cx } from "../walk.ts";
import { label } from "./types.ts";

export const rules: Rule[] = [
  { id: "property-added", level: "info", section: "added", description: "field added to an open object" },
  { id: "property-added-closed", level: "breaking", section: "breaking", description: "field added to a closed object" },
  { id: "required-property-removed", level: "breaking", section: "breaking", description: "required field removed" },
  { id: "optional-property-removed", level: "warning", section: "changed", description: "optional field removed from an open object (a producer may still send it, with any value)" },
  { id: "optional-property-removed-closed", level: "info", section: "changed", description: "optional field removed from a closed object" },
  { id: "property-became-optional", level: "breaking", section: "breaking", description: "required → optional" },
  { id: "property-became-required", level: "info", section: "changed", description: "optional → required" },
  { id: "object-opened", level: "breaking", section: "breaking", description: "closed object → open (or a map's values widened to any)" },
  { id: "object-closed", level: "info", section: "changed", description: "open object → closed (or to a map)" },
];

const step = (p: Property | { name: string }, schema: Schema) => ({ to: "property" as const, name: p.name, schema });
/** Values of every JSON type: one of them an old schema rejects. */
const ANY_VALUES: Json[] = ["x", 0, 0.5, true, null, {}, []];
const EXTRA = "unexpected_field";

export function compareObjects(o: SchemaOf<"object">, n: SchemaOf<"object">, cx: Cx, out: Finding[]): void {
  const olds = new Map(o.properties.map((p) => [p.name, p]));
  const news = new Map(n.properties.map((p) => [p.name, p]));
  for (const p of n.properties) {
    const q = olds.get(p.name);
    const path = [step(p, p.schema)];
    if (!q) {
      const what = `field '${p.name}' (${label(p.schema)}) added`;
      if (o.additional === false) out.push(found(cx, "property-added-closed", `${what} to a closed object`, { new: label(p.schema), path }));
      else out.push(found(cx, "property-added", what, { new: label(p.schema), path }));
      if (typeof o.additional === "object") out.push(...under(path[0]!, compareSchemas(o.additional, p.schema, cx)));
      continue;
    }
    if (q.required && !p.required) out.push(found(cx, "property-became-optional", `field '${p.name}' is no longer required`, { old: "required", new: "optional", path, probe: () => [DELETE] }));
    if (!q.required && p.required) out.push(found(cx, "property-became-required", `field '${p.name}' is now required`, { old: "optional", new: "required", path }));
    out.push(...under(path[0]!, compareSchemas(q.schema, p.schema, cx)));
  }
  for (const q of o.properties) {
    if (news.has(q.name)) continue;
    // The place is gone from the new schema; the witness search builds it from what the new
    // object would accept there.
    const there: Schema = typeof n.additional === "object" ? n.additional : { kind: "any", nullable: true };
    const path = [step(q, there)];
    const removal = true;
    if (q.required) out.push(found(cx, "required-property-removed", `required field '${q.name}' removed`, { old: label(q.schema), path, removal, probe: () => [DELETE] }));
    else if (n.additional === false) out.push(found(cx, "optional-property-removed-closed", `optional field '${q.name}' removed`, { old: label(q.schema), path, removal }));
    else if (typeof n.additional === "object") out.push(...under(path[0]!, compareSchemas(q.schema, n.additional, cx)));
    else out.push(found(cx, "optional-property-removed", `optional field '${q.name}' removed; the open object still accepts it, with any value`, { old: label(q.schema), path, removal, probe: () => ANY_VALUES }));
  }
  compareAdditional(o, n, cx, out);
}

function compareAdditional(o: SchemaOf<"object">, n: SchemaOf<"object">, cx: Cx, out: Finding[]): void {
  const a = o.additional;
  const b = n.additional;
  const kind = (x: boolean | Schema) => (x === false ? "closed" : x === true ? "open" : `a map of ${label(x)}`);
  const values = { old: kind(a), new: kind(b) };
  const opened = (extras: Json[]) => found(cx, "object-opened", `${kind(a)} → ${kind(b)}`, { ...values, probe: (cur) => (cur && typeof cur === "object" && !Array.isArray(cur) ? extras.map((v) => ({ ...cur, [EXTRA]: v })) : []) });
  if (typeof a === "object" && typeof b === "object") out.push(...under({ to: "map", schema: b }, compareSchemas(a, b, cx)));
  else if (a === b) return;
  else if (a === false) out.push(opened(typeof b === "object" ? [0, 1, 2].map((seed) => draw(cx, b, seed, EXTRA)) : ["x", 0]));
  else if (typeof a === "object" && b === true) out.push(opened(ANY_VALUES));
  else out.push(found(cx, "object-closed", `${kind(a)} → ${kind(b)}`, values));
}
