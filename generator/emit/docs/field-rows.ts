// The rows of a field table: one per property, nested inline objects flattened into dotted paths
// (`interaction.type`, `errors[].code`, `labels.*.name`); named schemas are linked, not expanded.
import type { Property, Schema } from "../../model/ir.ts";
import { mdCode, mdProseCell } from "../escape/markdown.ts";
import { constraints, typeLabel, type AnchorOf } from "./type-label.ts";

export interface FieldRow {
  /** Each column is Markdown for a table cell, already escaped. */
  name: string;
  type: string;
  presence: string;
  description: string;
}

const MAX_DEPTH = 6;

export function fieldRows(properties: readonly Property[], anchor: AnchorOf, prefix = "", depth = 0): FieldRow[] {
  const rows: FieldRow[] = [];
  for (const p of properties) {
    const path = `${prefix}${p.name}`;
    const s = p.schema;
    rows.push({
      name: mdCode(path, true),
      type: typeLabel(s, anchor),
      presence: presence(p.required, s.nullable),
      description: joinNotes([s.description ? mdProseCell(s.description) : "", ...constraints(s)]),
    });
    if (depth >= MAX_DEPTH) continue;
    const inner = innerObject(s);
    if (inner) rows.push(...fieldRows(inner.properties, anchor, `${path}${inner.suffix}.`, depth + 1));
  }
  return rows;
}

export const presence = (required: boolean, nullable: boolean) => `${required ? "required" : "optional"}${nullable ? ", nullable" : ""}`;

/** An inline object worth expanding under its parent: an object itself, an array's items (`[]`)
 * or a map's values (`.*`), at any nesting. */
function innerObject(s: Schema, suffix = ""): { properties: Property[]; suffix: string } | undefined {
  if (s.kind === "object" && s.properties.length) return { properties: s.properties, suffix };
  if (s.kind === "array") return innerObject(s.items, `${suffix}[]`);
  if (s.kind === "object" && typeof s.additional === "object") return innerObject(s.additional, `${suffix}.*`);
  return undefined;
}

/** Description, then constraints: "The id; matches `^a`", or "The id. Matches …" after a period. */
export function joinNotes(parts: string[]): string {
  return parts
    .filter(Boolean)
    .reduce((acc, part) => (!acc ? part : /[.!?]$/.test(acc) ? `${acc} ${part[0]!.toUpperCase()}${part.slice(1)}` : `${acc}; ${part}`), "");
}
