// Type expressions and declarations (type aliases, interfaces) for the printer, with prettier's
// layout: one line when they fit; an object type written expanded is printed member by member;
// anything else that does not fit is laid out from the doc prettier builds for it.
import { align, group, ifBreak, indent, indentIfBreak, line, softline, type Doc } from "./doc.ts";

export type TypeNode =
  /** A keyword, a literal or (`ref`) a type reference: printed as is. */
  | { t: "atom"; text: string; ref?: boolean }
  | { t: "array"; elem: TypeNode }
  | { t: "union"; members: TypeNode[] }
  | { t: "intersection"; members: TypeNode[] }
  /** `expanded`: written over several lines, which prettier keeps. */
  | { t: "object"; members: Member[]; expanded: boolean }
  | { t: "tuple"; items: TypeNode[] }
  /** `readonly T` (before a tuple). */
  | { t: "readonly"; type: TypeNode };

export type Member =
  | { m: "property"; key: string; optional: boolean; readonly: boolean; type: TypeNode; docs: string[] }
  | { m: "index"; type: TypeNode };

export const atom = (text: string): TypeNode => ({ t: "atom", text });
/** A reference to a named type (`TaskRun`, `Record<never, never>`). */
export const ref = (text: string): TypeNode => ({ t: "atom", text, ref: true });
export const arrayOf = (elem: TypeNode): TypeNode => ({ t: "array", elem });
export const union = (members: TypeNode[]): TypeNode => (members.length === 1 ? members[0]! : { t: "union", members });

const isObject = (x: TypeNode) => x.t === "object";
const isNull = (x: TypeNode) => x.t === "atom" && x.text === "null";
/** `{ … } | null` or `Name | null`: prettier keeps them on the line, never as a `|` list. */
const isHugged = (x: TypeNode) =>
  x.t === "union" && x.members.some((m) => isObject(m) || (m.t === "atom" && m.ref === true)) && x.members.filter(isNull).length === x.members.length - 1;

function needsParens(x: TypeNode, parent: "array" | "union" | "intersection" | "other"): boolean {
  if (parent === "array") return x.t === "union" || x.t === "intersection";
  if (parent === "union") return x.t === "intersection";
  if (parent === "intersection") return x.t === "union";
  return false;
}

/** Whether the type holds an object written expanded: then it never prints on one line. */
export function forcesBreak(x: TypeNode): boolean {
  switch (x.t) {
    case "object":
      return x.expanded || x.members.some((m) => (m.m === "property" && m.docs.length > 0) || forcesBreak(m.type));
    case "array":
      return forcesBreak(x.elem);
    case "union":
    case "intersection":
      return x.members.some(forcesBreak);
    case "tuple":
      return x.items.some(forcesBreak);
    case "readonly":
      return forcesBreak(x.type);
    default:
      return false;
  }
}

// ---- one line ----

export function flatType(x: TypeNode, parent: "array" | "union" | "intersection" | "other" = "other"): string {
  const s = flatBare(x);
  return needsParens(x, parent) ? `(${s})` : s;
}

function flatBare(x: TypeNode): string {
  switch (x.t) {
    case "atom":
      return x.text;
    case "array":
      return `${flatType(x.elem, "array")}[]`;
    case "union":
      return x.members.map((m) => flatType(m, "union")).join(" | ");
    case "intersection":
      return x.members.map((m) => flatType(m, "intersection")).join(" & ");
    case "object":
      return x.members.length ? `{ ${x.members.map(flatMember).join("; ")} }` : "{}";
    case "tuple":
      return `[${x.items.map((i) => flatType(i)).join(", ")}]`;
    case "readonly":
      return `readonly ${flatType(x.type)}`;
  }
}

export function flatMember(m: Member): string {
  if (m.m === "index") return `[key: string]: ${flatType(m.type)}`;
  return `${m.readonly ? "readonly " : ""}${m.key}${m.optional ? "?" : ""}: ${flatType(m.type)}`;
}

// ---- docs ----

export function typeDoc(x: TypeNode, parent: "array" | "union" | "intersection" | "other" = "other"): Doc {
  const d = bareDoc(x);
  if (!needsParens(x, parent)) return d;
  // A union in parentheses gets room to break inside them; an intersection does not.
  return x.t === "union" && !isHugged(x) ? ["(", group([indent([softline, d]), softline]), ")"] : ["(", d, ")"];
}

function bareDoc(x: TypeNode): Doc {
  switch (x.t) {
    case "atom":
      return x.text;
    case "array":
      return [typeDoc(x.elem, "array"), "[]"];
    case "union": {
      if (isHugged(x)) return joinDocs(x.members.map((m) => typeDoc(m, "union")), " | ");
      const parts: Doc[] = [ifBreak("| ")];
      x.members.forEach((m, i) => parts.push(...(i ? [line, "| "] : []), align(2, typeDoc(m, "union"))));
      return group(parts);
    }
    case "intersection":
      return intersectionDoc(x.members);
    case "object":
      return objectTypeDoc(x);
    case "tuple": {
      if (!x.items.length) return "[]";
      const items = joinDocs(x.items.map((i) => group(typeDoc(i))), [",", line]);
      return group(["[", indent([softline, ...items, ifBreak(",")]), softline, "]"]);
    }
    case "readonly":
      return ["readonly ", typeDoc(x.type)];
  }
}

function joinDocs(parts: Doc[], sep: Doc): Doc[] {
  const out: Doc[] = [];
  parts.forEach((p, i) => out.push(...(i ? [sep, p] : [p])));
  return out;
}

function intersectionDoc(members: TypeNode[]): Doc {
  const out: Doc[] = [];
  let wasIndented = false;
  members.forEach((m, i) => {
    const d = typeDoc(m, "intersection");
    const prev = members[i - 1];
    if (i === 0) out.push(d);
    else if (!isObject(prev!) && !isObject(m)) out.push(indent([" &", line, d]));
    else if (isObject(prev!) && isObject(m)) out.push([" & ", wasIndented ? indent(d) : d]);
    else {
      if (i > 1) wasIndented = true;
      out.push(" & ", i > 1 ? indent(d) : d);
    }
  });
  return group(out);
}

function objectTypeDoc(x: Extract<TypeNode, { t: "object" }>): Doc {
  if (!x.members.length) return "{}";
  const parts: Doc[] = [];
  x.members.forEach((m, i) => {
    if (i) parts.push(";", line);
    if (m.m === "property") for (const l of commentLines(m.docs)) parts.push(l, { type: "line", hard: true } as Doc, { type: "break-parent" } as Doc);
    parts.push(memberDoc(m));
  });
  return group(["{", indent([line, ...parts, ifBreak(";")]), line, "}"], { shouldBreak: x.expanded });
}

/** A member without its `;`. */
export function memberDoc(m: Member): Doc {
  if (m.m === "index") return group(["[", group([indent([softline, "key: string"]), softline]), "]: ", annotationDoc(m.type)]);
  return group([m.readonly ? "readonly " : "", m.key, m.optional ? "?" : "", ": ", annotationDoc(m.type)]);
}

/** A type after `name:`: a union that is not hugged may break onto its own lines. */
function annotationDoc(x: TypeNode): Doc {
  return x.t === "union" && !isHugged(x) ? group(indent([softline, typeDoc(x)])) : typeDoc(x);
}

/** JSDoc lines as prettier leaves them: `/** one line *\/`, or a block with ` * ` lines. */
export function commentLines(lines: string[]): string[] {
  if (!lines.length) return [];
  const body = lines.join("\n\n");
  if (!body.includes("\n")) return [`/** ${body} */`];
  return ["/**", ...body.split("\n").map((l) => ` * ${l}`.trimEnd()), " */"];
}

// ---- declarations ----

/** `export type Name<params> = type;` */
export function aliasDoc(head: string, x: TypeNode): Doc {
  const left = group(head);
  if (x.t === "union" && !isHugged(x)) return [group([left, " =", group(indent([line, typeDoc(x)]))]), ";"];
  const id = Symbol("assignment");
  return [group([left, " =", group(indent(line), { id }), indentIfBreak(typeDoc(x), { groupId: id })]), ";"];
}

/** The line that opens an interface: `export interface Name extends A, B {`. */
export function interfaceHeadDoc(name: string, extendsList: string[]): Doc {
  if (extendsList.length <= 1) return `export interface ${name}${extendsList.length ? ` extends ${extendsList[0]}` : ""} {`;
  return ["export interface", group([" ", name, indent([line, "extends", group(indent([line, ...joinDocs(extendsList, [",", line])]))])]), " {"];
}
