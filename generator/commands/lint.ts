// `eventgen lint`: every check that `generate` runs (the examples too), nothing written. A catalog
// that lint passes is one that generate accepts.
import { createRequire } from "node:module";
import { boundPerFile, hasErrors, MAX_PROBLEMS_PER_FILE, plural, sortDiagnostics, summarize, type Diagnostic } from "../diagnostics.ts";
import { checkModelExamples, loadAndCheck } from "../load-and-check.ts";
import { choiceOption, intOption } from "../cli-options.ts";
import { FORMATS, formatReport } from "../report/formats.ts";
import { watchAndRun } from "../watch.ts";
import type { Io } from "../cli.ts";

export interface LintResult {
  diagnostics: Diagnostic[];
  catalogs: number;
  events: number;
}

/** Loads, checks and runs the examples of every catalog under `inputs`. */
export async function lintCatalogs(inputs: readonly string[]): Promise<LintResult> {
  const { diagnostics, models } = loadAndCheck(inputs);
  const problems = [...diagnostics];
  for (const model of models) problems.push(...(await checkModelExamples(model)));
  return { diagnostics: problems, catalogs: models.length, events: models.reduce((n, m) => n + m.events.length, 0) };
}

export async function lint(paths: string[], values: Record<string, unknown>, io: Io): Promise<number> {
  const format = choiceOption(values, "format", FORMATS, "text");
  const maxProblems = intOption(values, "max-problems", MAX_PROBLEMS_PER_FILE);
  const maxWarnings = intOption(values, "max-warnings", -1, -1);
  const inputs = paths.length ? paths : ["catalog"];
  const once = async () => {
    const { diagnostics, catalogs, events } = await lintCatalogs(inputs);
    const ordered = sortDiagnostics([...diagnostics]);
    for (const line of formatReport(format, ordered, maxProblems, { version: version() })) io.out(line);
    const warnings = diagnostics.filter((d) => d.severity === "warning").length;
    const tooManyWarnings = maxWarnings >= 0 && warnings > maxWarnings;
    // Machine formats keep stdout to the document; the summary goes to stderr.
    const say = format === "json" || format === "sarif" ? io.err : io.out;
    if (diagnostics.length) say(`${format === "text" ? "\n" : ""}${summarize(diagnostics)}`);
    else say(`${plural(catalogs, "catalog")}, ${plural(events, "event")}: no problems`);
    if (say === io.err) {
      const left = [...boundPerFile(ordered, maxProblems).hidden.values()].reduce((a, b) => a + b, 0);
      if (left) say(`eventgen lint: ${left} more left out of the ${format} output (at most ${maxProblems} per file; run with --max-problems 0 to see all)`);
    }
    if (tooManyWarnings) say(`eventgen lint: ${plural(warnings, "warning")}, more than --max-warnings ${maxWarnings} allows`);
    return { code: hasErrors(diagnostics) || tooManyWarnings ? 1 : 0, diagnostics };
  };
  if (!values["watch"]) return (await once()).code;
  await watchAndRun({
    paths: inputs,
    run: async () => {
      const { diagnostics } = await once();
      return diagnostics.length ? `linted: ${summarize(diagnostics)}` : "linted: no problems";
    },
    say: io.err,
  });
  return 0;
}

const version = () => (createRequire(import.meta.url)("../../package.json") as { version: string }).version;
