// The typed webhook router: verify the signature, read the body, validate it against its event,
// dispatch by type. One core (`receive`) and thin doors: `handle` for the Fetch API (Hono,
// Next.js route handlers, Workers, Deno, Bun) and `node` for node:http and Express.
import { utf8Decode, utf8Length } from "./bytes.js";
import { getHeader, type HeadersInput } from "./headers.js";
import { MAX_ID_CHARS, rawBody, verifyNow, type SigningScheme, type VerifyFailure, type VerifyOptions, type VerifyResult } from "./signing.js";
import type { ValidationIssue, ValidationResult } from "./validate.js";

export interface RouterConfig {
  /** undefined: the catalog's deliveries are not signed. */
  signing?: SigningScheme;
  /** May deliveries be unsigned (the catalog's `required: false`)? Then a router with no secret accepts unsigned ones; with a secret, signatures are always required. */
  unsignedAllowed: boolean;
  /** The catalog's validateEvent: (body, type?) → { ok: true, value } | { ok: false, errors: ValidationIssue[] }. */
  validate: (body: unknown, type?: string) => ValidationResult<unknown>;
  /** Is this a type the catalog lists? */
  isKnown: (type: string) => boolean;
  /** Where the type travels: a body field, or a header (then routed by that header). */
  typeField?: string;
  typeHeader?: string;
}

/** The default of `maxBodyBytes`: 1 MiB. */
export const DEFAULT_MAX_BODY_BYTES: number = 1024 * 1024;
/** At most this many validation issues are returned (in the result and in the 400's body). */
export const MAX_REPORTED_ISSUES = 20;

export interface WebhooksOptions {
  /** The signing secret, or several during a rotation (any one that matches is enough). Required when the catalog's deliveries must be signed. */
  secret?: string | readonly string[];
  /** Overrides the catalog's timestamp tolerance, in seconds, both directions. */
  toleranceSeconds?: number;
  /** Bodies larger than this are answered 413 without being read further. Default 1 MiB (1,048,576 bytes). */
  maxBodyBytes?: number;
  /**
   * Was the delivery with this id already handled? Asked after the signature and the body are
   * checked, before any handler runs; true → 200 `{"ok":true,"duplicate":true}`, no handler runs.
   * Only deliveries with an id (the scheme's id header) are asked about.
   */
  seen?: (id: string) => boolean | Promise<boolean>;
  /** Called with the delivery id once every handler succeeded: record it here for `seen`. */
  handled?: (id: string) => void | Promise<void>;
}

/** What a handler learns about the delivery besides its event. */
export interface Delivery {
  /** The delivery id from the scheme's id header, when it has one. */
  id?: string;
  /** The event type (from the body's type field or the type header), when there is one. */
  type?: string;
  /** The signed timestamp, when the scheme signs one and a secret was checked. */
  timestamp?: Date;
  headers: HeadersInput;
  /** The body as received, as text. */
  rawBody: string;
}

export type Handler<E> = (event: E, delivery: Delivery) => unknown;

export type ReceiveFailure = VerifyFailure | "method_not_allowed" | "payload_too_large" | "invalid_json" | "invalid_event" | "handler_failed" | "misconfigured" | "internal_error";

export interface ReceiveInput {
  /** The raw body: a string, Uint8Array (or Buffer) or ArrayBuffer; never a parsed object. */
  body: unknown;
  headers: HeadersInput;
  /** When given, anything but POST is answered 405. */
  method?: string;
}

export interface ReceiveResult {
  status: number;
  /** A short JSON text to send back: `{"ok":true}` or `{"ok":false,"reason":…,"message":…}`. */
  body: string;
  reason?: ReceiveFailure;
  /** For a 400 `invalid_event`: the validator's issues, at most MAX_REPORTED_ISSUES. */
  errors?: ValidationIssue[];
}

/** node:http's IncomingMessage and Express's Request, as far as they are used here. */
export interface NodeRequestLike {
  method?: string | undefined;
  headers: Record<string, string | readonly string[] | undefined>;
  /** Set by a body parser: a Buffer (express.raw) or a string (express.text) is used as it is. */
  body?: unknown;
  readableEnded?: boolean;
  on(event: string, listener: (...args: any[]) => void): unknown;
  removeListener?(event: string, listener: (...args: any[]) => void): unknown;
}

/** node:http's ServerResponse and Express's Response, as far as they are used here. */
export interface NodeResponseLike {
  statusCode: number;
  setHeader(name: string, value: string): unknown;
  end(chunk?: string): unknown;
}

/**
 * Answers, by status:
 * - 405 `method_not_allowed`: not a POST (with `Allow: POST`);
 * - 413 `payload_too_large`: a body over `maxBodyBytes` (default 1 MiB), not read further;
 * - 401 `missing_signature`, `bad_signature`, `missing_timestamp`, `timestamp_out_of_range`, `malformed_header`;
 * - 400 `invalid_json` (not UTF-8 or not JSON) or `invalid_event` (not a valid event of its type; the validator's issues, bounded);
 * - 200 `{"ok":true}`: a valid event, every handler succeeded (also with no handler for it);
 * - 200 `{"ok":true,"duplicate":true}`: `seen(id)` said it was handled already; no handler ran;
 * - 202 `{"ok":true,"unknown":true}`: a validly signed delivery of a type the catalog does not list,
 *   after the `onUnknown` handlers (never rejected, so new vendor events do not get the endpoint disabled);
 * - 500 `handler_failed`: a handler threw or rejected (the sender retries); `misconfigured`: the body
 *   given was not raw (a parsed object) or the secret is unusable; `internal_error`: `seen`, the
 *   validator or reading the request threw (passed to `onError` too).
 *
 * An error thrown by `handled(id)` goes to `onError` only: the handlers did succeed, so the answer stays 200.
 *
 * Order for one delivery: the `on` handlers of its type in registration order, then the `onAny`
 * handlers; each awaited before the next. A handler that throws does not stop the others: every
 * error is passed to each `onError` handler (errors thrown there are ignored) and the answer is 500.
 */
export interface Webhooks<M extends object> {
  on<K extends keyof M & string>(type: K | readonly K[], handler: Handler<M[K]>): Webhooks<M>;
  onAny(handler: Handler<M[keyof M & string]>): Webhooks<M>;
  /** A validly signed delivery whose type the catalog does not list: its parsed JSON, unvalidated. */
  onUnknown(handler: Handler<unknown>): Webhooks<M>;
  onError(handler: (error: unknown, delivery: Delivery) => unknown): Webhooks<M>;
  /** The core, without a framework. */
  receive(input: ReceiveInput): Promise<ReceiveResult>;
  /** For the Fetch API: Hono (`c.req.raw`), Next.js route handlers, Cloudflare Workers, Deno, Bun. */
  handle(request: Request): Promise<Response>;
  /**
   * For node:http and Express. Reads the raw body itself (stopping at `maxBodyBytes`), or takes a
   * Buffer or string `req.body` (`express.raw({ type: "application/json" })`, `express.text()`).
   * An already-parsed `req.body` is answered 500 with a message saying how to fix the app.
   */
  node(req: NodeRequestLike, res: NodeResponseLike): Promise<void>;
}

const BODY_FIX = 'the body reached the webhook handler already parsed; signatures are over the raw bytes: mount `express.raw({ type: "application/json" })` (not express.json()) before this handler, or pass the raw body (`await request.text()`)';

const OK = '{"ok":true}';
const UNKNOWN = '{"ok":true,"unknown":true}';

function reply(status: number, payload: Record<string, unknown>, reason?: ReceiveFailure, errors?: ValidationIssue[]): ReceiveResult {
  const r: ReceiveResult = { status, body: JSON.stringify(payload) };
  if (reason) r.reason = reason;
  if (errors) r.errors = errors;
  return r;
}
const failure = (status: number, reason: ReceiveFailure, message: string, errors?: ValidationIssue[]) =>
  reply(status, errors ? { ok: false, reason, message, errors } : { ok: false, reason, message }, reason, errors);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

export function createRouter<M extends object>(config: RouterConfig, options: WebhooksOptions = {}): Webhooks<M> {
  const secrets = typeof options.secret === "string" ? [options.secret] : Array.isArray(options.secret) ? [...options.secret] : [];
  if (options.secret !== undefined && typeof options.secret !== "string" && !Array.isArray(options.secret)) throw new TypeError("createWebhooks: `secret` is a string or an array of strings");
  if (config.signing && !config.unsignedAllowed && secrets.length === 0) throw new TypeError("createWebhooks: this catalog's deliveries are signed; pass `secret` (or several during a rotation)");
  if (!config.signing && secrets.length > 0) throw new TypeError("createWebhooks: this catalog's deliveries are not signed, so `secret` cannot be checked; leave it out");
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  if (!Number.isInteger(maxBodyBytes) || maxBodyBytes < 0) throw new TypeError("createWebhooks: `maxBodyBytes` is a whole number of bytes");

  const byType = new Map<string, Handler<any>[]>();
  const any: Handler<any>[] = [];
  const unknown: Handler<unknown>[] = [];
  const onError: ((error: unknown, delivery: Delivery) => unknown)[] = [];

  async function run(handlers: Handler<any>[], event: unknown, delivery: Delivery): Promise<number> {
    let failed = 0;
    if (handlers.length === 0) return 0;
    for (const h of handlers) {
      try {
        await h(event, delivery);
      } catch (error) {
        failed++;
        await reportError(error, delivery);
      }
    }
    return failed;
  }

  const tooLarge = () => failure(413, "payload_too_large", `the body is larger than ${maxBodyBytes} bytes`);

  async function reportError(error: unknown, delivery: Delivery): Promise<void> {
    for (const e of onError) {
      try {
        await e(error, delivery);
      } catch {
        // an error handler's own error is dropped
      }
    }
  }

  async function receive(input: ReceiveInput): Promise<ReceiveResult> {
    try {
      const { headers } = input;
      if (input.method !== undefined && String(input.method).toUpperCase() !== "POST") return failure(405, "method_not_allowed", "only POST is accepted");
      const raw = rawBody(input.body);
      if (raw === undefined) return failure(500, "misconfigured", BODY_FIX);
      const size = typeof raw === "string" ? (raw.length > maxBodyBytes ? Infinity : raw.length * 3 <= maxBodyBytes ? 0 : utf8Length(raw)) : raw.length;
      if (size > maxBodyBytes) return tooLarge();

      let id: string | undefined;
      let timestamp: Date | undefined;
      if (config.signing && secrets.length > 0) {
        const vopts: VerifyOptions = { body: raw, headers, secret: secrets };
        if (options.toleranceSeconds !== undefined) vopts.toleranceSeconds = options.toleranceSeconds;
        const pending = verifyNow(config.signing, vopts);
        const v: VerifyResult = pending instanceof Promise ? await pending : pending;
        if (!v.ok) return failure(v.reason === "invalid_secret" || v.reason === "invalid_body" ? 500 : 401, v.reason === "invalid_body" ? "misconfigured" : v.reason, v.message);
        id = v.id;
        timestamp = v.timestamp;
      } else if (config.signing?.id) {
        const h = getHeader(headers, config.signing.id.header)?.trim();
        if (h && h.length <= MAX_ID_CHARS) id = h;
      }

      const text = typeof raw === "string" ? raw : utf8Decode(raw);
      if (text === undefined) return failure(400, "invalid_json", "the body is not UTF-8 text");
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        return failure(400, "invalid_json", "the body is not JSON");
      }
      let type: string | undefined;
      if (config.typeHeader) type = getHeader(headers, config.typeHeader)?.trim() || undefined;
      else if (config.typeField && isObject(parsed)) {
        const t = parsed[config.typeField];
        if (typeof t === "string") type = t;
      }
      const delivery: Delivery = { headers, rawBody: text };
      if (id !== undefined) delivery.id = id;
      if (type !== undefined) delivery.type = type;
      if (timestamp) delivery.timestamp = timestamp;

      const known = type === undefined || config.isKnown(type);
      let event: unknown = parsed;
      if (known) {
        const result = config.validate(parsed, type);
        if (!result.ok) {
          const errors = result.errors.slice(0, MAX_REPORTED_ISSUES);
          const n = result.errors.length;
          return failure(400, "invalid_event", `the body is not a valid ${type ?? "event"}: ${n} issue${n === 1 ? "" : "s"}`, errors);
        }
        event = result.value;
      }
      if (id !== undefined && options.seen && (await options.seen(id))) return reply(200, { ok: true, duplicate: true });
      const own = known && type !== undefined ? byType.get(type) : undefined;
      let failed = 0;
      if (!known) failed = unknown.length ? await run(unknown, event, delivery) : 0;
      else {
        if (own) failed += await run(own, event, delivery);
        if (any.length) failed += await run(any, event, delivery);
      }
      if (failed > 0) return failure(500, "handler_failed", `${failed} handler${failed === 1 ? "" : "s"} failed`);
      if (id !== undefined && options.handled) {
        try {
          await options.handled(id);
        } catch (error) {
          await reportError(error, delivery);
        }
      }
      return known ? { status: 200, body: OK } : { status: 202, body: UNKNOWN };
    } catch (error) {
      await reportError(error, { headers: input.headers, rawBody: typeof input.body === "string" ? input.body : "" });
      return failure(500, "internal_error", "the delivery could not be handled");
    }
  }

  const api: Webhooks<M> = {
    on(type, handler) {
      for (const t of (Array.isArray(type) ? type : [type]) as string[]) {
        const list = byType.get(t);
        if (list) list.push(handler);
        else byType.set(t, [handler]);
      }
      return api;
    },
    onAny(handler) {
      any.push(handler);
      return api;
    },
    onUnknown(handler) {
      unknown.push(handler);
      return api;
    },
    onError(handler) {
      onError.push(handler);
      return api;
    },
    receive,
    async handle(request) {
      let r: ReceiveResult;
      try {
        r = await handleFetch(request);
      } catch {
        r = failure(500, "internal_error", "the delivery could not be handled");
      }
      const headers: Record<string, string> = { "content-type": "application/json" };
      if (r.status === 405) headers["allow"] = "POST";
      return new Response(r.body, { status: r.status, headers });
    },
    async node(req, res) {
      let r: ReceiveResult;
      let close = false;
      try {
        r = await handleNode(req);
        close = r.status === 413;
      } catch {
        r = failure(500, "internal_error", "the delivery could not be handled");
      }
      res.statusCode = r.status;
      res.setHeader("content-type", "application/json");
      if (r.status === 405) res.setHeader("allow", "POST");
      if (close) res.setHeader("connection", "close");
      res.end(r.body);
    },
  };

  async function handleFetch(request: Request): Promise<ReceiveResult> {
    if (request.method.toUpperCase() !== "POST") return failure(405, "method_not_allowed", "only POST is accepted");
    if (Number(request.headers.get("content-length")) > maxBodyBytes) return tooLarge();
    const body = await readStream(request.body, maxBodyBytes);
    if (body === "too_large") return tooLarge();
    if (body === "error") return failure(400, "invalid_json", "the body could not be read");
    return receive({ body, headers: request.headers, method: request.method });
  }

  async function handleNode(req: NodeRequestLike): Promise<ReceiveResult> {
    const method = req.method ?? "POST";
    if (method.toUpperCase() !== "POST") return failure(405, "method_not_allowed", "only POST is accepted");
    const given = req.body;
    let body: unknown;
    if (given !== undefined && given !== null && !(isObject(given) && Object.keys(given).length === 0 && !req.readableEnded)) {
      if (rawBody(given) === undefined) return failure(500, "misconfigured", BODY_FIX);
      body = given;
    } else {
      if (req.readableEnded) return failure(500, "misconfigured", BODY_FIX);
      if (Number(getHeader(req.headers, "content-length")) > maxBodyBytes) return tooLarge();
      const read = await readNode(req, maxBodyBytes);
      if (read === "too_large") return tooLarge();
      if (read === "error") return failure(400, "invalid_json", "the body could not be read");
      body = read;
    }
    return receive({ body, headers: req.headers, method });
  }

  return api;
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(size);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

async function readStream(stream: ReadableStream<Uint8Array> | null, max: number): Promise<Uint8Array | "too_large" | "error"> {
  if (!stream) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    const reader = stream.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return concat(chunks, size);
      size += value.length;
      if (size > max) {
        reader.cancel().catch(() => {});
        return "too_large";
      }
      chunks.push(value);
    }
  } catch {
    return "error";
  }
}

function readNode(req: NodeRequestLike, max: number): Promise<Uint8Array | "too_large" | "error"> {
  return new Promise((resolve) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    let done = false;
    const finish = (v: Uint8Array | "too_large" | "error") => {
      if (done) return;
      done = true;
      req.removeListener?.("data", onData);
      req.removeListener?.("end", onEnd);
      req.removeListener?.("error", onFail);
      req.removeListener?.("aborted", onFail);
      resolve(v);
    };
    const onData = (chunk: unknown) => {
      const b = typeof chunk === "string" ? new TextEncoder().encode(chunk) : (chunk as Uint8Array);
      size += b.length;
      if (size > max) finish("too_large");
      else chunks.push(b);
    };
    const onEnd = () => finish(concat(chunks, size));
    const onFail = () => finish("error");
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onFail);
    req.on("aborted", onFail);
  });
}
