// `eventgen diff <old> <new>` and `eventgen diff --base <git-ref> [paths...]`: load both versions
// through the same pipeline as lint and generate, compare the models, print the report. Reads the
// old versions with `git show`; writes nothing.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { relative, sep } from "node:path";
import { UsageError, type Io } from "../cli.ts";
import { formatDiagnostic, hasErrors, type Diagnostic } from "../diagnostics.ts";
import { loadAndCheck, loadAndCheckText, type Loaded } from "../load-and-check.ts";
import { displayPath, findCatalogFiles, MAX_CATALOG_BYTES } from "../load/read-catalogs.ts";
import type { CatalogModel } from "../model/ir.ts";
import type { Level } from "../diff/change.ts";
import { formatChangelog } from "../diff/format/changelog.ts";
import { formatGithub } from "../diff/format/github.ts";
import { formatJson } from "../diff/format/json.ts";
import { formatMarkdown } from "../diff/format/markdown.ts";
import { formatText } from "../diff/format/text.ts";
import { counts, type CatalogDiff } from "../diff/report.ts";
import { diffCatalogs, emptied } from "../diff/run.ts";

export const FORMATS = { text: formatText, markdown: formatMarkdown, json: formatJson, github: formatGithub } as const;
export const FAIL_ON = ["breaking", "warning", "info", "version"] as const;
type FailOn = (typeof FAIL_ON)[number];

const REACHES: Record<Exclude<FailOn, "version">, Level[]> = { breaking: ["breaking"], warning: ["breaking", "warning"], info: ["breaking", "warning", "info"] };

export async function diffCommand(positionals: string[], values: Record<string, unknown>, io: Io): Promise<number> {
  const format = (values["format"] as string | undefined) ?? "text";
  if (!(format in FORMATS)) throw new UsageError(`unknown --format '${format}'; expected ${Object.keys(FORMATS).join(", ")}`);
  const failOn = ((values["fail-on"] as string | undefined) ?? "breaking") as FailOn;
  if (!FAIL_ON.includes(failOn)) throw new UsageError(`unknown --fail-on '${failOn}'; expected ${FAIL_ON.join(", ")}`);
  const changelog = values["changelog"] === true;
  if (changelog && values["format"] !== undefined) throw new UsageError("--changelog prints the changelog entry instead of a report: leave out --format");
  const base = values["base"] as string | undefined;

  const pairs = base !== undefined ? loadFromGit(base, positionals) : loadPair(positionals);
  const problems = pairs.flatMap((p) => p.diagnostics);
  const show = (ds: Diagnostic[]) => {
    for (const d of ds) {
      if (format === "github") io.out(`::${d.severity === "error" ? "error" : "warning"} file=${d.pos.file},line=${d.pos.line},col=${d.pos.col},title=${d.code}::${d.message.replace(/%/g, "%25").replace(/\n/g, "%0A")}`);
      else io.err(formatDiagnostic(d));
    }
  };
  show(problems);
  if (hasErrors(problems)) {
    io.err("eventgen diff: a catalog does not load, so nothing was compared.");
    return 1;
  }

  const diffs: CatalogDiff[] = [];
  for (const p of pairs) {
    const d = await diffCatalogs(p.old ?? emptied(p.new!), p.new ?? emptied(p.old!));
    if (!p.old) (d.oldFile = `${base}: (no such file)`), (d.version = { old: "none", new: d.version.new, enough: true });
    if (!p.new) d.file = `${d.file} (deleted)`;
    diffs.push(d);
  }

  const text = changelog ? formatChangelog(diffs) : FORMATS[format as keyof typeof FORMATS](diffs);
  if (text) io.out(text);
  if (changelog || format === "json") for (const d of diffs) io.err(`eventgen diff: ${d.catalog}: ${counts(d.changes)}; required bump ${d.bump}${d.version.enough ? "" : `; version ${d.version.new} is not enough`}`);

  const failed = failOn === "version" ? diffs.some((d) => !d.version.enough) : diffs.some((d) => d.changes.some((c) => REACHES[failOn].includes(c.level)));
  return failed ? 1 : 0;
}

interface Pair {
  old?: CatalogModel;
  new?: CatalogModel;
  diagnostics: Diagnostic[];
}

function loadPair(positionals: string[]): Pair[] {
  if (positionals.length !== 2) throw new UsageError(positionals.length < 2 ? "give the old and the new catalog file, or --base <git-ref>" : `unexpected argument '${positionals[2]}'`);
  const [a, b] = positionals.map((p) => {
    if (!existsSync(p)) throw new UsageError(`${p}: no such file`);
    return loadAndCheck([p]);
  }) as [Loaded, Loaded];
  if (a.models.length > 1 || b.models.length > 1) throw new UsageError("diff compares two catalog files, not folders; use --base <git-ref> <folder> for folders");
  return [{ old: a.models[0], new: b.models[0], diagnostics: [...a.diagnostics, ...b.diagnostics] }];
}

function git(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync("git", args, { encoding: "utf8", maxBuffer: MAX_CATALOG_BYTES + 1024 });
  if (r.error) throw new UsageError(`cannot run git: ${r.error.message}`);
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const isCatalog = (p: string) => /\.ya?ml$/i.test(p);

function loadFromGit(ref: string, positionals: string[]): Pair[] {
  if (ref.startsWith("-") || !ref) throw new UsageError(`--base '${ref}' is not a git revision`);
  const verify = git(["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]);
  if (verify.status !== 0) throw new UsageError(`--base ${ref}: not a commit in this git repository${verify.stderr.trim() ? ` (${verify.stderr.trim().split("\n")[0]})` : ""}`);
  const inputs = positionals.length ? positionals : ["catalog"];
  const found = findCatalogFiles(inputs);
  const pairs: Pair[] = [];
  if (found.diagnostics.length) pairs.push({ diagnostics: found.diagnostics });
  const rel = (p: string) => relative(process.cwd(), p).split(sep).join("/");
  const seen = new Set<string>();
  for (const path of found.paths) {
    const r = rel(path);
    seen.add(r);
    const now = loadAndCheck([path]);
    const then = git(["show", `${ref}:./${r}`]);
    if (then.status !== 0) {
      // Not in that commit: a catalog added since.
      pairs.push({ new: now.models[0], diagnostics: now.diagnostics });
      continue;
    }
    const before = loadAndCheckText(path, then.stdout, `${ref}:${displayPath(path)}`);
    pairs.push({ old: before.models[0], new: now.models[0], diagnostics: [...before.diagnostics, ...now.diagnostics] });
  }
  // Catalogs that the commit has and the working tree no longer does.
  const listed = git(["ls-tree", "-r", "--name-only", ref, "--", ...inputs]);
  if (listed.status === 0)
    for (const r of listed.stdout.split("\n").filter((l) => l && isCatalog(l) && !seen.has(l) && !existsSync(l))) {
      const then = git(["show", `${ref}:./${r}`]);
      if (then.status !== 0) continue;
      const before = loadAndCheckText(r, then.stdout, `${ref}:${r}`);
      pairs.push({ old: before.models[0], diagnostics: before.diagnostics });
    }
  return pairs.filter((p) => p.old || p.new || p.diagnostics.length);
}
