// null accepted or not. A value that becomes nullable lets the producer send null, which old
// validators reject; dropping null is compatible.
import type { Schema } from "../../model/ir.ts";
import type { Finding, Rule } from "../change.ts";
import { found, type Cx } from "../walk.ts";

export const rules: Rule[] = [
  { id: "became-nullable", level: "breaking", section: "breaking", description: "becomes nullable" },
  { id: "nullable-dropped", level: "info", section: "changed", description: "nullable dropped" },
];

/** Whether null is a value of the schema (a union's null variant has been folded into
 * `nullable` by normalizeUnion). */
export const acceptsNull = (s: Schema) => s.nullable || s.kind === "null" || s.kind === "any" || (s.kind === "literal" && s.values.includes(null));

export function compareNullable(o: Schema, n: Schema, cx: Cx, out: Finding[]): void {
  const a = acceptsNull(o);
  const b = acceptsNull(n);
  if (a === b) return;
  // A change of type says it (any → string, null → object) better than a change of nullability.
  if (o.kind !== n.kind && (o.kind === "null" || n.kind === "null" || o.kind === "any" || n.kind === "any")) return;
  if (b) out.push(found(cx, "became-nullable", "becomes nullable", { old: false, new: true, probe: () => [null] }));
  else out.push(found(cx, "nullable-dropped", "no longer nullable", { old: true, new: false }));
}
