// Each folder holds a broken catalog and the exact diagnostics `eventgen lint` must print for it:
// the code, the message and the file:line:col of the key or value that is wrong.
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { codes } from "../../generator/check/codes.ts";
import { runCli } from "../support/run-cli.ts";

const here = "test/invalid";
const cases = readdirSync(here, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
const expected = (name: string) => readFileSync(join(here, name, "expected.txt"), "utf8").trimEnd();

describe("eventgen lint on broken catalogs", () => {
  it.each(cases)("%s", async (name) => {
    const want = expected(name);
    const { code, out, err } = await runCli("lint", join(here, name, "catalog"));
    expect([err, out].filter(Boolean).join("\n")).toBe(want);
    // Warnings alone do not fail a run.
    expect(code).toBe(/: error EG\d{3}:/.test(want) ? 1 : 0);
  });

  it("every line of every expected.txt is a diagnostic, a hint, a blank line or the summary", () => {
    for (const name of cases)
      for (const line of expected(name).split("\n"))
        expect(line, `${name}: ${line}`).toMatch(/^(test\/invalid\/[^:]+:\d+:\d+: (error|warning) EG\d{3}: .+|  \S.*|\d+ errors?, \d+ warnings?|)$/);
  });

  // EG100, EG104, EG105 and EG106 are about files rather than their text: they are tested below.
  const elsewhere = ["EG100", "EG104", "EG105", "EG106", "EG501"]; // EG501: test/docs/templates.test.ts
  it("has a case for every diagnostic code a lint run can produce", () => {
    const seen = new Set(cases.flatMap((c) => expected(c).match(/EG\d{3}/g) ?? []));
    for (const code of Object.keys(codes)) if (!elsewhere.includes(code)) expect(seen, code).toContain(code);
  });

  it("reports the problems of several catalogs in one run, sorted by file, with one summary", async () => {
    const { code, out } = await runCli("lint", `${here}/unknown-group/catalog`, `${here}/bad-regex/catalog`);
    expect(code).toBe(1);
    const body = (name: string) => expected(name).split("\n\n")[0];
    expect(out).toBe(`${body("bad-regex")}\n${body("unknown-group")}\n\n2 errors, 0 warnings`);
  });

  it("refuses the alias bomb without expanding it", async () => {
    const t0 = performance.now();
    const { code } = await runCli("lint", `${here}/alias-bomb/catalog`);
    expect(code).toBe(1);
    expect(performance.now() - t0).toBeLessThan(5000); // a hang guard, not a speed goal
  });
});

describe("file-level problems", () => {
  const scratch = "test/.scratch/invalid";
  const base = readFileSync(`${here}/empty-group/catalog/shop.yaml`, "utf8").replace("  refund: { title: Refund events }\n", "");
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));
  const fresh = (name: string) => {
    const dir = join(scratch, name);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    return dir;
  };

  it("EG100: a path that does not exist", async () => {
    const { code, out } = await runCli("lint", "test/invalid/no-such-folder");
    expect(code).toBe(1);
    expect(out).toBe(
      "test/invalid/no-such-folder:1:1: error EG100: no such file or directory: test/invalid/no-such-folder\n" +
        "  pass a catalog file or a folder of them, e.g. `eventgen lint catalog/`\n\n1 error, 0 warnings",
    );
  });

  it("EG100: a dangling or looping symlink in a catalog folder is reported, not a crash", async () => {
    const dir = fresh("links");
    writeFileSync(join(dir, "shop.yaml"), base);
    symlinkSync("/nonexistent/eventgen.yaml", join(dir, "dangling.yaml"));
    symlinkSync("looping.yaml", join(dir, "looping.yaml"));
    symlinkSync(".", join(dir, "itself")); // a folder that leads back into itself: walked once
    const { code, out } = await runCli("lint", dir);
    expect(code).toBe(1);
    expect(out).toBe(
      `${dir}/dangling.yaml:1:1: error EG100: cannot read ${dir}/dangling.yaml: it is a symlink to nothing\n` +
        `${dir}/looping.yaml:1:1: error EG100: cannot read ${dir}/looping.yaml: its symlinks loop\n\n2 errors, 0 warnings`,
    );
  });

  it.skipIf(process.platform === "win32")("a FIFO named like a catalog is skipped, not read forever", async () => {
    const dir = fresh("fifo");
    writeFileSync(join(dir, "shop.yaml"), base);
    execFileSync("mkfifo", [join(dir, "pipe.yaml")]);
    const { code, out } = await runCli("lint", dir);
    expect(code).toBe(0);
    expect(out).toBe("1 catalog, 1 event: no problems");
  });

  it("EG103: a wide alias bomb (few aliases of one huge mapping) is refused, not expanded", async () => {
    const dir = fresh("wide-bomb");
    const keys = Array.from({ length: 5000 }, (_, i) => `  k${i}: v`).join("\n");
    const uses = Array.from({ length: 200 }, (_, i) => `      - { n: ${i}, x: *wide }`).join("\n");
    writeFileSync(join(dir, "shop.yaml"), `${base.replace("title: Shop\n", `title: Shop\nx-wide: &wide\n${keys}\n`)}    examples:\n${uses}\n`);
    const t0 = performance.now();
    const { code, out } = await runCli("lint", dir);
    expect(code).toBe(1);
    expect(out).toMatch(/shop\.yaml:\d+:\d+: error EG103: aliases that expand to more than 250,000 values; refusing to expand further\n/);
    expect(performance.now() - t0).toBeLessThan(5000); // a hang guard, not a speed goal
  });

  it("EG105: a folder without catalogs", async () => {
    const dir = fresh("empty");
    writeFileSync(join(dir, "notes.txt"), "not a catalog");
    const { code, out } = await runCli("lint", dir);
    expect(code).toBe(1);
    expect(out).toContain(`${dir}:1:1: error EG105: no catalog files (*.yaml, *.yml) in ${dir}`);
  });

  it("EG104: an oversized file is refused before it is parsed", async () => {
    const file = join(fresh("big"), "big.yaml");
    writeFileSync(file, `title: x\ndescription: "${"a".repeat(33 * 1024 * 1024)}"\n`);
    try {
      const t0 = performance.now();
      const { code, out } = await runCli("lint", file);
      expect(code).toBe(1);
      expect(out).toMatch(/^test\/\.scratch\/invalid\/big\/big\.yaml:1:1: error EG104: file is 3460\d{4} bytes; catalogs are limited to 33554432 bytes\n/);
      expect(performance.now() - t0).toBeLessThan(5000); // a hang guard, not a speed goal
    } finally {
      rmSync(file);
    }
  });

  it("EG101: nesting too deep for the parser is a diagnostic", async () => {
    const dir = fresh("deep");
    writeFileSync(join(dir, "shop.yaml"), `${base}    examples:\n      - ${"[".repeat(20000)}${"]".repeat(20000)}\n`);
    const { code, out } = await runCli("lint", dir);
    expect(code).toBe(1);
    expect(out).toMatch(/shop\.yaml:25:\d+: error EG101: nesting too deep to parse\n/);
  });

  it("EG201: schemas nested past the limit are located where the limit is reached", async () => {
    const dir = fresh("deep-schema");
    let payload = "    payload:\n";
    let indent = "      ";
    for (let i = 0; i < 150; i++, indent += "    ") payload += `${indent}properties:\n${indent}  a:\n`;
    payload += `${indent}type: string\n`;
    writeFileSync(join(dir, "shop.yaml"), base.replace("    payload: Order\n", payload));
    const { code, out } = await runCli("lint", dir);
    expect(code).toBe(1);
    const m = /shop\.yaml:(\d+):(\d+): error EG201: schemas nested more than 200 levels deep\n/.exec(out);
    expect(m).not.toBeNull();
    expect(Number(m![1])).toBeGreaterThan(100);
  });

  it("EG401: an example that does not match its event is located at the offending value", async () => {
    const dir = fresh("example");
    writeFileSync(join(dir, "shop.yaml"), `${base}    examples:\n      - { type: order.created, id: e1, data: { id: 3f2b8c1e-5a7d-4e9f-8b6a-1c2d3e4f5a6b, status: shipped } }\n`);
    const { code, err } = await runCli("generate", "--catalog", dir, "--out", join(scratch, "out"), "--quiet");
    expect(code).toBe(1);
    expect(err).toContain(`${dir}/shop.yaml:25:98: error EG401: example 1 of 'order.created' does not match the event's schema: /data/status must be one of "open", "paid"`);
    expect(err).toContain("nothing was written");
    // --check runs the examples too, so CI catches it without writing anything.
    const check = await runCli("generate", "--check", "--catalog", dir, "--out", join(scratch, "out"), "--quiet");
    expect(check.code).toBe(1);
    expect(check.err).toContain(`${dir}/shop.yaml:25:98: error EG401: `);
    // lint runs the examples too: what it passes, generate accepts.
    const linted = await runCli("lint", dir);
    expect(linted.code).toBe(1);
    expect(linted.out).toContain(`${dir}/shop.yaml:25:98: error EG401: `);
  });
});
