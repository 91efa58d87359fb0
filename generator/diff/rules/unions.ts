// oneOf / anyOf. Variants are matched old to new by discriminator value, then by being the same,
// then by kind, in order; matched ones are compared, a new variant left over is breaking (old
// validators reject its values), an old one left over is compatible. A plain schema on one side
// counts as a union of one, so `string` → `string | integer` is a variant added.
import type { Json, Schema } from "../../model/ir.ts";
import type { Finding, Rule } from "../change.ts";
import { canonical } from "../../emit/docs/conforms.ts";
import { conforms } from "../../emit/docs/conforms.ts";
import { compareSchemas, draw, found, resolve, under, type Cx, type Side } from "../walk.ts";
import { label } from "./types.ts";

export const rules: Rule[] = [
  { id: "union-variant-added", level: "breaking", section: "breaking", description: "union variant added" },
  { id: "union-variant-removed", level: "info", section: "changed", description: "union variant removed" },
  { id: "union-became-anyof", level: "breaking", section: "breaking", description: "oneOf → anyOf" },
  { id: "union-became-oneof", level: "info", section: "changed", description: "anyOf → oneOf" },
];

/** A union's null variants folded into `nullable`; a union left with one variant is that variant. */
export function normalizeUnion(s: Schema, side: Side): Schema {
  if (s.kind !== "union") return s;
  const isNull = (v: Schema) => resolve(v, side).kind === "null";
  const nulls = s.variants.filter(isNull);
  if (!nulls.length) return s;
  const rest = s.variants.filter((v) => !isNull(v));
  const nullable = true;
  if (rest.length === 1) return { ...rest[0]!, nullable } as Schema;
  return { ...s, variants: rest, nullable };
}

/** The discriminator's constant in a variant (an object, possibly named). */
function tagOf(v: Schema, field: string, side: Side): string | undefined {
  const r = resolve(v, side);
  if (r.kind !== "object") return undefined;
  const p = r.properties.find((p) => p.name === field);
  const t = p && resolve(p.schema, side);
  return t?.kind === "literal" && t.values.length === 1 ? canonical(t.values[0]!) : undefined;
}

export function compareUnions(o: Schema, n: Schema, cx: Cx, out: Finding[]): void {
  const variants = (s: Schema): Schema[] => (s.kind === "union" ? s.variants : [{ ...s, nullable: false } as Schema]);
  const ov = variants(o);
  const nv = variants(n);
  const pairs: [number, number][] = [];
  const usedO = new Set<number>();
  const usedN = new Set<number>();
  const match = (key: (v: Schema, side: Side) => string | undefined) => {
    nv.forEach((v, j) => {
      if (usedN.has(j)) return;
      const k = key(v, cx.new);
      if (k === undefined) return;
      const i = ov.findIndex((w, i) => !usedO.has(i) && key(w, cx.old) === k);
      if (i >= 0) pairs.push([i, j]), usedO.add(i), usedN.add(j);
    });
  };
  const field = o.kind === "union" && n.kind === "union" && o.discriminator !== undefined && o.discriminator === n.discriminator ? o.discriminator : undefined;
  if (field !== undefined) match((v, side) => tagOf(v, field, side));
  match((v) => JSON.stringify(v));
  match((v, side) => resolve(v, side).kind);
  for (const [i, j] of pairs.sort((a, b) => a[1] - b[1])) out.push(...under({ to: "variant", schema: nv[j]! }, compareSchemas(ov[i]!, nv[j]!, cx)));
  // A variant is named by its discriminator value where the union has one (a body union's
  // variants are whole bodies, all of them objects), else by its type.
  const name = (v: Schema, s: Schema, side: Side) => {
    const tag = s.kind === "union" && s.discriminator !== undefined ? tagOf(v, s.discriminator, side) : undefined;
    return tag !== undefined ? `${label(v)} (${s.kind === "union" ? s.discriminator : ""} ${tag})` : label(v);
  };
  nv.forEach((v, j) => {
    if (!usedN.has(j)) out.push(found(cx, "union-variant-added", `variant ${name(v, n, cx.new)} added`, { new: name(v, n, cx.new), path: [{ to: "variant", schema: v }] }));
  });
  ov.forEach((v, i) => {
    if (!usedO.has(i)) out.push(found(cx, "union-variant-removed", `variant ${name(v, o, cx.old)} removed`, { old: name(v, o, cx.old), removal: true }));
  });
  if (o.kind === "union" && n.kind === "union" && o.mode !== n.mode) {
    const values = { old: o.mode as Json, new: n.mode as Json };
    // Witnesses: values of one variant that another variant accepts too.
    const shared = () => n.variants.flatMap((v) => [0, 1, 2].map((seed) => draw(cx, v, seed))).filter((x) => n.variants.filter((v) => conforms(v, x, cx.new.schemas)).length > 1);
    out.push(n.mode === "anyOf" ? found(cx, "union-became-anyof", "oneOf → anyOf: a value may now match several variants", { ...values, probe: shared }) : found(cx, "union-became-oneof", "anyOf → oneOf", values));
  }
}
