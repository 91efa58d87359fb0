// `npm run bench` (`-- --quick` for a fast subset): generation at scale and validator throughput,
// measured on this machine, printed as tables of medians and ratios with a PASS/MISS line per goal.
// Speed is asserted here, never in `npm test`.
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import { generate, measureGeneration, measureImport, outDir, stageMedians, WORK, catalogFile } from "./generation.ts";
import { makeCatalog } from "./make-catalog.ts";
import { median } from "./measure.ts";
import { isChiftFlowExecuted, isDeckTaskRunCompleted } from "./hand-written.ts";
import { measureDiff } from "./diff.ts";
import { FULL, measureGithub, QUICK, reportGithub } from "./github.ts";
import { measureReceive, reportReceive } from "./receive.ts";
import { breakBody, catalogBodies, compareOnWorkload, dispatchScaling, type Row } from "./validators.ts";

const quick = process.argv.includes("--quick");
const log = (s: string) => process.stderr.write(s + "\n");
const SMALL = quick ? 100 : 1000;
const LARGE = quick ? 1000 : 10000;
const ROUNDS = quick ? 2 : 3;
const vopts = quick ? { rounds: 5, roundMs: 40, warmupMs: 150 } : { rounds: 11, roundMs: 100, warmupMs: 400 };

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const x = (r: number) => `${r.toFixed(2)}×`;
const goals: { goal: string; pass: boolean; figure: string }[] = [];
const goal = (name: string, pass: boolean, figure: string) => goals.push({ goal: name, pass, figure });

function table(head: string[], rows: string[][]) {
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => `| ${r.map((c, i) => (i ? c.padStart(w[i]!) : c.padEnd(w[i]!))).join(" | ")} |`;
  console.log([line(head), `|${w.map((n, i) => (i ? "-".repeat(n + 1) + ":" : "-".repeat(n + 2))).join("|")}|`, ...rows.map(line)].join("\n"));
}

console.log(`# eventgen benchmark${quick ? " (quick)" : ""}\n`);
console.log(`${new Date().toISOString().slice(0, 10)} · Node ${process.version} · ${cpus().length} × ${cpus()[0]?.model.trim()} · ${(totalmem() / 2 ** 30).toFixed(0)} GiB\n`);

// ---- generation ----
log(`generation: synthetic catalogs of ${SMALL} and ${LARGE} events, ${ROUNDS} rounds`);
const gen = measureGeneration([SMALL, LARGE], ROUNDS, log);
const [small, large] = gen as [(typeof gen)[0], (typeof gen)[0]];
const wall = (runs: { wallMs: number }[]) => median(runs.map((r) => r.wallMs));
console.log("## Generation (whole `eventgen generate` process, median)\n");
const stageNames = [...new Set([...stageMedians(small.full), ...stageMedians(large.full)].map(([n]) => n))];
const sm = new Map(stageMedians(small.full));
const lg = new Map(stageMedians(large.full));
table(
  ["stage", `${SMALL} events`, `${LARGE} events`],
  [
    ...stageNames.map((n) => [n, `${Math.round(sm.get(n) ?? 0)} ms`, `${Math.round(lg.get(n) ?? 0)} ms`]),
    ["whole process (wall)", s(wall(small.full)), s(wall(large.full))],
    ["generate --check (wall)", s(wall(small.check)), s(wall(large.check))],
    ["generate --check, no manifest (wall)", s(wall(small.checkFull)), s(wall(large.checkFull))],
    ["peak memory (max RSS)", `${Math.max(...small.full.map((r) => r.maxRssKiB)) >> 10} MiB`, `${Math.max(...large.full.map((r) => r.maxRssKiB)) >> 10} MiB`],
  ],
);
const ratio = median(large.full.map((r, i) => r.wallMs / small.full[i]!.wallMs));
const checkShare = wall(large.check) / wall(large.full);
const fullCheckShare = wall(large.checkFull) / wall(large.full);
const peakOf = (runs: { maxRssKiB: number }[]) => Math.max(...runs.map((r) => r.maxRssKiB)) * 1024;
const peak = peakOf(large.full);
const peakSmall = peakOf(small.full);
const MiB = (b: number) => `${(b / 2 ** 20).toFixed(0)} MiB`;
const perEvent = (peak - peakSmall) / (LARGE - SMALL) / 1024;
console.log(`\n${LARGE}/${SMALL} time ratio (paired medians): ${x(ratio)}; --check / full at ${LARGE}: ${(checkShare * 100).toFixed(0)}% (without the manifest: ${(fullCheckShare * 100).toFixed(0)}%)`);
console.log(`peak memory: ${MiB(peakSmall)} at ${SMALL} events, ${MiB(peak)} at ${LARGE}: ${x(peak / peakSmall)} for ${x(LARGE / SMALL)} the events, ${perEvent.toFixed(0)} KiB per event between them\n`);
const missedBy = (pass: boolean, figure: string, factor: number) => (pass ? figure : `${figure}; missed: ${x(factor)} over the limit`);
goal(`generate ${LARGE} events ≤ 6 s`, wall(large.full) <= 6_000, missedBy(wall(large.full) <= 6_000, s(wall(large.full)), wall(large.full) / 6_000));
goal(`time grows linearly: ${LARGE}/${SMALL} ≤ 12`, ratio <= 12, x(ratio));
goal(`generate --check < 1/3 of a full generate (${LARGE})`, checkShare < 1 / 3, `${s(wall(large.check))} = ${(checkShare * 100).toFixed(0)}%`);
goal(`peak memory at ${LARGE} events ≤ 1 GiB`, peak <= 2 ** 30, missedBy(peak <= 2 ** 30, MiB(peak), peak / 2 ** 30));
// Linear (or better) with a fixed floor (Node, tsx, eventgen's modules): peak(LARGE) ≤
// LARGE/SMALL × peak(SMALL). Two sizes cannot tell more than that; at small sizes the peak is
// mostly the floor, so a slope measured there says nothing.
const growth = peak / peakSmall;
goal(`memory grows linearly: peak(${LARGE}) ≤ ${LARGE / SMALL} × peak(${SMALL})`, growth <= LARGE / SMALL, missedBy(growth <= LARGE / SMALL, `${MiB(peak)} vs ${MiB(peakSmall)} = ${x(growth)}`, growth / (LARGE / SMALL)));

// ---- import ----
log(`import: the generated OpenAPI documents of ${SMALL} and ${LARGE} events, imported and generated again`);
const imports = measureImport([SMALL, LARGE], ROUNDS, log);
console.log("## Import (`eventgen import openapi` of the generated openapi.json, then `generate` on the catalog it writes; median)\n");
table(
  ["", ...imports.map((i) => `${i.events} events`)],
  [
    ["import openapi (wall)", ...imports.map((i) => s(median(i.importMs)))],
    ["generate the imported catalog (wall)", ...imports.map((i) => s(median(i.generateMs)))],
  ],
);
console.log("");

// ---- diff ----
log("diff: GitHub's webhooks 12.0.3 → 12.1.0, imported, against generating the newer");
const diffs = measureDiff(ROUNDS, log);
console.log(`## Diff (\`eventgen diff\` of two published versions of GitHub's webhooks document, ${diffs.events} events, ${diffs.breaking} breaking changes with witnesses; median)\n`);
table(["", "wall"], [["eventgen diff old new", s(median(diffs.diffMs))], ["eventgen generate (the newer)", s(median(diffs.generateMs))]]);
console.log("");
goal("diff of the real-world pair ≤ generating the newer", median(diffs.diffMs) <= median(diffs.generateMs), `${s(median(diffs.diffMs))} vs ${s(median(diffs.generateMs))}`);

// ---- GitHub's webhooks, against Ajv standalone ----
log("github: GitHub's webhooks document, imported and generated, against Ajv standalone of the same JSON Schemas");
const github = reportGithub(await measureGithub(quick ? QUICK : FULL, log));
console.log(`${github.text}\n`);
for (const g of github.goals) goal(g.goal, g.pass, g.figure);

// ---- receiving ----
log("receive: one signed ~1 KB Standard Webhooks delivery, against standardwebhooks (+ Ajv) and the createHmac floor");
const received = reportReceive(await measureReceive(quick ? { rounds: 7, roundMs: 30, warmupMs: 200 } : undefined));
console.log("## Receiving (a signed ~1 KB Standard Webhooks delivery: verify, JSON.parse, validate; per delivery, median of rounds)\n");
console.log(received.table);
console.log("");
for (const g of received.goals) goal(g.goal, g.pass, g.figure);

// ---- validators ----
log("validators: packages for the bundled catalogs and the synthetic ones");
generate(catalogFile(13), outDir(13));
const pkg = (events: number) => join(outDir(events), `synthetic-${events}`);
const rows: Row[] = [];
const deck = catalogBodies("catalog/deck.yaml");
const chift = catalogBodies("catalog/chift.yaml");
const truto = catalogBodies("catalog/truto.yaml");
const all = (m: Map<string, unknown[]>) => [...m].flatMap(([t, bs]) => bs.map((b) => [t, b] as [string, never]));
const valid = { ...vopts, valid: true };
log("  deck task_run.completed");
rows.push(await compareOnWorkload("generated/deck", { name: "Deck task_run.completed", cases: deck.get("task_run.completed")!.map((b) => ["task_run.completed", b as never]) }, { ...valid, hand: isDeckTaskRunCompleted }));
log("  chift account.flow.executed");
rows.push(await compareOnWorkload("generated/chift", { name: "Chift account.flow.executed", cases: chift.get("account.flow.executed")!.map((b) => ["account.flow.executed", b as never]) }, { ...valid, hand: isChiftFlowExecuted }));
for (const [name, dir, bodies] of [["Deck, all 33 events", "generated/deck", deck], ["Truto, all 17 events", "generated/truto", truto], ["Chift, all 13 events", "generated/chift", chift]] as const) {
  log(`  ${name}`);
  rows.push(await compareOnWorkload(dir, { name, cases: all(bodies) }, valid));
}
const synth = makeCatalog(SMALL).bodies;
const sample = [...synth].filter((_, i) => i % Math.max(1, Math.floor(synth.size / 100)) === 0).flatMap(([t, bs]) => bs.map((b) => [t, b] as [string, never]));
log(`  synthetic ${SMALL}: ${sample.length} bodies of ${new Set(sample.map(([t]) => t)).size} types`);
rows.push(await compareOnWorkload(pkg(SMALL), { name: `Synthetic, 100 of ${SMALL} types`, cases: sample }, valid));

console.log(`## Validators, valid bodies (ns per call, median of ${vopts.rounds} alternating rounds; ratio = other / eventgen)\n`);
const fmt = (n: number | undefined) => (n === undefined ? "—" : `${Math.round(n)}`);
table(
  ["workload", "eventgen", "Ajv", "Zod 4", "hand-written", "Ajv / eventgen", "Zod / eventgen", "eventgen / hand"],
  rows.map((r) => [r.workload, fmt(r.ns.eventgen), fmt(r.ns.ajv), fmt(r.ns.zod), fmt(r.ns["hand-written"]), x(r.ratios.ajv!), x(r.ratios.zod!), r.ratios["hand-written"] ? x(1 / r.ratios["hand-written"]) : "—"]),
);
const minAjv = Math.min(...rows.map((r) => r.ratios.ajv!));
const minZod = Math.min(...rows.map((r) => r.ratios.zod!));
const vsHand = Math.max(...rows.filter((r) => r.ratios["hand-written"]).map((r) => 1 / r.ratios["hand-written"]!));
goal("validators ≥ 1.5× Ajv's throughput (every workload)", minAjv >= 1.5, `lowest ${x(minAjv)} (${rows.find((r) => r.ratios.ajv === minAjv)!.workload})`);
goal("validators ≥ 10× Zod 4's throughput (every workload)", minZod >= 10, `lowest ${x(minZod)} (${rows.find((r) => r.ratios.zod === minZod)!.workload})`);
goal("validators within 1.3× of a hand-written typeof chain", vsHand <= 1.3, `at most ${x(vsHand)} the hand-written time`);

log("invalid bodies, errors collected");
const invalidRows: Row[] = [];
for (const [name, dir, bodies] of [["Deck, all events", "generated/deck", deck], ["Truto, all events", "generated/truto", truto], ["Chift, all events", "generated/chift", chift]] as const)
  invalidRows.push(await compareOnWorkload(dir, { name, cases: all(bodies).map(([t, b]) => [t, breakBody(b) as never]) }, { ...vopts, valid: false }));
console.log("\n## Validators, invalid bodies with every error collected (Ajv with allErrors; Zod collects all)\n");
table(
  ["workload", "eventgen", "Ajv", "Zod 4", "Ajv / eventgen", "Zod / eventgen"],
  invalidRows.map((r) => [r.workload, fmt(r.ns.eventgen), fmt(r.ns.ajv), fmt(r.ns.zod), x(r.ratios.ajv!), x(r.ratios.zod!)]),
);

log(`validateEvent: 13 event types against ${LARGE}`);
const body13 = [...makeCatalog(13).bodies].flatMap(([t, bs]) => bs.map((b) => [t, b] as [string, never]));
const disp = await dispatchScaling(pkg(13), pkg(LARGE), body13, vopts);
const dispRatio = disp.ratios.large!;
console.log(`\n## validateEvent on the same bodies: 13 event types vs ${LARGE}\n`);
table(["catalog", "ns per call"], [["13 event types", fmt(disp.ns.small)], [`${LARGE} event types`, fmt(disp.ns.large)]]);
goal(`validateEvent costs the same with 13 and ${LARGE} types (ratio ≤ 1.5)`, dispRatio <= 1.5, x(dispRatio));

console.log("\n## Goals\n");
for (const g of goals) console.log(`${g.pass ? "PASS" : "MISS"}  ${g.goal}: ${g.figure}`);
if (quick) console.log(`\n(--quick: ${SMALL} and ${LARGE} events instead of 1,000 and 10,000, fewer rounds; the goals are stated for 10,000.)`);
log(`work files under ${WORK}`);
