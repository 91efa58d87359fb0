// What lint prints, for people and for machines: bounded per file, one line per diagnostic with no
// raw control bytes, and the json, github and sarif formats (SARIF checked against the published
// 2.1.0 schema that @microsoft/jest-sarif ships).
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import Ajv04 from "ajv-draft-04";
import { afterAll, describe, expect, it } from "vitest";
import { codes } from "../../generator/check/codes.ts";
import { runCli } from "../support/run-cli.ts";

const scratch = "test/.scratch/lint-output";
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const fresh = (name: string) => {
  const dir = join(scratch, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
};
const base = readFileSync("test/invalid/empty-group/catalog/shop.yaml", "utf8").replace("  refund: { title: Refund events }\n", "");
const diagnosticLine = /^(\S+):(\d+):(\d+): (error|warning) (EG\d{3}): (.+)$/;

/** A catalog with `n` events whose types break its typePattern (`^[a-z_]+\.[a-z_]+$`). */
function manyBadTypes(n: number): string {
  const events = Array.from({ length: n }, (_, i) => `  Bad.type${i}:\n    group: order\n    trigger: T\n    payload: Order\n`).join("");
  return base.replace(/events:\n[\s\S]*$/, `events:\n${events}`);
}

describe("--max-problems", () => {
  it("prints the first 50 problems of a file by default, then how many more", async () => {
    const dir = fresh("many");
    writeFileSync(join(dir, "shop.yaml"), manyBadTypes(120));
    const { code, out } = await runCli("lint", dir);
    expect(code).toBe(1);
    const lines = out.split("\n");
    expect(lines.filter((l) => diagnosticLine.test(l))).toHaveLength(50);
    expect(out).toContain(`  … and 70 more in ${dir}/shop.yaml (run with --max-problems 0 to see all)`);
    expect(lines.at(-1)).toBe("120 errors, 0 warnings");
  });

  it("takes another bound, or 0 for all", async () => {
    const dir = fresh("many-bound");
    writeFileSync(join(dir, "shop.yaml"), manyBadTypes(30));
    const three = await runCli("lint", dir, "--max-problems", "3");
    expect(three.out.split("\n").filter((l) => diagnosticLine.test(l))).toHaveLength(3);
    expect(three.out).toContain("… and 27 more in");
    const all = await runCli("lint", dir, "--max-problems", "0");
    expect(all.out.split("\n").filter((l) => diagnosticLine.test(l))).toHaveLength(30);
    expect(all.out).not.toContain("more in");
  });

  it("bounds the json output too, and says so on stderr", async () => {
    const dir = fresh("many-json");
    writeFileSync(join(dir, "shop.yaml"), manyBadTypes(60));
    const { out, err } = await runCli("lint", dir, "--format", "json");
    expect(JSON.parse(out)).toHaveLength(50);
    expect(err).toBe("60 errors, 0 warnings\neventgen lint: 10 more left out of the json output (at most 50 per file; run with --max-problems 0 to see all)");
    expect(JSON.parse((await runCli("lint", dir, "--format", "json", "--max-problems", "0")).out)).toHaveLength(60);
  });

  it("bounds generate's report the same way", async () => {
    const dir = fresh("many-generate");
    writeFileSync(join(dir, "shop.yaml"), manyBadTypes(60));
    const { code, err } = await runCli("generate", "--catalog", dir, "--out", join(scratch, "out"), "--quiet", "--max-problems", "5");
    expect(code).toBe(1);
    expect(err.split("\n").filter((l) => diagnosticLine.test(l))).toHaveLength(5);
    expect(err).toContain("… and 55 more in");
  });
});

describe("--max-warnings", () => {
  it("fails a run with more warnings than allowed, as eslint does", async () => {
    const warned = "test/invalid/empty-group/catalog"; // one EG313 warning
    expect((await runCli("lint", warned)).code).toBe(0);
    expect((await runCli("lint", warned, "--max-warnings", "1")).code).toBe(0);
    const strict = await runCli("lint", warned, "--max-warnings", "0");
    expect(strict.code).toBe(1);
    expect(strict.out.split("\n").at(-1)).toBe("eventgen lint: 1 warning, more than --max-warnings 0 allows");
  });
});

describe("files that are not text (EG106), and control characters", () => {
  it.each([
    { name: "binary", bytes: Buffer.concat([Buffer.from("title: x\n"), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 0x1b, 0x5b]), Buffer.alloc(200_000, 7)]), at: "2:5", why: "byte 0x00 at offset 13 (a binary file?)" },
    { name: "latin1", bytes: Buffer.from("title: Caf\xe9\n", "latin1"), at: "1:11", why: "the bytes at offset 10 are not UTF-8 (a binary file, or another encoding such as Latin-1?)" },
    { name: "utf16", bytes: Buffer.from("\ufefftitle: x\n", "utf16le"), at: "1:1", why: "it is UTF-16 (save it as UTF-8)" },
  ])("$name: one EG106, no bytes quoted", async ({ name, bytes, at, why }) => {
    const dir = fresh(name);
    writeFileSync(join(dir, "shop.yaml"), bytes);
    const { code, out } = await runCli("lint", dir);
    expect(code).toBe(1);
    expect(out).toBe(`${dir}/shop.yaml:${at}: error EG106: not a UTF-8 text file: ${why}\n  a catalog is YAML text in UTF-8; is this the right file?\n\n1 error, 0 warnings`);
  });

  it("never prints a control character, and keeps each diagnostic to one line of bounded length", async () => {
    const dir = fresh("controls");
    const key = `"x\\e[31m\\u0007\\u202e\\nline ${"long ".repeat(100)}"`;
    writeFileSync(join(dir, "shop.yaml"), base.replace("title: Shop\n", `title: Shop\n${key}: 1\n`));
    const { code, out } = await runCli("lint", dir);
    expect(code).toBe(1);
    expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    const [line] = out.split("\n");
    expect(line).toMatch(/^test\/\.scratch\/lint-output\/controls\/shop\.yaml:3:1: error EG202: unknown key 'x\\u001b\[31m\\u0007\\u202e\\nline long long /);
    expect(line!.length).toBeLessThan(500);
    expect(line!.endsWith("…")).toBe(true);
  });
});

describe("--format", () => {
  const broken = ["test/invalid/unknown-key/catalog", "test/invalid/empty-group/catalog"];

  it("json: exactly one JSON document on stdout, a list of located diagnostics", async () => {
    const { code, out, err } = await runCli("lint", "--format", "json", ...broken);
    expect(code).toBe(1);
    const list = JSON.parse(out) as Record<string, unknown>[];
    expect(list).toEqual([
      {
        file: "test/invalid/empty-group/catalog/shop.yaml",
        line: 14,
        column: 3,
        severity: "warning",
        code: "EG313",
        message: "group 'refund' has no events",
      },
      expect.objectContaining({ file: "test/invalid/unknown-key/catalog/shop.yaml", line: 9, column: 3, severity: "error", code: "EG202", hint: expect.stringMatching(/^allowed keys: /) }),
      expect.objectContaining({ line: 23, column: 5, code: "EG202", message: "unknown key 'triger' in an event (did you mean 'trigger'?)" }),
    ]);
    for (const d of list) for (const k of Object.keys(d)) expect(["file", "line", "column", "endLine", "endColumn", "severity", "code", "message", "hint"]).toContain(k);
    expect(err).toBe("2 errors, 1 warning");
    // A clean run is an empty list.
    const clean = await runCli("lint", "--format", "json", "catalog/chift.yaml");
    expect([clean.code, JSON.parse(clean.out)]).toEqual([0, []]);
  });

  it("github: one workflow command per diagnostic, its data escaped", async () => {
    const { code, out } = await runCli("lint", "--format", "github", ...broken);
    expect(code).toBe(1);
    const lines = out.split("\n");
    expect(lines[0]).toBe("::warning file=test/invalid/empty-group/catalog/shop.yaml,line=14,col=3,title=eventgen EG313::group 'refund' has no events");
    expect(lines[1]).toBe(
      "::error file=test/invalid/unknown-key/catalog/shop.yaml,line=9,col=3,title=eventgen EG202::unknown key 'payloadFeild' in an envelope (did you mean 'payloadField'?)%0Aallowed keys: typeField, typeHeader, payloadField, flat, fields, additionalProperties, description, notes",
    );
    expect(lines.at(-1)).toBe("2 errors, 1 warning");
  });

  it("sarif: a SARIF 2.1.0 log valid against the published schema, every code a rule", async () => {
    const { code, out } = await runCli("lint", "--format", "sarif", ...broken);
    expect(code).toBe(1);
    const log = JSON.parse(out);
    const schema = createRequire(import.meta.url)("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json");
    const ajv = new Ajv04.default({ strict: false, allErrors: true, unicodeRegExp: false });
    const validate = ajv.compile(schema);
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    expect(log.version).toBe("2.1.0");
    const run = log.runs[0];
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(Object.keys(codes));
    expect(run.results).toHaveLength(3);
    const [first] = run.results;
    expect(first).toMatchObject({
      ruleId: "EG313",
      level: "warning",
      locations: [{ physicalLocation: { artifactLocation: { uri: "test/invalid/empty-group/catalog/shop.yaml" }, region: { startLine: 14, startColumn: 3 } } }],
    });
    expect(run.tool.driver.rules[first.ruleIndex].id).toBe("EG313");
  });
});
