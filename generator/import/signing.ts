// Header parameters → the catalog's signing headers. Standard Webhooks' three headers name their
// scheme; a header named like a signature makes it an HMAC; other headers are kept with role
// `other`, so the regenerated OpenAPI still lists them.
import { SIGNING_FACTS, type SigningFact } from "../model/signing.ts";
import type { DraftHeader, DraftSigning } from "./draft.ts";
import { isRec } from "./merge-all-of.ts";
import type { Loc } from "./read-source.ts";
import type { Warn } from "./warnings.ts";

export interface HeaderParam {
  node: Record<string, unknown>;
  loc: Loc;
}

/** What our OpenAPI's `x-eventgen.signing` says: the catalog's own signing facts. */
export type SigningHint = Partial<Pick<DraftSigning, "required" | "notes" | SigningFact>> & { scheme?: string };

const STANDARD: Record<string, DraftHeader["role"]> = { "webhook-id": "id", "webhook-timestamp": "timestamp", "webhook-signature": "signature" };

function role(name: string): DraftHeader["role"] {
  const n = name.toLowerCase();
  if (STANDARD[n]) return STANDARD[n];
  if (n.includes("signature")) return "signature";
  if (n.includes("timestamp")) return "timestamp";
  if (/(?:^|-)id$|delivery/.test(n)) return "id";
  return "other";
}

/** GitHub's signature headers: an HMAC of the raw body, hex, after the algorithm's name. */
const GITHUB: Record<string, Partial<DraftSigning>> = {
  "x-hub-signature-256": { algorithm: "sha256", encoding: "hex", signedContent: "{body}", signaturePrefix: "sha256=" },
  "x-hub-signature": { algorithm: "sha1", encoding: "hex", signedContent: "{body}", signaturePrefix: "sha1=" },
};

/** How surely a header carries its role: the verifier reads one header per role. */
function rank(h: DraftHeader): number {
  const n = h.name.toLowerCase();
  if (STANDARD[n] || n === "x-hub-signature-256") return 3;
  if (n.includes("delivery") || n === "x-hub-signature") return 2;
  return 1;
}

/** One header for each of signature, timestamp and id, the likeliest; the rest are `other`. */
function oneEach(headers: DraftHeader[]): DraftHeader[] {
  for (const role of ["signature", "timestamp", "id"] as const) {
    const all = headers.filter((h) => h.role === role);
    const best = all.reduce<DraftHeader | undefined>((a, h) => (a === undefined || rank(h) > rank(a) ? h : a), undefined);
    for (const h of all) if (h !== best) h.role = "other";
  }
  return headers;
}

/** `ops`: each webhook's header parameters (the type header already left out). */
export function signingFrom(ops: HeaderParam[][], hint: SigningHint | undefined, warn: Warn): DraftSigning | undefined {
  const byName = new Map<string, { header: DraftHeader; count: number; first: HeaderParam }>();
  for (const params of ops)
    for (const p of params) {
      const name = String(p.node.name);
      const key = name.toLowerCase();
      const seen = byName.get(key);
      if (seen) {
        seen.count++;
        continue;
      }
      byName.set(key, { header: header(p, name, warn), count: 1, first: p });
    }
  for (const { count, first, header } of byName.values())
    if (count < ops.length)
      warn({ code: "IMP202", file: first.loc.file, pointer: first.loc.pointer, message: `header '${header.name}' is on ${count} of ${ops.length} webhooks; the catalog's headers are the same for every event, so it is listed for all` });
  const headers = oneEach([...byName.values()].map((h) => h.header));
  if (!headers.length && !hint) return undefined;
  const names = new Set(headers.map((h) => h.name.toLowerCase()));
  const standard = Object.keys(STANDARD).every((n) => names.has(n));
  const scheme = (["standard-webhooks", "hmac-sha256", "none"] as const).find((s) => s === hint?.scheme) ?? (standard ? "standard-webhooks" : headers.some((h) => h.role === "signature") ? "hmac-sha256" : "none");
  const signature = headers.find((h) => h.role === "signature");
  const out: DraftSigning = { scheme, headers };
  if (hint) {
    for (const k of [...SIGNING_FACTS, "notes"] as const) {
      const v = hint[k];
      const ok = k === "tolerance" ? typeof v === "number" : k === "signatureConstants" ? isRec(v) && Object.values(v).every((x) => typeof x === "string") : typeof v === "string";
      if (ok) (out as Record<string, unknown>)[k] = v;
    }
  } else if (scheme === "standard-webhooks") Object.assign(out, { algorithm: "sha256", encoding: "base64", signedContent: "{id}.{timestamp}.{body}", signaturePrefix: "v1," });
  else if (signature && GITHUB[signature.name.toLowerCase()]) Object.assign(out, GITHUB[signature.name.toLowerCase()]);
  const required = typeof hint?.required === "boolean" ? hint.required : signature?.required;
  if (scheme !== "none" && required === false) out.required = false;
  return out;
}

function header(p: HeaderParam, name: string, warn: Warn): DraftHeader {
  const h: DraftHeader = { name, role: role(name), required: p.node.required === true };
  let description = typeof p.node.description === "string" ? p.node.description : "";
  // Our OpenAPI writes a header's format into its description; read it back out.
  const m = /(?:^| )Format: `([^`]+)`\.$/.exec(description);
  if (m) {
    h.format = m[1]!;
    description = description.slice(0, m.index);
  }
  if (description.trim()) h.description = description;
  const schema = p.node.schema;
  if (isRec(schema) && Object.keys(schema).some((k) => !["type", "description", "title", "example", "examples"].includes(k)))
    warn({ code: "IMP202", file: p.loc.file, pointer: `${p.loc.pointer}/schema`, message: `header '${name}': its schema cannot be said in the catalog; any string is accepted` });
  return h;
}
