// A change of type: integer → number, string → object, an enum → any string, any → something.
// Breaking when the new schema has a value whose JSON type (or, from an enum, whose value) the old
// one does not accept; compatible when it only narrows.
import type { Json, Schema } from "../../model/ir.ts";
import type { Finding, Rule } from "../change.ts";
import { conforms } from "../../emit/docs/conforms.ts";
import { found, type Cx } from "../walk.ts";
import { unknownValue } from "./literals.ts";

/** Whether a schema accepts every value of the type (`any`, or the type with no constraint). */
function bareType(s: Schema, type: "string" | "integer" | "number"): boolean {
  if (s.kind === "any") return true;
  if (s.kind === "string") return type === "string" && s.format === undefined && s.pattern === undefined && s.minLength === undefined && s.maxLength === undefined;
  if (s.kind === "number")
    return type !== "string" && (!s.integer || type === "integer") && [s.minimum, s.maximum, s.exclusiveMinimum, s.exclusiveMaximum, s.multipleOf].every((x) => x === undefined);
  return false;
}

export const rules: Rule[] = [
  { id: "type-widened", level: "breaking", section: "breaking", description: "type widened (integer → number, or a type added)" },
  { id: "type-narrowed", level: "info", section: "changed", description: "type narrowed (number → integer, or a type removed)" },
];

const jsonType = (v: Json): string =>
  v === null ? "null" : Array.isArray(v) ? "array" : typeof v === "number" ? (Number.isInteger(v) ? "integer" : "number") : typeof v;

/** The JSON types a (resolved, non-union) schema accepts; `*` for any. */
export function typesOf(s: Schema): Set<string> {
  const out = new Set<string>(s.nullable ? ["null"] : []);
  switch (s.kind) {
    case "any":
      out.add("*");
      break;
    case "number":
      out.add(s.integer ? "integer" : "number");
      break;
    case "literal":
      for (const v of s.values) out.add(jsonType(v));
      if (s.extensible) out.add(s.extensible);
      break;
    case "ref":
    case "union":
      out.add("*");
      break;
    default:
      out.add(s.kind);
  }
  return out;
}

const covered = (t: string, set: Set<string>) => set.has("*") || set.has(t) || (t === "integer" && set.has("number"));

/** A short plain label: `integer`, `string | null`, `"a" | "b"`. */
export function label(s: Schema): string {
  const base = s.kind === "literal" ? s.values.map((v) => JSON.stringify(v)).join(" | ") : s.kind === "number" ? (s.integer ? "integer" : "number") : s.kind === "ref" ? s.name : s.kind;
  return s.nullable && s.kind !== "null" && s.kind !== "any" ? `${base} | null` : base;
}

/** True when the kinds differ (the change is reported here and the schemas are not compared
 * further), or for numbers when one is an integer and the other is not. */
export function compareKinds(o: Schema, n: Schema, cx: Cx, out: Finding[]): boolean {
  if (o.kind === "number" && n.kind === "number") {
    if (o.integer && !n.integer) out.push(found(cx, "type-widened", "integer → number", { old: "integer", new: "number", probe: () => [0.5, 1.5, -0.5] }));
    if (!o.integer && n.integer) out.push(found(cx, "type-narrowed", "number → integer", { old: "number", new: "integer" }));
    return false;
  }
  if (o.kind === n.kind) return false;
  const oldTypes = typesOf(o);
  const newTypes = typesOf(n);
  let widened = [...newTypes].some((t) => !covered(t, oldTypes));
  let probe: Json[] | undefined;
  // Same JSON types, but the old schema allowed only some values (an enum), or the new one is an
  // enum whose values the old constraints reject.
  if (!widened && o.kind === "literal" && !o.extensible && n.kind !== "literal") widened = true;
  // An extensible enum accepts any value of its type: the same as the old schema only when that
  // was the bare type.
  if (!widened && n.kind === "literal" && n.extensible && !bareType(o, n.extensible)) (widened = true), (probe = [unknownValue(n)]);
  if (!widened && n.kind === "literal") {
    const rejected = n.values.filter((v) => !conforms(o, v, cx.old.schemas));
    if (rejected.length) (widened = true), (probe = rejected);
  }
  const message = `${label(o)} → ${label(n)}`;
  if (widened) out.push(found(cx, "type-widened", `type widened: ${message}`, { old: label(o), new: label(n), ...(probe ? { probe: () => probe! } : {}) }));
  else out.push(found(cx, "type-narrowed", `type narrowed: ${message}`, { old: label(o), new: label(n) }));
  return true;
}
