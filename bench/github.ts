// A realistic workload (issue 16): GitHub's webhooks OpenAPI document (@octokit/openapi-webhooks
// 12.1.0, the dev dependency `owh-new`: 261 webhooks, 4.8 MB), imported and generated, against
// what a team would build with Ajv instead: its standalone module of the same JSON Schemas
// (bench/ajv-standalone.mjs). Sizes, build time, module import time and validator throughput, side
// by side, with the issue's goals. `measureGithub()` + `reportGithub()` for bench/run.ts; run alone
// with `node bin/run-ts.js bench/github.ts` (`--quick` for fewer rounds).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { FORMATS } from "../generator/check/catalog-shape.ts";
import { generate, stageMedians, WORK, type Run } from "./generation.ts";
import { compare, median, pairedRatio, type Contender } from "./measure.ts";

export const DOCUMENT = "node_modules/owh-new/generated/api.github.com.json";
const DIR = join(WORK, "github");
const CATALOG = join(DIR, "github.yaml");
const OUT = join(DIR, "out");
/** The package `generate` writes for the catalog `github.yaml`. */
export const PACKAGE = join(OUT, "github");
const AJV_MODULE = join(DIR, "ajv", "validators.cjs");

export interface GithubOpts {
  /** Rounds of generate → Ajv compile, alternating. */
  rounds: number;
  /** How many of those rounds begin with an import of the document (the first always does). */
  imports: number;
  /** Fresh processes importing each module, alternating. */
  importRuns: number;
  throughput: { rounds: number; roundMs: number; warmupMs: number };
}

export const FULL: GithubOpts = { rounds: 3, imports: 3, importRuns: 11, throughput: { rounds: 11, roundMs: 100, warmupMs: 400 } };
export const QUICK: GithubOpts = { rounds: 2, imports: 1, importRuns: 5, throughput: { rounds: 5, roundMs: 60, warmupMs: 200 } };

interface AjvRun {
  wallMs: number;
  /** Inside the process: new Ajv, addSchema and compiling every event schema. */
  compileMs: number;
  /** Inside the process: standaloneCode of all of them. */
  standaloneMs: number;
  maxRssKiB: number;
}

interface Size {
  raw: number;
  gzip: number;
}

export interface GithubResult {
  events: number;
  importMs: number[];
  generate: Run[];
  ajv: AjvRun[];
  sizes: { validators: Size; ajv: Size; types: Size };
  /** ms of `await import(file)` in a fresh node process, one figure per run, runs alternating. */
  moduleImport: { eventgen: number[]; ajv: number[] };
  throughput: { bodies: number; types: number; eventgenNs: number; ajvNs: number; ratio: number };
  /** Bodies left out of the throughput because eventgen and Ajv disagree on them. */
  disagreements: string[];
}

function node(args: string[], what: string): { ms: number; stdout: string; stderr: string } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${what} exited ${r.status}:\n${r.stderr.slice(-2000)}`);
  return { ms, stdout: r.stdout, stderr: r.stderr };
}

function importDocument(): number {
  mkdirSync(DIR, { recursive: true });
  return node(["bin/eventgen.js", "import", "openapi", DOCUMENT, "--out", CATALOG, "--force"], `eventgen import openapi ${DOCUMENT}`).ms;
}

function compileAjv(): AjvRun {
  mkdirSync(join(AJV_MODULE, ".."), { recursive: true });
  const r = node(["--import", "./bench/report-rss.mjs", "bench/ajv-standalone.mjs", PACKAGE, AJV_MODULE, FORMATS.join(",")], "bench/ajv-standalone.mjs");
  const out = JSON.parse(r.stdout) as { compileMs: number; standaloneMs: number };
  const rss = /@@maxRSS (\d+)/.exec(r.stderr);
  return { wallMs: r.ms, compileMs: out.compileMs, standaloneMs: out.standaloneMs, maxRssKiB: rss ? Number(rss[1]) : NaN };
}

/** `await import()` of one module in a fresh process, timed inside it (node's own start-up left out). */
function importTime(file: string): number {
  const code = `const t0 = performance.now(); await import(${JSON.stringify(pathToFileURL(resolve(file)).href)}); console.log(performance.now() - t0);`;
  return Number(node(["--input-type=module", "-e", code], `import ${file}`).stdout.trim());
}

const size = (file: string): Size => {
  const b = readFileSync(file);
  return { raw: b.length, gzip: gzipSync(b).length };
};

/** The file `generate` writes an event's JSON Schema to (as bench/validators.ts names it). */
const schemaBase = (type: string) => type.replace(/[^A-Za-z0-9._@+/-]/g, "_");

type Verdict = { ok: boolean; errors?: unknown[] };
type AjvFn = ((x: unknown) => boolean) & { errors?: unknown[] | null };

async function throughput(opts: GithubOpts["throughput"], log: (s: string) => void): Promise<Pick<GithubResult, "throughput" | "disagreements">> {
  const ours = (await import(pathToFileURL(resolve(PACKAGE, "dist/validators.js")).href)) as { validators: Record<string, (x: unknown) => Verdict> };
  const testing = (await import(pathToFileURL(resolve(PACKAGE, "dist/testing.js")).href)) as { examples: Record<string, unknown[]> };
  const ajv = (await import(pathToFileURL(resolve(AJV_MODULE)).href)) as { default: Record<string, AjvFn> };
  const disagreements: string[] = [];
  const cases: { type: string; ours: (x: unknown) => Verdict; ajv: AjvFn; body: unknown }[] = [];
  for (const [type, bodies] of Object.entries(testing.examples))
    for (const example of bodies) {
      // as a webhook handler has it: JSON.parse of the delivery
      const body = JSON.parse(JSON.stringify(example)) as unknown;
      const c = { type, ours: ours.validators[type]!, ajv: ajv.default[schemaBase(type)]!, body };
      if (!c.ours || !c.ajv) throw new Error(`github: no validator for ${type} (eventgen: ${!!c.ours}, Ajv: ${!!c.ajv})`);
      const verdicts = { eventgen: c.ours(body).ok, ajv: c.ajv(body) };
      if (!verdicts.eventgen || !verdicts.ajv) disagreements.push(`${type}: eventgen ${verdicts.eventgen ? "valid" : "invalid"}, Ajv ${verdicts.ajv ? "valid" : `invalid (${JSON.stringify(c.ajv.errors?.[0])})`}`);
      else cases.push(c);
    }
  const n = cases.length;
  log(`  throughput: ${n} example bodies of ${Object.keys(testing.examples).length} types${disagreements.length ? `, ${disagreements.length} left out (not valid for both)` : ""}`);
  const contenders: Contender[] = [
    {
      name: "eventgen",
      calls: n,
      pass: () => {
        let k = 0;
        for (let i = 0; i < n; i++) if (cases[i]!.ours(cases[i]!.body).ok) k++;
        return k;
      },
    },
    {
      name: "ajv",
      calls: n,
      pass: () => {
        let k = 0;
        for (let i = 0; i < n; i++) if (cases[i]!.ajv(cases[i]!.body)) k++;
        return k;
      },
    },
  ];
  const res = compare(contenders, opts);
  return {
    throughput: { bodies: n, types: new Set(cases.map((c) => c.type)).size, eventgenNs: median(res.perCall.get("eventgen")!), ajvNs: median(res.perCall.get("ajv")!), ratio: pairedRatio(res, "ajv", "eventgen") },
    disagreements,
  };
}

export async function measureGithub(opts: GithubOpts, log: (s: string) => void): Promise<GithubResult> {
  const importMs: number[] = [];
  const gens: Run[] = [];
  const ajvs: AjvRun[] = [];
  importMs.push(importDocument());
  log(`  import openapi: ${(importMs[0]! / 1000).toFixed(2)} s`);
  // A warm-up, uncounted, when no earlier run left the output folder: later runs replace it, as
  // regenerating does.
  if (!existsSync(PACKAGE)) generate(CATALOG, OUT);
  for (let round = 0; round < opts.rounds; round++) {
    if (round > 0 && round < opts.imports) importMs.push(importDocument());
    gens.push(generate(CATALOG, OUT));
    ajvs.push(compileAjv());
    log(`  round ${round + 1}: ${round < opts.imports ? `import ${(importMs.at(-1)! / 1000).toFixed(2)} s, ` : ""}generate ${(gens.at(-1)!.wallMs / 1000).toFixed(2)} s (${gens.at(-1)!.maxRssKiB >> 10} MiB), Ajv compile + standalone ${(ajvs.at(-1)!.wallMs / 1000).toFixed(2)} s (${ajvs.at(-1)!.maxRssKiB >> 10} MiB)`);
  }
  const moduleImport = { eventgen: [] as number[], ajv: [] as number[] };
  for (let i = 0; i < opts.importRuns; i++) {
    moduleImport.eventgen.push(importTime(join(PACKAGE, "dist/validators.js")));
    moduleImport.ajv.push(importTime(AJV_MODULE));
  }
  log(`  module import: eventgen ${median(moduleImport.eventgen).toFixed(0)} ms, Ajv ${median(moduleImport.ajv).toFixed(0)} ms`);
  const events = Object.keys(((await import(pathToFileURL(resolve(PACKAGE, "dist/testing.js")).href)) as { examples: object }).examples).length;
  return {
    events,
    importMs,
    generate: gens,
    ajv: ajvs,
    sizes: { validators: size(join(PACKAGE, "dist/validators.js")), ajv: size(AJV_MODULE), types: size(join(PACKAGE, "dist/types.d.ts")) },
    moduleImport,
    ...(await throughput(opts.throughput, log)),
  };
}

const MB = (n: number) => `${(n / 1e6).toFixed(2)} MB`;
const sec = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const times = (r: number) => `${r.toFixed(2)}×`;

/** A goal's figure; when missed, by how much (the factor by which the figure must shrink or grow). */
function judged(pass: boolean, figure: string, factor: number, direction: "down" | "up"): string {
  return pass ? figure : `${figure}; missed: ${direction === "down" ? `${times(factor)} over the limit` : `${times(factor)} short of it`}`;
}

export function reportGithub(r: GithubResult): { text: string; goals: { goal: string; pass: boolean; figure: string }[] } {
  const gen = median(r.generate.map((g) => g.wallMs));
  const ajvWall = median(r.ajv.map((a) => a.wallMs));
  const genRatio = median(r.generate.map((g, i) => g.wallMs / r.ajv[i]!.wallMs));
  const imp = { eventgen: median(r.moduleImport.eventgen), ajv: median(r.moduleImport.ajv) };
  const impRatio = median(r.moduleImport.eventgen.map((e, i) => e / r.moduleImport.ajv[i]!));
  const sizeRatio = r.sizes.validators.raw / r.sizes.ajv.raw;
  const t = r.throughput;
  const rows: string[][] = [
    ["validators, size (raw / gzip)", `${MB(r.sizes.validators.raw)} / ${MB(r.sizes.validators.gzip)}`, `${MB(r.sizes.ajv.raw)} / ${MB(r.sizes.ajv.gzip)}`, `${times(sizeRatio)} / ${times(r.sizes.validators.gzip / r.sizes.ajv.gzip)}`],
    ["types, size (raw / gzip)", `${MB(r.sizes.types.raw)} / ${MB(r.sizes.types.gzip)}`, "—", ""],
    ["build (fresh process, wall)", sec(gen), sec(ajvWall), times(genRatio)],
    ["  of which Ajv compile / standaloneCode", "", `${sec(median(r.ajv.map((a) => a.compileMs)))} / ${sec(median(r.ajv.map((a) => a.standaloneMs)))}`, ""],
    ["build, peak memory (max RSS)", `${Math.max(...r.generate.map((g) => g.maxRssKiB)) >> 10} MiB`, `${Math.max(...r.ajv.map((a) => a.maxRssKiB)) >> 10} MiB`, ""],
    ["module import (fresh process)", `${imp.eventgen.toFixed(0)} ms`, `${imp.ajv.toFixed(0)} ms`, times(impRatio)],
    [`validate an example body (${t.bodies} bodies, ${t.types} types)`, `${Math.round(t.eventgenNs)} ns`, `${Math.round(t.ajvNs)} ns`, `${times(t.eventgenNs / t.ajvNs)} the time; ${times(t.ratio)} the throughput`],
  ];
  const head = ["", "eventgen", "Ajv standalone", "eventgen / Ajv"];
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (row: string[]) => `| ${row.map((c, i) => (i ? c.padStart(w[i]!) : c.padEnd(w[i]!))).join(" | ")} |`;
  const stages = stageMedians(r.generate).filter(([, ms]) => ms >= 100);
  const text = [
    `## GitHub's webhooks (${DOCUMENT}, ${r.events} events; medians of ${r.generate.length} rounds)\n`,
    `\`eventgen import openapi\`: ${sec(median(r.importMs))}. \`eventgen generate\` of the imported catalog against Ajv (2020-12, ajv-formats) compiling the package's ${r.events} event JSON Schemas, named schemas shared, into one standalone module (bench/ajv-standalone.mjs), each a fresh process.\n`,
    [line(head), `|${w.map((n, i) => (i ? "-".repeat(n + 1) + ":" : "-".repeat(n + 2))).join("|")}|`, ...rows.map(line)].join("\n"),
    `\ngenerate's stages of 100 ms or more: ${stages.map(([name, ms]) => `${name} ${Math.round(ms)} ms`).join(", ")}`,
    ...(r.disagreements.length ? [`\n${r.disagreements.length} example bodies left out of the throughput, not valid for both: ${r.disagreements.slice(0, 3).join("; ")}${r.disagreements.length > 3 ? "; …" : ""}`] : []),
  ].join("\n");
  const goals = [
    { goal: "GitHub: validators.js ≤ 1/8 of Ajv standalone's size", pass: sizeRatio <= 1 / 8, figure: judged(sizeRatio <= 1 / 8, `${MB(r.sizes.validators.raw)} vs ${MB(r.sizes.ajv.raw)} = ${times(sizeRatio)}`, sizeRatio * 8, "down") },
    { goal: "GitHub: types.d.ts ≤ 1 MB", pass: r.sizes.types.raw <= 1e6, figure: judged(r.sizes.types.raw <= 1e6, MB(r.sizes.types.raw), r.sizes.types.raw / 1e6, "down") },
    { goal: "GitHub: generate ≤ 0.3× Ajv's compile (fresh processes)", pass: genRatio <= 0.3, figure: judged(genRatio <= 0.3, `${sec(gen)} vs ${sec(ajvWall)} = ${times(genRatio)}`, genRatio / 0.3, "down") },
    { goal: "GitHub: importing validators.js ≤ 0.5× importing Ajv's module", pass: impRatio <= 0.5, figure: judged(impRatio <= 0.5, `${imp.eventgen.toFixed(0)} ms vs ${imp.ajv.toFixed(0)} ms = ${times(impRatio)}`, impRatio / 0.5, "down") },
    { goal: "GitHub: validator throughput ≥ 2× Ajv's", pass: t.ratio >= 2, figure: judged(t.ratio >= 2, times(t.ratio), 2 / t.ratio, "up") },
  ];
  return { text, goals };
}

if (process.argv[1]?.endsWith("bench/github.ts")) {
  const quick = process.argv.includes("--quick");
  const log = (s: string) => process.stderr.write(s + "\n");
  log(`github: ${DOCUMENT}, imported, generated and compiled with Ajv${quick ? " (quick)" : ""}`);
  const { text, goals } = reportGithub(await measureGithub(quick ? QUICK : FULL, log));
  console.log(`${text}\n`);
  for (const g of goals) console.log(`${g.pass ? "PASS" : "MISS"}  ${g.goal}: ${g.figure}`);
}
