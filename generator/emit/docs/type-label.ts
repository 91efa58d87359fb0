// A schema's type as docs show it: short, linked to named schemas, with its constraints spelled
// out separately for the description column.
import type { CatalogModel, Schema } from "../../model/ir.ts";
import { mdCell, mdCode } from "../escape/markdown.ts";

export type AnchorOf = (schemaName: string) => string;

export const schemaAnchors = (model: CatalogModel): AnchorOf => {
  const anchors = new Map(model.schemas.map((s) => [s.name, s.anchor]));
  return (name) => anchors.get(name)!;
};

/** Markdown for a table cell: `string (uuid)`, `[TaskRun](#schema-taskrun)[]`, `"a" \| "b"`. */
export function typeLabel(s: Schema, anchor: AnchorOf): string {
  switch (s.kind) {
    case "any":
      return "any";
    case "string":
      return s.format ? `string (${s.format})` : "string";
    case "number":
      return s.integer ? "integer" : "number";
    case "boolean":
    case "null":
      return s.kind;
    case "literal":
      return s.values.map((v) => mdCode(JSON.stringify(v), true)).join(" \\| ");
    case "array": {
      const inner = typeLabel(s.items, anchor);
      return /[\s\\]/.test(inner) && s.items.kind !== "ref" ? `array of ${inner}` : `${inner}[]`;
    }
    case "object":
      if (typeof s.additional === "object") return `map of ${typeLabel(s.additional, anchor)}`;
      return "object";
    case "ref":
      return `[${mdCell(s.name)}](#${anchor(s.name)})`;
    case "union":
      return s.variants.map((v) => typeLabel(v, anchor)).join(s.mode === "oneOf" ? " or " : " and/or ");
  }
}

/** The constraints JSON Schema would check, in words, for the description column. */
export function constraints(s: Schema): string[] {
  const out: string[] = [];
  const code = (v: unknown) => mdCode(typeof v === "string" ? v : JSON.stringify(v), true);
  if (s.kind === "string") {
    if (s.pattern !== undefined) out.push(`matches ${code(s.pattern)}`);
    if (s.minLength !== undefined) out.push(`at least ${s.minLength} characters`);
    if (s.maxLength !== undefined) out.push(`at most ${s.maxLength} characters`);
  } else if (s.kind === "number") {
    if (s.minimum !== undefined) out.push(`≥ ${s.minimum}`);
    if (s.exclusiveMinimum !== undefined) out.push(`> ${s.exclusiveMinimum}`);
    if (s.maximum !== undefined) out.push(`≤ ${s.maximum}`);
    if (s.exclusiveMaximum !== undefined) out.push(`< ${s.exclusiveMaximum}`);
    if (s.multipleOf !== undefined) out.push(`a multiple of ${s.multipleOf}`);
  } else if (s.kind === "array") {
    if (s.minItems !== undefined) out.push(`at least ${s.minItems} items`);
    if (s.maxItems !== undefined) out.push(`at most ${s.maxItems} items`);
    if (s.uniqueItems) out.push("items unique");
  } else if (s.kind === "object" && s.additional === false) out.push("no other fields");
  if (s.deprecated) out.push("**deprecated**");
  return out;
}
