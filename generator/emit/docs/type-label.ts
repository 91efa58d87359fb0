// A schema's type as docs show it: short, linked to named schemas, with its constraints spelled
// out separately for the description column. Every string returned is Markdown for a table cell.
import type { CatalogModel, Json, Schema } from "../../model/ir.ts";
import { mdCode, mdInline, mdLink } from "../escape/markdown.ts";
import { isCheckedFormat } from "../../check/catalog-shape.ts";

export type AnchorOf = (schemaName: string) => string;

export const schemaAnchors = (model: CatalogModel): AnchorOf => {
  const anchors = new Map(model.schemas.map((s) => [s.name, s.anchor]));
  return (name) => anchors.get(name)!;
};

/** A JSON value as code: JSON text, with the line separators JSON.stringify leaves raw escaped so
 * they stay visible. */
export const jsonCode = (v: Json | undefined): string =>
  mdCode((JSON.stringify(v) ?? "undefined").replace(/[\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`), true);

/** `string (uuid)`, `[TaskRun](#schema-taskrun)[]`, `"a" \| "b"`, `map of integer`. */
export function typeLabel(s: Schema, anchor: AnchorOf): string {
  switch (s.kind) {
    case "any":
      return "any";
    case "string":
      return s.format ? `string (${formatWords(s.format)})` : "string";
    case "number":
      return `${s.integer ? "integer" : "number"}${s.format ? ` (${formatWords(s.format)})` : ""}`;
    case "boolean":
    case "null":
      return s.kind;
    case "literal":
      return [...s.values.map(jsonCode), ...(s.extensible ? [s.extensible === "string" ? "other strings" : `other ${s.extensible}s`] : [])].join(" \\| ");
    case "array": {
      const inner = typeLabel(s.items, anchor);
      return /[\s\\]/.test(inner) && s.items.kind !== "ref" ? `array of ${inner}` : `${inner}[]`;
    }
    case "object":
      if (typeof s.additional === "object") return `map of ${typeLabel(s.additional, anchor)}`;
      return "object";
    case "ref":
      return mdLink(mdInline(s.name), anchor(s.name));
    case "union":
      return s.variants.map((v) => typeLabel(v, anchor)).join(s.mode === "oneOf" ? " or " : " and/or ");
  }
}

/** A format as docs name it: those the validators do not check are said to be annotations. */
const formatWords = (f: string) => (isCheckedFormat(f) ? mdInline(f) : `${mdInline(f)}, not checked`);

/** The constraints the validators check, in words, for the description column. */
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
  } else if (s.kind === "literal" && s.extensible) out.push("the known values; more may be added");
  else if (s.kind === "object" && s.additional === false) out.push("no other fields");
  else if (s.kind === "union" && s.discriminator !== undefined) out.push(`told apart by ${code(s.discriminator)}`);
  if (s.default !== undefined) out.push(`default ${jsonCode(s.default)}`);
  if (s.deprecated) out.push("**deprecated**");
  return out;
}
