// The error path: the same checks as fast.ts, collecting every problem with its JSON Pointer.
// Runs only for invalid input, so clarity beats speed here.
import type { Property, Schema, SchemaOf } from "../../model/ir.ts";
import { bin, call, id, index, member, NULL, num, str, typeOf, UNDEFINED, type Expr } from "../ts/expr.ts";
import type { Stmt } from "../ts/stmt.ts";
import { pointerPart, type ModuleCx } from "./context.ts";
import {
  constant, discriminatorCases, extensibleAsBase, knownKeys, literalFails, numberChecks, numberTypeFails, objectTypeFails, readProperty, stringChecks,
} from "./fast.ts";
import { FORMAT_WORDS } from "./runtime.ts";
import { isCheckedFormat } from "../../check/catalog-shape.ts";
import type { IssueCode } from "../../runtime/validate.ts";

/** `fail(e, code, path, message, expected?, received?)`: records one issue (the helper leaves out
 * the fields it is not given, as an object literal would). */
function issue(cx: ModuleCx, code: IssueCode, path: Expr, message: Expr | string, expected?: string, received?: Expr): Stmt {
  const args: Expr[] = [id("e"), str(code), path, typeof message === "string" ? str(message) : message];
  if (expected !== undefined || received !== undefined) args.push(expected === undefined ? UNDEFINED : str(expected));
  if (received !== undefined) args.push(received);
  return { s: "expr", e: call(cx.use("fail"), ...args) };
}

/** An `else` holding one `if` or one call needs no braces (`else if …`, `else cs_X(…);`). */
const elseOf = (stmts: Stmt[]): Stmt[] | Stmt => (stmts.length === 1 && (stmts[0]!.s === "if" || stmts[0]!.s === "expr") ? stmts[0]! : stmts);

/** `p + "/a/b"`: a constant step joins the constant before it (`p + "/a" + "/b"` would be longer
 * and concatenate twice). */
const under = (p: Expr, name: string) => join(p, `/${pointerPart(name)}`);
const steps = new WeakMap<Expr, { base: Expr; suffix: string }>();
function join(p: Expr, step: string): Expr {
  const known = steps.get(p);
  const base = known ? known.base : p;
  const suffix = (known ? known.suffix : "") + step;
  const out = bin("+", base, str(suffix));
  steps.set(out, { base, suffix });
  return out;
}

export function collect(s: Schema, v: Expr, p: Expr, cx: ModuleCx): Stmt[] {
  const body = collectBody(s, v, p, cx);
  if (!s.nullable || s.kind === "null" || s.kind === "any" || !body.length) return body;
  return [{ s: "if", test: bin("!==", v, NULL), then: body }];
}

/** `wrongType(e, path, "object or null", v)`: the runtime words the message (`must be an object
 * or null`) from the type. */
function typeError(cx: ModuleCx, s: Schema, v: Expr, p: Expr, expected: string): Stmt {
  const orNull = s.nullable && expected !== "null" ? " or null" : "";
  return { s: "expr", e: call(cx.use("wrongType"), id("e"), p, str(`${expected}${orNull}`), v) };
}

/** `if (wrong type) issue; else { checks }`. */
function typed(test: Expr, error: Stmt, inner: Stmt[]): Stmt {
  return { s: "if", test, then: error, ...(inner.length ? { else: elseOf(inner) } : {}) };
}

function collectBody(s: Schema, v: Expr, p: Expr, cx: ModuleCx): Stmt[] {
  const shape = cx.shape(s);
  if (shape) {
    const use: Stmt = { s: "expr", e: call(shape.collect, v, p, id("e")) };
    // The shared function says `must be an object`; a place that may be null says `or null`, as
    // the check written in place would.
    const typedHere = s.kind === "object" || (s.kind === "union" && s.discriminator !== undefined);
    return s.nullable && typedHere ? [typed(objectTypeFails(v), typeError(cx, s, v, p, "object"), [use])] : [use];
  }
  const show = () => call(cx.use("show"), v);
  switch (s.kind) {
    case "any":
      return [];
    case "null":
      return [{ s: "if", test: bin("!==", v, NULL), then: typeError(cx, s, v, p, "null") }];
    case "boolean":
      return [{ s: "if", test: bin("!==", typeOf(v), str("boolean")), then: typeError(cx, s, v, p, "boolean") }];
    case "string": {
      const checks = stringChecks(s, v, cx);
      const words = stringWords(s);
      const inner = checks.map((c, i): Stmt => ({ s: "if", test: c, then: issue(cx, words[i]!.code, p, words[i]!.message, words[i]!.expected, show()) }));
      return [typed(bin("!==", typeOf(v), str("string")), typeError(cx, s, v, p, "string"), inner)];
    }
    case "number": {
      const checks = numberChecks(s, v, cx);
      const words = numberWords(s);
      const inner = checks.map((c, i): Stmt => ({ s: "if", test: c, then: issue(cx, words[i]!.code, p, words[i]!.message, undefined, show()) }));
      return [typed(numberTypeFails(s, v), typeError(cx, s, v, p, s.integer ? "integer" : "number"), inner)];
    }
    case "literal": {
      if (s.extensible) return collect(extensibleAsBase(s), v, p, cx);
      const shown = s.values.map((x) => JSON.stringify(x));
      const text = s.values.length === 1 ? `must be ${shown[0]}` : `must be one of ${shown.join(", ")}`;
      const orNull = s.nullable ? " or null" : "";
      return [{ s: "if", test: literalFails(s, v, cx), then: issue(cx, s.isConst ? "const" : "enum", p, text + orNull, shown.join(" | ") + (s.nullable ? " | null" : ""), show()) }];
    }
    case "array":
      return arrayCollect(s, v, p, cx);
    case "object":
      return objectCollect(s, v, p, cx);
    case "ref":
      return [{ s: "expr", e: call(cx.ref(s.name).collect, v, p, id("e")) }];
    case "union":
      return unionCollect(s, v, p, cx);
  }
}

function stringWords(s: SchemaOf<"string">): { code: IssueCode; message: string; expected: string }[] {
  const out: { code: IssueCode; message: string; expected: string }[] = [];
  if (s.minLength !== undefined) out.push({ code: "minLength", message: `must be at least ${s.minLength} characters long`, expected: `minLength ${s.minLength}` });
  if (s.maxLength !== undefined) out.push({ code: "maxLength", message: `must be at most ${s.maxLength} characters long`, expected: `maxLength ${s.maxLength}` });
  if (s.format && isCheckedFormat(s.format)) out.push({ code: "format", message: `must be ${FORMAT_WORDS[s.format]}`, expected: s.format });
  if (s.pattern !== undefined) out.push({ code: "pattern", message: `must match the pattern ${s.pattern}`, expected: `pattern ${s.pattern}` });
  return out;
}

function numberWords(s: SchemaOf<"number">): { code: IssueCode; message: string }[] {
  const out: { code: IssueCode; message: string }[] = [];
  if (s.minimum !== undefined) out.push({ code: "minimum", message: `must be >= ${s.minimum}` });
  if (s.maximum !== undefined) out.push({ code: "maximum", message: `must be <= ${s.maximum}` });
  if (s.exclusiveMinimum !== undefined) out.push({ code: "minimum", message: `must be > ${s.exclusiveMinimum}` });
  if (s.exclusiveMaximum !== undefined) out.push({ code: "maximum", message: `must be < ${s.exclusiveMaximum}` });
  if (s.multipleOf !== undefined) out.push({ code: "multipleOf", message: `must be a multiple of ${s.multipleOf}` });
  return out;
}

function arrayCollect(s: SchemaOf<"array">, v: Expr, p: Expr, cx: ModuleCx): Stmt[] {
  const inner: Stmt[] = [];
  const length = member(v, "length");
  const count = call("String", length);
  if (s.minItems !== undefined) inner.push({ s: "if", test: bin("<", length, num(s.minItems)), then: issue(cx, "minItems", p, `must have at least ${s.minItems} items`, `minItems ${s.minItems}`, count) });
  if (s.maxItems !== undefined) inner.push({ s: "if", test: bin(">", length, num(s.maxItems)), then: issue(cx, "maxItems", p, `must have at most ${s.maxItems} items`, `maxItems ${s.maxItems}`, count) });
  const item = cx.fresh();
  const i = cx.fresh("i");
  const each = collect(s.items, id(item), bin("+", join(p, "/"), id(i)), cx);
  if (each.length) inner.push({ s: "for", index: i, bound: length, body: [constant(item, index(v, id(i))), ...each] });
  if (s.uniqueItems) inner.push({ s: "if", test: { k: "unary", op: "!", arg: call(cx.use("uniq"), v) }, then: issue(cx, "uniqueItems", p, "must not contain duplicate items", "uniqueItems") });
  return [typed({ k: "unary", op: "!", arg: call("Array.isArray", v) }, typeError(cx, s, v, p, "array"), inner)];
}

function objectCollect(s: SchemaOf<"object">, v: Expr, p: Expr, cx: ModuleCx): Stmt[] {
  const inner: Stmt[] = [];
  const env = cx.envelopeFields;
  for (let i = 0; i < s.properties.length; i++) {
    if (env.length && s.properties[i] === env[0] && env.every((f, j) => s.properties[i + j] === f)) {
      inner.push({ s: "expr", e: call(cx.envelope().collect, v, p, id("e")) });
      i += env.length - 1;
      continue;
    }
    inner.push(...propertyCollect(s.properties[i]!, v, p, cx));
  }
  if (s.additional !== true) {
    const k = cx.fresh("k");
    const keyPath = bin("+", join(p, "/"), call(cx.use("esc"), id(k)));
    const keys = call("Object.keys", v);
    if (s.additional === false) {
      const unknown = issue(cx, "additionalProperties", keyPath, bin("+", str("unknown property "), call("JSON.stringify", id(k))), "no other properties");
      const cases: Extract<Stmt, { s: "switch" }>["cases"] = [];
      if (s.properties.length) cases.push({ tests: knownKeys(s), body: [{ s: "raw", text: "break;" }] });
      cases.push({ tests: "default", body: [unknown] });
      inner.push({ s: "forOf", name: k, of: keys, body: [{ s: "switch", on: id(k), cases }] });
    } else {
      const x = cx.fresh();
      const each = collect(s.additional, id(x), keyPath, cx);
      const skip: Stmt[] = s.properties.length ? [{ s: "switch", on: id(k), cases: [{ tests: knownKeys(s), body: [{ s: "raw", text: "continue;" }] }] }] : [];
      if (each.length) inner.push({ s: "forOf", name: k, of: keys, body: [...skip, constant(x, index(v, id(k))), ...each] });
    }
  }
  return [typed(objectTypeFails(v), typeError(cx, s, v, p, "object"), inner)];
}

/** Reads one property and collects its problems. */
export function propertyCollect(prop: Property, v: Expr, p: Expr, cx: ModuleCx): Stmt[] {
  const x = cx.fresh();
  const each = collect(prop.schema, id(x), under(p, prop.name), cx);
  const read = constant(x, readProperty(v, prop.name, cx));
  if (prop.required) {
    const missing: Stmt = { s: "expr", e: call(cx.use("absent"), id("e"), p, str(prop.name)) };
    return [read, { s: "if", test: bin("===", id(x), UNDEFINED), then: missing, ...(each.length ? { else: elseOf(each) } : {}) }];
  }
  return each.length ? [read, { s: "if", test: bin("!==", id(x), UNDEFINED), then: each }] : [];
}

function unionCollect(s: SchemaOf<"union">, v: Expr, p: Expr, cx: ModuleCx): Stmt[] {
  const cases = discriminatorCases(s, cx);
  if (cases) {
    const tag = cx.fresh("t");
    const all = cases.flatMap((c) => c.shown);
    const arms = cases.map(({ values, index: i }) => ({
      tests: values,
      body: [{ s: "expr", e: call(cx.variant(s.variants[i]!).collect, v, p, id("e")) }, { s: "raw", text: "break;" }] as Stmt[],
    }));
    const bad = issue(cx, "discriminator", under(p, s.discriminator!), `must be one of ${all.join(", ")}`, all.join(" | "), call(cx.use("show"), id(tag)));
    return [
      typed(objectTypeFails(v), typeError(cx, s, v, p, "object"), [
        constant(tag, readProperty(v, s.discriminator!, cx)),
        { s: "switch", on: id(tag), cases: [...arms, { tests: "default", body: [bad] }] },
      ]),
    ];
  }
  const n = cx.fresh("n");
  const tests = s.variants.map((x): Stmt => ({ s: "if", test: call(cx.variant(x).fast, v), then: { s: "raw", text: `${n}++;` } }));
  const count = s.variants.length;
  const none = issue(cx, "union", p, `must match ${s.mode === "anyOf" ? "at least" : "exactly"} one of the ${count} variants`, `one of ${count} variants`, call(cx.use("kind"), v));
  const start: Stmt = { s: "decl", kind: "let", name: n, init: num(0) };
  if (s.mode === "anyOf") return [start, ...tests, { s: "if", test: bin("===", id(n), num(0)), then: none }];
  const several = issue(cx, "union", p, "must match exactly one variant, but matches several", `exactly one of ${count} variants`);
  return [start, ...tests, { s: "if", test: bin("===", id(n), num(0)), then: none, else: { s: "if", test: bin(">", id(n), num(1)), then: several } }];
}
