// The rows of a field table: one per property, nested inline objects flattened into dotted paths
// (`interaction.type`, `errors[].code`); named schemas are linked, not expanded.
import type { Property, Schema } from "../../model/ir.ts";
import { mdCell, mdCode } from "../escape/markdown.ts";
import { constraints, typeLabel, type AnchorOf } from "./type-label.ts";

export interface FieldRow {
  /** Each column is Markdown, already escaped. */
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
    const presence = `${p.required ? "required" : "optional"}${s.nullable ? ", nullable" : ""}`;
    const notes = constraints(s);
    const description = joinNotes([s.description ? mdCell(s.description) : "", ...notes]);
    rows.push({ name: mdCode(path, true), type: typeLabel(s, anchor), presence, description });
    if (depth >= MAX_DEPTH) continue;
    const inner = innerObject(s);
    if (inner) rows.push(...fieldRows(inner.properties, anchor, `${path}${inner.suffix}.`, depth + 1));
  }
  return rows;
}

/** An inline object worth expanding under its parent: an object itself, or an array's items. */
function innerObject(s: Schema): { properties: Property[]; suffix: string } | undefined {
  if (s.kind === "object" && s.properties.length) return { properties: s.properties, suffix: "" };
  if (s.kind === "array" && s.items.kind === "object" && s.items.properties.length) return { properties: s.items.properties, suffix: "[]" };
  return undefined;
}

/** Description, then constraints: "The id; matches `^a`", or "The id. Matches …" after a period. */
export function joinNotes(parts: string[]): string {
  return parts.filter(Boolean).reduce((acc, part) => (!acc ? part : /[.!?]$/.test(acc) ? `${acc} ${part[0]!.toUpperCase()}${part.slice(1)}` : `${acc}; ${part}`), "");
}
