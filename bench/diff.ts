// `eventgen diff` on a real-world pair, GitHub's webhooks OpenAPI document at @octokit/openapi-
// webhooks 12.0.3 and 12.1.0 (dev dependencies under npm aliases), each imported into a catalog
// once: the diff (fresh processes, as CI runs it) against a full `generate` of the newer one,
// alternating round by round.
import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { generate, WORK } from "./generation.ts";

export interface DiffResult {
  events: number;
  breaking: number;
  diffMs: number[];
  generateMs: number[];
}

function run(args: string[], ok: number[] = [0]): { ms: number; stdout: string } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ["bin/eventgen.js", ...args], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  const ms = performance.now() - t0;
  if (!ok.includes(r.status ?? -1)) throw new Error(`eventgen ${args.join(" ")} exited ${r.status}:\n${r.stderr.slice(-2000)}`);
  return { ms, stdout: r.stdout };
}

export function measureDiff(rounds: number, log: (s: string) => void): DiffResult {
  const dir = join(WORK, "diff");
  const [old, nu] = ["old", "new"].map((v) => join(dir, v, "github.yaml")) as [string, string];
  for (const [alias, file] of [["owh-old", old], ["owh-new", nu]] as const) {
    mkdirSync(join(file, ".."), { recursive: true });
    run(["import", "openapi", `node_modules/${alias}/generated/api.github.com.json`, "--out", file, "--force"]);
  }
  const diffMs: number[] = [];
  const generateMs: number[] = [];
  let doc: { changes: { level: string }[] } = { changes: [] };
  generate(nu, join(dir, "out")); // warm-up, uncounted
  for (let round = 0; round < rounds; round++) {
    const d = run(["diff", old, nu, "--format", "json"], [0, 1]);
    diffMs.push(d.ms);
    doc = JSON.parse(d.stdout);
    generateMs.push(generate(nu, join(dir, "out")).wallMs);
    log(`  diff: ${(d.ms / 1000).toFixed(2)} s; generate the newer: ${(generateMs.at(-1)! / 1000).toFixed(2)} s`);
  }
  const events = Number(/(\d+) events/.exec(run(["lint", nu]).stdout)?.[1] ?? NaN);
  return { events, breaking: doc.changes.filter((c) => c.level === "breaking").length, diffMs, generateMs };
}
