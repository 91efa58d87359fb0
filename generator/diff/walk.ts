// Compares two schemas, the old catalog's and the new one's, at the same place in a body, and
// hands each construct to its rule file. Named schemas are looked through (renaming one, or moving
// fields into one, is no change); a pair of schemas already being compared further out is a
// recursion and ends there. Each pair of named schemas is compared once per diff and its findings
// are reused wherever the pair appears again.
import type { SourcePos } from "../diagnostics.ts";
import type { CatalogModel, Json, NamedSchema, Schema } from "../model/ir.ts";
import { sample } from "../emit/docs/example-body.ts";
import type { Finding, Probe, Step } from "./change.ts";
import { compareDocs } from "./rules/docs.ts";
import { compareNullable } from "./rules/nullable.ts";
import { compareUnions, normalizeUnion } from "./rules/unions.ts";
import { compareKinds } from "./rules/types.ts";
import { compareLiterals } from "./rules/literals.ts";
import { compareArrayBounds, compareNumberBounds, compareStringBounds } from "./rules/bounds.ts";
import { compareObjects } from "./rules/objects.ts";

/** Schema comparisons one diff may make before it stops and says it is incomplete. */
export const BUDGET = 2_000_000;

export interface Side {
  model: CatalogModel;
  named: Map<string, NamedSchema>;
  /** The named schemas' schemas alone, as the example synthesis wants them. */
  schemas: Map<string, Schema>;
}

export const sideOf = (model: CatalogModel): Side => ({
  model,
  named: new Map(model.schemas.map((s) => [s.name, s])),
  schemas: new Map(model.schemas.map((s) => [s.name, s.schema])),
});

export interface Cx {
  old: Side;
  new: Side;
  /** The nearest definitions with a position: the event, or the named schema being compared. */
  oldPos: SourcePos;
  newPos: SourcePos;
  stack: string[];
  /** The outermost stack entry a recursion ended at while the current pair was compared. */
  minCut: number;
  cache: Map<string, Finding[]>;
  budget: { left: number };
}

export function newCx(old: Side, nu: Side, oldPos: SourcePos, newPos: SourcePos, shared?: Pick<Cx, "cache" | "budget">): Cx {
  return { old, new: nu, oldPos, newPos, stack: [], minCut: Infinity, cache: shared?.cache ?? new Map(), budget: shared?.budget ?? { left: BUDGET } };
}

/** A finding at the place being compared. `removal`: located at the old definition. */
export function found(cx: Cx, id: string, message: string, extra: { old?: Finding["old"]; new?: Finding["new"]; probe?: Probe; removal?: boolean; path?: Step[] } = {}): Finding {
  const { removal, path, ...rest } = extra;
  return { id, path: path ?? [], pos: removal ? cx.oldPos : cx.newPos, message, ...defined(rest) };
}

const defined = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

/** A value of the new schema, by the generator's example synthesis: the seed-th alternative. */
export const draw = (cx: Cx, s: Schema, seed = 0, key = ""): Json => sample(s, { named: cx.new.schemas, stack: [], minimal: false, depth: 1, words: new Set() }, key, seed);

/** The findings of a child place, one step further in. */
export function under(step: Step, findings: Finding[]): Finding[] {
  return findings.map((f) => ({ ...f, path: [step, ...f.path] }));
}

const ids = new WeakMap<Schema, number>();
let nextId = 0;
const identity = (s: Schema) => (s.kind === "ref" ? `r:${s.name}` : `i:${ids.get(s) ?? (ids.set(s, ++nextId), nextId)}`);

/** What a ref says on its own, besides its target: its docs and nullability. */
const refSite = (s: Schema) => (s.kind === "ref" ? JSON.stringify([s.nullable, s.title, s.description, s.example, s.default, s.deprecated]) : "");

export function compareSchemas(o: Schema, n: Schema, cx: Cx): Finding[] {
  if (o.kind !== "ref" && n.kind !== "ref") return compareResolved(o, n, cx);
  const key = `${identity(o)}|${identity(n)}|${refSite(o)}|${refSite(n)}`;
  const at = cx.stack.indexOf(key);
  if (at >= 0) {
    cx.minCut = Math.min(cx.minCut, at);
    return [];
  }
  const cached = cx.cache.get(key);
  if (cached) return cached;
  const depth = cx.stack.length;
  const saved = { oldPos: cx.oldPos, newPos: cx.newPos, minCut: cx.minCut };
  if (o.kind === "ref") cx.oldPos = cx.old.named.get(o.name)?.pos ?? cx.oldPos;
  if (n.kind === "ref") cx.newPos = cx.new.named.get(n.name)?.pos ?? cx.newPos;
  cx.minCut = Infinity;
  cx.stack.push(key);
  const out = compareResolved(resolve(o, cx.old), resolve(n, cx.new), cx);
  cx.stack.pop();
  if (cx.minCut >= depth) cx.cache.set(key, out);
  cx.minCut = Math.min(saved.minCut, cx.minCut);
  cx.oldPos = saved.oldPos;
  cx.newPos = saved.newPos;
  return out;
}

/** A ref's target, carrying the ref's own nullability and docs; refs to refs are followed. */
export function resolve(s: Schema, side: Side): Schema {
  for (let i = 0; s.kind === "ref" && i < 100; i++) {
    const target = side.schemas.get(s.name);
    if (!target) return { kind: "any", nullable: true };
    const site = Object.fromEntries((["title", "description", "example", "default", "deprecated"] as const).filter((k) => s[k] !== undefined).map((k) => [k, s[k]]));
    s = { ...target, ...site, nullable: s.nullable || target.nullable } as Schema;
  }
  return s.kind === "ref" ? { kind: "any", nullable: true } : s;
}

function compareResolved(o0: Schema, n0: Schema, cx: Cx): Finding[] {
  if (--cx.budget.left < 0) return [];
  const o = normalizeUnion(o0, cx.old);
  const n = normalizeUnion(n0, cx.new);
  // `Ref | null` is the ref, nullable: compared as a ref.
  if (o.kind === "ref" || n.kind === "ref") return compareSchemas(o, n, cx);
  const out: Finding[] = [];
  compareDocs(o0, n0, cx, out);
  compareNullable(o, n, cx, out);
  if (o.kind === "union" || n.kind === "union") {
    compareUnions(o, n, cx, out);
    return out;
  }
  if (compareKinds(o, n, cx, out)) return out;
  if (o.kind === "string" && n.kind === "string") compareStringBounds(o, n, cx, out);
  else if (o.kind === "number" && n.kind === "number") compareNumberBounds(o, n, cx, out);
  else if (o.kind === "literal" && n.kind === "literal") compareLiterals(o, n, cx, out);
  else if (o.kind === "array" && n.kind === "array") {
    compareArrayBounds(o, n, cx, out);
    out.push(...under({ to: "item", schema: n.items }, compareSchemas(o.items, n.items, cx)));
  } else if (o.kind === "object" && n.kind === "object") compareObjects(o, n, cx, out);
  return out;
}
