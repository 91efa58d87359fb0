// Diagnostics are values, collected across a whole run and printed the way tsc and eslint print
// them, so editors and CI annotators can jump to `file:line:col`.

export type Severity = "error" | "warning";

export interface SourcePos {
  file: string;
  line: number;
  col: number;
}

export interface Diagnostic {
  code: string;
  severity: Severity;
  message: string;
  pos: SourcePos;
  /** What to do about it, printed on its own line after the message. */
  hint?: string;
}

/** The longest message or hint printed; longer ones (a quoted value, usually) end in "…". */
export const MAX_MESSAGE = 400;

/** Text safe to print on one line: control characters (a binary file's bytes, a newline in a
 * quoted value, terminal escapes, bidi overrides) shown as escapes, and at most `max` characters. */
export function oneLine(text: string, max = MAX_MESSAGE): string {
  const safe = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff\ufffd]/g, (c) =>
    c === "\n" ? "\\n" : c === "\t" ? "\\t" : c === "\ufffd" ? "\\ufffd" : `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
  return [...safe].length > max ? [...safe].slice(0, max - 1).join("") + "…" : safe;
}

/** `file:line:col: severity CODE: message`, then the hint indented on the next line. */
export function formatDiagnostic(d: Diagnostic): string {
  const head = `${oneLine(d.pos.file)}:${d.pos.line}:${d.pos.col}: ${d.severity} ${d.code}: ${oneLine(d.message)}`;
  return d.hint ? `${head}\n  ${oneLine(d.hint)}` : head;
}

/** Problems printed for one file by default: a file that breaks one rule 20,000 times shows the
 * first 50 and a count of the rest (--max-problems). */
export const MAX_PROBLEMS_PER_FILE = 50;

export interface Bounded {
  shown: Diagnostic[];
  /** Problems left out, by file, in the order of the files. */
  hidden: Map<string, number>;
}

/** The first `max` problems of each file (0: all), keeping the order. */
export function boundPerFile(ds: readonly Diagnostic[], max: number): Bounded {
  const counts = new Map<string, number>();
  const hidden = new Map<string, number>();
  const shown: Diagnostic[] = [];
  for (const d of ds) {
    const n = (counts.get(d.pos.file) ?? 0) + 1;
    counts.set(d.pos.file, n);
    if (max === 0 || n <= max) shown.push(d);
    else hidden.set(d.pos.file, (hidden.get(d.pos.file) ?? 0) + 1);
  }
  return { shown, hidden };
}

/** The line that stands for a file's problems left out. */
export const moreLine = (file: string, n: number) => `  … and ${n} more in ${oneLine(file)} (run with --max-problems 0 to see all)`;

/** Diagnostics as text, the first `max` per file, each file's left-out count after its last. */
export function formatBounded(ds: readonly Diagnostic[], max: number): string[] {
  const { shown, hidden } = boundPerFile(ds, max);
  const lines: string[] = [];
  shown.forEach((d, i) => {
    lines.push(formatDiagnostic(d));
    const n = hidden.get(d.pos.file);
    if (n && shown[i + 1]?.pos.file !== d.pos.file) lines.push(moreLine(d.pos.file, n));
  });
  return lines;
}

export function hasErrors(ds: readonly Diagnostic[]): boolean {
  return ds.some((d) => d.severity === "error");
}

export function sortDiagnostics(ds: Diagnostic[]): Diagnostic[] {
  return ds.sort(
    (a, b) =>
      a.pos.file.localeCompare(b.pos.file) ||
      a.pos.line - b.pos.line ||
      a.pos.col - b.pos.col ||
      a.code.localeCompare(b.code),
  );
}

export function summarize(ds: readonly Diagnostic[]): string {
  const errors = ds.filter((d) => d.severity === "error").length;
  const warnings = ds.length - errors;
  return `${plural(errors, "error")}, ${plural(warnings, "warning")}`;
}

/** `1 event`, `2 events`: counts in progress and summary lines. */
export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
