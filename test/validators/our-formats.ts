// Our format checks one at a time (through the constructs case's `strings.formats` event, which
// has an optional field per format), and the formats where Ajv knowingly answers differently.
import { validators } from "../cases/constructs/generated/constructs/src/index.ts";

const FIELD: Record<string, string> = {
  uuid: "uuid",
  "date-time": "date_time",
  date: "date",
  time: "time",
  uri: "uri",
  "uri-reference": "uri_reference",
  email: "email",
  hostname: "hostname",
  ipv4: "ipv4",
  ipv6: "ipv6",
};

export const FORMATS = Object.keys(FIELD);

/** Our verdict on one string for one format. */
export function ours(format: string, s: string): boolean {
  return validators["strings.formats"]({ kind: "strings.formats", id: "e", data: { [FIELD[format]!]: s } }).ok;
}

/**
 * Formats where ajv-formats (full mode) and RFC 3986 disagree, and we follow the RFC. The examples
 * are pinned in ajv-formats.test.ts; the agreement property gives Ajv our check for these.
 */
export const AJV_DIFFERS: Record<string, string> = {
  // RFC 3986 allows an empty hier-part (path-empty): "urn:" and "a:?q" are URIs; Ajv says no.
  // Ajv also takes "http:/[::1]/" (an IP literal after one slash, where no authority can be).
  uri: "empty hier-part; an IP literal without //",
  // Ajv's character classes include `"` (RFC 3986 has no `"` anywhere), and it accepts a colon in
  // a relative reference's first segment ("2001:db8::1::1", "9e:6"), which RFC 3986 4.2 forbids
  // because it would read as a scheme.
  "uri-reference": '`"`; a colon in the first segment of a relative path',
  // RFC 3339's time-offset is "Z" or ±hh:mm; Ajv also takes ±hhmm and ±hh.
  time: "offsets without a colon or minutes",
  // The same offsets, and any whitespace (a tab, U+00A0) between date and time. Both of us take
  // "T", "t" and a space (RFC 3339 5.6's note allows the space).
  "date-time": "offsets without a colon or minutes; whitespace other than a space as the separator",
};
