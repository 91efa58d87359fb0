// Each case folder's checked-in output is exactly what the generator makes today (regenerate with
// the command in test/cases/README.md); the tests beside it use that output.
import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runCli } from "../support/run-cli.ts";

const cases = readdirSync("test/cases", { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);

describe("case goldens", () => {
  it.each(cases)("%s/generated is up to date", async (name) => {
    const r = await runCli("generate", "--check", "--quiet", "--catalog", `test/cases/${name}/catalog`, "--out", `test/cases/${name}/generated`);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
  });
});
