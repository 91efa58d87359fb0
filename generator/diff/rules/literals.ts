// Enums and constants. A value added is breaking (old validators reject it; an exhaustive switch
// misses it); a value removed breaks only TypeScript consumers (a `case` for it no longer
// compiles); a constant changed is breaking.
import type { SchemaOf } from "../../model/ir.ts";
import type { Finding, Rule } from "../change.ts";
import { canonical } from "../../emit/docs/conforms.ts";
import { found, type Cx } from "../walk.ts";

export const rules: Rule[] = [
  { id: "enum-value-added", level: "breaking", section: "breaking", description: "enum value added" },
  { id: "const-changed", level: "breaking", section: "breaking", description: "const value changed" },
  { id: "enum-value-removed", level: "warning", section: "changed", description: "enum value removed" },
];

export function compareLiterals(o: SchemaOf<"literal">, n: SchemaOf<"literal">, cx: Cx, out: Finding[]): void {
  const had = new Set(o.values.map(canonical));
  const has = new Set(n.values.map(canonical));
  const added = n.values.filter((v) => !had.has(canonical(v)));
  const removed = o.values.filter((v) => !has.has(canonical(v)));
  if (o.isConst && n.isConst && added.length) {
    out.push(found(cx, "const-changed", `constant ${JSON.stringify(o.values[0])} → ${JSON.stringify(n.values[0])}`, { old: o.values[0]!, new: n.values[0]!, probe: () => added }));
    return;
  }
  for (const v of added) out.push(found(cx, "enum-value-added", `value ${JSON.stringify(v)} added`, { old: o.values, new: n.values, probe: () => [v] }));
  for (const v of removed) out.push(found(cx, "enum-value-removed", `value ${JSON.stringify(v)} removed`, { old: o.values, new: n.values, removal: true }));
}
