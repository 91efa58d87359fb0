// Verifying and making webhook signatures for any HMAC scheme a catalog describes (Standard
// Webhooks, GitHub, Stripe, Slack, Shopify, Truto, Chift, …). Dependency-free: WebCrypto, or
// node:crypto where the runtime has it (see ./hmac.ts). `verify` never throws on what a sender
// controls (headers, body bytes): every failure is a reason and a message, and the work is bounded.
import { base64Decode, base64Encode, hexDecode, hexEncode } from "./bytes.js";
import { getHeader, getHeaderValues, type HeadersInput } from "./headers.js";
import { DIGEST_BYTES, equalBytes, hmac, hmacKey, hmacNow, type HmacKey } from "./hmac.js";

export { getHeader, type HeadersInput } from "./headers.js";

export interface SigningScheme {
  /** The HMAC's hash. */
  algorithm: "sha256" | "sha1" | "sha512";
  /** What is signed: a template over {id}, {timestamp} and {body}, e.g. "{id}.{timestamp}.{body}", "v0:{timestamp}:{body}", "{body}". */
  content: string;
  /** How the secret string becomes key bytes: utf8 = the whole string as UTF-8 (Stripe keys with the whole `whsec_…` string); base64 = strip `prefix` when present, then base64-decode (Standard Webhooks). */
  secret: { encoding: "utf8" | "base64"; prefix?: string };
  /**
   * Where signatures travel. Plain: the header's whole value (after `prefix`) is one signature.
   * `separator` (e.g. " "): several entries in one header, each `prefix` + signature; entries with
   * another prefix (e.g. Standard Webhooks' `v1a,`) are skipped. `part` (e.g. "v1"): the header is
   * comma-separated key=value parts (Stripe `t=…,v1=…,v1=…`, Truto `format=sha256,v=…`) and
   * signatures are the values of every `part` key. `constants`: other parts a sender writes before
   * the signature (Truto's `{ format: "sha256" }`); not checked on receipt.
   */
  signature: { header: string; encoding: "hex" | "base64"; prefix?: string; separator?: string; part?: string; constants?: Record<string, string> };
  /** Where the signed timestamp travels: its own header, or `part` of the signature header (Stripe's `t`). tolerance in seconds, both directions. */
  timestamp?: { header: string; part?: string; unit: "seconds" | "milliseconds"; tolerance: number };
  /** The header carrying the delivery id, when {id} is signed or the vendor sends one. */
  id?: { header: string };
}

export type Body = string | Uint8Array | ArrayBuffer;

export interface VerifyOptions {
  /** The raw body, exactly as received: never a parsed and re-serialized object. */
  body: Body;
  headers: HeadersInput;
  /** One secret, or several during a rotation: any one that matches is enough. */
  secret: string | readonly string[];
  /** The clock, for tests. */
  now?: Date;
  /** Overrides the scheme's tolerance (seconds, both directions). */
  toleranceSeconds?: number;
}

export type VerifyFailure = "missing_signature" | "bad_signature" | "missing_timestamp" | "timestamp_out_of_range" | "malformed_header" | "invalid_body" | "invalid_secret";

export type VerifyResult = { ok: true; id?: string; timestamp?: Date } | { ok: false; reason: VerifyFailure; message: string };

export interface SignOptions {
  body: Body;
  secret: string;
  id?: string;
  /** A Date, or Unix seconds. Default: now. */
  timestamp?: Date | number;
}

/** Signature headers longer than this (all values together) are refused as malformed, unread. */
export const MAX_SIGNATURE_HEADER_CHARS = 16_384;
/** At most this many signatures of one delivery are checked (a rotation sends 2 or 3). */
export const MAX_SIGNATURES = 16;
/** Ids and timestamps longer than this are refused as malformed. */
export const MAX_ID_CHARS = 256;

type Piece = string | { field: "id" | "timestamp" | "body" };
interface Compiled {
  pieces: Piece[];
  usesId: boolean;
  usesTimestamp: boolean;
  /** The key cache's space: how a secret becomes key bytes, and the algorithm. */
  keySpace: string;
}
const compiledSchemes = new WeakMap<SigningScheme, Compiled>();

function compile(scheme: SigningScheme): Compiled {
  let c = compiledSchemes.get(scheme);
  if (!c) {
    const pieces: Piece[] = [];
    for (const token of scheme.content.split(/(\{(?:id|timestamp|body)\})/)) {
      if (token === "{id}" || token === "{timestamp}" || token === "{body}") pieces.push({ field: token.slice(1, -1) as "id" | "timestamp" | "body" });
      else if (token !== "") pieces.push(token);
    }
    const uses = (f: string) => pieces.some((p) => typeof p !== "string" && p.field === f);
    const keySpace = [scheme.algorithm, scheme.secret.encoding, scheme.secret.encoding === "base64" ? (scheme.secret.prefix ?? "") : ""].join("\u0000");
    c = { pieces, usesId: uses("id"), usesTimestamp: uses("timestamp"), keySpace };
    compiledSchemes.set(scheme, c);
  }
  return c;
}

/** The signed content as strings and body bytes (adjacent strings joined; a string body kept a string). */
function content(c: Compiled, values: { id: string; timestamp: string; body: string | Uint8Array }): (string | Uint8Array)[] {
  const out: (string | Uint8Array)[] = [];
  let text = "";
  for (const p of c.pieces) {
    const v = typeof p === "string" ? p : values[p.field];
    if (typeof v === "string") text += v;
    else {
      if (text) out.push(text);
      out.push(v);
      text = "";
    }
  }
  if (text || out.length === 0) out.push(text);
  return out;
}

const BODY_HINT = "pass the raw body (a string, Uint8Array or ArrayBuffer), e.g. from `express.raw({ type: \"application/json\" })` or `await request.text()`, not a parsed object: re-serializing JSON changes its bytes";

/** The body as a string or bytes, or undefined for anything else (a parsed object). */
export function rawBody(body: unknown): string | Uint8Array | undefined {
  if (typeof body === "string" || body instanceof Uint8Array) return body;
  if (body instanceof ArrayBuffer || Object.prototype.toString.call(body) === "[object ArrayBuffer]") return new Uint8Array(body as ArrayBuffer);
  if (ArrayBuffer.isView(body)) return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  return undefined;
}

function keyFor(scheme: SigningScheme, c: Compiled, secret: unknown): HmacKey | undefined {
  if (typeof secret !== "string" || secret === "") return undefined;
  const prefix = scheme.secret.prefix;
  return hmacKey(c.keySpace, secret, scheme.algorithm, () => {
    if (scheme.secret.encoding === "utf8") return new TextEncoder().encode(secret);
    const bytes = base64Decode(prefix && secret.startsWith(prefix) ? secret.slice(prefix.length) : secret);
    return bytes && bytes.length > 0 ? bytes : undefined;
  });
}

const fail = (reason: VerifyFailure, message: string): VerifyResult => ({ ok: false, reason, message });

/** The key=value parts of a composite header (`t=1,v1=ab,v1=cd`), bounded. */
function parts(value: string): [string, string][] {
  const out: [string, string][] = [];
  for (const piece of value.split(",", 4 * MAX_SIGNATURES)) {
    const eq = piece.indexOf("=");
    if (eq > 0) out.push([piece.slice(0, eq).trim(), piece.slice(eq + 1).trim()]);
  }
  return out;
}

/** Adds the signature in `entry` (after `prefix`, when it has it) to `found`, up to MAX_SIGNATURES. */
function take(found: string[], prefix: string | undefined, entry: string): void {
  if (found.length >= MAX_SIGNATURES) return;
  const e = entry.trim();
  if (prefix === undefined) {
    if (e) found.push(e);
  } else if (e.startsWith(prefix) && e.length > prefix.length) found.push(e.slice(prefix.length));
}

/** The signatures the header carries, as received (still encoded); a failure when there are none. */
function signatures(scheme: SigningScheme, headers: HeadersInput): string[] | VerifyResult {
  const sig = scheme.signature;
  const values = getHeaderValues(headers, sig.header);
  let chars = 0;
  for (const v of values) chars += v.trim().length;
  if (chars === 0) return fail("missing_signature", `the ${sig.header} header is missing`);
  if (chars > MAX_SIGNATURE_HEADER_CHARS) return fail("malformed_header", `the ${sig.header} header is ${chars} characters long; more than ${MAX_SIGNATURE_HEADER_CHARS} are not read`);
  const found: string[] = [];
  if (sig.part !== undefined) {
    for (const [k, v] of parts(values.join(","))) if (k === sig.part) take(found, sig.prefix, v);
  } else if (sig.separator !== undefined) {
    for (const entry of (values.length === 1 ? values[0]! : values.join(sig.separator)).split(sig.separator, 4 * MAX_SIGNATURES)) take(found, sig.prefix, entry);
  } else for (const v of values) take(found, sig.prefix, v);
  if (found.length === 0) {
    const shape = sig.part !== undefined ? `a ${sig.part}=… part` : `a ${sig.prefix ?? ""}… signature`;
    return fail("malformed_header", `the ${sig.header} header has no ${shape}`);
  }
  return found;
}

/** The timestamp as sent (its exact text is signed), or a failure. */
function timestampText(scheme: SigningScheme, headers: HeadersInput): string | VerifyResult | undefined {
  const ts = scheme.timestamp;
  if (!ts) return compile(scheme).usesTimestamp ? fail("missing_timestamp", "the scheme signs a {timestamp} but names no header for it") : undefined;
  let text: string | undefined;
  if (ts.part !== undefined) {
    const header = getHeader(headers, ts.header);
    if (header !== undefined && header.length <= MAX_SIGNATURE_HEADER_CHARS) text = parts(header).find(([k]) => k === ts.part)?.[1];
  } else text = getHeader(headers, ts.header)?.trim();
  const where = ts.part !== undefined ? `the ${ts.part}= part of the ${ts.header} header` : `the ${ts.header} header`;
  if (text === undefined || text === "") return fail("missing_timestamp", `${where} is missing`);
  if (!/^\d{1,15}$/.test(text)) return fail("malformed_header", `${where} is not a Unix time in ${ts.unit}`);
  return text;
}

/** Is the signature on this delivery one that `secret` (or one of the secrets) makes? */
export async function verify(scheme: SigningScheme, options: VerifyOptions): Promise<VerifyResult> {
  return verifyNow(scheme, options);
}

/**
 * verify(), answering at once where it can: with node:crypto the result is a VerifyResult, with
 * WebCrypto a promise of one. The router uses this to save a turn of the event loop per delivery.
 */
export function verifyNow(scheme: SigningScheme, options: VerifyOptions): VerifyResult | Promise<VerifyResult> {
  const o = (options ?? {}) as Partial<VerifyOptions>;
  const body = rawBody(o.body);
  if (body === undefined) return fail("invalid_body", `the body is ${o.body === null ? "null" : typeof o.body}: ${BODY_HINT}`);
  const secretList: readonly unknown[] = typeof o.secret === "string" ? [o.secret] : Array.isArray(o.secret) ? o.secret : [];
  const c = compile(scheme);
  const keys: HmacKey[] = [];
  for (const s of secretList) {
    const k = keyFor(scheme, c, s);
    if (!k) return fail("invalid_secret", scheme.secret.encoding === "base64" ? `a secret is not ${scheme.secret.prefix ?? ""}<base64>` : "a secret is empty or not a string");
    keys.push(k);
  }
  if (keys.length === 0) return fail("invalid_secret", "no secret was given");
  const headers = o.headers ?? {};

  const found = signatures(scheme, headers);
  if (!Array.isArray(found)) return found;
  let id: string | undefined;
  if (scheme.id) {
    id = getHeader(headers, scheme.id.header)?.trim() || undefined;
    if (id !== undefined && id.length > MAX_ID_CHARS) return fail("malformed_header", `the ${scheme.id.header} header is longer than ${MAX_ID_CHARS} characters`);
  }
  if (c.usesId && id === undefined) return fail("malformed_header", scheme.id ? `the ${scheme.id.header} header is missing; the delivery id is signed` : "the scheme signs an {id} but names no header for it");

  const ts = timestampText(scheme, headers);
  if (typeof ts === "object") return ts;

  const size = DIGEST_BYTES[scheme.algorithm];
  const decode = scheme.signature.encoding === "hex" ? hexDecode : base64Decode;
  const candidates: Uint8Array[] = [];
  for (const f of found) {
    const b = decode(f);
    if (b !== undefined && b.length === size) candidates.push(b);
  }
  const checked: Checked = { scheme, options: o, ts, id, signatures: found.length, secrets: keys.length };
  if (candidates.length === 0) return settle(checked, false);
  const data = content(c, { id: id ?? "", timestamp: ts ?? "", body });
  // node:crypto answers at once; only WebCrypto needs awaiting
  let i = 0;
  for (; i < keys.length; i++) {
    const digest = hmacNow(keys[i]!, data);
    if (!digest) break;
    if (matchesAny(digest, candidates)) return settle(checked, true);
  }
  if (i === keys.length) return settle(checked, false);
  return verifyLater(checked, keys.slice(i), data, candidates);
}

async function verifyLater(checked: Checked, keys: HmacKey[], data: (string | Uint8Array)[], candidates: Uint8Array[]): Promise<VerifyResult> {
  for (const key of keys) if (matchesAny(await hmac(key, data), candidates)) return settle(checked, true);
  return settle(checked, false);
}

/** Does `digest` equal one of the candidates? Every candidate is compared (constant time each). */
function matchesAny(digest: Uint8Array, candidates: Uint8Array[]): boolean {
  let match = false;
  for (const cand of candidates) if (equalBytes(digest, cand)) match = true;
  return match;
}

interface Checked {
  scheme: SigningScheme;
  options: Partial<VerifyOptions>;
  ts: string | undefined;
  id: string | undefined;
  signatures: number;
  secrets: number;
}

/** The result once the signatures are compared: for a match, the timestamp window decides. */
function settle(k: Checked, match: boolean): VerifyResult {
  if (!match) {
    const n = k.signatures;
    return fail("bad_signature", `${n === 1 ? "the signature does not match" : `none of the ${n} signatures matches`} the body${k.secrets > 1 ? ` with any of the ${k.secrets} secrets` : ""}`);
  }
  const ok: VerifyResult = { ok: true };
  if (k.id !== undefined) ok.id = k.id;
  const window = k.scheme.timestamp;
  if (k.ts !== undefined && window) {
    const o = k.options;
    const ms = window.unit === "seconds" ? Number(k.ts) * 1000 : Number(k.ts);
    const now = o.now instanceof Date && !Number.isNaN(o.now.getTime()) ? o.now.getTime() : Date.now();
    const tolerance = typeof o.toleranceSeconds === "number" && o.toleranceSeconds >= 0 ? o.toleranceSeconds : window.tolerance;
    if (Math.abs(now - ms) > tolerance * 1000) {
      const off = Math.round((now - ms) / 1000);
      return fail("timestamp_out_of_range", `the delivery was signed ${Math.abs(off)} s ${off >= 0 ? "ago" : "ahead of this clock"}; at most ${tolerance} s are allowed`);
    }
    ok.timestamp = new Date(ms);
  }
  return ok;
}

/** A fresh delivery id, `msg_` and 24 random URL-safe characters. */
function freshId(): string {
  const bytes = new Uint8Array(18);
  (globalThis as unknown as { crypto: { getRandomValues(b: Uint8Array): Uint8Array } }).crypto.getRandomValues(bytes);
  return "msg_" + base64Encode(bytes).replace(/\+/g, "-").replace(/\//g, "_");
}

/**
 * The headers a sender attaches (signature, timestamp, id as the scheme has them; a fresh id
 * `msg_…` and now when not given and the scheme needs them). Throws a TypeError for a body that
 * is not raw or a secret the scheme cannot use (the caller's own mistake, never a sender's).
 */
export async function sign(scheme: SigningScheme, options: SignOptions): Promise<Record<string, string>> {
  const body = rawBody(options.body);
  if (body === undefined) throw new TypeError(`sign: ${BODY_HINT}`);
  const c = compile(scheme);
  const key = keyFor(scheme, c, options.secret);
  if (!key) throw new TypeError(scheme.secret.encoding === "base64" ? `sign: the secret is not ${scheme.secret.prefix ?? ""}<base64>` : "sign: the secret is empty or not a string");
  const headers: Record<string, string> = {};
  const id = scheme.id || c.usesId ? (options.id ?? freshId()) : "";
  if (scheme.id) headers[scheme.id.header] = id;
  let ts = "";
  if (scheme.timestamp || c.usesTimestamp) {
    const t = options.timestamp;
    const ms = t instanceof Date ? t.getTime() : typeof t === "number" ? t * 1000 : Date.now();
    ts = String(scheme.timestamp?.unit === "milliseconds" ? Math.floor(ms) : Math.floor(ms / 1000));
  }
  const digest = await hmac(key, content(c, { id, timestamp: ts, body }));
  const sig = scheme.signature;
  const encoded = (sig.prefix ?? "") + (sig.encoding === "hex" ? hexEncode(digest) : base64Encode(digest));
  const tsInSignature = scheme.timestamp?.part !== undefined && scheme.timestamp.header.toLowerCase() === sig.header.toLowerCase();
  if (sig.part !== undefined) {
    const list = Object.entries(sig.constants ?? {}).map(([k, v]) => `${k}=${v}`);
    if (tsInSignature) list.push(`${scheme.timestamp!.part}=${ts}`);
    list.push(`${sig.part}=${encoded}`);
    headers[sig.header] = list.join(",");
  } else headers[sig.header] = encoded;
  if (scheme.timestamp && !tsInSignature) headers[scheme.timestamp.header] = scheme.timestamp.part !== undefined ? `${scheme.timestamp.part}=${ts}` : ts;
  return headers;
}
