// A small vocabulary of shapes that checks a YAML node tree, with positions, and also describes
// itself as JSON Schema: the catalog's editor schema is derived from the same definition as the
// checker, so the two cannot drift apart.
import { isAlias, isMap, isPair, isScalar, isSeq, visit, type Alias, type Document, type LineCounter, type Node, type Pair, type YAMLMap } from "yaml";
import type { Diagnostic, SourcePos } from "../diagnostics.ts";
import type { Code } from "./codes.ts";
import { closest, didYouMean } from "./did-you-mean.ts";

/** Hidden on every checked mapping: where it and each of its keys stand in the file. */
export const POS = Symbol("pos");
export interface Located {
  [POS]?: { at: SourcePos; keys: Record<string, SourcePos> };
}
export interface Entry<V> {
  key: string;
  value: V;
  pos: SourcePos;
}
export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
/** A JSON value read from YAML, with the position of each RFC 6901 pointer inside it. */
export interface JsonValue {
  value: Json;
  pos: SourcePos;
  positions: Map<string, SourcePos>;
}

/** Hidden on a checked mapping or list that had problems of its own (an unknown, duplicate, missing
 * or unreadable key, a value of the wrong shape). The shape check still returns such a node, with
 * its good parts, so the semantic rules can run on them; `maybe` names the keys that may have been
 * meant but are not there: written with a bad value, or what an unknown key probably misspells
 * ("any" when a key could not be read at all). */
export const FLAW = Symbol("flaw");
/** Hidden on every checked name-keyed mapping (`entries`): every name written in it, including
 * those whose value was malformed; `complete` is false when some key could not be read. */
export const NAMES = Symbol("names");
export interface Flaw {
  maybe: Set<string> | "any";
}
interface Flawed {
  [FLAW]?: Flaw;
}
export interface Names {
  names: ReadonlySet<string>;
  complete: boolean;
}

export function flawOf(node: object | undefined): Flaw | undefined {
  return node ? (node as Flawed)[FLAW] : undefined;
}

/** True when `key` is certainly not in the mapping: not there, and nothing wrong in the mapping
 * that could have been it. A rule about a missing key asks this, never `o[key] === undefined`. */
export function absent(o: object, key: string): boolean {
  if ((o as Record<string, unknown>)[key] !== undefined) return false;
  const maybe = flawOf(o)?.maybe;
  return !maybe || (maybe !== "any" && !maybe.has(key));
}

/** The names written in a name-keyed mapping (see NAMES). */
export function namesOf(list: readonly Entry<unknown>[]): Names {
  return (list as { [NAMES]?: Names })[NAMES] ?? { names: new Set(list.map((e) => e.key)), complete: true };
}

function hide(target: object, key: symbol, value: unknown) {
  Object.defineProperty(target, key, { value, enumerable: false });
}

export function posOf(obj: Located, key?: string): SourcePos {
  const p = obj[POS];
  if (!p) return { file: "<unknown>", line: 1, col: 1 };
  return (key !== undefined && p.keys[key]) || p.at;
}

export const MAX_ALIASES = 1000;
/** Nodes that aliases may add to the document, all expansions together. A count of aliases alone
 * misses the wide bomb: a few hundred aliases of one mapping with thousands of keys. */
export const MAX_EXPANSION = 250_000;
export const MAX_DEPTH = 200;

export class Cx {
  aliases = 0;
  expansion = 0;
  depth = 0;
  aborted = false;
  /** Nodes returned with a FLAW: a value with none is exactly what the format describes. */
  flawed = 0;
  constructor(
    readonly file: string,
    readonly doc: Document.Parsed,
    readonly lines: LineCounter,
    readonly diagnostics: Diagnostic[],
  ) {}
  pos(node: Node | null | undefined, fallback?: SourcePos): SourcePos {
    const offset = node?.range?.[0];
    if (offset === undefined) return fallback ?? { file: this.file, line: 1, col: 1 };
    const { line, col } = this.lines.linePos(offset);
    return { file: this.file, line, col };
  }
  report(code: Code, at: SourcePos, message: string, hint?: string) {
    this.diagnostics.push({ code, severity: "error", message, pos: at, ...(hint ? { hint } : {}) });
  }
  warn(code: Code, at: SourcePos, message: string) {
    this.diagnostics.push({ code, severity: "warning", message, pos: at });
  }
  /** Marks a node that had problems (they are reported where they are). */
  flaw<T extends object>(node: T, maybe: Set<string> | "any" = new Set()): T {
    this.flawed++;
    hide(node, FLAW, { maybe } satisfies Flaw);
    return node;
  }
  /** Follows aliases, counting them: an alias bomb is refused instead of expanded. */
  resolve(node: unknown): Node | null {
    let n = node as Node | null;
    while (n && isAlias(n)) {
      const alias: Alias = n;
      n = this.target(alias);
      const refuse =
        ++this.aliases > MAX_ALIASES
          ? `more than ${MAX_ALIASES} alias expansions`
          : (this.expansion += this.sizeOf(n)) > MAX_EXPANSION
            ? `aliases that expand to more than ${MAX_EXPANSION.toLocaleString("en-US")} values`
            : undefined;
      if (refuse) {
        if (!this.aborted) this.report("EG103", this.pos(alias), `${refuse}; refusing to expand further`);
        this.aborted = true;
        return null;
      }
    }
    return n;
  }
  private sizes = new Map<Node, number>();
  /** How many values a node stands for once its aliases are expanded (memoized, so a bomb is
   * measured without being expanded). */
  private sizeOf(node: Node | null): number {
    if (!node) return 1;
    const known = this.sizes.get(node);
    if (known !== undefined) return known;
    this.sizes.set(node, 1); // an alias inside its own anchor counts once, not forever
    let size = 1;
    if (isAlias(node)) size += this.sizeOf(this.target(node));
    else if (isMap(node)) for (const pair of node.items) size += this.sizeOf(pair.key as Node | null) + this.sizeOf(pair.value as Node | null);
    else if (isSeq(node)) for (const item of node.items) size += this.sizeOf(item as Node | null);
    this.sizes.set(node, size);
    return size;
  }
  private targets?: Map<Alias, Node>;
  /** An alias names the last anchor of that name before it. `Alias.resolve` finds it by walking the
   * whole document on every call (a thousand aliases in a 1 MiB catalog took 45 s); one walk
   * answers them all. */
  private target(alias: Alias): Node | null {
    if (!this.targets) {
      const targets = new Map<Alias, Node>();
      const latest = new Map<string, Node>();
      visit(this.doc, {
        Node: (_, node) => {
          if (isAlias(node)) {
            const t = latest.get(node.source);
            if (t) targets.set(node, t);
          } else if (node.anchor) latest.set(node.anchor, node);
        },
      });
      this.targets = targets;
    }
    return this.targets.get(alias) ?? null;
  }
}

export type JsonSchema = Record<string, unknown>;
export interface SchemaCx {
  defs: Record<string, JsonSchema>;
}

export interface Shape<T> {
  /** Words for messages: "a string", "a mapping", … */
  readonly describe: string;
  accepts(node: Node | null): boolean;
  /** Reports every problem in the node. Undefined when nothing of it is usable; a mapping or list
   * with problems is returned with its good parts and a FLAW (and cx.flawed counts it). */
  check(node: Node | null, cx: Cx, at: SourcePos): T | undefined;
  jsonSchema(s: SchemaCx): JsonSchema;
}

function kindOf(node: Node | null): string {
  if (!node || (isScalar(node) && node.value === null)) return "nothing (null)";
  if (isMap(node)) return "a mapping";
  if (isSeq(node)) return "a list";
  if (isScalar(node)) {
    const v = node.value;
    if (typeof v === "string") return `the string ${JSON.stringify(v)}`;
    // A tag such as !!binary makes a scalar something JSON has no word for.
    if (typeof v === "object") return v instanceof Uint8Array ? "binary data" : `a value tagged ${node.tag ?? "?"}`;
    return `${typeof v} ${String(v)}`;
  }
  return "an unknown node";
}

function wrong(cx: Cx, node: Node | null, at: SourcePos, describe: string, hint?: string) {
  cx.report("EG201", cx.pos(node, at), `expected ${describe}, got ${kindOf(node)}`, hint);
}

interface StrOpts {
  pattern?: RegExp;
  /** Shown when the pattern fails. */
  patternHint?: string;
  values?: readonly string[];
  describe?: string;
  doc?: string;
  nonEmpty?: boolean;
}
export function str(o: StrOpts = {}): Shape<string> {
  const describe = o.describe ?? (o.values ? `one of ${o.values.map((v) => `'${v}'`).join(", ")}` : "a string");
  return {
    describe,
    accepts: (n) => isScalar(n) && typeof n.value === "string",
    check(node, cx, at) {
      if (!(isScalar(node) && typeof node.value === "string")) {
        const quote = isScalar(node) && node.value !== null && typeof node.value !== "object";
        wrong(cx, node, at, describe, quote ? `quote it to make it a string: "${String(node.source ?? node.value)}"` : undefined);
        return undefined;
      }
      const v = node.value;
      const p = cx.pos(node, at);
      if (o.values && !o.values.includes(v)) {
        cx.report("EG204", p, `'${v}' is not allowed here; expected ${describe}${didYouMean(v, o.values)}`);
        return undefined;
      }
      if (o.nonEmpty && v.trim() === "") {
        cx.report("EG204", p, "must not be empty");
        return undefined;
      }
      if (o.pattern && !o.pattern.test(v)) {
        cx.report("EG204", p, `'${v}' is not ${o.describe ?? `a match for ${o.pattern.source}`}`, o.patternHint);
        return undefined;
      }
      return v;
    },
    jsonSchema: () => ({
      type: "string",
      ...(o.values ? { enum: [...o.values] } : {}),
      ...(o.pattern ? { pattern: o.pattern.source } : {}),
      ...(o.nonEmpty ? { minLength: 1 } : {}),
      ...(o.doc ? { description: o.doc } : {}),
    }),
  };
}

export function num(o: { integer?: boolean; min?: number; doc?: string } = {}): Shape<number> {
  const describe = o.integer ? (o.min === 0 ? "a whole number ≥ 0" : "a whole number") : "a number";
  return {
    describe,
    accepts: (n) => isScalar(n) && typeof n.value === "number",
    check(node, cx, at) {
      const v = isScalar(node) ? node.value : undefined;
      if (typeof v !== "number" || !Number.isFinite(v) || (o.integer && !Number.isInteger(v)) || (o.min !== undefined && v < o.min)) {
        wrong(cx, node, at, describe);
        return undefined;
      }
      return v;
    },
    jsonSchema: () => ({ type: o.integer ? "integer" : "number", ...(o.min !== undefined ? { minimum: o.min } : {}), ...(o.doc ? { description: o.doc } : {}) }),
  };
}

export function bool(doc?: string): Shape<boolean> {
  return {
    describe: "true or false",
    accepts: (n) => isScalar(n) && typeof n.value === "boolean",
    check(node, cx, at) {
      if (!(isScalar(node) && typeof node.value === "boolean")) return void wrong(cx, node, at, "true or false");
      return node.value;
    },
    jsonSchema: () => ({ type: "boolean", ...(doc ? { description: doc } : {}) }),
  };
}

/** Any JSON value (examples, enum members, constants). Keys must be strings; aliases are counted. */
export function json(doc?: string): Shape<JsonValue> {
  return {
    describe: "a JSON value",
    accepts: () => true,
    check(node, cx, at) {
      const positions = new Map<string, SourcePos>();
      let ok = true;
      const walk = (raw: unknown, ptr: string, depth: number): Json => {
        const n = cx.resolve(raw);
        const p = cx.pos(n, at);
        positions.set(ptr, p);
        if (cx.aborted || depth > MAX_DEPTH) {
          if (!cx.aborted) cx.report("EG201", p, `nested more than ${MAX_DEPTH} levels deep`);
          cx.aborted = true;
          ok = false;
          return null;
        }
        if (!n || (isScalar(n) && n.value === null)) return null;
        if (isScalar(n)) {
          const v = n.value;
          if (typeof v === "string" || typeof v === "boolean") return v;
          if (typeof v === "number" && Number.isFinite(v)) return v;
          cx.report("EG201", p, `${kindOf(n)} is not a JSON value`);
          ok = false;
          return null;
        }
        if (isSeq(n)) return n.items.map((item, i) => walk(item, `${ptr}/${i}`, depth + 1));
        if (isMap(n)) {
          const out: Record<string, Json> = {};
          for (const pair of n.items) {
            const k = cx.resolve(pair.key);
            if (!(isScalar(k) && (typeof k.value === "string" || typeof k.value === "number"))) {
              cx.report("EG201", cx.pos(k, p), "JSON object keys must be strings");
              ok = false;
              continue;
            }
            const key = String(k.value);
            // defineProperty: a key named __proto__ stays data, as JSON.parse keeps it.
            Object.defineProperty(out, key, {
              value: walk(pair.value, `${ptr}/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`, depth + 1),
              enumerable: true,
              writable: true,
              configurable: true,
            });
          }
          return out;
        }
        ok = false;
        return null;
      };
      const value = walk(node, "", 0);
      return ok ? { value, pos: cx.pos(node, at), positions } : undefined;
    },
    jsonSchema: () => (doc ? { description: doc } : {}),
  };
}

export function list<T>(of: Shape<T>, o: { doc?: string; nonEmpty?: boolean } = {}): Shape<T[]> {
  const describe = `a list of ${of.describe.replace(/^an? /, "")}s`;
  return {
    describe,
    accepts: (n) => isSeq(n),
    check(node, cx, at) {
      if (!isSeq(node)) return void wrong(cx, node, at, describe);
      const out: T[] = [];
      let ok = true;
      for (const item of node.items) {
        const n = cx.resolve(item);
        if (cx.aborted) return undefined;
        const v = nested(cx, cx.pos(n, at), () => of.check(n, cx, cx.pos(n, at)));
        if (v === undefined) ok = false;
        else out.push(v);
      }
      if (o.nonEmpty && node.items.length === 0) {
        cx.report("EG204", cx.pos(node, at), "the list must not be empty");
        return undefined;
      }
      // The items that are right, for the rules; the list is marked.
      return ok ? out : cx.flaw(out);
    },
    jsonSchema: (s) => ({ type: "array", items: of.jsonSchema(s), ...(o.nonEmpty ? { minItems: 1 } : {}), ...(o.doc ? { description: o.doc } : {}) }),
  };
}

function nested<T>(cx: Cx, at: SourcePos, f: () => T): T | undefined {
  if (++cx.depth > MAX_DEPTH) {
    cx.depth--;
    if (!cx.aborted) cx.report("EG201", at, `schemas nested more than ${MAX_DEPTH} levels deep`);
    cx.aborted = true;
    return undefined;
  }
  try {
    return f();
  } finally {
    cx.depth--;
  }
}

/** A mapping with keys of the caller's choosing, kept in file order as entries (never as a JS object,
 * so a key such as `__proto__` is just data). */
export function entries<V>(
  key: {
    pattern?: RegExp;
    describe: string;
    hint?: string;
    duplicate?: Code;
    /** Keys written differently that still name the same thing, and why. */
    same?: { key: (name: string) => string; hint: string };
    /** Keys of the value's own mapping (an event's `payload:`): one met here with a value that is
     * not a mapping was dedented out of the entry above it, and is reported as that alone. */
    strays?: readonly string[];
  },
  value: Shape<V>,
  doc?: string,
): Shape<Entry<V>[]> {
  const describe = `a mapping of ${key.describe}s to ${value.describe.replace(/^an? /, "")}s`;
  return {
    describe,
    accepts: (n) => isMap(n),
    check(node, cx, at) {
      if (!isMap(node)) return void wrong(cx, node, at, describe);
      const out: Entry<V>[] = [];
      const seen = new Map<string, { name: string; pos: SourcePos }>();
      const names = new Set<string>();
      let last: { name: string; pos: SourcePos } | undefined;
      let complete = true;
      let ok = true;
      for (const pair of node.items) {
        const k = cx.resolve(pair.key);
        const kp = cx.pos(k, at);
        if (!(isScalar(k) && (typeof k.value === "string" || typeof k.value === "number"))) {
          cx.report("EG201", kp, `expected a ${key.describe} as the key, got ${kindOf(k)}`);
          ok = complete = false;
          continue;
        }
        const name = String(k.value);
        if (key.strays?.includes(name) && last && !isMap(cx.resolve(pair.value))) {
          const owner = value.describe.replace(/^an? /, "");
          cx.report("EG201", kp, `\`${name}:\` is indented less than the ${owner} it belongs to ('${last.name}', line ${last.pos.line})`, `indent it like the other keys of '${last.name}'`);
          ok = false;
          continue;
        }
        last = { name, pos: kp };
        names.add(name);
        const same = key.same ? key.same.key(name) : name;
        const first = seen.get(same);
        if (first) {
          const at = `line ${first.pos.line}:${first.pos.col}`;
          if (first.name === name) cx.report(key.duplicate ?? "EG102", kp, `duplicate ${key.describe} '${name}'; first defined at ${at}`);
          else cx.report(key.duplicate ?? "EG102", kp, `duplicate ${key.describe}: '${name}' is the same ${key.describe} as '${first.name}' at ${at}`, key.same?.hint);
          ok = false;
          continue;
        }
        seen.set(same, { name, pos: kp });
        if (key.pattern && !key.pattern.test(name)) {
          cx.report("EG204", kp, `'${name}' is not a valid ${key.describe}`, key.hint);
          ok = false;
          continue;
        }
        const v = cx.resolve(pair.value);
        if (cx.aborted) return undefined;
        // `{ id: uuid The id, kept short }`: the text after the comma reads as a name with no value.
        if (node.flow && (pair.value === null || pair.value === undefined) && seen.size > 1 && /\s/.test(name)) {
          cx.report("EG201", kp, `'${name}' has no value: is it the rest of the value before it?`, COMMA_HINT);
          ok = false;
          continue;
        }
        const checked = nested(cx, kp, () => value.check(v, cx, kp));
        if (checked === undefined) ok = false;
        else out.push({ key: name, value: checked, pos: kp });
      }
      // The entries that are right, for the rules, and every name written (a schema whose body is
      // wrong still exists: a reference to it is not an unknown schema).
      hide(out, NAMES, { names, complete } satisfies Names);
      return ok ? out : cx.flaw(out);
    },
    jsonSchema: (s) => ({
      type: "object",
      ...(key.pattern ? { propertyNames: { pattern: key.pattern.source } } : {}),
      additionalProperties: value.jsonSchema(s),
      ...(doc ? { description: doc } : {}),
    }),
  };
}

export interface Prop<T> {
  shape: Shape<T>;
  required?: boolean;
  doc?: string;
}
type Props = Record<string, Prop<unknown>>;
type RequiredKeys<P extends Props> = { [K in keyof P]: P[K]["required"] extends true ? K : never }[keyof P];
type PropValue<X> = X extends Prop<infer T> ? T : never;
export type ObjOf<P extends Props> = { [K in RequiredKeys<P>]: PropValue<P[K]> } & {
  [K in Exclude<keyof P, RequiredKeys<P>>]?: PropValue<P[K]>;
} & Located;

export const prop = <T>(shape: Shape<T>, doc?: string): Prop<T> => ({ shape, ...(doc ? { doc } : {}) });
export const req = <T>(shape: Shape<T>, doc?: string): Prop<T> & { required: true } => ({ shape, required: true, ...(doc ? { doc } : {}) });

/** A mapping with known keys: unknown keys are reported with a suggestion, missing required keys at
 * the mapping. */
export function obj<P extends Props>(props: P, o: { describe?: string; doc?: string } = {}): Shape<ObjOf<P>> {
  const describe = o.describe ?? "a mapping";
  const known = Object.keys(props);
  return {
    describe,
    accepts: (n) => isMap(n),
    check(node, cx, at) {
      if (!isMap(node)) return void wrong(cx, node, at, describe);
      const out: Record<string, unknown> = {};
      const keys: Record<string, SourcePos> = {};
      const here = cx.pos(node, at);
      const maybe = new Set<string>();
      let unreadable = false;
      let ok = true;
      const stray = strayParent(node, props);
      let pastStray = false;
      let previousSplit = false;
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const k = cx.resolve(pair.key);
        const kp = cx.pos(k, here);
        const name = isScalar(k) ? String(k.value) : undefined;
        if (stray && pair === stray.pair) {
          cx.report("EG202", kp, `unknown key '${name}' in ${describe}, at the column of the keys below it: they read as keys of ${describe.replace(/^an? /, "this ")}, not of '${name}'`, `indent '${name}' less, as much as the key it belongs beside, or the lines below it more`);
          ok = false;
          unreadable = pastStray = true;
          continue;
        }
        // Its keys, repeating this mapping's, are the same mistake.
        if (pastStray && name !== undefined && name in keys) continue;
        if (name === undefined || !Object.hasOwn(props, name)) {
          const shown = name ?? kindOf(k);
          // `{ description: a, b }` reads `b` as a key: the usual cause of a key with no value that
          // is not a misspelling. `{ description: like a, b, c }` is one mistake: only its first
          // stray key is reported.
          const bare = pair.value === null || pair.value === undefined;
          const commaSplit = !!node.flow && name !== undefined && bare && (/\s/.test(name) || closest(name, known) === undefined);
          if (commaSplit && previousSplit) {
            ok = false;
            continue;
          }
          previousSplit = commaSplit;
          const hint = commaSplit ? COMMA_HINT : `allowed keys: ${known.join(", ")}`;
          cx.report("EG202", kp, `unknown key '${shown}' in ${describe}${name ? didYouMean(name, known) : ""}`, hint);
          // The key it probably misspells may be meant to be there.
          const meant = name === undefined ? undefined : closest(name, known);
          if (meant !== undefined) maybe.add(meant);
          unreadable ||= name === undefined;
          ok = false;
          continue;
        }
        previousSplit = false;
        if (name in keys) {
          cx.report("EG102", kp, `duplicate key '${name}'; first defined at line ${keys[name]!.line}:${keys[name]!.col}`);
          ok = false;
          continue;
        }
        keys[name] = kp;
        const v = cx.resolve(pair.value);
        if (cx.aborted) return undefined;
        const checked = nested(cx, kp, () => props[name]!.shape.check(v, cx, kp));
        if (checked === undefined) {
          maybe.add(name);
          ok = false;
        } else out[name] = checked;
      }
      // A required key that an unknown key probably misspells is reported once, as that unknown
      // key with its "did you mean": `triger:` is not also a missing `trigger`.
      for (const [name, p] of Object.entries(props))
        if (p.required && !(name in keys) && !maybe.has(name)) {
          cx.report("EG203", here, `missing required key '${name}' in ${describe}`);
          ok = false;
        }
      hide(out, POS, { at: here, keys });
      // With problems, the keys that are right, for the rules: even a required key may be missing
      // then, so only a value with no FLAW anywhere has the type ObjOf<P> promises.
      if (!ok) cx.flaw(out, unreadable ? "any" : maybe);
      return out as ObjOf<P>;
    },
    jsonSchema: (s) => ({
      type: "object",
      ...(o.doc ? { description: o.doc } : {}),
      properties: Object.fromEntries(
        Object.entries(props).map(([k, p]) => {
          const js = p.shape.jsonSchema(s);
          return [k, p.doc && !js.description ? { ...js, description: p.doc } : js];
        }),
      ),
      ...(Object.values(props).some((p) => p.required)
        ? { required: Object.entries(props).filter(([, p]) => p.required).map(([k]) => k) }
        : {}),
      additionalProperties: false,
    }),
  };
}

const COMMA_HINT = `inside { … } a comma ends the value; quote text that holds a comma, e.g. description: "a, b"`;

/** In a block mapping, an unknown key with no value followed by keys that repeat ones before it:
 * a key indented as deep as the keys of the mapping above it (`  order.paid:` at the column of
 * `order.created`'s keys), whose own keys were read as that mapping's. Reported once, as that. */
function strayParent(node: YAMLMap, props: Props): { pair: Pair } | undefined {
  if (node.flow) return undefined;
  const seen = new Set<string>();
  let candidate: Pair | undefined;
  for (const item of node.items) {
    if (!isPair(item) || !isScalar(item.key)) continue;
    const name = String(item.key.value);
    const empty = item.value === null || (isScalar(item.value) && item.value.value === null && !item.value.source);
    if (candidate && seen.has(name)) return { pair: candidate };
    if (!candidate && !Object.hasOwn(props, name) && empty) candidate = item;
    seen.add(name);
  }
  return undefined;
}

/** One of several shapes, chosen by the kind of node (a string, a mapping, …). */
export function oneOf<A, B>(a: Shape<A>, b: Shape<B>, doc?: string): Shape<A | B> {
  const describe = `${a.describe} or ${b.describe}`;
  return {
    describe,
    accepts: (n) => a.accepts(n) || b.accepts(n),
    check(node, cx, at) {
      if (a.accepts(node)) return a.check(node, cx, at);
      if (b.accepts(node)) return b.check(node, cx, at);
      return void wrong(cx, node, at, describe);
    },
    jsonSchema: (s) => ({ anyOf: [a.jsonSchema(s), b.jsonSchema(s)], ...(doc ? { description: doc } : {}) }),
  };
}

/** A shape defined in terms of itself; in JSON Schema it becomes a `$defs` entry. */
export function named<T>(name: string, describe: string, make: () => Shape<T>): Shape<T> {
  let inner: Shape<T> | undefined;
  const get = () => (inner ??= make());
  return {
    describe,
    accepts: (n) => get().accepts(n),
    check: (n, cx, at) => get().check(n, cx, at),
    jsonSchema(s) {
      if (!(name in s.defs)) {
        s.defs[name] = {};
        s.defs[name] = get().jsonSchema(s);
      }
      return { $ref: `#/$defs/${name}` };
    },
  };
}
