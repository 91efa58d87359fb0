// What the validator emitters need to know of the fixed runtime (generator/runtime/validate.ts):
// which of its functions checks each format, and how messages name the formats. The names are
// checked against the runtime module's exports by the compiler.
import type * as rt from "../../runtime/validate.ts";

/** The import specifier of the runtime's validation helpers, from a package's src/ or dist/. */
export const VALIDATE_MODULE = "./runtime/validate.js";

/** A function of the runtime that generated checks call (a misspelt name does not compile). */
export type Helper = keyof typeof rt & string;

export const FORMAT_HELPER: Record<string, Helper> = {
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
