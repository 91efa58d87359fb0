// The fast path: statements that `return false` at the first mismatch. Valid deliveries, the
// common case, run only this; errors are collected by collect.ts only after it says no.
import type { Schema, SchemaOf } from "../../model/ir.ts";
import { inherited, jsLiteral, member, type ModuleCx } from "./context.ts";
import { FORMAT_HELPER } from "./runtime.ts";

export function fast(s: Schema, v: string, cx: ModuleCx): string {
  const body = fastBody(s, v, cx);
  if (!s.nullable || s.kind === "null" || s.kind === "any" || !body) return body;
  return `if (${v} !== null) {\n${body}\n}`;
}

function fastBody(s: Schema, v: string, cx: ModuleCx): string {
  switch (s.kind) {
    case "any":
      return "";
    case "null":
      return `if (${v} !== null) return false;`;
    case "boolean":
      return `if (typeof ${v} !== "boolean") return false;`;
    case "string":
      return [`if (typeof ${v} !== "string") return false;`, ...stringChecks(s, v, cx).map((c) => `if (${c}) return false;`)].join("\n");
    case "number":
      return [`if (${numberTypeFails(s, v)}) return false;`, ...numberChecks(s, v).map((c) => `if (${c}) return false;`)].join("\n");
    case "literal":
      return `if (${literalFails(s, v, cx)}) return false;`;
    case "array":
      return arrayFast(s, v, cx);
    case "object":
      return objectFast(s, v, cx);
    case "ref":
      return `if (!${cx.ref(s.name).fast}(${v})) return false;`;
    case "union":
      return unionFast(s, v, cx);
  }
}

/** Conditions that are true when a string breaks a constraint (the value is known to be a string). */
export function stringChecks(s: SchemaOf<"string">, v: string, cx: ModuleCx): string[] {
  const out: string[] = [];
  // .length counts UTF-16 units: at least the code points, at most twice them.
  if (s.minLength !== undefined) out.push(`${v}.length < ${2 * s.minLength} && ${cx.use("cpLen")}(${v}) < ${s.minLength}`);
  if (s.maxLength !== undefined) out.push(`${v}.length > ${s.maxLength} && ${cx.use("cpLen")}(${v}) > ${s.maxLength}`);
  if (s.format) out.push(`!${cx.use(FORMAT_HELPER[s.format]!)}(${v})`);
  if (s.pattern !== undefined) out.push(`!${cx.regex(s.pattern)}.test(${v})`);
  return out;
}

export const numberTypeFails = (s: SchemaOf<"number">, v: string) =>
  s.integer ? `!Number.isInteger(${v})` : `typeof ${v} !== "number" || !Number.isFinite(${v})`;

export function numberChecks(s: SchemaOf<"number">, v: string): string[] {
  const out: string[] = [];
  if (s.minimum !== undefined) out.push(`${v} < ${s.minimum}`);
  if (s.maximum !== undefined) out.push(`${v} > ${s.maximum}`);
  if (s.exclusiveMinimum !== undefined) out.push(`${v} <= ${s.exclusiveMinimum}`);
  if (s.exclusiveMaximum !== undefined) out.push(`${v} >= ${s.exclusiveMaximum}`);
  if (s.multipleOf !== undefined) out.push(`!Number.isInteger(${v} / ${s.multipleOf})`);
  return out;
}

export function literalFails(s: SchemaOf<"literal">, v: string, cx: ModuleCx): string {
  const scalars = s.values.filter((x) => x === null || typeof x !== "object");
  const objects = s.values.filter((x) => x !== null && typeof x === "object");
  const parts: string[] = [];
  if (scalars.length > 6) parts.push(`${cx.set(scalars)}.has(${v})`);
  else parts.push(...scalars.map((x) => `${v} === ${jsLiteral(x)}`));
  parts.push(...objects.map((x) => `${cx.use("deepEqual")}(${v}, ${JSON.stringify(x)})`));
  return parts.length === 1 ? negate(parts[0]!) : `!(${parts.join(" || ")})`;
}

const negate = (cond: string) => (cond.includes(" === ") && !cond.includes("||") ? cond.replace(" === ", " !== ") : `!(${cond})`);

function arrayFast(s: SchemaOf<"array">, v: string, cx: ModuleCx): string {
  const lines = [`if (!Array.isArray(${v})) return false;`];
  if (s.minItems !== undefined) lines.push(`if (${v}.length < ${s.minItems}) return false;`);
  if (s.maxItems !== undefined) lines.push(`if (${v}.length > ${s.maxItems}) return false;`);
  const item = cx.fresh();
  const i = cx.fresh("i");
  const inner = fast(s.items, item, cx);
  if (inner) lines.push(`for (let ${i} = 0; ${i} < ${v}.length; ${i}++) {\nconst ${item} = ${v}[${i}];\n${inner}\n}`);
  if (s.uniqueItems) lines.push(`if (!${cx.use("uniq")}(${v})) return false;`);
  return lines.join("\n");
}

export const objectTypeFails = (v: string) => `typeof ${v} !== "object" || ${v} === null || Array.isArray(${v})`;

/** The value of a property, or undefined when absent; own properties only where it matters. */
export function readProperty(v: string, name: string, cx: ModuleCx): string {
  return inherited(name) ? `${cx.use("hasOwn")}.call(${v}, ${jsLiteral(name)}) ? ${member(v, name)} : undefined` : member(v, name);
}

function objectFast(s: SchemaOf<"object">, v: string, cx: ModuleCx): string {
  const lines = [`if (${objectTypeFails(v)}) return false;`];
  for (const p of s.properties) {
    const x = cx.fresh();
    const inner = fast(p.schema, x, cx);
    if (p.required) lines.push(`const ${x} = ${readProperty(v, p.name, cx)};\nif (${x} === undefined) return false;\n${inner}`);
    else if (inner) lines.push(`const ${x} = ${readProperty(v, p.name, cx)};\nif (${x} !== undefined) {\n${inner}\n}`);
  }
  const extra = extraKeysFast(s, v, cx);
  if (extra) lines.push(extra);
  return lines.join("\n");
}

function extraKeysFast(s: SchemaOf<"object">, v: string, cx: ModuleCx): string {
  if (s.additional === true) return "";
  const k = cx.fresh("k");
  const known = s.properties.map((p) => `case ${jsLiteral(p.name)}:`).join("\n");
  if (s.additional === false)
    return `for (const ${k} of Object.keys(${v})) {\nswitch (${k}) {\n${known}\nbreak;\ndefault:\nreturn false;\n}\n}`;
  const x = cx.fresh();
  const inner = fast(s.additional, x, cx);
  if (!inner) return "";
  const skip = s.properties.length ? `switch (${k}) {\n${known}\ncontinue;\n}\n` : "";
  return `for (const ${k} of Object.keys(${v})) {\n${skip}const ${x} = ${v}[${k}];\n${inner}\n}`;
}

/** The discriminator values of each variant, or undefined when the union has no discriminator. */
export function discriminatorCases(s: SchemaOf<"union">, cx: ModuleCx): { values: string[]; index: number }[] | undefined {
  if (!s.discriminator) return undefined;
  const byName = new Map(cx.model.schemas.map((n) => [n.name, n.schema]));
  return s.variants.map((variant, index) => {
    let o: Schema = variant;
    for (let guard = 0; o.kind === "ref" && guard < 100; guard++) o = byName.get(o.name)!;
    const prop = o.kind === "object" ? o.properties.find((p) => p.name === s.discriminator) : undefined;
    const values = prop?.schema.kind === "literal" ? prop.schema.values.map(jsLiteral) : [];
    return { values, index };
  });
}

function unionFast(s: SchemaOf<"union">, v: string, cx: ModuleCx): string {
  const cases = discriminatorCases(s, cx);
  if (cases) {
    const tag = cx.fresh("t");
    const arms = cases
      .map(({ values, index }) => `${values.map((x) => `case ${x}:`).join("\n")}\nif (!${cx.variant(s.variants[index]!).fast}(${v})) return false;\nbreak;`)
      .join("\n");
    return `if (${objectTypeFails(v)}) return false;\nconst ${tag} = ${readProperty(v, s.discriminator!, cx)};\nswitch (${tag}) {\n${arms}\ndefault:\nreturn false;\n}`;
  }
  if (s.mode === "anyOf") return `if (!(${s.variants.map((x) => `${cx.variant(x).fast}(${v})`).join(" || ")})) return false;`;
  // oneOf: exactly one variant may match.
  const n = cx.fresh("n");
  const tests = s.variants.map((x) => `if (${cx.variant(x).fast}(${v})) ${n}++;`).join("\n");
  return `let ${n} = 0;\n${tests}\nif (${n} !== 1) return false;`;
}
