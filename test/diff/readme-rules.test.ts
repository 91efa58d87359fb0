// The README's rule table is the registry: same rules, same order, same level, section and text.
import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { RULES } from "../../generator/diff/rules.ts";
import { main } from "../../generator/cli.ts";

const readme = readFileSync("README.md", "utf8");
const section = readme.slice(readme.indexOf("## Catalog evolution: eventgen diff"), readme.indexOf("\n## ", readme.indexOf("## Catalog evolution: eventgen diff") + 5));

it("the README's rule table lists every rule of the registry, as the registry has it", () => {
  const head = section.indexOf("| rule | level | changelog | change |");
  expect(head).toBeGreaterThan(0);
  const lines = section.slice(head).split("\n").slice(2);
  const table = lines.slice(0, lines.findIndex((l) => !l.startsWith("|"))).map((l) => l.slice(2, -2).split(/ (?<!\\)\| /).map((c) => c.trim().replace(/\\\|/g, "|")));
  expect(table).toEqual(RULES.map((r) => [`\`${r.id}\``, r.level, r.section, r.description]));
});

it("the README documents every flag of `eventgen diff --help`", async () => {
  const out: string[] = [];
  await main(["diff", "--help"], { out: (l) => out.push(l), err: () => {} });
  const flags = [...out.join("\n").matchAll(/^ {2}(--[a-z-]+)/gm)].map((m) => m[1]!).filter((f) => f !== "--help");
  expect(flags).toEqual(["--base", "--format", "--fail-on", "--changelog"]);
  for (const f of flags) expect(section).toContain(f);
  for (const f of ["text", "markdown", "json", "github"]) expect(section).toContain(`--format ${f}`);
  expect(section).toContain("eventgen diff --base origin/main --format github");
});
