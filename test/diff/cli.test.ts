// `eventgen diff` as a user runs it: exit codes, every format, --fail-on, --changelog, a catalog
// that does not load, and --base on a scratch git repository.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../support/run-cli.ts";
import { catalog } from "./support.ts";

const scratch = mkdtempSync(join(tmpdir(), "eventgen-diff-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const V1 = catalog(`events:\n  a.x: { group: g, trigger: T, payload: { type: object, properties: { id: string, s: { enum: [a, b] } } } }\n  a.y: { group: g, trigger: T }\n`);
const V2 = (version: string) =>
  catalog(`events:\n  a.x: { group: g, trigger: T, payload: { type: object, properties: { id?: string, s: { enum: [a, b, c] }, note?: string } } }\n  a.y: { group: g, trigger: Then }\n  a.z: { group: g, trigger: T }\n`, { version });
const DOCS = catalog(`events:\n  a.x: { group: g, trigger: T, payload: { type: object, properties: { id: string, s: { enum: [a, b] } } } }\n  a.y: { group: g, trigger: Then }\n`, { version: "1.0.1" });

const file = (name: string, text: string) => {
  const p = join(scratch, name);
  writeFileSync(p, text);
  return p;
};
const oldFile = file("v1.yaml", V1);
const newFile = file("v2.yaml", V2("1.1.0"));
const majorFile = file("v2-major.yaml", V2("2.0.0"));
const docsFile = file("docs.yaml", DOCS);

describe("eventgen diff <old> <new>", () => {
  it("text: one tsc-like line per change, the witnesses, the summary; exit 1 on breaking", async () => {
    const r = await runCli("diff", oldFile, newFile);
    expect(r.code).toBe(1);
    const lines = r.out.split("\n");
    expect(lines).toContainEqual(expect.stringMatching(/v2\.yaml:\d+:\d+: breaking property-became-optional: a\.x \/data\/id: field 'id' is no longer required$/));
    expect(lines).toContainEqual(expect.stringMatching(/: breaking enum-value-added: a\.x \/data\/s: value "c" added$/));
    expect(lines).toContainEqual(expect.stringMatching(/: info event-added: a\.z \/: event 'a\.z' added$/));
    expect(lines).toContainEqual(expect.stringMatching(/: info docs-changed: a\.y \/: trigger changed$/));
    expect(r.out).toContain("Witnesses (accepted by the new catalog's validators, rejected by the old one's):");
    expect(r.out).toMatch(/"s":"c"/);
    expect(lines.at(-1)).toBe("v2: 2 breaking, 0 warnings, 3 info; required bump: major; version 1.0.0 → 1.1.0 is not enough");
  });

  it("--fail-on: breaking, warning, info and version", async () => {
    expect((await runCli("diff", oldFile, docsFile)).code).toBe(0);
    expect((await runCli("diff", oldFile, docsFile, "--fail-on", "info")).code).toBe(1);
    expect((await runCli("diff", newFile, majorFile, "--fail-on", "warning")).code).toBe(0);
    expect((await runCli("diff", oldFile, newFile, "--fail-on", "version")).code).toBe(1);
    expect((await runCli("diff", oldFile, majorFile, "--fail-on", "version")).code).toBe(0);
    expect((await runCli("diff", oldFile, docsFile, "--fail-on", "version")).code).toBe(0);
    // Same version, docs changed: a patch is needed.
    expect((await runCli("diff", oldFile, file("docs-same.yaml", DOCS.replace("1.0.1", "1.0.0")), "--fail-on", "version")).code).toBe(1);
  });

  it("json: exactly one document on stdout with the documented fields", async () => {
    const r = await runCli("diff", oldFile, newFile, "--format", "json");
    const doc = JSON.parse(r.out);
    expect(Object.keys(doc)).toEqual(["bump", "version", "changes", "catalogs"]);
    expect(doc.bump).toBe("major");
    expect(doc.version).toEqual({ old: "1.0.0", new: "1.1.0", enough: false });
    const c = doc.changes.find((c: { id: string }) => c.id === "property-became-optional");
    expect(Object.keys(c)).toEqual(["id", "level", "catalog", "event", "pointer", "file", "line", "column", "message", "old", "new", "witness"]);
    expect(c).toMatchObject({ level: "breaking", event: "a.x", pointer: "/data/id", old: "required", new: "optional" });
    expect(c.witness.data.id).toBeUndefined();
    expect(r.err).toMatch(/^eventgen diff: v2: 2 breaking/);
  });

  it("markdown: a summary table by level, then the details", async () => {
    const r = await runCli("diff", oldFile, newFile, "--format", "markdown");
    expect(r.out).toContain("| breaking | 2 |\n| warning | 0 |\n| info | 3 |");
    expect(r.out).toContain("Required bump: **major**. Version `1.1.0` is **not** enough.");
    expect(r.out).toMatch(/#### Breaking\n\n- `a\.x` `\/data\/id`: field 'id' is no longer required/);
    expect(r.out).toContain("<details><summary>witness</summary>");
  });

  it("github: an ::error annotation per breaking change, ::notice for the rest", async () => {
    const r = await runCli("diff", oldFile, newFile, "--format", "github");
    const lines = r.out.split("\n");
    expect(lines.filter((l) => l.startsWith("::error ")).length).toBe(2);
    expect(lines[0]).toMatch(/^::error file=.*v2\.yaml,line=\d+,col=\d+,title=eventgen diff%3A property-became-optional::a\.x \/data\/id: field 'id' is no longer required%0Awitness: \{/);
    expect(lines.filter((l) => l.startsWith("::notice ")).length).toBe(4);
  });

  it("--changelog: an entry for the new version, grouped", async () => {
    const r = await runCli("diff", oldFile, newFile, "--changelog");
    expect(r.code).toBe(1);
    expect(r.out).toBe(
      "## 1.1.0\n\n### Breaking\n\n- `a.x`: `/data/id`: field 'id' is no longer required\n- `a.x`: `/data/s`: value \"c\" added\n\n### Added\n\n- `a.x`: `/data/note`: field 'note' (string) added\n- `a.z`: event 'a.z' added\n\n### Docs\n\n- `a.y`: trigger changed\n",
    );
  });

  it("a catalog that does not load: exit 1 with its diagnostics, never 'no changes'", async () => {
    const bad = file("bad.yaml", V1.replace("trigger: T, payload", "trigger: T, paylod"));
    const r = await runCli("diff", oldFile, bad, "--format", "json");
    expect(r.code).toBe(1);
    expect(r.out).toBe("");
    expect(r.err).toMatch(/bad\.yaml:\d+:\d+: error EG\d+/);
    expect(r.err).toContain("nothing was compared");
  });

  it("usage errors exit 2", async () => {
    expect((await runCli("diff", oldFile)).code).toBe(2);
    expect((await runCli("diff", oldFile, newFile, "--format", "xml")).code).toBe(2);
    expect((await runCli("diff", oldFile, newFile, "--fail-on", "all")).code).toBe(2);
    expect((await runCli("diff", oldFile, join(scratch, "nope.yaml"))).code).toBe(2);
    expect((await runCli("diff", oldFile, newFile, "--changelog", "--format", "json")).code).toBe(2);
  });

  it("help lists every flag", async () => {
    const r = await runCli("diff", "--help");
    for (const flag of ["--base", "--format", "--fail-on", "--changelog", "--help"]) expect(r.out).toContain(flag);
    expect((await runCli("--help")).out).toMatch(/\n {2}diff +report what changed/);
  });
});

describe("eventgen diff --base <ref>", () => {
  const repo = join(scratch, "repo");
  const bin = resolve("bin/eventgen.js");
  const git = (...args: string[]) => {
    const r = spawnSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false", ...args], { cwd: repo, encoding: "utf8" });
    if (r.status !== 0) throw new Error(r.stderr);
  };
  const diff = (...args: string[]) => spawnSync(process.execPath, [bin, "diff", ...args], { cwd: repo, encoding: "utf8" });
  mkdirSync(join(repo, "catalog"), { recursive: true });
  writeFileSync(join(repo, "catalog", "shop.yaml"), V1);
  writeFileSync(join(repo, "catalog", "gone.yaml"), V1);
  git("init", "-q");
  git("add", ".");
  git("commit", "-qm", "v1");
  writeFileSync(join(repo, "catalog", "shop.yaml"), V2("1.1.0"));
  rmSync(join(repo, "catalog", "gone.yaml"));
  writeFileSync(join(repo, "catalog", "fresh.yaml"), V1);

  it("compares each catalog with the same file at the ref, reading it with git and writing nothing", () => {
    const before = readFileSync(join(repo, "catalog", "shop.yaml"), "utf8");
    const r = diff("--base", "HEAD", "--format", "json");
    expect(r.status, r.stderr).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.catalogs.map((c: { catalog: string; oldFile: string }) => [c.catalog, c.oldFile])).toEqual([
      ["fresh", "HEAD: (no such file)"],
      ["shop", "HEAD:catalog/shop.yaml"],
      ["gone", "HEAD:catalog/gone.yaml"],
    ]);
    const shop = doc.changes.filter((c: { catalog: string }) => c.catalog === "shop");
    expect(shop.find((c: { id: string }) => c.id === "property-became-optional")).toMatchObject({ file: "catalog/shop.yaml", pointer: "/data/id" });
    // The deleted catalog's events are removed; the new one's are added.
    expect(doc.changes.filter((c: { catalog: string; id: string }) => c.catalog === "gone").map((c: { id: string }) => c.id)).toEqual(["event-removed", "event-removed"]);
    expect(doc.changes.filter((c: { catalog: string; id: string }) => c.catalog === "fresh").map((c: { id: string }) => c.id)).toEqual(["event-added", "event-added"]);
    expect(readFileSync(join(repo, "catalog", "shop.yaml"), "utf8")).toBe(before);
    const status = spawnSync("git", ["status", "--porcelain"], { cwd: repo, encoding: "utf8" }).stdout;
    expect(status.split("\n").filter(Boolean).sort()).toEqual([" D catalog/gone.yaml", " M catalog/shop.yaml", "?? catalog/fresh.yaml"]);
  });

  it("one path; the old file is named ref:path in diagnostics; a bad ref is a usage error", () => {
    const r = diff("--base", "HEAD", "catalog/shop.yaml", "--format", "github");
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^::error file=catalog\/shop\.yaml,line=\d+/);
    const bad = diff("--base", "no-such-ref");
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("--base no-such-ref: not a commit");
  });
});
