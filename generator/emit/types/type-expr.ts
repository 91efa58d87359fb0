// Schema (IR) → a TypeScript type expression. Named schemas become references to their type name;
// inline objects become object literal types with JSDoc on each property.
import type { Json, Property, Schema } from "../../model/ir.ts";
import { propertyKey } from "../../model/naming.ts";
import { jsdocText, tsString } from "../escape/ts.ts";

export interface TypeCx {
  typeName(schemaName: string): string;
}

// Parentheses are harmless where not needed, and prettier drops them.
const needsParens = (t: string) => /[|&]/.test(t);

export function typeExpr(s: Schema, cx: TypeCx): string {
  const t = baseType(s, cx);
  return s.nullable && s.kind !== "null" && s.kind !== "any" ? `${t} | null` : t;
}

function baseType(s: Schema, cx: TypeCx): string {
  switch (s.kind) {
    case "any":
      return "unknown";
    case "string":
      return "string";
    case "number":
      return "number";
    case "boolean":
      return "boolean";
    case "null":
      return "null";
    case "literal":
      return s.values.map(literalType).join(" | ");
    case "array": {
      const item = typeExpr(s.items, cx);
      return needsParens(item) ? `(${item})[]` : `${item}[]`;
    }
    case "object":
      return objectType(s.properties, s.additional, cx);
    case "ref":
      return cx.typeName(s.name);
    case "union":
      return s.variants.map((v) => typeExpr(v, cx)).join(" | ");
  }
}

export function propertyLines(props: Property[], cx: TypeCx): string {
  return props
    .map((p) => `${jsdoc(docLines(p.schema))}${propertyKey(p.name)}${p.required ? "" : "?"}: ${typeExpr(p.schema, cx)};`)
    .join("\n");
}

/** A JSDoc block from escaped lines, for members written as text (inline object types). */
function jsdoc(lines: string[]): string {
  if (!lines.length) return "";
  const body = lines.join("\n\n");
  return body.includes("\n") ? `/**\n${body.split("\n").map((l) => ` * ${l}`.trimEnd()).join("\n")}\n */\n` : `/** ${body} */\n`;
}

/** Escaped JSDoc lines for a schema: its title and description, then eventgen's own tags. */
export function docLines(s: Schema): string[] {
  return [s.title ? jsdocText(s.title) : "", s.description ? jsdocText(s.description) : "", s.deprecated ? "@deprecated" : ""].filter(Boolean);
}

function objectType(props: Property[], additional: boolean | Schema, cx: TypeCx): string {
  const members = propertyLines(props, cx);
  if (typeof additional === "object") {
    const values = `{ [key: string]: ${typeExpr(additional, cx)} }`;
    return props.length ? `{\n${members}\n} & ${values}` : values;
  }
  // Open objects with no declared field are dictionaries; with fields, the declared ones are typed
  // and extra fields are accepted at run time but not advertised.
  if (!props.length) return additional ? "{ [key: string]: unknown }" : "Record<never, never>";
  return `{\n${members}\n}`;
}

export function literalType(v: Json): string {
  if (v === null || typeof v !== "object") return typeof v === "string" ? tsString(v) : String(v);
  if (Array.isArray(v)) return `readonly [${v.map(literalType).join(", ")}]`;
  return `{ ${Object.entries(v).map(([k, x]) => `readonly ${propertyKey(k)}: ${literalType(x)}`).join("; ")} }`;
}
