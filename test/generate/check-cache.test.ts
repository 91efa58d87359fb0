// `generate --check` answers from the hashes of the last run's output when nothing it depends on
// changed, and still catches every edit to the output: same-length edits, missing and extra files,
// edits to the catalog. Without the cache it does the full check.
import { cpSync, mkdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../support/run-cli.ts";

const root = "test/.scratch/check-cache";
const cat = join(root, "catalog");
const out = join(root, "out");
const gen = (...more: string[]) => runCli("generate", "--catalog", cat, "--out", out, ...more);
const cached = /file hashes compared with the last run's/;

beforeEach(async () => {
  rmSync(root, { recursive: true, force: true });
  mkdirSync(cat, { recursive: true });
  cpSync("catalog/chift.yaml", join(cat, "chift.yaml"));
  expect((await gen("--quiet")).code).toBe(0);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("generate --check with the cache", () => {
  it("passes from the cache right after a generate", async () => {
    const r = await gen("--check");
    expect(r.code).toBe(0);
    expect(r.err).toMatch(cached);
    expect(r.err).toMatch(/1 catalogs, 13 events, \d+ files up to date/);
  });

  it("catches an edit that keeps the file's length", async () => {
    const file = join(out, "chift/src/types.ts");
    const text = readFileSync(file, "utf8");
    writeFileSync(file, text.replace("EventType", "EventTypX"));
    const r = await gen("--check");
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/chift\/src\/types\.ts: stale/);
  });

  it("catches a missing file and an extra one", async () => {
    unlinkSync(join(out, "chift/openapi.yaml"));
    const missing = await gen("--check");
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/openapi\.yaml: missing/);
    expect((await gen("--quiet")).code).toBe(0);
    writeFileSync(join(out, "chift/notes.txt"), "mine");
    const extra = await gen("--check");
    expect(extra.code).toBe(1);
    expect(extra.err).toMatch(/notes\.txt: extra/);
  });

  it("does the full check when the catalog changed", async () => {
    const file = join(cat, "chift.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("title: Chift webhooks", "title: Chift hooks"));
    const r = await gen("--check");
    expect(r.code).toBe(1);
    expect(r.err).not.toMatch(cached);
    expect(r.err).toMatch(/stale/);
  });

  it("without a cache entry (another output folder) checks in full, then remembers", async () => {
    const other = join(root, "other");
    cpSync(out, other, { recursive: true });
    const first = await runCli("generate", "--catalog", cat, "--out", other, "--check");
    expect(first.code).toBe(0);
    expect(first.err).not.toMatch(cached);
    const second = await runCli("generate", "--catalog", cat, "--out", other, "--check");
    expect(second.err).toMatch(cached);
  });
});
