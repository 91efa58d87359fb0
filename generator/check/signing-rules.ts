// Signing that cannot work, found before any code is generated: a signed content that names a
// part nothing carries, a signature nobody sends, a composite header without its signature part.
// Each is EG320, at the key to change.
import type { SourcePos } from "../diagnostics.ts";
import { PLACEHOLDERS, placeholders, resolveSigning } from "../model/signing.ts";
import type { RawSigning } from "./catalog-shape.ts";
import { absent, posOf } from "./shape.ts";

type Report = (pos: SourcePos, message: string, hint?: string) => void;

export function checkSigning(raw: Partial<RawSigning>, report: Report): void {
  if (raw.scheme === undefined || raw.scheme === "none") return;
  // A malformed headers list hides the roles: say nothing of what they would carry.
  if (raw.headers === undefined && !absent(raw, "headers")) return;
  const s = resolveSigning(raw);
  const at = (key: string) => posOf(raw, key);
  const role = (r: string) => s.headers.filter((h) => h.role === r);
  const signatures = role("signature");
  if (!signatures.length)
    report(at("headers"), "no header carries the signature", "give the signature's header `role: signature`, or use `scheme: none` for unsigned deliveries");
  for (const extra of signatures.slice(1)) report(extra.pos ?? at("headers"), `two headers carry the signature ('${signatures[0]!.name}' and '${extra.name}')`, "give one of them another role");
  for (const r of ["timestamp", "id"])
    for (const extra of role(r).slice(1)) report(extra.pos ?? at("headers"), `two headers carry the ${r} ('${role(r)[0]!.name}' and '${extra.name}')`);

  const named = placeholders(s.signedContent);
  const contentAt = at("signedContent");
  for (const p of named)
    if (!(PLACEHOLDERS as readonly string[]).includes(p)) report(contentAt, `signedContent names an unknown part {${p}}`, "the parts are {id}, {timestamp} and {body}");
  if (!named.includes("body")) report(contentAt, "signedContent does not cover the body, so a signature would not protect it", 'include {body}, e.g. "{timestamp}.{body}"');
  const hasTimestamp = s.timestampPart !== undefined || role("timestamp").length > 0;
  if (named.includes("timestamp") && !hasTimestamp)
    report(contentAt, "signedContent names {timestamp}, but nothing carries a timestamp", "add a header with `role: timestamp`, or `timestampPart` for a part of the signature header (Stripe's `t`)");
  if (named.includes("id") && !role("id").length) report(contentAt, "signedContent names {id}, but no header carries the delivery id", "add a header with `role: id`");
  if (s.timestampPart !== undefined && s.signaturePart === undefined)
    report(at("timestampPart"), "timestampPart makes the signature header a list of key=value parts, but no part carries the signature", "add `signaturePart`, e.g. `signaturePart: v1`");
  if (s.signaturePart !== undefined && s.signatureSeparator !== undefined && !absent(raw, "signatureSeparator"))
    report(at("signatureSeparator"), "signatureSeparator and signaturePart cannot be combined: parts are separated by commas, and each `signaturePart` part is one signature");
  if (s.signatureConstants !== undefined && s.signaturePart === undefined)
    report(at("signatureConstants"), "signatureConstants are parts of a key=value signature header, but signaturePart is not set", "add `signaturePart`, e.g. `signaturePart: v`");
  if (s.timestampPart !== undefined && role("timestamp").length)
    report(at("timestampPart"), `the timestamp is both the '${s.timestampPart}' part and the '${role("timestamp")[0]!.name}' header`, "keep one of them");
  if (s.timestampPart !== undefined && s.timestampPart === s.signaturePart) report(at("timestampPart"), "timestampPart and signaturePart name the same part");
}
