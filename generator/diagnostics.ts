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

export function formatDiagnostic(d: Diagnostic): string {
  const head = `${d.pos.file}:${d.pos.line}:${d.pos.col}: ${d.severity} ${d.code}: ${d.message}`;
  return d.hint ? `${head}\n  ${d.hint}` : head;
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
