// A delivery body synthesized from an event's schema, for events whose catalog has no example.
// Deterministic, and meant to pass the generated validator (the docs tests hold it to that for
// every event of every catalog). Top-level objects show their optional fields too, so the example
// teaches the shape; inside a recursion only what is required is built, so it ends.
import type { CatalogModel, EventModel, Json, Schema, SchemaOf } from "../../model/ir.ts";
import { canonical, conforms, testPattern, type Named } from "./conforms.ts";
import { regexSample } from "./regex-sample.ts";
import { isMultipleOf } from "../validators/multiple-of.ts";

/** Optional fields are shown down to this depth (the body is 0, the payload 1). */
const OPTIONAL_DEPTH = 4;
/** Past this depth only required fields, minimum array lengths and nulls are built. */
const MAX_DEPTH = 24;
/** How many alternative values to try when a `oneOf` value must match one variant only, or
 * array items must be unique. */
const TRIES = 4;

interface Cx {
  named: Named;
  /** Named schemas being built, outermost first: a name seen again is a recursion. */
  stack: string[];
  /** Build the smallest valid value (inside a recursion, or too deep). */
  minimal: boolean;
  depth: number;
  /** The event type's words (`task_run.failed` → task_run, failed): an enum offering one of them
   * shows it, so the failed event's example says `"status": "failed"`. */
  words: ReadonlySet<string>;
}

/** The named schemas by name, made once per model (a catalog's every event needs them). */
const namedOf = new WeakMap<CatalogModel, Named>();

export function exampleBody(model: CatalogModel, event: EventModel): Json {
  let named = namedOf.get(model);
  if (!named) namedOf.set(model, (named = new Map(model.schemas.map((s) => [s.name, s.schema]))));
  const words = new Set(event.type.toLowerCase().split(/[^a-z0-9_]+/));
  return sample(event.body, { named, stack: [], minimal: false, depth: 0, words }, "", 0);
}

/** `seed` asks for the seed-th alternative value (0: the natural one). */
export function sample(s: Schema, cx: Cx, key: string, seed: number): Json {
  const minimal = cx.minimal || cx.depth > MAX_DEPTH;
  if (minimal && s.nullable) return null;
  const documented = documentedExample(s, cx);
  if (documented !== undefined && seed === 0) return documented;
  const inner = (schema: Schema, k: string, sd: number, extra: Partial<Cx> = {}) => sample(schema, { ...cx, minimal, depth: cx.depth + 1, ...extra }, k, sd);
  switch (s.kind) {
    case "any":
      return minimal ? null : seed ? seed : {};
    case "null":
      return null;
    case "boolean":
      return seed % 2 === 0;
    case "literal": {
      const named = seed === 0 ? s.values.find((v) => typeof v === "string" && cx.words.has(v.toLowerCase())) : undefined;
      return named ?? s.values[seed % s.values.length]!;
    }
    case "string":
      return stringSample(s, key, seed);
    case "number":
      return numberSample(s, seed);
    case "array": {
      const max = s.maxItems ?? Infinity;
      const n = Math.min(max, Math.max(s.minItems ?? 0, minimal ? 0 : 1));
      const items: Json[] = [];
      const seen = new Set<string>();
      for (let i = 0; items.length < n && i < n + TRIES * n; i++) {
        const item = inner(s.items, key, s.uniqueItems ? i : seed);
        if (s.uniqueItems && seen.has(canonical(item))) continue;
        seen.add(canonical(item));
        items.push(item);
      }
      return items;
    }
    case "object": {
      const out: Record<string, Json> = {};
      const showOptional = !minimal && cx.depth < OPTIONAL_DEPTH;
      for (const p of s.properties) if (p.required || showOptional) set(out, p.name, inner(p.schema, p.name, seed));
      if (!s.properties.length && typeof s.additional === "object" && !minimal) set(out, "key", inner(s.additional, "key", seed));
      // An open object with no declared fields varies by an extra field when items must differ.
      else if (!s.properties.length && s.additional === true && seed) set(out, `key_${seed}`, seed);
      return out;
    }
    case "ref": {
      const target = cx.named.get(s.name);
      if (target === undefined) return null;
      const recursion = cx.stack.includes(s.name);
      // A required cycle with no way out (A needs B needs A) has no finite value: stop.
      if (recursion && cx.stack.filter((n) => n === s.name).length > 2) return s.nullable || target.nullable ? null : {};
      return sample(target, { ...cx, stack: [...cx.stack, s.name], minimal: minimal || recursion }, key, seed);
    }
    case "union":
      return unionSample(s, cx, key, seed);
  }
}

/** An own property even for `__proto__`, which plain assignment would take as the prototype. */
const set = (o: Record<string, Json>, key: string, value: Json) => Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });

/** A union's value: the first variant's, or for `oneOf` the first value exactly one variant
 * accepts (a discriminator already tells variants apart). */
function unionSample(s: SchemaOf<"union">, cx: Cx, key: string, seed: number): Json {
  const build = (v: Schema, sd: number) => sample(v, { ...cx, depth: cx.depth + 1 }, key, sd);
  if (!s.variants.length) return null;
  if (s.mode === "anyOf" || s.discriminator !== undefined) return build(s.variants[0]!, seed);
  for (let sd = seed; sd < seed + TRIES; sd++)
    for (const [i, v] of s.variants.entries()) {
      const value = build(v, sd);
      if (!s.variants.some((other, j) => j !== i && conforms(other, value, cx.named))) return value;
    }
  return build(s.variants[0]!, seed);
}

/** A schema's own `example` (or `default`), when it is certainly valid. `conforms` does not check
 * formats, so a formatted string's is used only when it plainly has its format (`plainFormat`);
 * otherwise one is synthesized. */
function documentedExample(s: Schema, cx: Cx): Json | undefined {
  for (const v of [s.example, s.default]) {
    if (v === undefined || !conforms(s, v, cx.named)) continue;
    if (s.kind === "string" && s.format && !(typeof v === "string" && plainFormat(s.format, v))) continue;
    return v;
  }
  return undefined;
}

/** Whether a string is, plainly, of a format: strict and simple forms only (a value the validators
 * accept may fail this, never the other way round). */
function plainFormat(format: string, v: string): boolean {
  const date = (y: string, m: string, d: string) => {
    const t = new Date(Date.UTC(+y, +m - 1, +d));
    return t.getUTCFullYear() === +y && t.getUTCMonth() === +m - 1 && t.getUTCDate() === +d;
  };
  const time = (h: string, m: string, sec: string) => +h < 24 && +m < 60 && +sec < 60;
  let m: RegExpExecArray | null;
  switch (format) {
    case "uuid":
      return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v);
    case "date-time":
      return !!(m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/.exec(v)) && date(m[1]!, m[2]!, m[3]!) && time(m[4]!, m[5]!, m[6]!);
    case "date":
      return !!(m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v)) && date(m[1]!, m[2]!, m[3]!);
    case "time":
      return !!(m = /^(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/.exec(v)) && time(m[1]!, m[2]!, m[3]!);
    case "email":
      return /^[A-Za-z0-9._+-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/.test(v);
    case "uri":
      return /^https?:\/\/[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?(?::\d{1,5})?(?:\/[A-Za-z0-9._~\/-]*)?(?:\?[A-Za-z0-9._~=&-]*)?$/.test(v);
    case "uri-reference":
      return /^\/[A-Za-z0-9._~\/-]*$/.test(v) || plainFormat("uri", v);
    case "hostname":
      return /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/.test(v);
    case "ipv4":
      return /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/.test(v);
    default:
      return false;
  }
}

const FORMATS: Record<string, (n: number) => string> = {
  uuid: (n) => `3f2b8c1e-5a7d-4e9f-8b6a-${(0x1c2d3e4f5a6b + n).toString(16).padStart(12, "0")}`,
  "date-time": (n) => `2024-05-${pad(1 + (n % 28))}T12:00:00Z`,
  date: (n) => `2024-05-${pad(1 + (n % 28))}`,
  time: (n) => `12:${pad(n % 60)}:00Z`,
  uri: (n) => `https://example.com/resource${n ? `/${n}` : ""}`,
  "uri-reference": (n) => `/resource${n ? `/${n}` : ""}`,
  email: (n) => `user${n || ""}@example.com`,
  hostname: (n) => `${n ? `host${n}.` : ""}example.com`,
  ipv4: (n) => `192.0.2.${1 + (n % 254)}`,
  ipv6: (n) => `2001:db8::${(1 + n).toString(16)}`,
};
const pad = (n: number) => String(n).padStart(2, "0");

/** What a person would write in a string field of that name, when nothing else says. */
const BY_KEY: [RegExp, string][] = [
  [/^(currency|currency_code)$/i, "USD"],
  [/^(country|country_code)$/i, "US"],
  [/^(locale|language|lang)$/i, "en"],
  [/(^|_)e?mail(_address)?$/i, "jane@example.com"],
  [/(^|_)(phone|phone_number|mobile)$/i, "+14155550123"],
  [/^(first_name|given_name|firstname)$/i, "Jane"],
  [/^(last_name|family_name|surname|lastname)$/i, "Doe"],
  [/(^|_)(full_name|display_name|name)$/i, "Jane Doe"],
  [/(^|_)(url|link|href|website)$/i, "https://example.com"],
  [/^(city)$/i, "Berlin"],
  [/(_at|_on|^date|_date|^time|_time|timestamp)$/i, "2024-05-01T12:00:00Z"],
  [/^(timezone|time_zone|tz)$/i, "Europe/Berlin"],
  [/(^|_)(message|description|note|notes|comment|summary|reason)$/i, "A short note"],
  [/(^|_)(title|subject|label)$/i, "Quarterly report"],
  [/(^|_)(status|state)$/i, "active"],
  [/(^|_)(type|kind|object)$/i, "default"],
  [/(^|_)(code)$/i, "not_found"],
  [/(^|_)(token|secret|key)$/i, "tok_k3Tn9xQ2mB7v"],
  [/(^|_)(version)$/i, "1.0.0"],
];

/** An id-like token: `task_id` → `task_k3Tn9xQ2`, `id` → `k3Tn9xQ2mB7v`. */
function idSample(key: string, seed: number): string | undefined {
  const m = /^(?:(.*?)_)?id$/i.exec(key);
  if (!m) return undefined;
  const token = ID_CHARS.slice(seed % 4, (seed % 4) + 12);
  return m[1] ? `${m[1].toLowerCase()}_${token.slice(0, 10)}` : token;
}
const ID_CHARS = "k3Tn9xQ2mB7vR4wL";

/** Samples by schema, field name and seed: a named schema's strings are sampled once however many
 * events hold them (a pattern's sample costs a search). */
const stringSamples = new WeakMap<SchemaOf<"string">, Map<string, string>>();

function stringSample(s: SchemaOf<"string">, key: string, seed: number): string {
  let known = stringSamples.get(s);
  if (!known) stringSamples.set(s, (known = new Map()));
  const k = `${seed}\0${key}`;
  let out = known.get(k);
  if (out === undefined) known.set(k, (out = freshStringSample(s, key, seed)));
  return out;
}

function freshStringSample(s: SchemaOf<"string">, key: string, seed: number): string {
  if (s.format && FORMATS[s.format]) return FORMATS[s.format]!(seed);
  const human = idSample(key, seed) ?? BY_KEY.find(([re]) => re.test(key))?.[1];
  const plain = human ?? (key ? `${key[0]!.toUpperCase()}${key.slice(1).replace(/[_-]+/g, " ")} example` : "example");
  const word = plain + (seed ? ` ${seed + 1}` : "");
  const fits = (c: string) => {
    const n = [...c].length;
    return (s.minLength === undefined || n >= s.minLength) && (s.maxLength === undefined || n <= s.maxLength);
  };
  if (s.pattern === undefined) return fitLength(word, s);
  // A literal prefix the pattern demands (`^trun_`) in front of the natural word reads best.
  const prefix = /^\^((?:[A-Za-z0-9_ :/.-]|\\[.\-/:_])*)/.exec(s.pattern)?.[1]?.replace(/\\(.)/g, "$1") ?? "";
  const generated = [regexSample(s.pattern), regexSample(s.pattern, true)].filter((g): g is string => g !== undefined);
  const candidates = [...(human ? [human, `${prefix}${human}`] : []), ...generated.map((g) => g + (seed ? String(seed) : "")), ...generated, `${prefix}${word}`, word, `${prefix}${seed || ""}`];
  const withLength = candidates.flatMap((c) => [c, fitLength(c, s)]);
  return withLength.find((c) => fits(c) && testPattern(s.pattern!, c)) ?? fitLength(candidates[0]!, s);
}

function fitLength(text: string, s: SchemaOf<"string">): string {
  const chars = [...text];
  while (chars.length < (s.minLength ?? 0)) chars.push("x");
  if (s.maxLength !== undefined && chars.length > s.maxLength) chars.length = s.maxLength;
  return chars.join("");
}

function numberSample(s: SchemaOf<"number">, seed: number): number {
  const step = s.multipleOf ?? (s.integer ? 1 : 0.5);
  const low = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum : s.maximum !== undefined || s.exclusiveMaximum !== undefined ? undefined : 0);
  const high = s.maximum ?? s.exclusiveMaximum;
  const ok = (n: number) =>
    Number.isFinite(n) &&
    (!s.integer || Number.isInteger(n)) &&
    (s.minimum === undefined || n >= s.minimum) &&
    (s.maximum === undefined || n <= s.maximum) &&
    (s.exclusiveMinimum === undefined || n > s.exclusiveMinimum) &&
    (s.exclusiveMaximum === undefined || n < s.exclusiveMaximum) &&
    (s.multipleOf === undefined || isMultipleOf(n, s.multipleOf));
  // Walk in steps of the multiple (or of 1, or ½) up from the lower bound, or down from the upper
  // one, and take the seed-th value that fits.
  const start = low !== undefined ? Math.ceil(low / step) * step : Math.floor(high! / step) * step;
  const dir = low !== undefined ? 1 : -1;
  let decimals = 0;
  while (decimals < 20 && !Number.isInteger(step * 10 ** decimals)) decimals++;
  let found = 0;
  for (let k = 0; k < 64 + seed; k++) {
    const n = Number((start + dir * k * step).toFixed(decimals));
    if (ok(n) && found++ === seed) return n;
  }
  // Bounds tighter than the step: the midpoint is the best guess.
  if (low !== undefined && high !== undefined) return s.integer ? Math.ceil((low + high) / 2) : (low + high) / 2;
  return low ?? high ?? 0;
}
