// A catalog's signing block, with its defaults filled in: what the checker's signing rules and the
// model both read. A scheme preset (standard-webhooks) supplies every fact the block leaves out;
// hmac-sha256 supplies the usual ones (sha256, hex, the raw body, a UTF-8 secret).
import type { RawSigning } from "../check/catalog-shape.ts";
import type { SourcePos } from "../diagnostics.ts";

export type Role = "signature" | "timestamp" | "id" | "other";

export interface ResolvedHeader {
  name: string;
  role: Role;
  description?: string;
  format?: string;
  required: boolean;
  pos?: SourcePos;
}

export interface ResolvedSigning {
  scheme: "standard-webhooks" | "hmac-sha256" | "none";
  algorithm: "sha256" | "sha1" | "sha512";
  encoding: "base64" | "hex";
  signedContent: string;
  signaturePrefix?: string;
  signatureSeparator?: string;
  signaturePart?: string;
  signatureConstants?: Record<string, string>;
  timestampPart?: string;
  timestampUnit: "seconds" | "milliseconds";
  tolerance: number;
  secretPrefix?: string;
  secretEncoding: "utf8" | "base64";
  required: boolean;
  headers: ResolvedHeader[];
}

/** The facts of a signing block besides its scheme, headers, required and notes, in the order
 * catalogs, OpenAPI's x-eventgen.signing and the importer write them. */
export const SIGNING_FACTS = [
  "algorithm",
  "encoding",
  "signedContent",
  "signaturePrefix",
  "signatureSeparator",
  "signaturePart",
  "signatureConstants",
  "timestampPart",
  "timestampUnit",
  "tolerance",
  "secretPrefix",
  "secretEncoding",
] as const;
export type SigningFact = (typeof SIGNING_FACTS)[number];

/** The placeholders a signed content may name. */
export const PLACEHOLDERS = ["id", "timestamp", "body"] as const;

const STANDARD_HEADERS: ResolvedHeader[] = [
  { name: "webhook-id", role: "id", required: true, description: "The message id; the same on every retry of a delivery" },
  { name: "webhook-timestamp", role: "timestamp", required: true, description: "When the delivery was attempted, in Unix seconds" },
  { name: "webhook-signature", role: "signature", required: true, format: "v1,<base64>", description: "Space-separated `v1,<signature>` entries; any one matching is enough." },
];

export function resolveSigning(s: Partial<RawSigning>): ResolvedSigning {
  const standard = s.scheme === "standard-webhooks";
  const given = (s.headers ?? []).map(
    (h): ResolvedHeader => ({
      name: h.key,
      role: (h.value.role ?? "other") as Role,
      ...(h.value.description !== undefined ? { description: h.value.description } : {}),
      ...(h.value.format !== undefined ? { format: h.value.format } : {}),
      required: h.value.required ?? true,
      pos: h.pos,
    }),
  );
  const headers = standard && !given.length ? STANDARD_HEADERS : given;
  const pick = <T>(value: T | undefined, ifStandard: T | undefined, otherwise: T | undefined) => value ?? (standard ? ifStandard : otherwise);
  const out: ResolvedSigning = {
    scheme: (s.scheme ?? "none") as ResolvedSigning["scheme"],
    algorithm: (s.algorithm ?? "sha256") as ResolvedSigning["algorithm"],
    encoding: pick(s.encoding as ResolvedSigning["encoding"] | undefined, "base64", "hex")!,
    signedContent: pick(s.signedContent, "{id}.{timestamp}.{body}", "{body}")!,
    timestampUnit: (s.timestampUnit ?? "seconds") as ResolvedSigning["timestampUnit"],
    tolerance: s.tolerance ?? 300,
    secretEncoding: pick(s.secretEncoding as ResolvedSigning["secretEncoding"] | undefined, "base64", "utf8")!,
    required: s.required ?? true,
    headers,
  };
  const prefix = pick(s.signaturePrefix, "v1,", undefined);
  if (prefix !== undefined) out.signaturePrefix = prefix;
  const separator = pick(s.signatureSeparator, " ", undefined);
  if (separator !== undefined) out.signatureSeparator = separator;
  if (s.signaturePart !== undefined) out.signaturePart = s.signaturePart;
  if (s.signatureConstants?.length) out.signatureConstants = Object.fromEntries(s.signatureConstants.map((e) => [e.key, e.value]));
  if (s.timestampPart !== undefined) out.timestampPart = s.timestampPart;
  const secretPrefix = pick(s.secretPrefix, "whsec_", undefined);
  if (secretPrefix !== undefined) out.secretPrefix = secretPrefix;
  return out;
}

/** The placeholders a signed content names, with unknown ones. */
export function placeholders(content: string): string[] {
  return [...content.matchAll(/\{([^{}]*)\}/g)].map((m) => m[1]!);
}
