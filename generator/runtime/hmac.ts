// HMAC over WebCrypto (`crypto.subtle`), with each secret's key imported once and cached, and a
// constant-time comparison. Where the runtime has node:crypto (reached through
// `process.getBuiltinModule`, so that no bundler sees an import), the same work goes through
// createHmac and timingSafeEqual, which is several times faster for small bodies. Both paths give
// the same answers; tests run both through `setCryptoBackend`.

import { concatBytes } from "./bytes.js";

export type HmacAlgorithm = "sha256" | "sha1" | "sha512";

const WEB_HASH: Record<HmacAlgorithm, string> = { sha256: "SHA-256", sha1: "SHA-1", sha512: "SHA-512" };
export const DIGEST_BYTES: Record<HmacAlgorithm, number> = { sha256: 32, sha1: 20, sha512: 64 };

/** The part of WebCrypto used here, typed structurally so that no DOM or Node types are needed. */
interface Subtle {
  importKey(format: "raw", key: Uint8Array, algorithm: { name: "HMAC"; hash: string }, extractable: false, usages: ["sign"]): Promise<unknown>;
  sign(algorithm: "HMAC", key: unknown, data: Uint8Array): Promise<ArrayBuffer>;
}
const subtle = (): Subtle => (globalThis as unknown as { crypto: { subtle: Subtle } }).crypto.subtle;

interface NodeHmac {
  update(data: string | Uint8Array): NodeHmac;
  digest(): Uint8Array;
}
interface NodeCrypto {
  createHmac(algorithm: string, key: unknown): NodeHmac;
  createSecretKey(key: Uint8Array): unknown;
  timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean;
}

type Backend = "auto" | "node" | "webcrypto";
let backend: Backend = "auto";
let nodeCryptoCache: NodeCrypto | null | undefined;

function loadNodeCrypto(): NodeCrypto | null {
  try {
    const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
    const mod = proc?.getBuiltinModule?.("node:crypto") as Partial<NodeCrypto> | undefined;
    return mod && typeof mod.createHmac === "function" && typeof mod.timingSafeEqual === "function" && typeof mod.createSecretKey === "function"
      ? (mod as NodeCrypto)
      : null;
  } catch {
    return null;
  }
}

function nodeCrypto(): NodeCrypto | null {
  if (backend === "webcrypto") return null;
  if (nodeCryptoCache === undefined) nodeCryptoCache = loadNodeCrypto();
  return nodeCryptoCache;
}

/**
 * For tests and benchmarks: "webcrypto" forces the WebCrypto path, "node" requires node:crypto
 * (throws when the runtime has none), "auto" (the default) uses node:crypto where it exists.
 */
export function setCryptoBackend(choice: Backend): void {
  if (choice === "node" && !loadNodeCrypto()) throw new Error("node:crypto is not available in this runtime");
  backend = choice;
  keys.clear();
  cached = 0;
}

/** The path in use: "node" or "webcrypto". */
export function cryptoBackend(): "node" | "webcrypto" {
  return nodeCrypto() ? "node" : "webcrypto";
}

/** An HMAC key made from one secret's bytes, for one algorithm. */
export interface HmacKey {
  algorithm: HmacAlgorithm;
  web?: Promise<unknown>;
  node?: unknown;
}

/** At most this many keys are cached; the oldest space goes first. Secrets are few (rotation keeps 2 or 3). */
export const MAX_CACHED_KEYS = 64;
/** Keys by space (how the secret becomes bytes, and the algorithm) and then by secret. */
const keys = new Map<string, Map<string, HmacKey>>();
let cached = 0;

/**
 * The key for `secret` in `space` (a name for how a secret becomes bytes, and the algorithm),
 * made from `bytes()` once; undefined when bytes() gives none (not cached).
 */
export function hmacKey(space: string, secret: string, algorithm: HmacAlgorithm, bytes: () => Uint8Array | undefined): HmacKey | undefined {
  let inSpace = keys.get(space);
  const hit = inSpace?.get(secret);
  if (hit) return hit;
  const raw = bytes();
  if (!raw) return undefined;
  const node = nodeCrypto();
  const key: HmacKey = node
    ? { algorithm, node: node.createSecretKey(raw) }
    : { algorithm, web: subtle().importKey("raw", raw, { name: "HMAC", hash: WEB_HASH[algorithm] }, false, ["sign"]) };
  if (cached >= MAX_CACHED_KEYS) {
    keys.clear();
    cached = 0;
    inSpace = undefined;
  }
  if (!inSpace) keys.set(space, (inSpace = new Map()));
  inSpace.set(secret, key);
  cached++;
  return key;
}

/** The HMAC of `parts` (strings as UTF-8) one after another, computed now: node:crypto only (undefined otherwise). */
export function hmacNow(key: HmacKey, parts: readonly (string | Uint8Array)[]): Uint8Array | undefined {
  const node = key.node !== undefined ? nodeCrypto() : null;
  if (!node) return undefined;
  const h = node.createHmac(key.algorithm, key.node);
  for (const p of parts) h.update(p);
  return h.digest();
}

/** The HMAC of `parts` (strings as UTF-8) one after another. */
export async function hmac(key: HmacKey, parts: readonly (string | Uint8Array)[]): Promise<Uint8Array> {
  const now = hmacNow(key, parts);
  if (now) return now;
  if (!key.web) throw new Error("this key was made for node:crypto; make it again after setCryptoBackend");
  const data = parts.length === 1 && typeof parts[0] === "string" ? encoder.encode(parts[0]) : joinParts(parts);
  return new Uint8Array(await subtle().sign("HMAC", await key.web, data));
}

const encoder = new TextEncoder();
function joinParts(parts: readonly (string | Uint8Array)[]): Uint8Array {
  return concatBytes(parts.map((p) => (typeof p === "string" ? encoder.encode(p) : p)));
}

/** Are `a` and `b` the same bytes? The time depends on their length only (which is public: a digest's size). */
export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  const node = nodeCrypto();
  if (node) return node.timingSafeEqual(a, b);
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}
