import { formatDiagnostic, hasErrors, summarize } from "../diagnostics.ts";
import { loadAndCheck } from "../load-and-check.ts";
import type { Io } from "../cli.ts";

export async function lint(paths: string[], io: Io): Promise<number> {
  const { diagnostics, models } = loadAndCheck(paths.length ? paths : ["catalog"]);
  for (const d of diagnostics) io.out(formatDiagnostic(d));
  if (diagnostics.length) io.out(`\n${summarize(diagnostics)}`);
  else {
    const events = models.reduce((n, m) => n + m.events.length, 0);
    io.out(`${models.length} catalog${models.length === 1 ? "" : "s"}, ${events} event${events === 1 ? "" : "s"}: no problems`);
  }
  return hasErrors(diagnostics) ? 1 : 0;
}
