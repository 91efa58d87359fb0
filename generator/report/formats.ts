// How `lint --format` prints diagnostics: text for people, JSON for scripts and editors, GitHub
// workflow commands for annotations on a pull request, SARIF 2.1.0 for code scanning. Each takes
// the problems already bounded by --max-problems and returns the lines for stdout.
import { codes } from "../check/codes.ts";
import { formatBounded, moreLine, oneLine, type Diagnostic } from "../diagnostics.ts";

export const FORMATS = ["text", "json", "github", "sarif"] as const;
export type Format = (typeof FORMATS)[number];

export interface JsonDiagnostic {
  file: string;
  line: number;
  column: number;
  severity: Diagnostic["severity"];
  code: string;
  message: string;
  hint?: string;
}

export function toJson(d: Diagnostic): JsonDiagnostic {
  return {
    file: d.pos.file,
    line: d.pos.line,
    column: d.pos.col,
    severity: d.severity,
    code: d.code,
    message: oneLine(d.message),
    ...(d.hint ? { hint: oneLine(d.hint) } : {}),
  };
}

/** The lines `format` prints for `ds`, at most `max` per file (0: all). */
export function formatReport(format: Format, ds: readonly Diagnostic[], max: number, tool: { version: string }): string[] {
  switch (format) {
    case "text":
      return formatBounded(ds, max);
    case "json":
      return [JSON.stringify(bound(ds, max).map(toJson), null, 2)];
    case "github":
      return github(ds, max);
    case "sarif":
      return [JSON.stringify(sarif(bound(ds, max), tool.version), null, 2)];
  }
}

function bound(ds: readonly Diagnostic[], max: number): Diagnostic[] {
  if (max === 0) return [...ds];
  const seen = new Map<string, number>();
  return ds.filter((d) => {
    const n = (seen.get(d.pos.file) ?? 0) + 1;
    seen.set(d.pos.file, n);
    return n <= max;
  });
}

// GitHub workflow commands: `::error file=F,line=L,col=C,title=T::message`. Data escapes % CR LF;
// property values also : and , (the runner's own escaping rules).
const data = (s: string) => s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
const property = (s: string) => data(s).replace(/:/g, "%3A").replace(/,/g, "%2C");

function github(ds: readonly Diagnostic[], max: number): string[] {
  const lines: string[] = [];
  const shown = bound(ds, max);
  for (const d of shown) {
    const text = oneLine(d.message) + (d.hint ? `\n${oneLine(d.hint)}` : "");
    lines.push(`::${d.severity} file=${property(d.pos.file)},line=${d.pos.line},col=${d.pos.col},title=${property(`eventgen ${d.code}`)}::${data(text)}`);
  }
  const counts = new Map<string, number>();
  for (const d of ds) counts.set(d.pos.file, (counts.get(d.pos.file) ?? 0) + 1);
  for (const [file, n] of counts) if (max > 0 && n > max) lines.push(moreLine(file, n - max).trim());
  return lines;
}

/** A SARIF 2.1.0 log with one run; every code is a rule, with its description from codes.ts. */
export function sarif(ds: readonly Diagnostic[], version: string): object {
  const ids = Object.keys(codes) as (keyof typeof codes)[];
  return {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "eventgen",
            version,
            informationUri: "https://www.npmjs.com/package/eventgen",
            rules: ids.map((id) => ({ id, shortDescription: { text: codes[id] }, helpUri: "https://www.npmjs.com/package/eventgen#diagnostics" })),
          },
        },
        columnKind: "utf16CodeUnits",
        results: ds.map((d) => ({
          ruleId: d.code,
          ...(ids.includes(d.code as keyof typeof codes) ? { ruleIndex: ids.indexOf(d.code as keyof typeof codes) } : {}),
          level: d.severity,
          message: { text: oneLine(d.message) + (d.hint ? ` (${oneLine(d.hint)})` : "") },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: encodeURI(d.pos.file) },
                region: { startLine: d.pos.line, startColumn: d.pos.col },
              },
            },
          ],
        })),
      },
    ],
  };
}
