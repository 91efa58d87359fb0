// Whole-command timings of `eventgen generate` on synthetic catalogs, each run a fresh process
// (as a user runs it), with its stage timings (--timings) and peak memory (report-rss.mjs).
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { makeCatalog } from "./make-catalog.ts";
import { median } from "./measure.ts";

export const WORK = "bench/.out/bench";

export interface Run {
  wallMs: number;
  stages: Record<string, number>;
  maxRssKiB: number;
}

/** Writes the synthetic catalog of `events` events (deterministic) and returns its path. */
export function catalogFile(events: number): string {
  const dir = join(WORK, "catalogs");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `synthetic-${events}.yaml`);
  writeFileSync(file, makeCatalog(events).yaml);
  return file;
}

export const outDir = (events: number) => join(WORK, `out-${events}`);

/** One `eventgen generate` (or `--check`) in a fresh process. */
export function generate(catalog: string, out: string, check = false): Run {
  const args = ["--import", "./bench/report-rss.mjs", "bin/eventgen.js", "generate", "--catalog", catalog, "--out", out, "--timings", ...(check ? ["--check"] : [])];
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const wallMs = performance.now() - t0;
  if (r.status !== 0) throw new Error(`eventgen generate${check ? " --check" : ""} ${catalog} exited ${r.status}:\n${r.stderr.slice(-2000)}`);
  const stages: Record<string, number> = {};
  for (const m of r.stderr.matchAll(/^ {2}(\S.*?) +(\d+) ms$/gm)) stages[m[1]!] = Number(m[2]);
  const rss = /@@maxRSS (\d+)/.exec(r.stderr);
  return { wallMs, stages, maxRssKiB: rss ? Number(rss[1]) : NaN };
}

export interface SizeResult {
  events: number;
  full: Run[];
  /** --check answered from the output's manifest (what CI runs on unchanged output). */
  check: Run[];
  /** --check with the manifest taken away: everything regenerated in memory and compared. */
  checkFull: Run[];
}

/** Full generations of each size, alternating sizes round by round so that drift in the machine's
 * speed touches all of them alike; then `--check` runs on the unchanged output. */
export function measureGeneration(sizes: number[], rounds: number, log: (s: string) => void): SizeResult[] {
  const results = sizes.map((events) => ({ events, file: catalogFile(events), full: [] as Run[], check: [] as Run[], checkFull: [] as Run[] }));
  for (const r of results) rmSync(outDir(r.events), { recursive: true, force: true });
  // A first, uncounted generation of each size: it creates the output folder (later runs replace
  // it, as regenerating does) and warms the file system cache.
  for (const r of results) {
    log(`  warm-up: ${r.events} events`);
    generate(r.file, outDir(r.events));
  }
  for (let round = 0; round < rounds; round++)
    for (const r of results) {
      const run = generate(r.file, outDir(r.events));
      log(`  generate ${r.events} events: ${(run.wallMs / 1000).toFixed(2)} s, ${(run.maxRssKiB / 1024).toFixed(0)} MiB`);
      r.full.push(run);
    }
  for (let round = 0; round < rounds; round++)
    for (const r of results) {
      const run = generate(r.file, outDir(r.events), true);
      log(`  generate --check ${r.events} events: ${(run.wallMs / 1000).toFixed(2)} s`);
      r.check.push(run);
    }
  for (let round = 0; round < rounds; round++)
    for (const r of results) {
      const manifest = join(outDir(r.events), `synthetic-${r.events}`, ".eventgen-manifest.json");
      const saved = readFileSync(manifest);
      rmSync(manifest);
      try {
        const run = generate(r.file, outDir(r.events), true);
        log(`  generate --check without the manifest ${r.events} events: ${(run.wallMs / 1000).toFixed(2)} s`);
        r.checkFull.push(run);
      } finally {
        writeFileSync(manifest, saved);
      }
    }
  return results.map(({ events, full, check, checkFull }) => ({ events, full, check, checkFull }));
}

/** Median of each stage over runs, in the order the CLI printed them. */
export function stageMedians(runs: Run[]): [string, number][] {
  const names = [...new Set(runs.flatMap((r) => Object.keys(r.stages)))];
  return names.map((n) => [n, median(runs.map((r) => r.stages[n] ?? 0))]);
}

/** `eventgen import openapi` on each size's generated openapi.json, then `generate` on the result:
 * the round trip a team migrating its spec runs once, at scale. */
export function measureImport(sizes: number[], rounds: number, log: (s: string) => void): { events: number; importMs: number[]; generateMs: number[] }[] {
  return sizes.map((events) => {
    const doc = join(outDir(events), `synthetic-${events}`, "openapi.json");
    const catalog = join(WORK, "imported", `imported${events}.yaml`);
    mkdirSync(join(WORK, "imported"), { recursive: true });
    const importMs: number[] = [];
    const generateMs: number[] = [];
    for (let round = 0; round < rounds; round++) {
      const t0 = performance.now();
      const r = spawnSync(process.execPath, ["bin/eventgen.js", "import", "openapi", doc, "--out", catalog, "--force"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
      importMs.push(performance.now() - t0);
      if (r.status !== 0) throw new Error(`eventgen import openapi ${doc} exited ${r.status}:\n${r.stderr.slice(-2000)}`);
      const g = generate(catalog, join(WORK, "imported", "out"));
      generateMs.push(g.wallMs);
      log(`  import ${events} events: ${(importMs.at(-1)! / 1000).toFixed(2)} s, then generate: ${(g.wallMs / 1000).toFixed(2)} s`);
    }
    return { events, importMs, generateMs };
  });
}
