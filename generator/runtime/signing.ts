// Verifying and making webhook signatures for any HMAC scheme a catalog describes (Standard
// Webhooks, GitHub, Stripe, Slack, Shopify, Truto, Chift, …). Dependency-free: WebCrypto, or
// node:crypto where the runtime has it (see ./hmac.ts). `verify` never throws on what a sender
// controls (headers, body bytes): every failure is a reason and a message, and the work is bounded.
import { base64Decode, base64Encode, hexDecode, hexEncode } from "./bytes.js";
import { getHeader, getHeaderValues, type HeadersInput } from "./headers.js";
import { DIGEST_BYTES, equalBytes, hmac, hmacKey, type HmacKey } from "./hmac.js";

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
    c = { pieces, usesId: uses("id"), usesTimestamp: uses("timestamp") };
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

function keyFor(scheme: SigningScheme, secret: unknown): HmacKey | undefined {
  if (typeof secret !== "string" || secret === "") return undefined;
  const { encoding, prefix } = scheme.secret;
  if (encoding === "utf8") return hmacKey(`u\u0000${secret}`, scheme.algorithm, () => new TextEncoder().encode(secret));
  const text = prefix && secret.startsWith(prefix) ? secret.slice(prefix.length) : secret;
  const bytes = base64Decode(text);
  if (!bytes || bytes.length === 0) return undefined;
  return hmacKey(`b\u0000${text}`, scheme.algorithm, () => bytes);
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

/** The signatures the header carries, as received (still encoded); a failure when there are none. */
function signatures(scheme: SigningScheme, headers: HeadersInput): string[] | VerifyResult {
  const sig = scheme.signature;
  const values = getHeaderValues(headers, sig.header).filter((v) => v.trim() !== "");
  if (values.length === 0) return fail("missing_signature", `the ${sig.header} header is missing`);
  let chars = 0;
  for (const v of values) chars += v.length;
  if (chars > MAX_SIGNATURE_HEADER_CHARS) return fail("malformed_header", `the ${sig.header} header is ${chars} characters long; more than ${MAX_SIGNATURE_HEADER_CHARS} are not read`);
  const found: string[] = [];
  const take = (entry: string) => {
    if (found.length >= MAX_SIGNATURES) return;
    const e = entry.trim();
    if (sig.prefix === undefined) {
      if (e) found.push(e);
    } else if (e.startsWith(sig.prefix) && e.length > sig.prefix.length) found.push(e.slice(sig.prefix.length));
  };
  if (sig.part !== undefined) {
    for (const [k, v] of parts(values.join(","))) if (k === sig.part) take(v);
  } else if (sig.separator !== undefined) {
    for (const entry of values.join(sig.separator).split(sig.separator, 4 * MAX_SIGNATURES)) take(entry);
  } else for (const v of values) take(v);
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
  const o = (options ?? {}) as Partial<VerifyOptions>;
  const body = rawBody(o.body);
  if (body === undefined) return fail("invalid_body", `the body is ${o.body === null ? "null" : typeof o.body}: ${BODY_HINT}`);
  const secretList: readonly unknown[] = typeof o.secret === "string" ? [o.secret] : Array.isArray(o.secret) ? o.secret : [];
  const keys: HmacKey[] = [];
  for (const s of secretList) {
    const k = keyFor(scheme, s);
    if (!k) return fail("invalid_secret", scheme.secret.encoding === "base64" ? `a secret is not ${scheme.secret.prefix ?? ""}<base64>` : "a secret is empty or not a string");
    keys.push(k);
  }
  if (keys.length === 0) return fail("invalid_secret", "no secret was given");
  const headers = o.headers ?? {};
  const c = compile(scheme);

  let id: string | undefined;
  if (scheme.id) {
    id = getHeader(headers, scheme.id.header)?.trim() || undefined;
    if (id !== undefined && id.length > MAX_ID_CHARS) return fail("malformed_header", `the ${scheme.id.header} header is longer than ${MAX_ID_CHARS} characters`);
  }
  if (c.usesId && id === undefined) return fail("malformed_header", scheme.id ? `the ${scheme.id.header} header is missing; the delivery id is signed` : "the scheme signs an {id} but names no header for it");

  const ts = timestampText(scheme, headers);
  if (typeof ts === "object") return ts;
  const found = signatures(scheme, headers);
  if (!Array.isArray(found)) return found;

  const size = DIGEST_BYTES[scheme.algorithm];
  const decode = scheme.signature.encoding === "hex" ? hexDecode : base64Decode;
  const candidates = found.map(decode).filter((b): b is Uint8Array => b !== undefined && b.length === size);
  if (candidates.length > 0) {
    const data = content(c, { id: id ?? "", timestamp: ts ?? "", body });
    let match = false;
    for (const key of keys) {
      const digest = await hmac(key, data);
      for (const cand of candidates) if (equalBytes(digest, cand)) match = true;
      if (match) break;
    }
    if (match) {
      let timestamp: Date | undefined;
      if (ts !== undefined && scheme.timestamp) {
        const ms = scheme.timestamp.unit === "seconds" ? Number(ts) * 1000 : Number(ts);
        const now = o.now instanceof Date && !Number.isNaN(o.now.getTime()) ? o.now.getTime() : Date.now();
        const tolerance = typeof o.toleranceSeconds === "number" && o.toleranceSeconds >= 0 ? o.toleranceSeconds : scheme.timestamp.tolerance;
        if (Math.abs(now - ms) > tolerance * 1000) {
          const off = Math.round((now - ms) / 1000);
          return fail("timestamp_out_of_range", `the delivery was signed ${Math.abs(off)} s ${off >= 0 ? "ago" : "ahead of this clock"}; at most ${tolerance} s are allowed`);
        }
        timestamp = new Date(ms);
      }
      return { ok: true, ...(id !== undefined ? { id } : {}), ...(timestamp ? { timestamp } : {}) };
    }
  }
  const n = found.length;
  return fail("bad_signature", `${n === 1 ? "the signature does" : `none of the ${n} signatures do`} not match the body${keys.length > 1 ? ` for any of the ${keys.length} secrets` : ""}`);
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
  const key = keyFor(scheme, options.secret);
  if (!key) throw new TypeError(scheme.secret.encoding === "base64" ? `sign: the secret is not ${scheme.secret.prefix ?? ""}<base64>` : "sign: the secret is empty or not a string");
  const c = compile(scheme);
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
