// The default warning summary: one line per code and reason, where a reason is the message less
// its variable parts (names from the document, JSON values, pointers, numbers), and a keyword
// named in quotes stays part of the reason.
import { describe, expect, it } from "vitest";
import { reasonOf, summarizeWarnings, type ImportCode, type ImportWarning } from "../../generator/import/warnings.ts";
import { runCli } from "../support/run-cli.ts";

const w = (code: ImportCode, pointer: string, message: string): ImportWarning => ({ code, file: "doc.json", pointer, message });

describe("a reason is the message less its variable parts", () => {
  it.each([
    ["operationId 'a/b' is not an identifier; the generated one is used", "operationId  is not an identifier; the generated one is used"],
    ["'not' cannot be said in a catalog; dropped", "'not' cannot be said in a catalog; dropped"],
    ["'if'/'then'/'else' cannot be said in a catalog", "'if'/'then'/'else' cannot be said in a catalog"],
    [`allOf members disagree on 'type' ("integer" and ["null"] leave nothing)`, "allOf members disagree on 'type' ( and  leave nothing)"],
    ["header 'X-Foo' is on 3 of 10 webhooks", "header  is on  of  webhooks"],
    ["rejects 'a', 'b', 'c' from the other members", "rejects  from the other members"],
    ["the example does not match the imported schema (/data/amount must be >= 0); dropped", "the example does not match the imported schema ( must be >= ); dropped"],
    [`version "v1" is not semver; the catalog says 0.1.0`, "version  is not semver; the catalog says "],
  ])("%s", (message, reason) => {
    const { fixed, slots } = reasonOf(message);
    expect(fixed.join("")).toBe(reason);
    expect(fixed.length).toBe(slots.length + 1);
  });
});

describe("summarizeWarnings", () => {
  it("groups names that vary, shows what every warning of the line shares, and prints a lone warning in full", () => {
    const lines = summarizeWarnings([
      w("IMP204", "/webhooks/a/post/operationId", "operationId 'a/x' is not an identifier; the generated one is used"),
      w("IMP100", "/components/schemas/A/not", "'not' cannot be said in a catalog; dropped, so the catalog accepts more"),
      w("IMP204", "/webhooks/b/post/operationId", "operationId 'b/x' is not an identifier; the generated one is used"),
      w("IMP100", "/components/schemas/B/contains", "'contains' cannot be said in a catalog; dropped, so the catalog accepts more"),
      w("IMP202", "/webhooks/a", "header 'X-Hook' is on 2 of 9 webhooks; it is listed for all"),
      w("IMP202", "/webhooks/b", "header 'X-Hook' is on 4 of 9 webhooks; it is listed for all"),
      w("IMP204", "/webhooks/c/post/operationId", "operationId 'c/x' is not an identifier; the generated one is used"),
    ]);
    expect(lines).toEqual([
      "doc.json: warning IMP204 ×3: operationId '…' is not an identifier; the generated one is used (first at #/webhooks/a/post/operationId)",
      "doc.json#/components/schemas/A/not: warning IMP100: 'not' cannot be said in a catalog; dropped, so the catalog accepts more",
      "doc.json#/components/schemas/B/contains: warning IMP100: 'contains' cannot be said in a catalog; dropped, so the catalog accepts more",
      "doc.json: warning IMP202 ×2: header 'X-Hook' is on … of 9 webhooks; it is listed for all (first at #/webhooks/a)",
    ]);
  });

  it("GitHub's webhooks document prints a handful of lines, and --verbose every warning", async () => {
    const doc = "node_modules/owh-new/generated/api.github.com.json";
    const out = "test/.scratch/github-warnings.yaml";
    const short = await runCli("import", "openapi", doc, "--out", out, "--force");
    expect(short.code).toBe(0);
    const lines = short.err.trimEnd().split("\n");
    const summary = lines.at(-1)!;
    const total = Number(/, (\d+) warnings/.exec(summary)![1]);
    expect(total).toBeGreaterThan(250);
    expect(lines.length).toBeLessThanOrEqual(10);
    expect(lines.filter((l) => l.includes("IMP204"))).toEqual([
      `${doc}: warning IMP204 ×253: operationId '…' is not an identifier; the generated one is used (first at #/webhooks/branch-protection-configuration-disabled/post/operationId)`,
    ]);
    // The counts of the lines add up to every warning.
    const counted = lines.slice(0, -1).reduce((n, l) => n + Number(/ ×(\d+):/.exec(l)?.[1] ?? 1), 0);
    expect(counted).toBe(total);
    const verbose = await runCli("import", "openapi", doc, "--out", out, "--force", "--verbose");
    expect(verbose.err.trimEnd().split("\n")).toHaveLength(total + 1);
  }, 120_000);
});
