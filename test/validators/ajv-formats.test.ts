// Our format checks against ajv-formats (full mode): the same verdicts, except in the documented
// places where Ajv departs from RFC 3986 / RFC 3339 and we follow the RFC. Each such place is
// pinned by example (so a fixed Ajv shows up here), and a property checks that every other
// disagreement is absent.
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AJV_DIFFERS, FORMATS, ours } from "./our-formats.ts";

const ajv = new Ajv2020.default({ strict: false });
addFormats.default(ajv, { mode: "full" });
const ajvChecks = new Map(FORMATS.map((f) => [f, ajv.compile({ type: "string", format: f })]));
const theirs = (f: string, s: string) => ajvChecks.get(f)!(s) as boolean;

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * Ajv's `\/?\/` lets one slash start an authority: it reads "x:/[::1]/" as "x://[::1]/" and
 * "x://u:C/p" as "x:/" + an empty authority + the path "/u:C/p". True when that reading explains
 * why Ajv accepts `s`: `s` is valid for us with the slash it took doubled.
 */
function oneSlashAuthority(f: string, s: string): boolean {
  const scheme = SCHEME.exec(s)?.[0] ?? "";
  if (f === "uri" && !scheme) return false;
  return s.startsWith(scheme + "/") && ours(f, scheme + "//" + s.slice(scheme.length + 1));
}

/** Whether a disagreement on `s` is one of the documented ones, in the documented direction. */
function documented(f: string, s: string, we: boolean): boolean {
  switch (f) {
    case "uri":
      // "a:", "urn:?q": RFC 3986 allows an empty hier-part (path-empty); Ajv does not.
      return we ? /^[a-z][a-z0-9+.-]*:(?:[?#]|$)/i.test(s) : oneSlashAuthority(f, s);
    case "uri-reference":
      // `"` is nowhere in RFC 3986; a colon in a relative reference's first segment reads as a scheme.
      if (we) return false;
      return s.includes('"') || (/^[^/?#]*:/.test(s) && !SCHEME.test(s)) || oneSlashAuthority(f, s);
    case "time":
    case "date-time":
      // ±hhmm and ±hh offsets; for date-time also whitespace other than a space before the time.
      return !we && (/[+-]\d\d(?:\d\d)?$/.test(s) || (f === "date-time" && /^\d{4}-\d\d-\d\d[^Tt ]/.test(s)));
    default:
      return false;
  }
}

const SEEDS: Record<string, string[]> = {
  uuid: ["3f2b8c1e-5a7d-4e9f-8b6a-1c2d3e4f5a6b", "00000000-0000-0000-0000-000000000000", "urn:uuid:3f2b8c1e-5a7d-4e9f-8b6a-1c2d3e4f5a6b"],
  "date-time": ["2024-02-29T23:59:59.5+01:00", "2024-01-01t00:00:00z", "2024-06-30T23:59:60Z", "2024-01-01 00:00:00Z", "1990-12-31T15:59:60-08:00"],
  date: ["2024-02-29", "2023-02-28", "2000-02-29", "1900-02-28"],
  time: ["23:59:59Z", "23:59:60Z", "10:00:00.123+05:30", "15:59:60-08:00"],
  uri: ["https://example.com/a?b#c", "urn:isbn:1", "http://[::1]:8080/", "http://[v1.x]/", "mailto:a@b.c", "foo://u:p@h/%41?q=1#f"],
  "uri-reference": ["../a/b", "", "#f", "//host/x", "/a:b", "./c:d", "?q", "https://x.y/z"],
  email: ["a.b@example.com", "x+y@sub.example.org", "a@b.co"],
  hostname: ["api.example.com", "a", "xn--bcher-kva.example", "a-b.c", "localhost"],
  ipv4: ["192.0.2.1", "0.0.0.0", "255.255.255.255"],
  ipv6: ["::1", "2001:db8::1", "::ffff:1.2.3.4", "1:2:3:4:5:6:7:8", "fe80::"],
};
const UNITS = fc.constantFrom(..."0123456789abcdefxyzABCFTZtz:-.@/?#[]%_+ \"é\u00a0".split(""));
const stringsFor = (f: string) =>
  fc.oneof(
    fc.string({ unit: UNITS, maxLength: 30 }),
    fc.constantFrom(...SEEDS[f]!),
    // A seed with a short run of characters replaced: near misses are where checks disagree.
    fc.tuple(fc.constantFrom(...SEEDS[f]!), fc.nat(), fc.nat(3), fc.string({ unit: UNITS, maxLength: 3 })).map(([s, at, cut, ins]) => {
      const i = at % (s.length + 1);
      return s.slice(0, i) + ins + s.slice(i + cut);
    }),
  );

describe("our formats and ajv-formats", () => {
  it("the documented formats are ones we implement", () => {
    for (const f of Object.keys(AJV_DIFFERS)) expect(FORMATS).toContain(f);
  });

  it.each(FORMATS)("%s: the seeds are valid for both", (f) => {
    for (const s of SEEDS[f]!) expect([s, ours(f, s), theirs(f, s)]).toEqual([s, true, true]);
  });

  it.each<[string, string, boolean, boolean]>([
    // format, string, ours (the RFC's answer), Ajv's
    ["uri", "urn:", true, false],
    ["uri", "a:?q", true, false],
    ["uri", "http:/[::1]/", false, true],
    ["uri-reference", 'a"b', false, true],
    ["uri-reference", "2001:db8::1::1", false, true],
    ["uri-reference", "//@@", false, true],
    ["uri", "foo://u:C/p", false, true],
    ["time", "10:00:00+0530", false, true],
    ["time", "10:00:00+05", false, true],
    ["date-time", "2024-01-01T10:00:00+0530", false, true],
    ["date-time", "2024-01-01\u00a010:00:00Z", false, true],
    // Where Ajv's looser `uri` regex of fast mode would differ, full mode and we agree:
    ["uri", "http://ex.com/a[b]", false, false],
    ["uri", "http://[::1.2]/", false, false],
    ["uri", "https://exam#ple.com/a?b#c", false, false],
    ["uri-reference", "x[y]", false, false],
  ])("%s %j: ours %s, Ajv %s", (f, s, want, ajvSays) => {
    expect(ours(f, s)).toBe(want);
    expect(theirs(f, s)).toBe(ajvSays);
    if (want !== ajvSays) expect(documented(f, s, want)).toBe(true);
  });

  it.each(FORMATS)("%s: every disagreement is a documented one", (f) => {
    fc.assert(
      fc.property(stringsFor(f), (s) => {
        const we = ours(f, s);
        if (we !== theirs(f, s)) expect(documented(f, s, we), `${f} ${JSON.stringify(s)}: ours ${we}`).toBe(true);
      }),
      { numRuns: 4000 },
    );
  });
});

describe("other known Ajv differences", () => {
  it("Ajv skips a property named __proto__ in `properties`; ours checks it (ajv-agreement.test.ts renames it for Ajv)", async () => {
    const schema = JSON.parse('{"type":"object","properties":{"__proto__":{"type":"string","maxLength":3}}}');
    const body = JSON.parse('{"__proto__":"abcd"}');
    expect(new Ajv2020.default({ strict: false, ownProperties: true }).validate(schema, body)).toBe(true);
    const { validators } = await import("../cases/constructs/generated/constructs/src/index.ts");
    const bounds = JSON.parse('{"kind":"strings.bounds","id":"e","data":{"code":"ABC-1","short":"ab","status":"active","fixed":"auto_closed","__proto__":"abcd"}}');
    expect(validators["strings.bounds"](bounds).ok).toBe(false);
  });
});
