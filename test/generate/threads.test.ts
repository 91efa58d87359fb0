// Large catalogs have their documents made on a second thread; the output must be byte for byte
// what one thread makes, --check must agree, and a template error must still be reported as one.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { listFiles } from "../../generator/write/output-tree.ts";
import { runCli } from "../support/run-cli.ts";

const root = "test/.scratch/threads";
const tree = (dir: string) => Object.fromEntries(listFiles(dir).map((f) => [f, createHash("sha256").update(readFileSync(join(dir, f))).digest("hex")]));
const withThreads = async <T>(n: "1" | "2", f: () => Promise<T>): Promise<T> => {
  process.env["EVENTGEN_THREADS"] = n;
  try {
    return await f();
  } finally {
    delete process.env["EVENTGEN_THREADS"];
  }
};

afterEach(() => delete process.env["EVENTGEN_THREADS"]);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("the documents thread", () => {
  it("writes the same bytes as one thread, and --check agrees either way", async () => {
    rmSync(root, { recursive: true, force: true });
    const one = await withThreads("1", () => runCli("generate", "--quiet", "--catalog", "catalog", "--out", join(root, "one")));
    const two = await withThreads("2", () => runCli("generate", "--quiet", "--timings", "--catalog", "catalog", "--out", join(root, "two")));
    expect([one.code, two.code]).toEqual([0, 0]);
    expect(two.err).toMatch(/emit:docs \(thread 2\)/);
    for (const id of ["deck", "truto", "chift"]) expect(tree(join(root, "two", id))).toEqual(tree(join(root, "one", id)));
    // A check (answered from the folder's manifest), then a hand edit, which takes the full check
    // through the thread.
    const check = await withThreads("2", () => runCli("generate", "--check", "--catalog", "catalog", "--out", join(root, "one")));
    expect(check.code).toBe(0);
    writeFileSync(join(root, "one/deck/README.md"), "edited\n");
    const stale = await withThreads("2", () => runCli("generate", "--check", "--catalog", "catalog", "--out", join(root, "one")));
    expect(stale.code).toBe(1);
    expect(stale.err).toMatch(/deck\/README\.md: stale \(differs from what generate makes\)\n--- .*\n\+\+\+ .*\n@@ -1,1 \+1,\d+ @@\n-edited\n/);
  }, 60_000);

  it("reports a template error from the thread as one from the main thread", async () => {
    const templates = join(root, "templates");
    mkdirSync(templates, { recursive: true });
    writeFileSync(join(templates, "catalog.hbs"), "{{#if title}}unclosed\n");
    const r = await withThreads("2", () => runCli("generate", "--catalog", "catalog/chift.yaml", "--out", join(root, "t"), "--templates", templates));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/catalog\.hbs:\d+:\d+: error EG501: handlebars syntax error/);
    expect(r.err).toMatch(/nothing was written/);
  }, 60_000);
});

describe("progress on a large catalog", () => {
  it("says how far generate got, between the catalog's line and the summary", async () => {
    const { makeCatalog } = await import("../../bench/make-catalog.ts");
    const dir = join(root, "large");
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "synthetic-1000.yaml"), makeCatalog(1000).yaml);
    const r = await runCli("generate", "--catalog", dir, "--out", join(root, "large-out"));
    expect(r.code, r.err).toBe(0);
    const lines = r.err.trim().split("\n").map((l) => l.replace(/\(\d+\.\d+s\)/, "(…)"));
    expect(lines[0]).toMatch(/^eventgen: synthetic-1000: 1000 events from /);
    expect(lines.slice(1)).toEqual([
      "eventgen: synthetic-1000: code made and examples checked (…); documents next",
      expect.stringMatching(/^eventgen: writing \d+ files \(…\)$/),
      expect.stringMatching(/^eventgen: generated 1 catalog, 1000 events, \d+ files into .*large-out \(…\)$/),
    ]);
  }, 60_000);
});
