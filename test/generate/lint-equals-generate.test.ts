// Lint passing means generate succeeds: over random catalogs (with random examples, so EG401 is
// in play) and random hand edits of their text, lint and generate report the same diagnostics and
// agree on success. Each run writes into a fresh folder, so nothing but the catalog decides.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { stringify } from "yaml";
import { afterAll, describe, expect, it } from "vitest";
import { catalogArb } from "../support/random-catalog.ts";
import { runCli } from "../support/run-cli.ts";
import { applyEdits, edit } from "../unit/load/edits.ts";

const scratch = "test/.scratch/lint-equals-generate";
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const value = fc.oneof(fc.constantFrom("a", "open", 1, 2.5, true, null, "3f2b8c1e-5a7d-4e9f-8b6a-1c2d3e4f5a6b"), fc.constant([]), fc.constant({}));
const example = fc.dictionary(fc.constantFrom("type", "id", "data", "kind", "n", "id2"), value, { maxKeys: 4 });
/** A random catalog, now and then with examples on its events. */
const withExamples = fc.tuple(catalogArb, fc.array(example, { maxLength: 2 }), fc.boolean()).map(([c, examples, use]) => {
  if (!use || !examples.length) return c;
  const events = c.events as Record<string, Record<string, unknown>>;
  for (const [type, e] of Object.entries(events)) e["examples"] = examples.map((x) => ("type" in x ? { ...x, type } : x));
  return c;
});

/** The diagnostic lines a run printed (not progress or summary lines). */
const diagnostics = (text: string) => text.split("\n").filter((l) => /^\S+:\d+:\d+: (error|warning) EG\d{3}: /.test(l) || /^  \S/.test(l));

describe("lint and generate agree", () => {
  it("on random catalogs and random edits of them", async () => {
    let n = 0;
    let passed = 0;
    const stats = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(withExamples, fc.array(edit, { maxLength: 2 }), async (c, edits) => {
        const dir = join(scratch, String(++n));
        rmSync(dir, { recursive: true, force: true });
        mkdirSync(join(dir, "catalog"), { recursive: true });
        writeFileSync(join(dir, "catalog", "random.yaml"), applyEdits(stringify(c, { aliasDuplicateObjects: false }), edits));
        const lint = await runCli("lint", join(dir, "catalog"), "--max-problems", "0");
        const gen = await runCli("generate", "--catalog", join(dir, "catalog"), "--out", join(dir, "out"), "--quiet", "--max-problems", "0");
        expect(lint.code, lint.out).toBeLessThanOrEqual(1);
        expect(gen.code, gen.err).toBe(lint.code);
        expect(diagnostics(gen.err)).toEqual(diagnostics(lint.out));
        if (lint.code === 0) passed++;
        if (process.env.EVENTGEN_FUZZ_STATS) for (const m of lint.out.matchAll(/EG\d{3}/g)) stats.set(m[0], (stats.get(m[0]) ?? 0) + 1);
        rmSync(dir, { recursive: true, force: true });
      }),
      // A fixed seed (EVENTGEN_FUZZ_SEED to vary it): CI gets the same catalogs every run.
      { numRuns: Number(process.env.EVENTGEN_FUZZ_RUNS ?? 40), seed: Number(process.env.EVENTGEN_FUZZ_SEED ?? 20261203) },
    );
    expect(passed).toBeGreaterThan(0);
    if (process.env.EVENTGEN_FUZZ_STATS) console.log(passed, [...stats].sort());
  });
});
