// Each case folder's checked-in output is exactly what the generator makes today (regenerate with
// `npx tsx test/cases/regenerate.ts`); the tests beside it use that output.
import { mkdtempSync, readdirSync, readFileSync, rmSync, mkdirSync } from "node:fs";
import { join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../support/run-cli.ts";
import { caseNames, generateArgs } from "./regenerate.ts";
import { MANIFEST } from "../../generator/write/manifest.ts";

const withoutKey = (path: string) => ({ ...JSON.parse(readFileSync(path, "utf8")), key: undefined });

const cases = caseNames();
mkdirSync("test/.scratch", { recursive: true });
const scratch = mkdtempSync("test/.scratch/golden-");
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => relative(dir, join(d.parentPath, d.name)))
    .sort();
}

describe("case goldens", () => {
  it("every case folder has a catalog, a checked-in package and a test", () => {
    expect(cases).toEqual(expect.arrayContaining(["constructs", "flat", "header-typed", "nested"]));
    for (const name of cases) {
      expect(readdirSync(`test/cases/${name}`).sort()).toEqual(["catalog", "generated", `${name}.test.ts`].sort());
      expect(readdirSync(`test/cases/${name}/catalog`)).toEqual([`${name}.yaml`]);
    }
  });

  it.each(cases)("%s/generated passes generate --check", async (name) => {
    const r = await runCli("generate", "--check", "--quiet", "--catalog", `test/cases/${name}/catalog`, "--out", `test/cases/${name}/generated`);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
  });

  it.each(cases)("%s regenerated into a temporary folder is byte-identical to the checked-in one", async (name) => {
    const r = await runCli(...generateArgs(name, join(scratch, name)));
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const fresh = join(scratch, name, name);
    const golden = `test/cases/${name}/generated/${name}`;
    expect(files(fresh)).toEqual(files(golden));
    for (const f of files(golden)) {
      // The manifest's key covers eventgen's own code, so it changes with any edit to eventgen even
      // when the output does not; only the fast path of --check depends on it.
      if (f === MANIFEST) expect(withoutKey(join(fresh, f))).toEqual(withoutKey(join(golden, f)));
      else expect(readFileSync(join(fresh, f)).equals(readFileSync(join(golden, f))), f).toBe(true);
    }
  });
});
