// Helper functions copied into a generated validators module, each only when the module uses it.
// They are written here as TypeScript text because they run in the consumer's process, not ours.

import { MULTIPLE_OF_HELPER } from "./multiple-of.ts";

// RFC 3986, appendix A, as regular expression source. Each part matches without ambiguity (pchar
// has no "/", so segments cannot trade characters), which keeps matching linear.
const PCHAR = String.raw`(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})`;
const SEGMENT_NC = String.raw`(?:[a-z0-9\-._~!$&'()*+,;=@]|%[0-9a-f]{2})`;
const USERINFO = String.raw`(?:[a-z0-9\-._~!$&'()*+,;=:]|%[0-9a-f]{2})*@`;
const HOST = String.raw`(?:\[[^\[\]/?#@]*\]|(?:[a-z0-9\-._~!$&'()*+,;=]|%[0-9a-f]{2})*)`;
const ABEMPTY = String.raw`(?:\/${PCHAR}*)*`;
const AUTHORITY_PATH = String.raw`\/\/(?:${USERINFO})?${HOST}(?::\d*)?${ABEMPTY}`;
const ABSOLUTE = String.raw`\/(?:${PCHAR}+${ABEMPTY})?`;
const QUERY_FRAGMENT = String.raw`(?:\?(?:${PCHAR}|[/?])*)?(?:#(?:${PCHAR}|[/?])*)?`;
const SCHEME = String.raw`[a-z][a-z0-9+.\-]*:`;
const URI = String.raw`^${SCHEME}(?:${AUTHORITY_PATH}|${ABSOLUTE}|${PCHAR}+${ABEMPTY})?${QUERY_FRAGMENT}$`;
const URI_REFERENCE = String.raw`^(?:${SCHEME}(?:${AUTHORITY_PATH}|${ABSOLUTE}|${PCHAR}+${ABEMPTY})?|(?:${AUTHORITY_PATH}|${ABSOLUTE}|${SEGMENT_NC}+${ABEMPTY})?)${QUERY_FRAGMENT}$`;

export const HELPERS: Record<string, { code: string; uses?: string[] }> = {
  multipleOf: { code: MULTIPLE_OF_HELPER },
  hasOwn: { code: `const hasOwn = Object.prototype.hasOwnProperty;` },
  kind: {
    code: `function kind(v: unknown): string {
  return v === null ? "null" : Array.isArray(v) ? "array" : typeof v;
}`,
  },
  show: {
    uses: ["kind"],
    code: `/** A short rendering of a received value for messages. */
function show(v: unknown): string {
  if (typeof v === "string") return JSON.stringify(v.length > 60 ? v.slice(0, 57) + "..." : v);
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return kind(v);
}`,
  },
  fail: {
    code: `/** Records one issue; fields not given are left out. */
function fail(
  e: ValidationIssue[],
  path: string,
  message: string,
  expected?: string,
  received?: string,
): void {
  const issue: ValidationIssue = { path, message };
  if (expected !== undefined) issue.expected = expected;
  if (received !== undefined) issue.received = received;
  e.push(issue);
}`,
  },
  esc: {
    code: `/** Escapes a property name for a JSON Pointer (RFC 6901). */
function esc(k: string): string {
  return k.replace(/~/g, "~0").replace(/\\//g, "~1");
}`,
  },
  cpLen: {
    code: `/** Length in Unicode code points, as JSON Schema counts it. */
function cpLen(s: string): number {
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
}`,
  },
  deepEqual: {
    code: `/** Equality of JSON values: key order does not matter, and an undefined field is absent. */
function deepEqual(a: any, b: any): boolean {
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
}`,
    uses: ["hasOwn"],
  },
  uniq: {
    uses: ["deepEqual"],
    code: `/** No two items are equal. Items are bucketed by a canonical text first, so a long array costs
 * linear time, not quadratic; deepEqual decides within a bucket. */
function uniq(a: unknown[]): boolean {
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
}`,
  },
  fmtDate: {
    code: `const DATE = /^(\\d{4})-(\\d{2})-(\\d{2})$/;
const DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** RFC 3339 full-date, with real month lengths and leap years. */
function fmtDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const y = +m[1]!,
    mo = +m[2]!,
    d = +m[3]!;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return mo >= 1 && mo <= 12 && d >= 1 && d <= (mo === 2 && leap ? 29 : DAYS[mo]!);
}`,
  },
  fmtTime: {
    code: `const TIME = /^(\\d{2}):(\\d{2}):(\\d{2})(?:\\.\\d+)?(?:z|([+-])(\\d{2}):(\\d{2}))$/i;
/** RFC 3339 full-time: a time with a zone; second 60 only as a leap second (23:59:60 UTC). */
function fmtTime(s: string): boolean {
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
}`,
  },
  fmtDateTime: {
    uses: ["fmtDate", "fmtTime"],
    code: `const DATE_TIME = /^\\d{4}-\\d{2}-\\d{2}[Tt ]\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?(?:[Zz]|[+-]\\d{2}:\\d{2})$/;
/** RFC 3339 date-time (T, t or a space between date and time, as RFC 3339 allows). The common
 * case (no leap second) is one regular expression and a few digit reads. */
function fmtDateTime(s: string): boolean {
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
}`,
  },
  fmtUuid: {
    code: `const UUID = /^(?:urn:uuid:)?[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i;
const HEX = new Uint8Array(128);
for (const c of "0123456789abcdefABCDEF") HEX[c.charCodeAt(0)] = 1;
/** A UUID, or a urn:uuid: URN. The usual 36-character form is read character by character, which
 * costs well under a regular expression's match. */
function fmtUuid(s: string): boolean {
  if (s.length !== 36) return UUID.test(s);
  if (s[8] !== "-" || s[13] !== "-" || s[18] !== "-" || s[23] !== "-") return false;
  const head = hex4(s, 0) & hex4(s, 4) & hex4(s, 9) & hex4(s, 14) & hex4(s, 19);
  return (head & hex4(s, 24) & hex4(s, 28) & hex4(s, 32)) === 1;
}
/** 1 when the four characters from i are hexadecimal digits. */
function hex4(s: string, i: number): number {
  const a = HEX[s.charCodeAt(i)]! & HEX[s.charCodeAt(i + 1)]!;
  return a & HEX[s.charCodeAt(i + 2)]! & HEX[s.charCodeAt(i + 3)]!;
}`,
  },
  fmtEmail: {
    code: `const EMAIL =
  /^[a-z0-9!#$%&'*+/=?^_\`{|}~-]+(?:\\.[a-z0-9!#$%&'*+/=?^_\`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;
function fmtEmail(s: string): boolean {
  return EMAIL.test(s);
}`,
  },
  fmtHostname: {
    code: `const HOSTNAME =
  /^(?=.{1,253}\\.?$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[-0-9a-z]{0,61}[0-9a-z])?)*\\.?$/i;
function fmtHostname(s: string): boolean {
  return HOSTNAME.test(s);
}`,
  },
  fmtIpv4: {
    code: `const IPV4 = /^(?:(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)$/;
function fmtIpv4(s: string): boolean {
  return IPV4.test(s);
}`,
  },
  fmtIpv6: {
    uses: ["fmtIpv4"],
    code: `const HEXTET = /^[0-9a-f]{1,4}$/i;
/** RFC 4291 text form: eight hextets, one "::" for a run of zeros, an IPv4 tail allowed. */
function fmtIpv6(s: string): boolean {
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
}`,
  },
  ipLiteral: {
    uses: ["fmtIpv6"],
    code: `const IP_LITERAL = /^(?:[a-z][a-z0-9+.-]*:)?\\/\\/(?:[^@/?#]*@)?\\[([^\\]]*)\\]/i;
const IPV_FUTURE = /^v[0-9a-f]+\\.[a-z0-9._~!$&'()*+,;=:-]+$/i;
/** The host between "[" and "]", if there is one, is an IPv6 address or an IPvFuture. */
function ipLiteral(s: string): boolean {
  const m = IP_LITERAL.exec(s);
  return !m || fmtIpv6(m[1]!) || IPV_FUTURE.test(m[1]!);
}`,
  },
  fmtUri: {
    uses: ["ipLiteral"],
    code: `const URI =
  /${URI}/i;
/** An absolute URI by RFC 3986's grammar: ASCII only (non-ASCII text makes an IRI, which JSON
 * Schema calls iri), percent signs only in %XX escapes, [ ] only around an IP literal host. */
function fmtUri(s: string): boolean {
  return URI.test(s) && ipLiteral(s);
}`,
  },
  fmtUriReference: {
    uses: ["ipLiteral"],
    code: `const URI_REF =
  /${URI_REFERENCE}/i;
/** A URI or a relative reference, by RFC 3986's grammar. */
function fmtUriReference(s: string): boolean {
  return URI_REF.test(s) && ipLiteral(s);
}`,
  },
};

export const FORMAT_HELPER: Record<string, string> = {
  uuid: "fmtUuid",
  "date-time": "fmtDateTime",
  date: "fmtDate",
  time: "fmtTime",
  uri: "fmtUri",
  "uri-reference": "fmtUriReference",
  email: "fmtEmail",
  hostname: "fmtHostname",
  ipv4: "fmtIpv4",
  ipv6: "fmtIpv6",
};

export const FORMAT_WORDS: Record<string, string> = {
  uuid: "a UUID",
  "date-time": "an RFC 3339 date-time",
  date: "an RFC 3339 date (YYYY-MM-DD)",
  time: "an RFC 3339 time with a zone",
  uri: "an absolute URI",
  "uri-reference": "a URI reference",
  email: "an email address",
  hostname: "a hostname",
  ipv4: "an IPv4 address",
  ipv6: "an IPv6 address",
};

/** The helpers a module needs, with their dependencies, in a stable order. */
export function helperNames(used: Set<string>): string[] {
  const all = new Set<string>();
  const add = (name: string) => {
    if (all.has(name)) return;
    HELPERS[name]!.uses?.forEach(add);
    all.add(name);
  };
  [...used].forEach(add);
  return Object.keys(HELPERS).filter((n) => all.has(n));
}

export function helperCode(used: Set<string>): string {
  return helperNames(used).map((n) => HELPERS[n]!.code).join("\n\n");
}
