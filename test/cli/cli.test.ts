// The command line as a newcomer meets it: the real bin on plain Node for the basics, in-process
// for the rest.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../support/run-cli.ts";

const bin = (...args: string[]) => spawnSync(process.execPath, ["bin/eventgen.js", ...args], { encoding: "utf8" });

describe("bin/eventgen.js", () => {
  it("prints help listing every command, exit 0", () => {
    const r = bin("--help");
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("");
    for (const c of ["lint", "generate", "import", "schema"]) expect(r.stdout).toMatch(new RegExp(`^  ${c} `, "m"));
    expect(r.stdout).toContain("Exit codes: 0 success, 1 problems in the catalogs, stale output or a delivery that was not 2xx, 2 bad command line, 3 internal error.");
  });

  it("with no arguments prints the help on stderr and exits 2, a usage error (as git does)", () => {
    const r = bin();
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(bin("--help").stdout);
  });

  it("lints the bundled catalogs under catalog/ by default, exit 0", () => {
    const r = bin("lint");
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe("3 catalogs, 63 events: no problems");
  });

  it("prints located diagnostics on stdout and exits 1 on a broken catalog", () => {
    const r = bin("lint", "test/invalid/unknown-group/catalog");
    expect(r.status).toBe(1);
    expect(r.stdout).toBe(readFileSync("test/invalid/unknown-group/expected.txt", "utf8"));
    expect(r.stderr).toBe("");
  });

  it("exits 2 on an unknown command, with a suggestion and the command list on stderr", () => {
    const r = bin("lnt");
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe("eventgen: unknown command 'lnt' (did you mean 'lint'?)\nCommands: lint, generate, import, diff, send, example, schema. Run 'eventgen --help' for more.\n");
  });

  it("prints its version", () => {
    expect(bin("--version").stdout.trim()).toBe(JSON.parse(readFileSync("package.json", "utf8")).version);
  });
});

describe("help", () => {
  it.each(["lint", "generate", "import", "schema"])("%s --help describes the command and its flags", async (name) => {
    const { code, out, err } = await runCli(name, "--help");
    expect(code).toBe(0);
    expect(err).toBe("");
    expect(out).toMatch(new RegExp(`^eventgen ${name}: `));
    expect(out).toContain("Usage: eventgen " + name);
    expect(out).toContain("--help, -h");
  });

  it("generate --help names every flag", async () => {
    const { out } = await runCli("generate", "--help");
    for (const flag of ["--catalog, -c", "--out, -o", "--check", "--quiet, -q", "--templates", "--timings"]) expect(out).toContain(flag);
  });

  it("lint --help says what it checks and the default path", async () => {
    const { out } = await runCli("lint", "-h");
    expect(out).toContain("Usage: eventgen lint [paths...] [--format text|json|github|sarif]");
    expect(out).toContain("default:\nevery *.yaml under catalog/");
    expect(out).toContain("the examples included");
  });

  it("help, -h and --help print the same help on stdout, exit 0; no arguments print it on stderr, exit 2", async () => {
    const runs = await Promise.all([["help"], ["-h"], ["--help"]].map((a) => runCli(...a)));
    expect(runs.map((r) => [r.code, r.err])).toEqual([[0, ""], [0, ""], [0, ""]]);
    expect(new Set(runs.map((r) => r.out)).size).toBe(1);
    const none = await runCli();
    expect([none.code, none.out, none.err]).toEqual([2, "", runs[0]!.out]);
  });

  it("help <command> is the same as <command> --help", async () => {
    expect((await runCli("help", "lint")).out).toBe((await runCli("lint", "--help")).out);
  });
});

describe("usage errors exit 2 with a hint", () => {
  it.each([
    { argv: ["generat"], want: "eventgen: unknown command 'generat' (did you mean 'generate'?)" },
    { argv: ["LINT"], want: "eventgen: unknown command 'LINT' (did you mean 'lint'?)" },
    { argv: ["-x"], want: "eventgen: unknown command '-x'" },
    { argv: ["help", "nope"], want: "eventgen: unknown command 'nope'" },
    { argv: ["generate", "--chek"], want: "eventgen generate: unknown option '--chek' (did you mean '--check'?)" },
    { argv: ["generate", "--templtes", "t"], want: "eventgen generate: unknown option '--templtes' (did you mean '--templates'?)" },
    { argv: ["lint", "--fix"], want: "eventgen lint: unknown option '--fix'" },
    { argv: ["generate", "--out"], want: "eventgen generate: --out (-o) needs a value" },
    { argv: ["generate", "--out", "--check"], want: "eventgen generate: --out (-o) needs a value" },
    { argv: ["generate", "--check=yes"], want: "eventgen generate: --check takes no value" },
    { argv: ["lint", "--format", "xml"], want: "eventgen lint: --format takes one of text, json, github, sarif, not 'xml'" },
    { argv: ["lint", "--format", "jsno"], want: "eventgen lint: --format takes one of text, json, github, sarif, not 'jsno' (did you mean 'json'?)" },
    { argv: ["lint", "--max-problems", "-3"], want: "eventgen lint: --max-problems takes a whole number (0 or more), not '-3'" },
    { argv: ["lint", "--max-warnings", "-2"], want: "eventgen lint: --max-warnings takes a whole number of -1 (no limit) or more, not '-2'" },
    { argv: ["lint", "--max-problems", "many"], want: "eventgen lint: --max-problems takes a whole number (0 or more), not 'many'" },
    { argv: ["lint", "--max-warnings", "1.5"], want: "eventgen lint: --max-warnings takes a whole number of -1 (no limit) or more, not '1.5'" },
    { argv: ["generate", "--max-problems=x"], want: "eventgen generate: --max-problems takes a whole number (0 or more), not 'x'" },
    { argv: ["import", "openapi"], want: "eventgen import: missing the OpenAPI file to import" },
    { argv: ["generate", "catalog/deck.yaml"], want: "eventgen generate: unexpected argument 'catalog/deck.yaml' (did you mean --catalog catalog/deck.yaml?)" },
    { argv: ["schema", "catalog"], want: "eventgen schema: unexpected argument 'catalog'" },
  ])("$argv", async ({ argv, want }) => {
    const { code, out, err } = await runCli(...argv);
    expect(code).toBe(2);
    expect(out).toBe("");
    const lines = err.split("\n");
    expect(lines[0]).toBe(want);
    // The same for every mistake: the usage follows, so the fix is on screen, then where the rest is.
    if (want.startsWith("eventgen: ")) expect(lines[1]).toBe("Commands: lint, generate, import, diff, send, example, schema. Run 'eventgen --help' for more.");
    else {
      expect(lines[1]).toMatch(/^Usage: eventgen /);
      expect(lines.at(-1)).toMatch(/^Run 'eventgen \w+ --help' for every option\.$/);
    }
  });
});

describe("--templates that is not a folder is a usage error", () => {
  const scratch = "test/.scratch/cli-templates";
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it.each([
    { templates: "/nonexistent", why: "no such folder" },
    { templates: "package.json", why: "not a folder" },
  ])("$templates: $why", async ({ templates, why }) => {
    const out = join(scratch, "out");
    const r = await runCli("generate", "--catalog", "catalog/chift.yaml", "--out", out, "--templates", templates);
    expect([r.code, r.out]).toEqual([2, ""]);
    expect(r.err.split("\n")[0]).toBe(`eventgen generate: --templates ${templates}: ${why}`);
    expect(r.err).toMatch(/\nRun 'eventgen generate --help' for every option\.$/);
    expect(existsSync(out)).toBe(false);
  });
});

describe("counts in progress and summary lines are pluralized", () => {
  const scratch = "test/.scratch/cli-plural";
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  // The plural forms are asserted by test/generate/generate.test.ts ("generated 2 catalogs, 15 events").
  it("one catalog of one event says 1 catalog, 1 event", async () => {
    mkdirSync(join(scratch, "one"), { recursive: true });
    // The flat case with its second event taken out: one catalog of one event.
    const one = join(scratch, "one", "flat.yaml");
    writeFileSync(one, readFileSync("test/cases/flat/catalog/flat.yaml", "utf8").replace(/  conn\.closed:[\s\S]*$/, ""));
    const out = join(scratch, "out");
    const made = await runCli("generate", "--catalog", one, "--out", out);
    expect(made.code, made.err).toBe(0);
    expect(made.err).toMatch(/^eventgen: flat: 1 event from .*flat\.yaml$/m);
    expect(made.err).toMatch(/^eventgen: generated 1 catalog, 1 event, \d+ files into .*out \(\d+\.\d+s\)$/m);
    const checked = await runCli("generate", "--catalog", one, "--out", out, "--check");
    expect(checked.code, checked.err).toBe(0);
    expect(checked.err).toMatch(/^eventgen: 1 catalog, 1 event, \d+ files up to date \(/m);
    expect((await runCli("lint", one)).out).toBe("1 catalog, 1 event: no problems");
  });
});

describe("exit codes", () => {
  it("lint: 0 clean, 0 with warnings only, 1 with an error", async () => {
    expect((await runCli("lint", "catalog/chift.yaml")).code).toBe(0);
    expect((await runCli("lint", "test/invalid/empty-group/catalog")).code).toBe(0);
    expect((await runCli("lint", "test/invalid/unknown-group/catalog")).code).toBe(1);
  });

  it("lint of a single clean catalog says so", async () => {
    expect((await runCli("lint", "catalog/truto.yaml")).out).toBe("1 catalog, 17 events: no problems");
  });

  it("lint takes several paths, files and folders mixed, and reads each file once", async () => {
    const { code, out } = await runCli("lint", "catalog", "catalog/deck.yaml", "catalog/", "./catalog/chift.yaml");
    expect(code).toBe(0);
    expect(out).toBe("3 catalogs, 63 events: no problems");
  });
});

describe("the README keeps up with the code", () => {
  const readme = readFileSync("README.md", "utf8");

  it("its diagnostics table has a row for every code, and no other", async () => {
    const { codes } = await import("../../generator/check/codes.ts");
    const rows = [...readme.matchAll(/^\| (EG\d{3}) \|/gm)].map((m) => m[1]);
    expect(rows).toEqual(Object.keys(codes));
  });

  it("its exit-code table lists 0 to 3", () => {
    expect([...readme.matchAll(/^\| `(\d)` \|/gm)].map((m) => m[1])).toEqual(["0", "1", "2", "3"]);
  });

  it.each(["lint", "generate", "import", "send", "example"])("%s --help and the README name every flag of %s", async (name) => {
    const { out } = await runCli(name, "--help");
    const flags = [...out.matchAll(/^ {2}(--[\w-]+)/gm)].map((m) => m[1]!);
    expect(flags.length).toBeGreaterThan(1);
    for (const flag of flags) if (flag !== "--help") expect(readme, flag).toContain(flag);
    // And each flag in the usage line is described below it.
    for (const m of out.split("\n\n")[1]!.matchAll(/\[(--[\w-]+)/g)) expect(flags, m[1]).toContain(m[1]);
  });
});
