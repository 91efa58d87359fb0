// Each folder holds a broken catalog and the exact diagnostics `eventgen lint` must print for it:
// the code, the message and the file:line:col of the key or value that is wrong.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../support/run-cli.ts";

const here = "test/invalid";
const cases = readdirSync(here, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();

describe("eventgen lint on broken catalogs", () => {
  it.each(cases)("%s", async (name) => {
    const expected = readFileSync(join(here, name, "expected.txt"), "utf8").trimEnd();
    const { code, out, err } = await runCli("lint", join(here, name, "catalog"));
    expect([err, out].filter(Boolean).join("\n")).toBe(expected);
    expect(code).toBe(/: error EG\d{3}:/.test(expected) ? 1 : 0);
  });

  it("covers every diagnostic code a single lint run can produce", () => {
    const seen = new Set(cases.flatMap((c) => readFileSync(join(here, c, "expected.txt"), "utf8").match(/EG\d{3}/g) ?? []));
    for (const code of ["EG101", "EG102", "EG103", "EG201", "EG202", "EG203", "EG204", "EG205", "EG206", "EG301", "EG302", "EG303", "EG304", "EG305", "EG306", "EG307", "EG308", "EG309", "EG310", "EG311", "EG312", "EG313", "EG402"])
      expect(seen, code).toContain(code);
  });
});

describe("file-level problems", () => {
  const scratch = "test/.scratch/invalid";

  it("EG100: a path that does not exist", async () => {
    const { code, out } = await runCli("lint", "test/invalid/no-such-folder");
    expect(code).toBe(1);
    expect(out).toMatch(/^test\/invalid\/no-such-folder:1:1: error EG100: no such file or directory/);
  });

  it("EG105: a folder without catalogs", async () => {
    mkdirSync(join(scratch, "empty"), { recursive: true });
    const { code, out } = await runCli("lint", join(scratch, "empty"));
    expect(code).toBe(1);
    expect(out).toContain(`${scratch}/empty:1:1: error EG105: no catalog files (*.yaml, *.yml) in ${scratch}/empty`);
  });

  it("EG104: an oversized file is refused before it is parsed", async () => {
    mkdirSync(join(scratch, "big"), { recursive: true });
    const file = join(scratch, "big", "big.yaml");
    writeFileSync(file, `title: x\ndescription: "${"a".repeat(33 * 1024 * 1024)}"\n`);
    try {
      const t0 = performance.now();
      const { code, out } = await runCli("lint", file);
      expect(code).toBe(1);
      expect(out).toMatch(/big\.yaml:1:1: error EG104: /);
      expect(performance.now() - t0).toBeLessThan(5000); // a hang guard, not a speed goal
    } finally {
      rmSync(file);
    }
  });

  it("EG401: an example that does not match its event is located at the offending value", async () => {
    const dir = join(scratch, "example");
    mkdirSync(dir, { recursive: true });
    const base = readFileSync("test/invalid/empty-group/catalog/shop.yaml", "utf8").replace("  refund: { title: Refund events }\n", "");
    writeFileSync(join(dir, "shop.yaml"), `${base}    examples:\n      - { type: order.created, id: e1, data: { id: 3f2b8c1e-5a7d-4e9f-8b6a-1c2d3e4f5a6b, status: shipped } }\n`);
    const { code, err } = await runCli("generate", "--catalog", dir, "--out", join(scratch, "out"), "--quiet");
    expect(code).toBe(1);
    expect(err).toContain(`${dir}/shop.yaml:25:98: error EG401: example 1 of 'order.created' does not match the event's schema: /data/status must be one of "open", "paid"`);
    expect(err).toContain("nothing was written");
  });
});
