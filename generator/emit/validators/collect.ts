// The error path: the same checks as fast.ts, collecting every problem with its JSON Pointer.
// Runs only for invalid input, so clarity beats speed here.
import type { Schema, SchemaOf } from "../../model/ir.ts";
import { tsString } from "../escape/ts.ts";
import { jsLiteral, pointerPart, type ModuleCx } from "./context.ts";
import {
  discriminatorCases, literalFails, numberChecks, numberTypeFails, objectTypeFails, readProperty, stringChecks,
} from "./fast.ts";
import { FORMAT_WORDS } from "./runtime.ts";

/** `e.push(...)` for one issue; `received` is an expression. */
function issue(cx: ModuleCx, path: string, message: string, expected?: string, received?: string): string {
  const parts = [`path: ${path}`, `message: ${message}`];
  if (expected !== undefined) parts.push(`expected: ${tsString(expected)}`);
  if (received !== undefined) parts.push(`received: ${received}`);
  return `e.push({ ${parts.join(", ")} });`;
}
const msg = (s: string) => tsString(s);

export function collect(s: Schema, v: string, p: string, cx: ModuleCx): string {
  const body = collectBody(s, v, p, cx);
  if (!s.nullable || s.kind === "null" || s.kind === "any" || !body) return body;
  return `if (${v} !== null) {\n${body}\n}`;
}

function typeError(cx: ModuleCx, s: Schema, v: string, p: string, what: string, expected: string): string {
  const orNull = s.nullable ? " or null" : "";
  return issue(cx, p, msg(`must be ${what}${orNull}`), `${expected}${orNull}`, `${cx.use("kind")}(${v})`);
}

function collectBody(s: Schema, v: string, p: string, cx: ModuleCx): string {
  switch (s.kind) {
    case "any":
      return "";
    case "null":
      return `if (${v} !== null) ${typeError(cx, s, v, p, "null", "null")}`;
    case "boolean":
      return `if (typeof ${v} !== "boolean") ${typeError(cx, s, v, p, "a boolean", "boolean")}`;
    case "string": {
      const checks = stringChecks(s, v, cx);
      const words = stringWords(s);
      const inner = checks.map((c, i) => `if (${c}) ${issue(cx, p, msg(words[i]!.message), words[i]!.expected, `${cx.use("show")}(${v})`)}`);
      return `if (typeof ${v} !== "string") ${typeError(cx, s, v, p, "a string", "string")}${inner.length ? ` else {\n${inner.join("\n")}\n}` : ""}`;
    }
    case "number": {
      const checks = numberChecks(s, v);
      const words = numberWords(s);
      const what = s.integer ? "an integer" : "a number";
      const inner = checks.map((c, i) => `if (${c}) ${issue(cx, p, msg(words[i]!), undefined, `${cx.use("show")}(${v})`)}`);
      return `if (${numberTypeFails(s, v)}) ${typeError(cx, s, v, p, what, s.integer ? "integer" : "number")}${inner.length ? ` else {\n${inner.join("\n")}\n}` : ""}`;
    }
    case "literal": {
      const shown = s.values.map((x) => JSON.stringify(x));
      const text = s.values.length === 1 ? `must be ${shown[0]}` : `must be one of ${shown.join(", ")}`;
      const orNull = s.nullable ? " or null" : "";
      return `if (${literalFails(s, v, cx)}) ${issue(cx, p, msg(text + orNull), shown.join(" | ") + (s.nullable ? " | null" : ""), `${cx.use("show")}(${v})`)}`;
    }
    case "array":
      return arrayCollect(s, v, p, cx);
    case "object":
      return objectCollect(s, v, p, cx);
    case "ref":
      return `${cx.ref(s.name).collect}(${v}, ${p}, e);`;
    case "union":
      return unionCollect(s, v, p, cx);
  }
}

function stringWords(s: SchemaOf<"string">): { message: string; expected: string }[] {
  const out: { message: string; expected: string }[] = [];
  if (s.minLength !== undefined) out.push({ message: `must be at least ${s.minLength} characters long`, expected: `minLength ${s.minLength}` });
  if (s.maxLength !== undefined) out.push({ message: `must be at most ${s.maxLength} characters long`, expected: `maxLength ${s.maxLength}` });
  if (s.format) out.push({ message: `must be ${FORMAT_WORDS[s.format]}`, expected: s.format });
  if (s.pattern !== undefined) out.push({ message: `must match the pattern ${s.pattern}`, expected: `pattern ${s.pattern}` });
  return out;
}

function numberWords(s: SchemaOf<"number">): string[] {
  const out: string[] = [];
  if (s.minimum !== undefined) out.push(`must be >= ${s.minimum}`);
  if (s.maximum !== undefined) out.push(`must be <= ${s.maximum}`);
  if (s.exclusiveMinimum !== undefined) out.push(`must be > ${s.exclusiveMinimum}`);
  if (s.exclusiveMaximum !== undefined) out.push(`must be < ${s.exclusiveMaximum}`);
  if (s.multipleOf !== undefined) out.push(`must be a multiple of ${s.multipleOf}`);
  return out;
}

function arrayCollect(s: SchemaOf<"array">, v: string, p: string, cx: ModuleCx): string {
  const inner: string[] = [];
  if (s.minItems !== undefined) inner.push(`if (${v}.length < ${s.minItems}) ${issue(cx, p, msg(`must have at least ${s.minItems} items`), `minItems ${s.minItems}`, `String(${v}.length)`)}`);
  if (s.maxItems !== undefined) inner.push(`if (${v}.length > ${s.maxItems}) ${issue(cx, p, msg(`must have at most ${s.maxItems} items`), `maxItems ${s.maxItems}`, `String(${v}.length)`)}`);
  const item = cx.fresh();
  const i = cx.fresh("i");
  const each = collect(s.items, item, `${p} + "/" + ${i}`, cx);
  if (each) inner.push(`for (let ${i} = 0; ${i} < ${v}.length; ${i}++) {\nconst ${item} = ${v}[${i}];\n${each}\n}`);
  if (s.uniqueItems) inner.push(`if (!${cx.use("uniq")}(${v})) ${issue(cx, p, msg("must not contain duplicate items"), "uniqueItems")}`);
  return `if (!Array.isArray(${v})) ${typeError(cx, s, v, p, "an array", "array")}${inner.length ? ` else {\n${inner.join("\n")}\n}` : ""}`;
}

function objectCollect(s: SchemaOf<"object">, v: string, p: string, cx: ModuleCx): string {
  const inner: string[] = [];
  for (const prop of s.properties) {
    const x = cx.fresh();
    const path = `${p} + ${tsString(`/${pointerPart(prop.name)}`)}`;
    const each = collect(prop.schema, x, path, cx);
    const read = `const ${x} = ${readProperty(v, prop.name, cx)};`;
    if (prop.required)
      inner.push(`${read}\nif (${x} === undefined) ${issue(cx, p, msg(`missing required property ${JSON.stringify(prop.name)}`), `property ${JSON.stringify(prop.name)}`)}${each ? ` else {\n${each}\n}` : ""}`);
    else if (each) inner.push(`${read}\nif (${x} !== undefined) {\n${each}\n}`);
  }
  if (s.additional !== true) {
    const k = cx.fresh("k");
    const known = s.properties.map((q) => `case ${jsLiteral(q.name)}:`).join("\n");
    const keyPath = `${p} + "/" + ${cx.use("esc")}(${k})`;
    if (s.additional === false) {
      const unknown = issue(cx, keyPath, `"unknown property " + JSON.stringify(${k})`, "no other properties");
      inner.push(`for (const ${k} of Object.keys(${v})) {\nswitch (${k}) {\n${known}\nbreak;\ndefault:\n${unknown}\n}\n}`);
    } else {
      const x = cx.fresh();
      const each = collect(s.additional, x, keyPath, cx);
      const skip = s.properties.length ? `switch (${k}) {\n${known}\ncontinue;\n}\n` : "";
      if (each) inner.push(`for (const ${k} of Object.keys(${v})) {\n${skip}const ${x} = ${v}[${k}];\n${each}\n}`);
    }
  }
  return `if (${objectTypeFails(v)}) ${typeError(cx, s, v, p, "an object", "object")}${inner.length ? ` else {\n${inner.join("\n")}\n}` : ""}`;
}

function unionCollect(s: SchemaOf<"union">, v: string, p: string, cx: ModuleCx): string {
  const cases = discriminatorCases(s, cx);
  if (cases) {
    const tag = cx.fresh("t");
    const all = cases.flatMap((c) => c.values);
    const arms = cases
      .map(({ values, index }) => `${values.map((x) => `case ${x}:`).join("\n")}\n${cx.variant(s.variants[index]!).collect}(${v}, ${p}, e);\nbreak;`)
      .join("\n");
    const tagPath = `${p} + ${tsString(`/${pointerPart(s.discriminator!)}`)}`;
    const bad = issue(cx, tagPath, msg(`must be one of ${all.join(", ")}`), all.join(" | "), `${cx.use("show")}(${tag})`);
    return `if (${objectTypeFails(v)}) ${typeError(cx, s, v, p, "an object", "object")} else {\nconst ${tag} = ${readProperty(v, s.discriminator!, cx)};\nswitch (${tag}) {\n${arms}\ndefault:\n${bad}\n}\n}`;
  }
  const n = cx.fresh("n");
  const tests = s.variants.map((x) => `if (${cx.variant(x).fast}(${v})) ${n}++;`).join("\n");
  const count = s.variants.length;
  const none = issue(cx, p, msg(`must match ${s.mode === "anyOf" ? "at least" : "exactly"} one of the ${count} variants`), `one of ${count} variants`, `${cx.use("kind")}(${v})`);
  if (s.mode === "anyOf") return `let ${n} = 0;\n${tests}\nif (${n} === 0) ${none}`;
  return `let ${n} = 0;\n${tests}\nif (${n} === 0) ${none}\nelse if (${n} > 1) ${issue(cx, p, msg("must match exactly one variant, but matches several"), `exactly one of ${count} variants`)}`;
}
