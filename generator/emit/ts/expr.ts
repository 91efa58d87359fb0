// Expressions of generated code, as a small tree: each renders to one line (`flat`) and to the
// doc prettier's TypeScript printer builds for it (`doc`), so a statement that fits is written
// directly and one that does not is laid out exactly as prettier lays it out.
import { conditionalGroup, fill, group, ifBreak, indent, indentIfBreak, line, softline, align, type Doc } from "./doc.ts";
import { numberLiteral, propertyKeyText, stringLiteral } from "./literal.ts";

export type Expr =
  /** An identifier, keyword or literal, printed as is; `lit` says which, for layout choices. */
  | { k: "atom"; text: string; lit?: "string" | "number" | "boolean" | "null" }
  | { k: "member"; obj: Expr; name: string }
  | { k: "index"; obj: Expr; index: Expr }
  | { k: "call"; callee: Expr; args: Expr[]; isNew: boolean }
  | { k: "unary"; op: "!" | "-" | "typeof"; arg: Expr }
  | { k: "binary"; op: string; left: Expr; right: Expr }
  | { k: "cond"; test: Expr; yes: Expr; no: Expr }
  /** Keys are already printed (see literal.ts). */
  | { k: "object"; props: [string, Expr][] }
  | { k: "array"; items: Expr[] }
  | { k: "arrow"; params: string[]; body: Expr };

// ---- builders ----

export const id = (text: string): Expr => ({ k: "atom", text });
export const str = (value: string): Expr => ({ k: "atom", text: stringLiteral(value), lit: "string" });
export const num = (n: number): Expr => {
  const atom: Expr = { k: "atom", text: numberLiteral(n), lit: "number" };
  return n < 0 || Object.is(n, -0) ? { k: "unary", op: "-", arg: atom } : atom;
};
export const bool = (b: boolean): Expr => ({ k: "atom", text: String(b), lit: "boolean" });
export const NULL: Expr = { k: "atom", text: "null", lit: "null" };
export const UNDEFINED: Expr = id("undefined");
export const member = (obj: Expr, name: string): Expr => ({ k: "member", obj, name });
export const index = (obj: Expr, i: Expr): Expr => ({ k: "index", obj, index: i });
export const call = (callee: Expr | string, ...args: Expr[]): Expr => ({ k: "call", callee: typeof callee === "string" ? dotted(callee) : callee, args, isNew: false });
export const newCall = (callee: string, ...args: Expr[]): Expr => ({ k: "call", callee: dotted(callee), args, isNew: true });
export const not = (arg: Expr): Expr => ({ k: "unary", op: "!", arg });
export const typeOf = (arg: Expr): Expr => ({ k: "unary", op: "typeof", arg });
export const bin = (op: string, left: Expr, right: Expr): Expr => ({ k: "binary", op, left, right });
export const cond = (test: Expr, yes: Expr, no: Expr): Expr => ({ k: "cond", test, yes, no });
export const object = (props: [string, Expr][]): Expr => ({ k: "object", props: props.map(([key, v]) => [propertyKeyText(key), v]) });
export const array = (items: Expr[]): Expr => ({ k: "array", items });
export const arrow = (params: string[], body: Expr): Expr => ({ k: "arrow", params, body });
/** `a || b || c`, left to right. */
export const chain = (op: "||" | "&&", xs: Expr[]): Expr => xs.reduce((a, b) => bin(op, a, b));

function dotted(path: string): Expr {
  const [head, ...rest] = path.split(".");
  return rest.reduce<Expr>((o, name) => member(o, name), id(head!));
}

/** A JSON value as a literal. */
export function json(v: unknown): Expr {
  if (v === null) return NULL;
  if (typeof v === "string") return str(v);
  if (typeof v === "number") return num(v);
  if (typeof v === "boolean") return bool(v);
  if (Array.isArray(v)) return array(v.map(json));
  return object(Object.entries(v as object).map(([key, x]) => [key, json(x)]));
}

// ---- precedence and parentheses, as prettier decides them ----

const PRECEDENCE = new Map<string, number>(
  [["??"], ["||"], ["&&"], ["|"], ["^"], ["&"], ["==", "===", "!=", "!=="], ["<", ">", "<=", ">=", "in", "instanceof"], [">>", "<<", ">>>"], ["+", "-"], ["*", "/", "%"], ["**"]]
    .flatMap((ops, i) => ops.map((op) => [op, i] as [string, number])),
);
const prec = (op: string) => PRECEDENCE.get(op)!;
const isLogical = (op: string) => op === "||" || op === "&&" || op === "??";
const isEquality = (op: string) => op === "==" || op === "===" || op === "!=" || op === "!==";
const isMultiplicative = (op: string) => op === "*" || op === "/" || op === "%";
const isBitshift = (op: string) => op === ">>" || op === "<<" || op === ">>>";
const isBitwise = (op: string) => op === "|" || op === "^" || op === "&" || isBitshift(op);

function shouldFlatten(parentOp: string, nodeOp: string): boolean {
  if (prec(nodeOp) !== prec(parentOp)) return false;
  if (parentOp === "**") return false;
  if (isEquality(parentOp) && isEquality(nodeOp)) return false;
  if ((nodeOp === "%" && isMultiplicative(parentOp)) || (parentOp === "%" && isMultiplicative(nodeOp))) return false;
  if (nodeOp !== parentOp && isMultiplicative(nodeOp) && isMultiplicative(parentOp)) return false;
  if (isBitshift(parentOp) && isBitshift(nodeOp)) return false;
  return true;
}

/** Where an expression stands, as far as layout and parentheses care. */
export type Place =
  | "if-test" // inside if ( … ), while ( … ), switch ( … )
  | "return" // a return or throw argument
  | "for-test" // the test or update of a for (…;…;…)
  | "init" // a variable's initializer
  | "value" // an object property's value
  | "arg" // a call argument
  | "statement" // an expression statement
  | "other";

interface Parent {
  place: Place;
  node?: Expr;
  field?: "left" | "right" | "arg" | "obj" | "callee" | "test" | "yes" | "no" | "item" | "body" | "value" | "index";
}

function needsParens(e: Expr, p: Parent): boolean {
  const parent = p.node;
  if (!parent) return false;
  if (e.k === "binary") {
    if (parent.k === "unary") return true;
    if ((parent.k === "member" || parent.k === "index") && p.field === "obj") return true;
    if (parent.k === "call" && p.field === "callee") return true;
    if (parent.k === "binary") {
      const po = parent.op;
      const no = e.op;
      if (isLogical(po) && isLogical(no) && po !== no) return true;
      if (prec(po) > prec(no)) return true;
      if (prec(po) === prec(no) && p.field === "right") return true;
      if (prec(po) === prec(no) && !shouldFlatten(po, no)) return true;
      if (prec(po) < prec(no) && no === "%") return po === "+" || po === "-";
      if (isBitwise(po)) return true;
    }
    return false;
  }
  if (e.k === "cond" || e.k === "arrow") {
    if (parent.k === "unary" || parent.k === "binary") return true;
    if (parent.k === "cond" && p.field === "test") return true;
    if ((parent.k === "member" || parent.k === "index") && p.field === "obj") return true;
    if (parent.k === "call" && p.field === "callee") return true;
    return false;
  }
  if (e.k === "unary") {
    if ((parent.k === "member" || parent.k === "index") && p.field === "obj") return true;
    if (parent.k === "call" && p.field === "callee") return true;
    if (parent.k === "binary" && parent.op === "**" && p.field === "left") return true;
    return false;
  }
  if (e.k === "object" && p.place === "statement" && !parent) return true;
  return false;
}

// ---- one line ----

export function flat(e: Expr, p: Parent = { place: "other" }): string {
  const s = flatBare(e);
  return needsParens(e, p) ? `(${s})` : s;
}

function flatBare(e: Expr): string {
  switch (e.k) {
    case "atom":
      return e.text;
    case "member":
      return `${flat(e.obj, { place: "other", node: e, field: "obj" })}.${e.name}`;
    case "index":
      return `${flat(e.obj, { place: "other", node: e, field: "obj" })}[${flat(e.index, { place: "other", node: e, field: "index" })}]`;
    case "call":
      return `${e.isNew ? "new " : ""}${flat(e.callee, { place: "other", node: e, field: "callee" })}(${e.args.map((a) => flat(a, { place: "arg", node: e, field: "arg" })).join(", ")})`;
    case "unary":
      return `${e.op}${e.op === "typeof" ? " " : ""}${flat(e.arg, { place: "other", node: e, field: "arg" })}`;
    case "binary":
      return `${flat(e.left, { place: "other", node: e, field: "left" })} ${e.op} ${flat(e.right, { place: "other", node: e, field: "right" })}`;
    case "cond":
      return `${flat(e.test, { place: "other", node: e, field: "test" })} ? ${flat(e.yes, { place: "other", node: e, field: "yes" })} : ${flat(e.no, { place: "other", node: e, field: "no" })}`;
    case "object":
      return e.props.length ? `{ ${e.props.map(([k, v]) => `${k}: ${flat(v, { place: "value", node: e, field: "value" })}`).join(", ")} }` : "{}";
    case "array":
      return `[${e.items.map((x) => flat(x, { place: "other", node: e, field: "item" })).join(", ")}]`;
    case "arrow":
      return `(${e.params.join(", ")}) => ${flat(e.body, { place: "other", node: e, field: "body" })}`;
  }
}

// ---- the doc prettier builds ----

export function doc(e: Expr, p: Parent = { place: "other" }): Doc {
  const d = docBare(e, p);
  return needsParens(e, p) ? ["(", d, ")"] : d;
}

const isGroup = (d: Doc) => typeof d === "object" && d !== null && !Array.isArray(d) && (d as { type?: string }).type === "group";

function docBare(e: Expr, p: Parent): Doc {
  switch (e.k) {
    case "atom":
      return e.text;
    case "member":
      return [doc(e.obj, { place: "other", node: e, field: "obj" }), ".", e.name];
    case "index": {
      const i = doc(e.index, { place: "other", node: e, field: "index" });
      const lookup = e.index.k === "atom" && e.index.lit === "number" ? ["[", i, "]"] : group(["[", indent([softline, i]), softline, "]"]);
      return [doc(e.obj, { place: "other", node: e, field: "obj" }), lookup];
    }
    case "call":
      return callDoc(e);
    case "unary":
      return [e.op, e.op === "typeof" ? " " : "", doc(e.arg, { place: "other", node: e, field: "arg" })];
    case "binary":
      return binaryDoc(e, p);
    case "cond": {
      const test = doc(e.test, { place: "other", node: e, field: "test" });
      return group([test, indent([line, "? ", align(2, doc(e.yes, { place: "other", node: e, field: "yes" })), line, ": ", align(2, doc(e.no, { place: "other", node: e, field: "no" }))])]);
    }
    case "object":
      return objectDoc(e, false);
    case "array":
      return arrayDoc(e);
    case "arrow": {
      const params = group(["(", indent([softline, ...joinDocs(e.params, [",", line])]), ifBreak(","), softline, ")"]);
      const body = e.body.k === "object" || e.body.k === "array" ? [" ", doc(e.body, { place: "other", node: e, field: "body" })] : group(indent([line, doc(e.body, { place: "other", node: e, field: "body" })]));
      return group([group(params), " =>", body]);
    }
  }
}

function joinDocs(parts: Doc[], sep: Doc): Doc[] {
  const out: Doc[] = [];
  parts.forEach((x, i) => out.push(...(i ? [sep, x] : [x])));
  return out;
}

function callDoc(e: Extract<Expr, { k: "call" }>): Doc {
  const args = argumentsDoc(e);
  if (e.isNew) return ["new ", doc(e.callee, { place: "other", node: e, field: "callee" }), args];
  // A method call on a name (`e.push(…)`, `Array.isArray(…)`): prettier's member chain, one group.
  if (e.callee.k === "member" && e.callee.obj.k === "atom") return group([e.callee.obj.text, ".", e.callee.name, args]);
  return [doc(e.callee, { place: "other", node: e, field: "callee" }), args];
}

function couldExpand(a: Expr): boolean {
  return (a.k === "object" && a.props.length > 0) || (a.k === "array" && a.items.length > 0);
}

const isNumberish = (x: Expr) => (x.k === "atom" && x.lit === "number") || (x.k === "unary" && x.op === "-" && x.arg.k === "atom" && x.arg.lit === "number");
const isConcise = (a: Expr) => a.k === "array" && a.items.length > 1 && a.items.every(isNumberish);

function argumentsDoc(e: Extract<Expr, { k: "call" }>): Doc {
  const args = e.args;
  if (!args.length) return "()";
  const printed = args.map((a, i) => {
    const d = doc(a, { place: "arg", node: e, field: "arg" });
    return i === args.length - 1 ? [d] : [d, ",", line];
  });
  const last = args[args.length - 1]!;
  const penultimate = args[args.length - 2];
  const groupLast = couldExpand(last) && (!penultimate || penultimate.k !== last.k) && !(args.length > 1 && isConcise(last));
  if (groupLast) {
    const head = printed.slice(0, -1).flat();
    const lastDoc = printed[printed.length - 1]![0]!;
    return conditionalGroup([
      ["(", ...head, lastDoc, ")"],
      ["(", ...head, group(lastDoc, { shouldBreak: true }), ")"],
      group(["(", indent([line, ...printed.flat()]), ifBreak(","), line, ")"], { shouldBreak: true }),
    ]);
  }
  return group(["(", indent([softline, ...printed.flat()]), ifBreak(","), softline, ")"]);
}

/** `expanded`: the object was written over several lines, which prettier keeps. */
export function objectDoc(e: Extract<Expr, { k: "object" }>, expanded: boolean): Doc {
  if (!e.props.length) return "{}";
  const props = e.props.map(([key, value]) => propertyDoc(key, value, e));
  return group(["{", indent([line, ...joinDocs(props, [",", line])]), ifBreak(","), line, "}"], { shouldBreak: expanded });
}

function arrayDoc(e: Extract<Expr, { k: "array" }>): Doc {
  if (!e.items.length) return "[]";
  const items = e.items.map((x) => doc(x, { place: "other", node: e, field: "item" }));
  if (isConcise(e)) {
    const id = Symbol("array");
    const parts: Doc[] = [];
    items.forEach((d, i) => {
      if (i < items.length - 1) parts.push([d, ","], line);
      else parts.push([d, ifBreak(",", "", { groupId: id })]);
    });
    return group(["[", indent([softline, fill(parts)]), softline, "]"], { id });
  }
  // An array of several objects (or arrays) with more than one entry each always breaks.
  const many = (x: Expr) => (x.k === "object" && x.props.length > 1) || (x.k === "array" && x.items.length > 1);
  const shouldBreak = e.items.length > 1 && e.items.every((x, i) => many(x) && (i === e.items.length - 1 || e.items[i + 1]!.k === x.k));
  return group(["[", indent([softline, ...joinDocs(items.map((d) => group(d)), [",", line])]), ifBreak(","), softline, "]"], { shouldBreak });
}

// ---- assignments and properties ----

type Layout = "break-after-operator" | "never-break-after-operator" | "fluid";

const isMemberChain = (x: Expr): boolean => (x.k === "member" || x.k === "index") && (x.obj.k === "atom" || isMemberChain(x.obj));

function isShortArgument(a: Expr): boolean {
  const threshold = 100 * 0.25;
  if (a.k === "atom") {
    if (a.lit === "string") return a.text.length <= threshold;
    if (!a.lit) return a.text.length <= threshold;
    return true; // number, boolean, null
  }
  if (a.k === "unary" && a.op === "-" && a.arg.k === "atom" && a.arg.lit === "number") return true;
  return false;
}

/** A chain of names and calls with no argument or one short one (`kind(v)`, `a.b.c`). */
function isPoorlyBreakable(x: Expr, deep = false): boolean {
  if (x.k === "member") return isPoorlyBreakable(x.obj, true);
  if (x.k === "call" && !x.isNew) {
    if (!(x.args.length === 0 || (x.args.length === 1 && isShortArgument(x.args[0]!)))) return false;
    return isPoorlyBreakable(x.callee, true);
  }
  return deep && x.k === "atom" && !x.lit;
}

function chooseLayout(right: Expr, shortKey: boolean): Layout {
  if (right.k === "binary") return "break-after-operator";
  if (right.k === "cond" && right.test.k === "binary") return "break-after-operator";
  if (shortKey) return "never-break-after-operator";
  let inner: Expr = right;
  while (inner.k === "unary") inner = inner.arg;
  if ((inner.k === "atom" && inner.lit === "string") || isMemberChain(inner)) return "break-after-operator";
  if (right.k === "atom" && (right.lit === "number" || right.lit === "boolean")) return "never-break-after-operator";
  if (isPoorlyBreakable(right)) return "break-after-operator";
  return "fluid";
}

function assignmentDoc(left: Doc, op: string, right: Expr, rightDoc: Doc, shortKey: boolean): Doc {
  switch (chooseLayout(right, shortKey)) {
    case "break-after-operator":
      return group([group(left), op, group(indent([line, rightDoc]))]);
    case "never-break-after-operator":
      return group([group(left), op, " ", rightDoc]);
    case "fluid": {
      const id = Symbol("assignment");
      return group([group(left), op, group(indent(line), { id }), indentIfBreak(rightDoc, { groupId: id })]);
    }
  }
}

function propertyDoc(key: string, value: Expr, parent: Expr): Doc {
  const shortKey = /^[\x20-\x7e]*$/.test(key) && key.length < 5;
  return assignmentDoc(key, ":", value, doc(value, { place: "value", node: parent, field: "value" }), shortKey);
}

/** One entry of an object written expanded (a table), without its comma. */
export function entryDoc(key: string, value: Expr): Doc {
  return propertyDoc(key, value, { k: "object", props: [[key, value]] });
}

/** `const name = init` (without `const` and `;`); `left` may carry a type annotation. */
export function declaratorDoc(left: Doc, init: Expr): Doc {
  return assignmentDoc(left, " =", init, doc(init, { place: "init" }), false);
}

// ---- binary expressions (prettier's printBinaryishExpression) ----

const nodeType = (x: Expr | undefined) => (x?.k === "binary" ? (isLogical(x.op) ? "logical" : "binary") : x?.k);

function binaryParts(e: Extract<Expr, { k: "binary" }>, parentType: string | undefined, insideParens: boolean): Doc[] {
  const parts: Doc[] =
    e.left.k === "binary" && shouldFlatten(e.op, e.left.op)
      ? binaryParts(e.left, nodeType(e), insideParens)
      : [group(doc(e.left, { place: "other", node: e, field: "left" }))];
  const right = [e.op, line, doc(e.right, { place: "other", node: e, field: "right" })];
  const type = nodeType(e);
  const shouldGroup = !(insideParens && type === "logical") && parentType !== type && nodeType(e.left) !== type && nodeType(e.right) !== type;
  parts.push(" ", shouldGroup ? group(right) : right);
  return parts;
}

function binaryDoc(e: Extract<Expr, { k: "binary" }>, p: Parent): Doc {
  const insideParens = p.place === "if-test" && !p.node;
  const parts = binaryParts(e, p.node ? nodeType(p.node) : p.place, insideParens);
  if (insideParens) return parts;
  const parent = p.node;
  if (parent && ((parent.k === "call" && p.field === "callee") || parent.k === "unary" || (parent.k === "member" && p.field === "obj")))
    return group([indent([softline, ...parts]), softline]);
  const shouldNotIndent = (!parent && (p.place === "return" || p.place === "for-test")) || (parent?.k === "cond" && p.field === "test");
  const indentIfInlining = (!parent && p.place === "init") || p.place === "value";
  if (shouldNotIndent || indentIfInlining) return group(parts);
  const first = parts.findIndex(isGroup);
  const head = parts.slice(0, first === -1 ? 1 : first + 1);
  return group([...head, indent(parts.slice(head.length))]);
}
