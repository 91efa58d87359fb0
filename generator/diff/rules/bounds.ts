// Bounds, patterns and formats: loosening one lets the producer send a value old validators
// reject; tightening is compatible. A pattern replaced by another is breaking when a string is
// found that only the new one accepts, and undecided (a warning) otherwise.
import type { Json, SchemaOf } from "../../model/ir.ts";
import type { Finding, Probe, Rule } from "../change.ts";
import { testPattern } from "../../emit/docs/conforms.ts";
import { regexSample } from "../../emit/docs/regex-sample.ts";
import { isMultipleOf } from "../../emit/validators/multiple-of.ts";
import { found, type Cx } from "../walk.ts";
import { isCheckedFormat } from "../../check/catalog-shape.ts";
import { docsChanged } from "./docs.ts";

/** A format the validators check; the others are annotations, whose changes are docs. */
const checked = (f: string | undefined) => (f !== undefined && isCheckedFormat(f) ? f : undefined);

export const rules: Rule[] = [
  { id: "bounds-loosened", level: "breaking", section: "breaking", description: "bounds loosened (minimum, maximum, lengths, item counts, multipleOf, uniqueItems)" },
  { id: "bounds-tightened", level: "info", section: "changed", description: "bounds tightened" },
  { id: "pattern-loosened", level: "breaking", section: "breaking", description: "pattern removed, or changed to accept a string the old one rejects" },
  { id: "pattern-tightened", level: "info", section: "changed", description: "pattern added" },
  { id: "pattern-changed", level: "warning", section: "changed", description: "pattern changed, and no string found that only the new one accepts" },
  { id: "format-loosened", level: "breaking", section: "breaking", description: "format removed or changed" },
  { id: "format-tightened", level: "info", section: "changed", description: "format added" },
];

type Bound = { v: number; excl: boolean } | undefined;

/** -1: the new bound lets more values through (looser), 1: fewer (tighter), 0: the same. `lower`:
 * a lower bound (a higher value is tighter). */
function compareBound(a: Bound, b: Bound, lower: boolean): -1 | 0 | 1 {
  if (!a && !b) return 0;
  if (!b) return -1;
  if (!a) return 1;
  if (a.v === b.v) return a.excl === b.excl ? 0 : b.excl ? 1 : -1;
  return (lower ? b.v > a.v : b.v < a.v) ? 1 : -1;
}

const inclusive = (v: number | undefined): Bound => (v === undefined ? undefined : { v, excl: false });
const text = (b: Bound, lower: boolean) => (b ? `${lower ? (b.excl ? ">" : "≥") : b.excl ? "<" : "≤"} ${b.v}` : "none");

function bound(cx: Cx, out: Finding[], what: string, a: Bound, b: Bound, lower: boolean, probe: Probe): void {
  const c = compareBound(a, b, lower);
  if (c === 0) return;
  const message = `${what} ${text(a, lower)} → ${text(b, lower)}`;
  const values = { old: a?.v ?? null, new: b?.v ?? null };
  out.push(c < 0 ? found(cx, "bounds-loosened", message, { ...values, probe }) : found(cx, "bounds-tightened", message, values));
}

const lowerOf = (s: SchemaOf<"number">): Bound =>
  s.exclusiveMinimum !== undefined && (s.minimum === undefined || s.exclusiveMinimum >= s.minimum) ? { v: s.exclusiveMinimum, excl: true } : inclusive(s.minimum);
const upperOf = (s: SchemaOf<"number">): Bound =>
  s.exclusiveMaximum !== undefined && (s.maximum === undefined || s.exclusiveMaximum <= s.maximum) ? { v: s.exclusiveMaximum, excl: true } : inclusive(s.maximum);

/** Numbers around an old bound, on both sides of it and at the new one. */
const near = (a: Bound, b: Bound, dir: -1 | 1): Json[] => {
  const out: number[] = [];
  if (a) out.push(a.v, a.v + dir, a.v + dir * 0.5, a.v + dir * 0.01, Math.trunc(a.v) + dir, Math.trunc(a.v) + 2 * dir);
  if (b) out.push(b.v, b.v - dir, b.v - dir * 0.5);
  else out.push(dir * 1e9, dir * 1e15);
  return out.filter(Number.isFinite);
};

export function compareNumberBounds(o: SchemaOf<"number">, n: SchemaOf<"number">, cx: Cx, out: Finding[]): void {
  if (o.format !== n.format) out.push(docsChanged(cx, "format", o.format, n.format));
  bound(cx, out, "minimum", lowerOf(o), lowerOf(n), true, () => near(lowerOf(o), lowerOf(n), -1));
  bound(cx, out, "maximum", upperOf(o), upperOf(n), false, () => near(upperOf(o), upperOf(n), 1));
  if (o.multipleOf !== n.multipleOf) {
    const looser = o.multipleOf !== undefined && (n.multipleOf === undefined || !isMultipleOf(n.multipleOf, o.multipleOf));
    const values = { old: o.multipleOf ?? null, new: n.multipleOf ?? null };
    const message = `multipleOf ${o.multipleOf ?? "none"} → ${n.multipleOf ?? "none"}`;
    const step = n.multipleOf ?? (n.integer ? 1 : 0.5);
    out.push(looser ? found(cx, "bounds-loosened", message, { ...values, probe: (cur) => [step, 2 * step, 3 * step, -step, typeof cur === "number" ? cur + step : step, 1, 0.5, 0.1] }) : found(cx, "bounds-tightened", message, values));
  }
}

/** Strings of the lengths that only the new bounds allow, made from the value already there. */
const ofLength = (cur: Json | undefined, lengths: number[]): Json[] => {
  const chars = typeof cur === "string" ? [...cur] : [];
  return lengths.filter((l) => l >= 0 && l < 1e6).flatMap((l) => [[...chars, ..."x".repeat(Math.max(0, l - chars.length))].slice(0, l).join(""), "x".repeat(l)]);
};

export function compareStringBounds(o: SchemaOf<"string">, n: SchemaOf<"string">, cx: Cx, out: Finding[]): void {
  bound(cx, out, "minLength", inclusive(o.minLength), inclusive(n.minLength), true, (cur) => ofLength(cur, [(o.minLength ?? 0) - 1, n.minLength ?? 0]));
  bound(cx, out, "maxLength", inclusive(o.maxLength), inclusive(n.maxLength), false, (cur) => ofLength(cur, [(o.maxLength ?? 0) + 1, n.maxLength ?? (o.maxLength ?? 0) + 1]));
  const [of, nf] = [checked(o.format), checked(n.format)];
  if (of !== nf) {
    const values = { old: o.format ?? null, new: n.format ?? null };
    if (of === undefined) out.push(found(cx, "format-tightened", `format ${nf} added`, values));
    else out.push(found(cx, "format-loosened", nf === undefined ? `format ${of} removed` : `format ${of} → ${nf}`, { ...values, probe: (cur) => [...(typeof cur === "string" ? [cur] : []), "x", "example", "not a value", ""] }));
  } else if (o.format !== n.format) out.push(docsChanged(cx, "format", o.format, n.format));
  if (o.pattern !== n.pattern) comparePatterns(o, n, cx, out);
}

function comparePatterns(o: SchemaOf<"string">, n: SchemaOf<"string">, cx: Cx, out: Finding[]): void {
  const values = { old: o.pattern ?? null, new: n.pattern ?? null };
  if (o.pattern === undefined) return void out.push(found(cx, "pattern-tightened", `pattern ${n.pattern} added`, values));
  if (n.pattern === undefined) return void out.push(found(cx, "pattern-loosened", `pattern ${o.pattern} removed`, { ...values, probe: (cur) => ["", "x", "example", "!", ...(typeof cur === "string" ? [cur + "!", `!${cur}`] : [])] }));
  // Strings the new pattern accepts and the old one rejects: a witness to look for.
  const tries = [regexSample(n.pattern), regexSample(n.pattern, true), "", "x", "example", "0", "A", "a-1"].filter((s): s is string => s !== undefined);
  const only = tries.filter((s) => safeTest(n.pattern!, s) && !safeTest(o.pattern!, s));
  const message = `pattern ${o.pattern} → ${n.pattern}`;
  if (only.length) out.push(found(cx, "pattern-loosened", message, { ...values, probe: () => only }));
  else out.push(found(cx, "pattern-changed", message, values));
}

const safeTest = (pattern: string, s: string) => {
  try {
    return testPattern(pattern, s);
  } catch {
    return false;
  }
};

export function compareArrayBounds(o: SchemaOf<"array">, n: SchemaOf<"array">, cx: Cx, out: Finding[]): void {
  const items = (cur: Json | undefined) => (Array.isArray(cur) ? cur : []);
  const resize = (cur: Json | undefined, l: number): Json[] => {
    const a = items(cur);
    if (l < 0 || l > 10_000 || (!a.length && l > 0)) return [];
    return [Array.from({ length: l }, (_, i) => a[i % a.length]!)];
  };
  bound(cx, out, "minItems", inclusive(o.minItems), inclusive(n.minItems), true, (cur) => [...resize(cur, (o.minItems ?? 0) - 1), ...resize(cur, n.minItems ?? 0)]);
  bound(cx, out, "maxItems", inclusive(o.maxItems), inclusive(n.maxItems), false, (cur) => resize(cur, (o.maxItems ?? 0) + 1));
  if (!!o.uniqueItems !== !!n.uniqueItems) {
    const values = { old: !!o.uniqueItems, new: !!n.uniqueItems };
    if (o.uniqueItems) out.push(found(cx, "bounds-loosened", "uniqueItems dropped", { ...values, probe: (cur) => (items(cur).length ? [[items(cur)[0]!, items(cur)[0]!]] : []) }));
    else out.push(found(cx, "bounds-tightened", "uniqueItems added", values));
  }
}
