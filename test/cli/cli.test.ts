// The command line as a newcomer meets it: the real bin on plain Node for the basics, in-process
// for the rest.
import { execFileSync, spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { runCli } from "../support/run-cli.ts";

const bin = (...args: string[]) => spawnSync(process.execPath, ["bin/eventgen.js", ...args], { encoding: "utf8" });

describe("bin/eventgen.js", () => {
  it("prints help listing every command, exit 0", () => {
    const r = bin("--help");
    expect(r.status).toBe(0);
    for (const c of ["lint", "generate", "import", "schema"]) expect(r.stdout).toMatch(new RegExp(`^  ${c} `, "m"));
    expect(r.stdout).toContain("Exit codes:");
  });

  it("lints the bundled catalogs clean by default", () => {
    const out = execFileSync(process.execPath, ["bin/eventgen.js", "lint"], { encoding: "utf8" });
    expect(out.trim()).toBe("3 catalogs, 63 events: no problems");
  });

  it("prints its version", () => {
    expect(bin("--version").stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe("help and usage errors", () => {
  it.each(["lint", "generate", "import", "schema"])("%s --help describes the command and its flags", async (name) => {
    const { code, out } = await runCli(name, "--help");
    expect(code).toBe(0);
    expect(out).toMatch(new RegExp(`^eventgen ${name}: `));
    expect(out).toContain("Usage: eventgen " + name);
    expect(out).toContain("--help, -h");
  });

  it("generate --help names every flag", async () => {
    const { out } = await runCli("generate", "--help");
    for (const flag of ["--catalog", "--out", "--check", "--quiet", "--templates", "--timings"]) expect(out).toContain(flag);
  });

  it("help <command> is the same as <command> --help", async () => {
    expect((await runCli("help", "lint")).out).toBe((await runCli("lint", "--help")).out);
  });

  it("an unknown command exits 2 with the command list", async () => {
    const { code, err } = await runCli("generat");
    expect(code).toBe(2);
    expect(err).toContain("unknown command 'generat'");
    expect(err).toContain("Commands:");
  });

  it("an unknown flag exits 2 with the command's usage", async () => {
    const { code, err } = await runCli("generate", "--chek");
    expect(code).toBe(2);
    expect(err).toMatch(/Unknown option '--chek'/);
    expect(err).toContain("Usage: eventgen generate");
  });

  it("lint exits 1 on errors and 0 on a clean catalog", async () => {
    expect((await runCli("lint", "test/invalid/unknown-group/catalog")).code).toBe(1);
    expect((await runCli("lint", "catalog/chift.yaml")).code).toBe(0);
  });
});
