import { formatDiagnostic, hasErrors, plural, summarize } from "../diagnostics.ts";
import { loadAndCheck } from "../load-and-check.ts";
import type { Io } from "../cli.ts";

export async function lint(paths: string[], io: Io): Promise<number> {
  const { diagnostics, models } = loadAndCheck(paths.length ? paths : ["catalog"]);
  for (const d of diagnostics) io.out(formatDiagnostic(d));
  if (diagnostics.length) io.out(`\n${summarize(diagnostics)}`);
  else {
    const events = models.reduce((n, m) => n + m.events.length, 0);
    io.out(`${plural(models.length, "catalog")}, ${plural(events, "event")}: no problems`);
  }
  return hasErrors(diagnostics) ? 1 : 0;
}
