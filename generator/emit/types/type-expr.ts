// Schema (IR) → a TypeScript type. Named schemas become references to their type name; inline
// objects become object types with JSDoc on each property, written expanded.
import type { Json, Property, Schema } from "../../model/ir.ts";
import { jsdocText } from "../escape/ts.ts";
import { propertyKeyText, stringLiteral, numberLiteral } from "../ts/literal.ts";
import { arrayOf, atom, ref, union, type Member, type TypeNode } from "../ts/type.ts";

export interface TypeCx {
  typeName(schemaName: string): string;
  /** The shared type a node is written as (model/shapes.ts), when it is a use of one. */
  shapeOf?(node: Schema): string | undefined;
}

const NULL = atom("null");

export function typeExpr(s: Schema, cx: TypeCx): TypeNode {
  const t = baseType(s, cx);
  if (!s.nullable || s.kind === "null" || s.kind === "any") return t;
  return union([...(t.t === "union" ? t.members : [t]), NULL]);
}

function baseType(s: Schema, cx: TypeCx): TypeNode {
  const shared = cx.shapeOf?.(s);
  if (shared !== undefined) return ref(shared);
  switch (s.kind) {
    case "any":
      return atom("unknown");
    case "string":
      return atom("string");
    case "number":
      return atom("number");
    case "boolean":
      return atom("boolean");
    case "null":
      return NULL;
    case "literal":
      // `(string & {})` keeps the known values in editors' completions: a bare `string` would swallow them.
      return union([...s.values.map(literalType), ...(s.extensible ? [{ t: "intersection", members: [atom(s.extensible === "string" ? "string" : "number"), atom("{}")] } as TypeNode] : [])]);
    case "array":
      return arrayOf(typeExpr(s.items, cx));
    case "object":
      return objectType(s.properties, s.additional, cx);
    case "ref":
      return ref(cx.typeName(s.name));
    case "union":
      return union(s.variants.flatMap((v) => {
        const t = typeExpr(v, cx);
        return t.t === "union" ? t.members : [t];
      }));
  }
}

export function propertyMember(p: Property, cx: TypeCx): Member {
  return { m: "property", key: propertyKeyText(p.name), optional: !p.required, readonly: false, type: typeExpr(p.schema, cx), docs: docLines(p.schema) };
}

/** Escaped JSDoc lines for a schema: its title and description, then eventgen's own tags. */
export function docLines(s: Schema): string[] {
  return [s.title ? jsdocText(s.title) : "", s.description ? jsdocText(s.description) : "", s.deprecated ? "@deprecated" : ""].filter(Boolean);
}

function objectType(props: Property[], additional: boolean | Schema, cx: TypeCx): TypeNode {
  const members = props.map((p) => propertyMember(p, cx));
  if (typeof additional === "object") {
    const values: TypeNode = { t: "object", expanded: false, members: [{ m: "index", type: typeExpr(additional, cx) }] };
    return props.length ? { t: "intersection", members: [{ t: "object", expanded: true, members }, values] } : values;
  }
  // Open objects with no declared field are dictionaries; with fields, the declared ones are typed
  // and extra fields are accepted at run time but not advertised.
  if (!props.length) return additional ? { t: "object", expanded: false, members: [{ m: "index", type: atom("unknown") }] } : ref("Record<never, never>");
  return { t: "object", expanded: true, members };
}

export function literalType(v: Json): TypeNode {
  if (v === null) return NULL;
  if (typeof v === "string") return atom(stringLiteral(v));
  if (typeof v === "number") return atom(v < 0 ? `-${numberLiteral(v)}` : numberLiteral(v));
  if (typeof v === "boolean") return atom(String(v));
  if (Array.isArray(v)) return { t: "readonly", type: { t: "tuple", items: v.map(literalType) } };
  return {
    t: "object",
    expanded: false,
    members: Object.entries(v).map(([k, x]): Member => ({ m: "property", key: propertyKeyText(k), optional: false, readonly: true, type: literalType(x), docs: [] })),
  };
}
