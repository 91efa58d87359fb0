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
    // A full check (no cache entry for this folder yet) through the thread, then a hand edit.
    const check = await withThreads("2", () => runCli("generate", "--check", "--catalog", "catalog", "--out", join(root, "one")));
    expect(check.code).toBe(0);
    writeFileSync(join(root, "one/deck/README.md"), "edited\n");
    const stale = await withThreads("2", () => runCli("generate", "--check", "--catalog", "catalog", "--out", join(root, "one")));
    expect(stale.code).toBe(1);
    expect(stale.err).toMatch(/deck\/README\.md: stale \(line 1: on disk "edited"/);
  }, 60_000);

  it("reports a template error from the thread as one from the main thread", async () => {
    const templates = join(root, "templates");
    mkdirSync(templates, { recursive: true });
    writeFileSync(join(templates, "catalog.hbs"), "{{#if title}}unclosed\n");
    const r = await withThreads("2", () => runCli("generate", "--catalog", "catalog/chift.yaml", "--out", join(root, "t"), "--templates", templates));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/catalog\.hbs:\d+: handlebars syntax error/);
    expect(r.err).toMatch(/nothing was written/);
  }, 60_000);
});
