// Enums and constants. A value added is breaking (old validators reject it; an exhaustive switch
// misses it); a value removed breaks only TypeScript consumers (a `case` for it no longer
// compiles); a constant changed is breaking. An extensible enum already accepts any value of its
// type, so adding or removing one of its known values is compatible; making a closed enum
// extensible is breaking (old validators reject the values it now accepts), closing one is not.
import type { Json, SchemaOf } from "../../model/ir.ts";
import type { Finding, Rule } from "../change.ts";
import { canonical } from "../../emit/docs/conforms.ts";
import { found, type Cx } from "../walk.ts";

export const rules: Rule[] = [
  { id: "enum-value-added", level: "breaking", section: "breaking", description: "enum value added" },
  { id: "const-changed", level: "breaking", section: "breaking", description: "const value changed" },
  { id: "enum-made-extensible", level: "breaking", section: "breaking", description: "enum made extensible (any value of its type accepted)" },
  { id: "enum-value-removed", level: "warning", section: "changed", description: "enum value removed" },
  { id: "extensible-enum-value-added", level: "info", section: "changed", description: "known value added to an extensible enum" },
  { id: "extensible-enum-value-removed", level: "info", section: "changed", description: "known value removed from an extensible enum" },
  { id: "enum-closed", level: "info", section: "changed", description: "extensible enum closed to its known values" },
];

export function compareLiterals(o: SchemaOf<"literal">, n: SchemaOf<"literal">, cx: Cx, out: Finding[]): void {
  const had = new Set(o.values.map(canonical));
  const has = new Set(n.values.map(canonical));
  const added = n.values.filter((v) => !had.has(canonical(v)));
  const removed = o.values.filter((v) => !has.has(canonical(v)));
  if (o.extensible || n.extensible) {
    if (!o.extensible) {
      out.push(found(cx, "enum-made-extensible", `enum made extensible: any ${n.extensible} is accepted`, { old: o.values, new: n.values, probe: () => [unknownValue(n)] }));
      return;
    }
    if (o.extensible !== n.extensible && n.extensible) {
      const narrowed = o.extensible === "number" && n.extensible === "integer";
      out.push(found(cx, narrowed ? "type-narrowed" : "type-widened", `extensible enum of ${o.extensible} → of ${n.extensible}`, { old: o.extensible, new: n.extensible, ...(narrowed ? {} : { probe: () => [unknownValue(n)] }) }));
    }
    if (!n.extensible) {
      out.push(found(cx, "enum-closed", `extensible enum closed to ${n.values.map((v) => JSON.stringify(v)).join(", ")}`, { old: o.values, new: n.values }));
      return;
    }
    for (const v of added) out.push(found(cx, "extensible-enum-value-added", `known value ${JSON.stringify(v)} added`, { old: o.values, new: n.values }));
    for (const v of removed) out.push(found(cx, "extensible-enum-value-removed", `known value ${JSON.stringify(v)} removed`, { old: o.values, new: n.values, removal: true }));
    return;
  }
  if (o.isConst && n.isConst && added.length) {
    out.push(found(cx, "const-changed", `constant ${JSON.stringify(o.values[0])} → ${JSON.stringify(n.values[0])}`, { old: o.values[0]!, new: n.values[0]!, probe: () => added }));
    return;
  }
  for (const v of added) out.push(found(cx, "enum-value-added", `value ${JSON.stringify(v)} added`, { old: o.values, new: n.values, probe: () => [v] }));
  for (const v of removed) out.push(found(cx, "enum-value-removed", `value ${JSON.stringify(v)} removed`, { old: o.values, new: n.values, removal: true }));
}

/** A value of an extensible enum's base type that is none of its known values. */
export function unknownValue(s: SchemaOf<"literal">): Json {
  const known = new Set(s.values.map(canonical));
  for (let i = 0; ; i++) {
    const v: Json = s.extensible === "string" ? `not_yet_known${i || ""}` : s.extensible === "number" ? 0.5 + i : 1_000_003 + i;
    if (!known.has(canonical(v))) return v;
  }
}
