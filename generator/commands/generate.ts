// `eventgen generate`: load → check → model → emit → format → (check | write).
import { statSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { formatBounded, formatDiagnostic, hasErrors, MAX_PROBLEMS_PER_FILE, plural, sortDiagnostics, summarize, type Diagnostic } from "../diagnostics.ts";
import { byPath, emitCode, emitSchemaJson } from "../emit/emit-catalog.ts";
import { runtimeFiles } from "../write/runtime-cache.ts";
import { DocumentsThread, makeDocuments } from "../emit/documents-thread.ts";
import type { OutputFile } from "../emit/output.ts";
import type { CatalogModel } from "../model/ir.ts";
import { checkModelExamples, loadAndCheck } from "../load-and-check.ts";
import { compareOutput } from "../write/compare.ts";
import { ownedByEventgen } from "../write/output-tree.ts";
import { writeAtomic, type CatalogOutput } from "../write/write-atomic.ts";
import { confirmedByManifest, MANIFEST, manifestFile, manifestKey, sha256 } from "../write/manifest.ts";
import { orphanedFolders } from "../write/orphans.ts";
import { bannerText } from "../emit/banner.ts";
import { catalogStem, findCatalogFiles, sourcePathOf } from "../load/read-catalogs.ts";
import { UsageError, type Io } from "../cli.ts";
import { intOption } from "../cli-options.ts";
import { watchAndRun } from "../watch.ts";
import { TemplateError } from "../emit/docs/templates.ts";

export interface GenerateOptions {
  catalog?: string[];
  out?: string;
  check?: boolean;
  quiet?: boolean;
  templates?: string;
  timings?: boolean;
  watch?: boolean;
  maxProblems?: number;
}

const shown = (p: string) => {
  const r = relative(process.cwd(), p);
  return (r && !r.startsWith("..") ? r : p).split(sep).join("/");
};

export async function generate(values: Record<string, unknown>, io: Io): Promise<number> {
  const opts: GenerateOptions = { ...(values as GenerateOptions), maxProblems: intOption(values, "max-problems", MAX_PROBLEMS_PER_FILE) };
  if (opts.templates !== undefined) templatesFolder(opts.templates);
  if (!opts.watch) return once(opts, io);
  const inputs = opts.catalog?.length ? opts.catalog : ["catalog"];
  await watchAndRun({
    paths: [...inputs, ...(opts.templates !== undefined ? [opts.templates] : [])],
    run: async () => {
      const done: string[] = [];
      const code = await once(opts, io, done);
      if (code !== 0) return opts.check ? "found problems" : "found problems; nothing was written";
      return `${opts.check ? "checked" : "regenerated"} ${done.join(", ") || "nothing"}`;
    },
    say: io.err,
  });
  return 0;
}

/** One run; `done` receives the ids of the catalogs generated (or checked). */
async function once(opts: GenerateOptions, io: Io, done: string[] = []): Promise<number> {
  try {
    return await run(opts, io, done);
  } catch (e) {
    if (!(e instanceof TemplateError)) throw e;
    io.err(formatDiagnostic(templateDiagnostic(e.message)));
    io.err("eventgen generate: nothing was written; fix the template and run it again.");
    return 1;
  }
}

async function run(opts: GenerateOptions, io: Io, done: string[]): Promise<number> {
  const t0 = performance.now();
  const progress = (line: string) => opts.quiet || io.err(line);
  const inputs = opts.catalog?.length ? opts.catalog : ["catalog"];
  const outRoot = resolve(opts.out ?? "generated");

  // --check on an unchanged catalog: the hashes in each output folder's manifest, compared with
  // the disk, when the manifest was made from exactly these inputs.
  const found = findCatalogFiles(inputs);
  const templates = opts.templates !== undefined ? resolve(opts.templates) : undefined;
  const keys = found.diagnostics.length
    ? undefined
    : new Map(found.paths.map((p) => [catalogStem(p), { dir: join(outRoot, catalogStem(p)), key: manifestKey(p, sourcePathOf(p), templates) }]));
  const orphans = orphanedFolders(outRoot, inputs, found.paths);
  if (opts.check && keys !== undefined && !orphans.length) {
    const tFast = performance.now();
    const confirmed = [...keys.values()].map(({ dir, key }) => confirmedByManifest(dir, key));
    if (confirmed.every((m) => m !== undefined)) {
      for (const w of confirmed.flatMap((m) => m!.warnings)) io.err(w);
      printTimings(opts, { "check (manifest)": performance.now() - tFast }, io);
      const files = confirmed.reduce((n, m) => n + Object.keys(m!.files).length, 0);
      const events = confirmed.reduce((n, m) => n + m!.events, 0);
      done.push(...keys.keys());
      progress(`eventgen: ${plural(confirmed.length, "catalog")}, ${plural(events, "event")}, ${plural(files, "file")} up to date (${secs(t0)}, file hashes compared with each folder's ${MANIFEST})`);
      return 0;
    }
  }

  // A large catalog's documents are made on a second thread, started now so that it is ready by
  // the time the catalogs are loaded.
  const thread = keys !== undefined && useThread(found.paths) ? new DocumentsThread() : undefined;
  try {
    return await generateWith(opts, io, inputs, outRoot, keys, orphans, thread, t0, progress, done);
  } finally {
    thread?.close();
  }
}

async function generateWith(
  opts: GenerateOptions,
  io: Io,
  inputs: string[],
  outRoot: string,
  keys: Map<string, { key: string }> | undefined,
  orphans: string[],
  thread: DocumentsThread | undefined,
  t0: number,
  progress: (line: string) => void,
  done: string[],
): Promise<number> {
  const maxProblems = opts.maxProblems ?? MAX_PROBLEMS_PER_FILE;
  const loaded = loadAndCheck(inputs);
  const timings = loaded.timings;
  const problems: Diagnostic[] = [...loaded.diagnostics];
  const report = () => {
    for (const line of formatBounded(sortDiagnostics(problems), maxProblems)) io.err(line);
    if (problems.length) io.err(`\n${summarize(problems)}`);
  };
  if (hasErrors(problems)) {
    report();
    io.err("eventgen generate: nothing was written; fix the errors above and run it again.");
    return 1;
  }

  const outputs: (CatalogOutput & { model: CatalogModel })[] = [];
  const tRuntime = performance.now();
  const runtime = loaded.models.length ? await runtimeFiles() : [];
  timings["runtime"] = performance.now() - tRuntime;
  for (const model of loaded.models) {
    const dir = join(outRoot, model.id);
    if (!opts.check && !ownedByEventgen(dir))
      throw new UsageError(`${shown(dir)} exists and was not generated by eventgen; refusing to replace it (choose another --out)`);
    progress(`eventgen: ${model.id}: ${plural(model.events.length, "event")} from ${model.file}`);
    const job = { model, ...(opts.templates !== undefined ? { templates: opts.templates } : {}) };
    // With a second thread, the JSON Schema files are made here, after the code: it balances the
    // two threads' work (the OpenAPI document and the docs take longer than the code).
    const documents = thread ? thread.run({ ...job, withoutSchemas: true }) : undefined;
    documents?.catch(() => {}); // awaited below; an early failure must not go unhandled meanwhile
    const code = emitCode(model, { timings });
    const tExamples = performance.now();
    problems.push(...(await checkModelExamples(model, code.find((f) => f.path === "dist/validators.js")!.content)));
    timings["examples"] = (timings["examples"] ?? 0) + performance.now() - tExamples;
    // A large catalog takes seconds: say how far it got.
    const large = model.events.length >= LARGE;
    if (large) progress(`eventgen: ${model.id}: code made and examples checked (${secs(t0)}); documents next`);
    let docs: OutputFile[];
    if (documents) {
      const schemas = emitSchemaJson(model, { timings });
      const tWait = performance.now();
      const made = await documents;
      timings["documents (wait)"] = (timings["documents (wait)"] ?? 0) + performance.now() - tWait;
      for (const [stage, ms] of Object.entries(made.timings)) timings[`${stage} (thread 2)`] = (timings[`${stage} (thread 2)`] ?? 0) + ms;
      docs = [...schemas, ...made.files];
    } else docs = await makeDocuments(job, timings);
    outputs.push({ dir, model, files: [...code, ...runtime.map((f) => ({ ...f })), ...docs].sort(byPath) });
  }
  if (hasErrors(problems)) {
    report();
    io.err("eventgen generate: nothing was written; fix the errors above and run it again.");
    return 1;
  }
  report();

  const events = loaded.models.reduce((n, m) => n + m.events.length, 0);
  const fileCount = outputs.reduce((n, o) => n + o.files.length, 0);
  // Bytes once: hashed for the manifest, then written.
  const tHash = performance.now();
  for (const o of outputs)
    for (const f of o.files) {
      if (!f.bytes) {
        const bytes = Buffer.from(f.content);
        // From here on the bytes are the file: its text is decoded again only if something reads
        // it (a --check diff), so a large catalog's output is not held twice until it is written.
        Object.defineProperty(f, "content", { enumerable: true, configurable: true, get: () => bytes.toString("utf8") });
        f.bytes = bytes;
      }
      f.hash ??= sha256(f.bytes);
    }
  const warnings = sortDiagnostics(problems).map(formatDiagnostic);
  timings["hash"] = performance.now() - tHash;
  const tWrite = performance.now();
  if (loaded.models.some((m) => m.events.length >= LARGE)) progress(`eventgen: ${opts.check ? "comparing" : "writing"} ${plural(fileCount, "file")} (${secs(t0)})`);
  if (opts.check) {
    const stale = outputs.map((o) => ({ o, stale: compareOutput(o.dir, shown(o.dir), o.files) }));
    timings["compare"] = performance.now() - tWrite;
    printTimings(opts, timings, io);
    const count = stale.reduce((n, s) => n + s.stale.length, 0) + orphans.length;
    if (count) {
      // One catalog edit changes many files; the first few diffs show it, the rest are listed.
      let diffs = 0;
      for (const { o, stale: files } of stale) {
        if (!files.length) continue;
        io.err(`${shown(o.dir)}/ is out of date with ${o.model.file} (${plural(files.length, "file")}):`);
        for (const s of files) {
          const diff = s.diff && diffs < MAX_DIFFS ? s.diff : undefined;
          io.err(`${s.file}: ${s.problem} (${s.hint}${s.diff && !diff ? `; diff left out after ${MAX_DIFFS} files` : ""})`);
          if (diff) diffs++;
          for (const line of diff ?? []) io.err(line);
        }
      }
      for (const dir of orphans) io.err(`${shown(dir)}/: extra (its catalog is gone; \`eventgen generate\` removes the folder)`);
      io.err(`\neventgen generate --check: ${plural(count, "file")} out of date; run \`npx eventgen generate\` and commit the result.`);
      return 1;
    }
    done.push(...outputs.map((o) => o.model.id));
    progress(`eventgen: ${plural(outputs.length, "catalog")}, ${plural(events, "event")}, ${plural(fileCount, "file")} up to date (${secs(t0)})`);
    return 0;
  }
  if (keys !== undefined)
    for (const { model, files } of outputs) {
      const manifest = manifestFile(keys.get(model.id)!.key, model.sourcePath, bannerText(model), files, model.events.length, warnings.filter((w) => w.startsWith(model.file + ":")));
      manifest.bytes = Buffer.from(manifest.content);
      files.push(manifest);
    }
  writeAtomic(outputs, orphans);
  timings["write"] = performance.now() - tWrite;
  printTimings(opts, timings, io);
  for (const dir of orphans) progress(`eventgen: removed ${shown(dir)}/ (its catalog is gone)`);
  done.push(...outputs.map((o) => o.model.id));
  progress(`eventgen: generated ${plural(outputs.length, "catalog")}, ${plural(events, "event")}, ${plural(fileCount, "file")} into ${shown(outRoot)} (${secs(t0)})`);
  return 0;
}

/** Stale files whose diff --check prints; the others are listed without. */
const MAX_DIFFS = 10;

/** From this many events a catalog takes seconds, and progress says how far it got. */
const LARGE = 1000;

/** A --templates that is missing or not a folder is a mistake in the command line (exit 2), not
 * in a template. */
function templatesFolder(dir: string): void {
  let folder: boolean;
  try {
    folder = statSync(dir).isDirectory();
  } catch {
    throw new UsageError(`--templates ${dir}: no such folder`);
  }
  if (!folder) throw new UsageError(`--templates ${dir}: not a folder`);
}

/** A second thread pays for itself from a few hundred events on; below, it only costs. Set
 * EVENTGEN_THREADS=1 to never use one, 2 to always (tests use both). */
function useThread(catalogs: string[]): boolean {
  const forced = process.env["EVENTGEN_THREADS"];
  if (forced === "1" || forced === "2") return forced === "2";
  return catalogs.reduce((n, c) => n + statSync(c).size, 0) >= 256 * 1024;
}

const secs = (t0: number) => `${((performance.now() - t0) / 1000).toFixed(2)}s`;

function printTimings(opts: GenerateOptions, timings: Record<string, number>, io: Io) {
  if (!opts.timings) return;
  for (const [stage, ms] of Object.entries(timings)) io.err(`  ${stage.padEnd(18)} ${ms.toFixed(0).padStart(7)} ms`);
}

/** A template error as a diagnostic (EG501), from its message: `file:line[:col]: text`, or
 * `file: text` when it has no place in the file. */
export function templateDiagnostic(message: string): Diagnostic {
  const at = /^(.+?):(\d+)(?::(\d+))?: (.*)$/s.exec(message);
  if (at) return { code: "EG501", severity: "error", message: at[4]!, pos: { file: at[1]!, line: Number(at[2]), col: Number(at[3] ?? 1) } };
  const file = /^(.+?): (.*)$/s.exec(message);
  return { code: "EG501", severity: "error", message: file?.[2] ?? message, pos: { file: file?.[1] ?? "templates", line: 1, col: 1 } };
}
