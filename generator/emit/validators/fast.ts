// The fast path: statements that `return false` at the first mismatch. Valid deliveries, the
// common case, run only this; errors are collected by collect.ts only after it says no.
import { discriminatorValues } from "../../model/discriminator.ts";
import type { Property, Schema, SchemaOf } from "../../model/ir.ts";
import { bin, call, chain, cond, id, index, json, member, not, NULL, num, str, typeOf, UNDEFINED, type Expr } from "../ts/expr.ts";
import type { Stmt } from "../ts/stmt.ts";
import { tsString } from "../escape/ts.ts";
import { inherited, type ModuleCx } from "./context.ts";
import { FORMAT_HELPER } from "./runtime.ts";
import { isCheckedFormat } from "../../check/catalog-shape.ts";
import { decimalStep } from "./multiple-of.ts";

export const RETURN_FALSE: Stmt = { s: "raw", text: "return false;" };
/** `if (test) return false;` */
const fail = (test: Expr): Stmt => ({ s: "if", test, then: RETURN_FALSE });

export function fast(s: Schema, v: Expr, cx: ModuleCx): Stmt[] {
  const body = fastBody(s, v, cx);
  if (!s.nullable || s.kind === "null" || s.kind === "any" || !body.length) return body;
  return [{ s: "if", test: bin("!==", v, NULL), then: body }];
}

function fastBody(s: Schema, v: Expr, cx: ModuleCx): Stmt[] {
  const shape = cx.shape(s);
  if (shape) return [fail(not(call(shape.fast, v)))];
  switch (s.kind) {
    case "any":
      return [];
    case "null":
      return [fail(bin("!==", v, NULL))];
    case "boolean":
      return [fail(bin("!==", typeOf(v), str("boolean")))];
    case "string":
      return [fail(bin("!==", typeOf(v), str("string"))), ...stringChecks(s, v, cx).map(fail)];
    case "number":
      return [fail(numberTypeFails(s, v)), ...numberChecks(s, v, cx).map(fail)];
    case "literal":
      // An extensible enum accepts any value of its base type; its values are known ones only.
      if (s.extensible) return fast(extensibleAsBase(s), v, cx);
      return [fail(literalFails(s, v, cx))];
    case "array":
      return arrayFast(s, v, cx);
    case "object":
      return objectFast(s, v, cx);
    case "ref":
      return [fail(not(call(cx.ref(s.name).fast, v)))];
    case "union":
      return unionFast(s, v, cx);
  }
}

/** Conditions that are true when a string breaks a constraint (the value is known to be a string). */
export function stringChecks(s: SchemaOf<"string">, v: Expr, cx: ModuleCx): Expr[] {
  const out: Expr[] = [];
  const length = member(v, "length");
  const cpLen = () => call(cx.use("cpLen"), v);
  // .length counts UTF-16 units: at least the code points, at most twice them.
  if (s.minLength !== undefined) out.push(bin("&&", bin("<", length, num(2 * s.minLength)), bin("<", cpLen(), num(s.minLength))));
  if (s.maxLength !== undefined) out.push(bin("&&", bin(">", length, num(s.maxLength)), bin(">", cpLen(), num(s.maxLength))));
  // Formats the validators do not know are annotations (JSON Schema 2020-12): not checked.
  if (s.format && isCheckedFormat(s.format)) out.push(not(call(cx.use(FORMAT_HELPER[s.format]!), v)));
  if (s.pattern !== undefined) {
    // `^` and plain characters: a prefix, checked without a regular expression.
    const prefix = /^\^([A-Za-z0-9_\- :/=@#%&,;<>!'"]+)$/.exec(s.pattern);
    out.push(not(prefix ? call(member(v, "startsWith"), str(prefix[1]!)) : call(member(id(cx.regex(s.pattern)), "test"), v)));
  }
  return out;
}

export const numberTypeFails = (s: SchemaOf<"number">, v: Expr): Expr =>
  s.integer ? not(call("Number.isInteger", v)) : bin("||", bin("!==", typeOf(v), str("number")), not(call("Number.isFinite", v)));

export function numberChecks(s: SchemaOf<"number">, v: Expr, cx: ModuleCx): Expr[] {
  const out: Expr[] = [];
  if (s.minimum !== undefined) out.push(bin("<", v, num(s.minimum)));
  if (s.maximum !== undefined) out.push(bin(">", v, num(s.maximum)));
  if (s.exclusiveMinimum !== undefined) out.push(bin("<=", v, num(s.exclusiveMinimum)));
  if (s.exclusiveMaximum !== undefined) out.push(bin(">=", v, num(s.exclusiveMaximum)));
  if (s.multipleOf !== undefined) out.push(not(multipleOf(s.multipleOf, v, cx)));
  return out;
}

/** Division is exact for whole steps; a decimal one is checked on integers (multiple-of.ts). */
function multipleOf(step: number, v: Expr, cx: ModuleCx): Expr {
  if (Number.isInteger(step)) return call("Number.isInteger", bin("/", v, num(step)));
  const { d, k } = decimalStep(step);
  return call(cx.use("multipleOf"), v, num(d), num(k));
}

/** What an extensible enum accepts: any value of its base type (or null, when null is a value). */
export const extensibleAsBase = (s: SchemaOf<"literal">): Schema => {
  const nullable = s.nullable || s.values.includes(null);
  return s.extensible === "string" ? { kind: "string", nullable } : { kind: "number", integer: s.extensible === "integer", nullable };
};

export function literalFails(s: SchemaOf<"literal">, v: Expr, cx: ModuleCx): Expr {
  const scalars = s.values.filter((x) => x === null || typeof x !== "object");
  const objects = s.values.filter((x) => x !== null && typeof x === "object");
  const parts: Expr[] = [];
  if (scalars.length > 6) parts.push(call(member(id(cx.set(scalars)), "has"), v));
  else parts.push(...scalars.map((x) => bin("===", v, json(x))));
  parts.push(...objects.map((x) => call(cx.use("deepEqual"), v, json(x))));
  if (parts.length === 1) {
    const only = parts[0]!;
    return only.k === "binary" ? bin("!==", only.left, only.right) : not(only);
  }
  return not(chain("||", parts));
}

function arrayFast(s: SchemaOf<"array">, v: Expr, cx: ModuleCx): Stmt[] {
  const out = [fail(not(call("Array.isArray", v)))];
  if (s.minItems !== undefined) out.push(fail(bin("<", member(v, "length"), num(s.minItems))));
  if (s.maxItems !== undefined) out.push(fail(bin(">", member(v, "length"), num(s.maxItems))));
  const item = cx.fresh();
  const i = cx.fresh("i");
  const inner = fast(s.items, id(item), cx);
  if (inner.length) out.push({ s: "for", index: i, bound: member(v, "length"), body: [constant(item, index(v, id(i))), ...inner] });
  if (s.uniqueItems) out.push(fail(not(call(cx.use("uniq"), v))));
  return out;
}

export const constant = (name: string, init: Expr): Stmt => ({ s: "decl", kind: "const", name, init });

export const objectTypeFails = (v: Expr): Expr =>
  chain("||", [bin("!==", typeOf(v), str("object")), bin("===", v, NULL), call("Array.isArray", v)]);

/** Property access that stays correct for any name. */
export const property = (obj: Expr, name: string): Expr => (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? member(obj, name) : index(obj, str(name)));

/** The value of a property, or undefined when absent; own properties only where it matters. */
export function readProperty(v: Expr, name: string, cx: ModuleCx): Expr {
  return inherited(name) ? cond(call(member(id(cx.use("hasOwn")), "call"), v, str(name)), property(v, name), UNDEFINED) : property(v, name);
}

function objectFast(s: SchemaOf<"object">, v: Expr, cx: ModuleCx): Stmt[] {
  const out = [fail(objectTypeFails(v))];
  const env = cx.envelopeFields;
  for (let i = 0; i < s.properties.length; i++) {
    // A delivery body's envelope fields are checked by one shared function.
    if (env.length && s.properties[i] === env[0] && env.every((f, j) => s.properties[i + j] === f)) {
      out.push(fail(not(call(cx.envelope().fast, v))));
      i += env.length - 1;
      continue;
    }
    out.push(...propertyFast(s.properties[i]!, v, cx));
  }
  out.push(...extraKeysFast(s, v, cx));
  return out;
}

/** Reads one property and checks it. */
export function propertyFast(p: Property, v: Expr, cx: ModuleCx): Stmt[] {
  const x = cx.fresh();
  const inner = fast(p.schema, id(x), cx);
  if (p.required) return [constant(x, readProperty(v, p.name, cx)), fail(bin("===", id(x), UNDEFINED)), ...inner];
  if (inner.length) return [constant(x, readProperty(v, p.name, cx)), { s: "if", test: bin("!==", id(x), UNDEFINED), then: inner }];
  return [];
}

/** `case "a": case "b":` for the declared property names. */
export const knownKeys = (s: SchemaOf<"object">): Expr[] => s.properties.map((p) => str(p.name));

function extraKeysFast(s: SchemaOf<"object">, v: Expr, cx: ModuleCx): Stmt[] {
  if (s.additional === true) return [];
  const k = cx.fresh("k");
  const keys = call("Object.keys", v);
  if (s.additional === false) {
    const cases: Extract<Stmt, { s: "switch" }>["cases"] = [];
    if (s.properties.length) cases.push({ tests: knownKeys(s), body: [{ s: "raw", text: "break;" }] });
    cases.push({ tests: "default", body: [RETURN_FALSE] });
    return [{ s: "forOf", name: k, of: keys, body: [{ s: "switch", on: id(k), cases }] }];
  }
  const x = cx.fresh();
  const inner = fast(s.additional, id(x), cx);
  if (!inner.length) return [];
  const skip: Stmt[] = s.properties.length ? [{ s: "switch", on: id(k), cases: [{ tests: knownKeys(s), body: [{ s: "raw", text: "continue;" }] }] }] : [];
  return [{ s: "forOf", name: k, of: keys, body: [...skip, constant(x, index(v, id(k))), ...inner] }];
}

/** The discriminator values of each variant, or undefined when the union has no discriminator. */
export function discriminatorCases(s: SchemaOf<"union">, cx: ModuleCx): { values: Expr[]; shown: string[]; index: number }[] | undefined {
  if (!s.discriminator) return undefined;
  return s.variants.map((variant, index) => {
    const values = discriminatorValues(s, variant, cx.schemasByName);
    return { values: values.map(json), shown: values.map((x) => (typeof x === "string" ? tsString(x) : JSON.stringify(x))), index };
  });
}

function unionFast(s: SchemaOf<"union">, v: Expr, cx: ModuleCx): Stmt[] {
  const cases = discriminatorCases(s, cx);
  if (cases) {
    const tag = cx.fresh("t");
    const arms = cases.map(({ values, index: i }) => ({
      tests: values,
      body: [fail(not(call(cx.variant(s.variants[i]!).fast, v))), { s: "raw", text: "break;" } as Stmt],
    }));
    return [
      fail(objectTypeFails(v)),
      constant(tag, readProperty(v, s.discriminator!, cx)),
      { s: "switch", on: id(tag), cases: [...arms, { tests: "default", body: [RETURN_FALSE] }] },
    ];
  }
  if (s.mode === "anyOf") return [fail(not(chain("||", s.variants.map((x) => call(cx.variant(x).fast, v)))))];
  // oneOf: exactly one variant may match.
  const n = cx.fresh("n");
  return [
    { s: "decl", kind: "let", name: n, init: num(0) },
    ...s.variants.map((x): Stmt => ({ s: "if", test: call(cx.variant(x).fast, v), then: { s: "raw", text: `${n}++;` } })),
    fail(bin("!==", id(n), num(1))),
  ];
}
