// The fixed half of every generated validators module: the helpers its straight-line checks call,
// the result types, and the API around the per-event validators (validateEvent, isEvent,
// parseEvent, Standard Schema). Real TypeScript, copied into each package as src/runtime/ and
// compiled with the TypeScript compiler; it depends on nothing, so it runs on Node, Deno, Bun,
// Workers and browsers alike.

/** One problem with an input: where (an RFC 6901 JSON Pointer), what kind of problem, and what. */
export interface ValidationIssue {
  /** JSON Pointer to the offending value; for a missing property, to the object that lacks it. */
  path: string;
  /** What kind of problem, for callers that branch on it: see IssueCode. */
  code: IssueCode;
  message: string;
  expected?: string;
  received?: string;
}

/** The kinds of problem a validator reports. */
export type IssueCode =
  | "required"
  | "type"
  | "enum"
  | "const"
  | "format"
  | "pattern"
  | "minLength"
  | "maxLength"
  | "minimum"
  | "maximum"
  | "multipleOf"
  | "minItems"
  | "maxItems"
  | "uniqueItems"
  | "additionalProperties"
  | "discriminator"
  | "union"
  | "unknown_type"
  | "unreadable";

export type ValidationResult<V> = { ok: true; value: V } | { ok: false; errors: ValidationIssue[] };

export interface ValidateOptions {
  /** Stop collecting after this many issues (default 100; 0 for no limit). */
  maxErrors?: number;
}

export type Validator<V> = (input: unknown, options?: ValidateOptions) => ValidationResult<V>;

/** A generated fast check: true when the input is valid, with no detail. */
export type Fast = (v: any) => boolean;
/** A generated collector: records every problem of an input under the JSON Pointer `p`. */
export type Collect = (v: any, p: string, e: ValidationIssue[]) => void;

export const DEFAULT_MAX_ERRORS = 100;

export const hasOwn: (this: object, key: PropertyKey) => boolean = Object.prototype.hasOwnProperty;

export function kind(v: unknown): string {
  return v === null ? "null" : Array.isArray(v) ? "array" : typeof v;
}

/** A short rendering of a received value for messages. */
export function show(v: unknown): string {
  if (typeof v === "string") return JSON.stringify(v.length > 60 ? v.slice(0, 57) + "..." : v);
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return kind(v);
}

/** How many issues the current run collects before it stops (set by run). */
let limit = DEFAULT_MAX_ERRORS;
/** Thrown by fail when the limit is reached, caught by run. */
const ENOUGH: unique symbol = Symbol("enough issues");

/** Records one issue; fields not given are left out. Ends the run once enough are collected. */
export function fail(
  e: ValidationIssue[],
  code: IssueCode,
  path: string,
  message: string,
  expected?: string,
  received?: string,
): void {
  const issue: ValidationIssue = { path, code, message };
  if (expected !== undefined) issue.expected = expected;
  if (received !== undefined) issue.received = received;
  e.push(issue);
  if (e.length >= limit) throw ENOUGH;
}

/** A required property that is absent: `missing required property "name"`. */
export function absent(e: ValidationIssue[], path: string, name: string): void {
  const quoted = JSON.stringify(name);
  fail(e, "required", path, `missing required property ${quoted}`, `property ${quoted}`);
}

/** The JSON types as messages name them. */
const TYPE_WORDS: Readonly<Record<string, string>> = {
  null: "null",
  boolean: "a boolean",
  string: "a string",
  integer: "an integer",
  number: "a number",
  array: "an array",
  object: "an object",
};

/** A value of the wrong JSON type: `expected` is the type (`object`), or the type and null
 * (`object or null`); the message says it in words (`must be an object or null`). */
export function wrongType(e: ValidationIssue[], path: string, expected: string, v: unknown): void {
  const orNull = expected.endsWith(" or null") && expected !== "null";
  const type = orNull ? expected.slice(0, -8) : expected;
  fail(e, "type", path, `must be ${TYPE_WORDS[type] ?? type}${orNull ? " or null" : ""}`, expected, kind(v));
}

/** Escapes a property name for a JSON Pointer (RFC 6901). */
export function esc(k: string): string {
  return k.replace(/~/g, "~0").replace(/\//g, "~1");
}

/** Length in Unicode code points, as JSON Schema counts it. */
export function cpLen(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length - 1; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

/** v is a multiple of the step k / 10^d, judged on decimal values as JSON writes them (19.99 is a
 * multiple of 0.01), which dividing binary floating point numbers gets wrong. */
export function multipleOf(v: number, d: number, k: number): boolean {
  if (Number.isInteger(v)) return ((v % k) * (10 ** d % k)) % k === 0;
  const s = String(v);
  const e = s.indexOf("e");
  const dot = s.indexOf(".");
  const frac = dot < 0 ? 0 : (e < 0 ? s.length : e) - dot - 1;
  return frac - (e < 0 ? 0 : +s.slice(e + 1)) <= d && Math.round(v * 10 ** d) % k === 0;
}

/** Equality of JSON values: key order does not matter, and an undefined field is absent. */
export function deepEqual(a: any, b: any): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], b[i])) return false;
    return true;
  }
  let na = 0;
  for (const k of Object.keys(a)) {
    if (a[k] === undefined) continue;
    na++;
    if (!hasOwn.call(b, k) || !deepEqual(a[k], b[k])) return false;
  }
  let nb = 0;
  for (const k of Object.keys(b)) if (b[k] !== undefined) nb++;
  return na === nb;
}

/** No two items are equal. Items are bucketed by a canonical text first, so a long array costs
 * linear time, not quadratic; deepEqual decides within a bucket. */
export function uniq(a: unknown[]): boolean {
  if (a.length < 2) return true;
  const buckets = new Map<string, unknown[]>();
  for (let i = 0; i < a.length; i++) {
    const key = canon(a[i]);
    const bucket = buckets.get(key);
    if (bucket === undefined) buckets.set(key, [a[i]]);
    else if (bucket.some((x) => deepEqual(x, a[i]))) return false;
    else bucket.push(a[i]);
  }
  return true;
}

/** The same text for deepEqual values (object keys sorted, undefined fields left out, -0 as 0). */
function canon(v: unknown): string {
  if (typeof v === "string") return JSON.stringify(v);
  if (typeof v === "number") return v === 0 ? "0" : String(v);
  if (typeof v !== "object" || v === null)
    return typeof v === "bigint"
      ? v + "n"
      : typeof v === "boolean" || v === null
        ? String(v)
        : typeof v;
  if (Array.isArray(v)) {
    let s = "[";
    for (let i = 0; i < v.length; i++) s += canon(v[i]) + ",";
    return s + "]";
  }
  let s = "{";
  for (const k of Object.keys(v).sort()) {
    const x = (v as Record<string, unknown>)[k];
    if (x !== undefined) s += JSON.stringify(k) + ":" + canon(x) + ",";
  }
  return s + "}";
}

// ---- formats ------------------------------------------------------------------------------

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** RFC 3339 full-date, with real month lengths and leap years. */
export function fmtDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const y = +m[1]!,
    mo = +m[2]!,
    d = +m[3]!;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return mo >= 1 && mo <= 12 && d >= 1 && d <= (mo === 2 && leap ? 29 : DAYS[mo]!);
}

const TIME = /^(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:z|([+-])(\d{2}):(\d{2}))$/i;

/** RFC 3339 full-time: a time with a zone; second 60 only as a leap second (23:59:60 UTC). */
export function fmtTime(s: string): boolean {
  const m = TIME.exec(s);
  if (!m) return false;
  const h = +m[1]!,
    min = +m[2]!,
    sec = +m[3]!;
  const zh = m[5] ? +m[5] : 0,
    zm = m[6] ? +m[6] : 0;
  if (zh > 23 || zm > 59 || h > 23 || min > 59 || sec > 60) return false;
  if (sec < 60) return true;
  const sign = m[4] === "-" ? -1 : 1;
  const utc = (((h * 60 + min - sign * (zh * 60 + zm)) % 1440) + 1440) % 1440;
  return utc === 23 * 60 + 59;
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/;

/** RFC 3339 date-time (T, t or a space between date and time, as RFC 3339 allows). The common
 * case (no leap second) is one regular expression and a few digit reads. */
export function fmtDateTime(s: string): boolean {
  if (!DATE_TIME.test(s)) return false;
  const mo = d2(s, 5),
    d = d2(s, 8);
  if (mo < 1 || mo > 12 || d < 1) return false;
  if (d > 28 && !fmtDate(s.slice(0, 10))) return false;
  const h = d2(s, 11),
    mi = d2(s, 14),
    sec = d2(s, 17);
  if (h > 23 || mi > 59 || sec > 59) return sec === 60 ? fmtTime(s.slice(11)) : false;
  const z = s.length - 6;
  return s.charCodeAt(z) === 43 || s.charCodeAt(z) === 45
    ? d2(s, z + 1) <= 23 && d2(s, z + 4) <= 59
    : true;
}

function d2(s: string, i: number): number {
  return (s.charCodeAt(i) - 48) * 10 + s.charCodeAt(i + 1) - 48;
}

const UUID = /^(?:urn:uuid:)?[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i;
const HEX = new Uint8Array(128);
for (const c of "0123456789abcdefABCDEF") HEX[c.charCodeAt(0)] = 1;

/** A UUID, or a urn:uuid: URN. The usual 36-character form is read character by character, which
 * costs well under a regular expression's match. */
export function fmtUuid(s: string): boolean {
  if (s.length !== 36) return UUID.test(s);
  if (s[8] !== "-" || s[13] !== "-" || s[18] !== "-" || s[23] !== "-") return false;
  const head = hex4(s, 0) & hex4(s, 4) & hex4(s, 9) & hex4(s, 14) & hex4(s, 19);
  return (head & hex4(s, 24) & hex4(s, 28) & hex4(s, 32)) === 1;
}

/** 1 when the four characters from i are hexadecimal digits. */
function hex4(s: string, i: number): number {
  const a = HEX[s.charCodeAt(i)]! & HEX[s.charCodeAt(i + 1)]!;
  return a & HEX[s.charCodeAt(i + 2)]! & HEX[s.charCodeAt(i + 3)]!;
}

const EMAIL =
  /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;

export function fmtEmail(s: string): boolean {
  return EMAIL.test(s);
}

const HOSTNAME =
  /^(?=.{1,253}\.?$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[-0-9a-z]{0,61}[0-9a-z])?)*\.?$/i;

export function fmtHostname(s: string): boolean {
  return HOSTNAME.test(s);
}

const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

export function fmtIpv4(s: string): boolean {
  return IPV4.test(s);
}

const HEXTET = /^[0-9a-f]{1,4}$/i;

/** RFC 4291 text form: eight hextets, one "::" for a run of zeros, an IPv4 tail allowed. */
export function fmtIpv6(s: string): boolean {
  const halves = s.split("::");
  if (halves.length > 2) return false;
  const parts = (h: string) => (h === "" ? [] : h.split(":"));
  const head = parts(halves[0]!);
  const tail = halves.length === 2 ? parts(halves[1]!) : [];
  const all = [...head, ...tail];
  let groups = all.length;
  const last = all[all.length - 1];
  if (last !== undefined && last.includes(".")) {
    if (!fmtIpv4(last)) return false;
    all.pop();
    groups += 1;
  }
  if (!all.every((g) => HEXTET.test(g))) return false;
  return halves.length === 2 ? groups <= 7 : groups === 8;
}

const IP_LITERAL = /^(?:[a-z][a-z0-9+.-]*:)?\/\/(?:[^@/?#]*@)?\[([^\]]*)\]/i;
const IPV_FUTURE = /^v[0-9a-f]+\.[a-z0-9._~!$&'()*+,;=:-]+$/i;

/** The host between "[" and "]", if there is one, is an IPv6 address or an IPvFuture. */
function ipLiteral(s: string): boolean {
  const m = IP_LITERAL.exec(s);
  return !m || fmtIpv6(m[1]!) || IPV_FUTURE.test(m[1]!);
}

// RFC 3986, appendix A. Each part matches without ambiguity (pchar has no "/", so segments cannot
// trade characters), which keeps matching linear.
const PCHAR = String.raw`(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})`;
const SEGMENT_NC = String.raw`(?:[a-z0-9\-._~!$&'()*+,;=@]|%[0-9a-f]{2})`;
const USERINFO = String.raw`(?:[a-z0-9\-._~!$&'()*+,;=:]|%[0-9a-f]{2})*@`;
const HOST = String.raw`(?:\[[^\[\]/?#@]*\]|(?:[a-z0-9\-._~!$&'()*+,;=]|%[0-9a-f]{2})*)`;
const ABEMPTY = String.raw`(?:\/${PCHAR}*)*`;
const AUTHORITY_PATH = String.raw`\/\/(?:${USERINFO})?${HOST}(?::\d*)?${ABEMPTY}`;
const ABSOLUTE = String.raw`\/(?:${PCHAR}+${ABEMPTY})?`;
const QUERY_FRAGMENT = String.raw`(?:\?(?:${PCHAR}|[/?])*)?(?:#(?:${PCHAR}|[/?])*)?`;
const SCHEME = String.raw`[a-z][a-z0-9+.\-]*:`;
const HIER = String.raw`(?:${AUTHORITY_PATH}|${ABSOLUTE}|${PCHAR}+${ABEMPTY})?`;
const RELATIVE = String.raw`(?:${AUTHORITY_PATH}|${ABSOLUTE}|${SEGMENT_NC}+${ABEMPTY})?`;
const URI = new RegExp(String.raw`^${SCHEME}${HIER}${QUERY_FRAGMENT}$`, "i");
const URI_REF = new RegExp(String.raw`^(?:${SCHEME}${HIER}|${RELATIVE})${QUERY_FRAGMENT}$`, "i");

/** An absolute URI by RFC 3986's grammar: ASCII only (non-ASCII text makes an IRI, which JSON
 * Schema calls iri), percent signs only in %XX escapes, [ ] only around an IP literal host. */
export function fmtUri(s: string): boolean {
  return URI.test(s) && ipLiteral(s);
}

/** A URI or a relative reference, by RFC 3986's grammar. */
export function fmtUriReference(s: string): boolean {
  return URI_REF.test(s) && ipLiteral(s);
}

// ---- running a validator ------------------------------------------------------------------

/** Runs a generated check pair: the fast check first; the collector only for invalid input. */
export function run<V>(
  fast: Fast,
  full: Collect,
  input: unknown,
  options?: ValidateOptions,
): ValidationResult<V> {
  try {
    if (fast(input)) return { ok: true, value: input as V };
  } catch (err) {
    return { ok: false, errors: [thrown(err)] };
  }
  const errors: ValidationIssue[] = [];
  const max = options?.maxErrors ?? DEFAULT_MAX_ERRORS;
  limit = max > 0 ? max : Infinity;
  try {
    full(input, "", errors);
  } catch (err) {
    if (err !== ENOUGH) return { ok: false, errors: [thrown(err)] };
  }
  return {
    ok: false,
    errors: errors.length ? errors : [{ path: "", code: "type", message: "is invalid" }],
  };
}

/** The error result for an input that threw while being read. What it threw is untrusted too. */
function thrown(err: unknown): ValidationIssue {
  try {
    // Only a recursive schema can recurse with the input; absurd depth ends here, not in a crash.
    if (err instanceof RangeError)
      return { path: "", code: "unreadable", message: "is nested too deeply to validate" };
    // Not JSON (a getter or proxy that throws): the input is unreadable, which makes it invalid.
    return {
      path: "",
      code: "unreadable",
      message: "cannot be read: " + (err instanceof Error ? String(err.message) : String(err)),
    };
  } catch {
    return { path: "", code: "unreadable", message: "cannot be read" };
  }
}

// ---- the API around a catalog's validators ----------------------------------------------

/** What a catalog's validators module tells eventApi about its events. */
export interface EventTable {
  validators: Readonly<Record<string, Validator<unknown>>>;
  fastChecks: Readonly<Record<string, Fast>>;
  /** The body field that carries the event type; undefined when it travels in a header. */
  typeField: string | undefined;
  /** The message for a body without its type (or, for header-typed catalogs, a call without it). */
  noType: string;
  /** How many event types the catalog has, for the unknown-type message. */
  count: number;
}

export interface EventApi<E> {
  validateEvent(input: unknown, type?: string, options?: ValidateOptions): ValidationResult<E>;
  isEvent(input: unknown, type?: string): input is E;
  parseEvent(input: unknown, type?: string): E;
}

/** validateEvent, isEvent and parseEvent over a catalog's per-type validators. */
export function eventApi<E>(t: EventTable): EventApi<E> {
  const field = t.typeField;
  const typePath = field === undefined ? "" : "/" + esc(field);
  const typeOf = (input: unknown): unknown =>
    field !== undefined &&
    typeof input === "object" &&
    input !== null &&
    !Array.isArray(input) &&
    hasOwn.call(input, field)
      ? (input as Record<string, unknown>)[field]
      : undefined;
  /** The issue for a body whose event type cannot be read. */
  const noType = (input: unknown, type: unknown): ValidationIssue => {
    if (field === undefined)
      return { path: "", code: "required", message: t.noType, expected: "an event type" };
    if (typeof input !== "object" || input === null || Array.isArray(input))
      return {
        path: "",
        code: "type",
        message: "must be an object",
        expected: "object",
        received: kind(input),
      };
    // A missing field is reported at its object, as every validator does.
    if (!hasOwn.call(input, field))
      return {
        path: "",
        code: "required",
        message: t.noType,
        expected: `property ${JSON.stringify(field)}`,
      };
    return {
      path: typePath,
      code: "type",
      message: "must be a string naming the event type",
      expected: "string",
      received: kind(type),
    };
  };
  const dispatch = (
    input: unknown,
    type: string | undefined,
    options?: ValidateOptions,
  ): ValidationResult<E> => {
    const ty = type ?? typeOf(input);
    if (typeof ty !== "string") return { ok: false, errors: [noType(input, ty)] };
    if (!hasOwn.call(t.validators, ty)) {
      const issue: ValidationIssue = {
        path: typePath,
        code: "unknown_type",
        message: "unknown event type " + show(ty),
        expected: `one of the ${t.count} event types`,
        received: show(ty),
      };
      return { ok: false, errors: [issue] };
    }
    return t.validators[ty]!(input, options) as ValidationResult<E>;
  };
  const validateEvent = (
    input: unknown,
    type?: string,
    options?: ValidateOptions,
  ): ValidationResult<E> => {
    try {
      return dispatch(input, type, options);
    } catch (err) {
      // A proxy or getter in the body's top level throws before any validator runs.
      return { ok: false, errors: [thrown(err)] };
    }
  };
  return {
    validateEvent,
    isEvent(input: unknown, type?: string): input is E {
      try {
        const ty = type ?? typeOf(input);
        return typeof ty === "string" && hasOwn.call(t.fastChecks, ty) && t.fastChecks[ty]!(input);
      } catch {
        return false;
      }
    },
    parseEvent(input: unknown, type?: string): E {
      const r = validateEvent(input, type);
      if (!r.ok) throw new EventValidationError(r.errors);
      return r.value;
    },
  };
}

/** Thrown by parseEvent; carries every problem found. */
export class EventValidationError extends Error {
  readonly errors: ValidationIssue[];
  constructor(errors: ValidationIssue[]) {
    const shown = errors.slice(0, 5).map((e) => (e.path || "/") + ": " + e.message);
    const more = errors.length > 5 ? "\n  ... and " + (errors.length - 5) + " more" : "";
    super("invalid event:\n  " + shown.join("\n  ") + more);
    this.name = "EventValidationError";
    this.errors = errors;
  }
}

// ---- Standard Schema ----------------------------------------------------------------------

/** The Standard Schema v1 interface (https://standardschema.dev), inlined to stay dependency-free. */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
  readonly "~standard": {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (value: unknown) => StandardResult<Output> | Promise<StandardResult<Output>>;
    readonly types?: { readonly input: Input; readonly output: Output } | undefined;
  };
}

export type StandardResult<Output> =
  | { readonly value: Output; readonly issues?: undefined }
  | {
      readonly issues: ReadonlyArray<{
        readonly message: string;
        readonly path?: ReadonlyArray<PropertyKey> | undefined;
      }>;
    };

function pathOf(pointer: string): PropertyKey[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((s) => (/^(0|[1-9][0-9]*)$/.test(s) ? Number(s) : s));
}

/** Wraps any validator as a Standard Schema. */
export function toStandardSchema<V>(validate: Validator<V>): StandardSchemaV1<unknown, V> {
  return {
    "~standard": {
      version: 1,
      vendor: "eventgen",
      validate(value: unknown): StandardResult<V> {
        const r = validate(value);
        return r.ok
          ? { value: r.value }
          : { issues: r.errors.map((e) => ({ message: e.message, path: pathOf(e.path) })) };
      },
    },
  };
}
