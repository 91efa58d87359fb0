// `generate --check` answers from the manifest in each output folder when nothing the output
// depends on changed, on any machine (the manifest is committed with the output, so CI's fresh
// checkout has it), and still catches every edit to the output: same-length edits, missing and
// extra files, edits to the catalog. Without a usable manifest it does the full check. And a
// folder whose catalog is gone is reported by --check and removed by generate.
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../support/run-cli.ts";

const root = "test/.scratch/manifest";
const cat = join(root, "catalog");
const out = join(root, "out");
const gen = (...more: string[]) => runCli("generate", "--catalog", cat, "--out", out, ...more);
const fast = /file hashes compared with each folder's \.eventgen-manifest\.json/;
const manifest = (id: string) => JSON.parse(readFileSync(join(out, id, ".eventgen-manifest.json"), "utf8"));

beforeEach(async () => {
  rmSync(root, { recursive: true, force: true });
  mkdirSync(cat, { recursive: true });
  cpSync("catalog/chift.yaml", join(cat, "chift.yaml"));
  expect((await gen("--quiet")).code).toBe(0);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("generate --check with the manifest", () => {
  it("is written beside the output, names the catalog and every other file with its hash, and is not published", async () => {
    const m = manifest("chift");
    expect(m.catalog).toBe("test/.scratch/manifest/catalog/chift.yaml");
    expect(m.key).toMatch(/^[0-9a-f]{64}$/);
    expect(Object.keys(m.files)).toContain("dist/validators.js");
    expect(Object.keys(m.files)).not.toContain(".eventgen-manifest.json");
    const pkg = JSON.parse(readFileSync(join(out, "chift/package.json"), "utf8"));
    expect(pkg.files.some((f: string) => f.startsWith(".eventgen"))).toBe(false);
  });

  it("passes from the manifest right after a generate, and writes nothing", async () => {
    const before = readFileSync(join(out, "chift/.eventgen-manifest.json"), "utf8");
    rmSync("node_modules/.cache/eventgen", { recursive: true, force: true });
    const r = await gen("--check");
    expect(r.code).toBe(0);
    expect(r.err).toMatch(fast);
    expect(r.err).toMatch(/1 catalogs?, 13 events, \d+ files up to date/);
    expect(existsSync("node_modules/.cache/eventgen")).toBe(false);
    expect(readFileSync(join(out, "chift/.eventgen-manifest.json"), "utf8")).toBe(before);
  });

  it("passes from the manifest in a copy of the project elsewhere (a fresh checkout)", async () => {
    const other = join(root, "other");
    cpSync(out, other, { recursive: true });
    const r = await runCli("generate", "--catalog", cat, "--out", other, "--check");
    expect(r.code).toBe(0);
    expect(r.err).toMatch(fast);
  });

  it("catches an edit that keeps the file's length", async () => {
    const file = join(out, "chift/src/types.ts");
    writeFileSync(file, readFileSync(file, "utf8").replace("EventType", "EventTypX"));
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
    expect(r.err).not.toMatch(fast);
    expect(r.err).toMatch(/stale/);
  });

  it("a manifest that is missing or made from other inputs is not stale output: the full check decides", async () => {
    const m = manifest("chift");
    writeFileSync(join(out, "chift/.eventgen-manifest.json"), JSON.stringify({ ...m, key: "0".repeat(64) }));
    const other = await gen("--check");
    expect(other.code).toBe(0);
    expect(other.err).not.toMatch(fast);
    unlinkSync(join(out, "chift/.eventgen-manifest.json"));
    const none = await gen("--check");
    expect(none.code).toBe(0);
    expect(none.err).not.toMatch(fast);
  });

  it("a forged hash in the manifest cannot hide an edit", async () => {
    const file = join(out, "chift/README.md");
    writeFileSync(file, "edited\n");
    const m = manifest("chift");
    m.files["README.md"] = "f".repeat(64);
    writeFileSync(join(out, "chift/.eventgen-manifest.json"), JSON.stringify(m));
    const r = await gen("--check");
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/README\.md: stale/);
  });
});

describe("a folder whose catalog is gone", () => {
  it("is extra under --check, and generate removes it", async () => {
    cpSync("catalog/truto.yaml", join(cat, "truto.yaml"));
    expect((await gen("--quiet")).code).toBe(0);
    unlinkSync(join(cat, "truto.yaml"));
    const r = await gen("--check");
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/manifest\/out\/truto\/: extra \(its catalog is gone/);
    const g = await gen();
    expect(g.code).toBe(0);
    expect(g.err).toMatch(/removed .*out\/truto\/ \(its catalog is gone\)/);
    expect(existsSync(join(out, "truto"))).toBe(false);
    expect((await gen("--check")).code).toBe(0);
  });

  it("a renamed catalog replaces its old folder", async () => {
    const text = readFileSync(join(cat, "chift.yaml"), "utf8").replace(/^id: chift\n/m, "");
    unlinkSync(join(cat, "chift.yaml"));
    writeFileSync(join(cat, "pos.yaml"), text);
    expect((await gen("--quiet")).code).toBe(0);
    expect(existsSync(join(out, "chift"))).toBe(false);
    expect(existsSync(join(out, "pos/package.json"))).toBe(true);
  });

  it("folders that are not this run's are left alone: another catalog folder's, one made from a named file, and ours", async () => {
    const elsewhere = join(root, "elsewhere");
    mkdirSync(elsewhere, { recursive: true });
    cpSync("catalog/truto.yaml", join(elsewhere, "truto.yaml"));
    expect((await runCli("generate", "--quiet", "--catalog", elsewhere, "--out", out)).code).toBe(0);
    mkdirSync(join(out, "notes"));
    writeFileSync(join(out, "notes/a.txt"), "mine");
    expect((await gen("--check")).code).toBe(0);
    expect((await gen("--quiet")).code).toBe(0);
    expect(existsSync(join(out, "truto/package.json"))).toBe(true);
    expect(existsSync(join(out, "notes/a.txt"))).toBe(true);
    // Generating one named file never removes the folders of the others.
    renameSync(join(cat, "chift.yaml"), join(root, "chift.yaml"));
    expect((await runCli("generate", "--quiet", "--catalog", join(root, "chift.yaml"), "--out", out)).code).toBe(0);
    expect(existsSync(join(out, "truto/package.json"))).toBe(true);
  });
});
