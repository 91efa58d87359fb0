// `eventgen generate --templates <dir>`: files in <dir> override the default templates by name,
// the rest fall back; a broken template is a clean error naming the file, and nothing is written.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_TEMPLATES } from "../../generator/emit/docs/templates.ts";
import { runCli } from "../support/run-cli.ts";

const root = "test/.scratch/docs-templates";
const tpl = join(root, "templates");
const out = join(root, "out");
const catalog = "test/cases/header-typed/catalog/header-typed.yaml";
const readme = () => readFileSync(join(out, "header-typed", "README.md"), "utf8");
const gen = (...more: string[]) => runCli("generate", "--quiet", "--catalog", catalog, "--out", out, "--templates", tpl, ...more);
const put = (name: string, text: string) => {
  mkdirSync(join(tpl, name, ".."), { recursive: true });
  writeFileSync(join(tpl, name), text);
};
const defaultText = (name: string) => readFileSync(join(DEFAULT_TEMPLATES, name), "utf8");

beforeEach(() => {
  rmSync(root, { recursive: true, force: true });
  mkdirSync(tpl, { recursive: true });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A clean error: exit 1, the message names the file, no stack trace, nothing written. */
async function expectError(pattern: RegExp) {
  const r = await gen();
  expect(r.code, r.err).toBe(1);
  expect(r.err).toMatch(pattern);
  expect(r.err).not.toMatch(/^\s+at /m);
  expect(r.err).toMatch(/nothing was written/);
  expect(existsSync(out)).toBe(false);
}

describe("--templates", () => {
  it("overrides a partial by name and keeps the default for the others", async () => {
    put("partials/event.hbs", "### EVENT {{type}} fired when {{trigger}}\n");
    expect((await gen()).code).toBe(0);
    const text = readme();
    expect(text).toContain("### EVENT `push` fired when Commits are pushed");
    expect(text).toContain("### EVENT `star` fired when A repository is starred");
    // The defaults still render everything else.
    expect(text).toContain("## Envelope");
    expect(text).toMatch(/\| \[`push`\]\(#event-push\) +\| Commits are pushed/);
    expect(text).not.toContain("Example body");
  });

  it("overrides the main template, which can use the default partials and its own", async () => {
    put("catalog.hbs", "# {{title}} ({{eventCount}})\n\n{{> mine}}\n\n{{#each groups}}{{> group}}{{/each}}\n");
    put("partials/mine.hbs", "Package {{packageName}} {{version}}.");
    expect((await gen()).code).toBe(0);
    const text = readme();
    expect(text).toMatch(/^# Header typed \(3 events\)\n\nPackage `@cases\/header-typed` `0\.1\.0`\.\n/);
    expect(text).toContain('<a id="group-repo"></a>');
    expect(text).not.toContain("## Envelope");
  });

  it("with an empty folder renders exactly the defaults", async () => {
    expect((await gen()).code).toBe(0);
    const custom = readme();
    rmSync(out, { recursive: true });
    expect((await runCli("generate", "--quiet", "--catalog", catalog, "--out", out)).code).toBe(0);
    expect(readme()).toBe(custom);
  });

  it("a copy of a default template gives the same output", async () => {
    put("partials/event.hbs", defaultText("partials/event.hbs"));
    put("catalog.hbs", defaultText("catalog.hbs"));
    expect((await gen()).code).toBe(0);
    const copied = readme();
    rmSync(out, { recursive: true });
    await runCli("generate", "--quiet", "--catalog", catalog, "--out", out);
    expect(readme()).toBe(copied);
  });

  it("a syntax error names the file and line", async () => {
    put("partials/group.hbs", "ok\n{{#each events}}\n| {{link}} |\n");
    await expectError(/^test\/\.scratch\/docs-templates\/templates\/partials\/group\.hbs:4:1: error EG501: handlebars syntax error: unexpected end of template/m);
  });

  it("a malformed mustache names the file and line", async () => {
    put("catalog.hbs", "# {{title}}\n\n{{foo\n");
    await expectError(/templates\/catalog\.hbs:3:1: error EG501: handlebars syntax error: unexpected end of template \(an unclosed {{ or block\?\) at "# {{title}}{{foo"/);
  });

  it("mismatched blocks name the file", async () => {
    put("catalog.hbs", "{{#if title}}x{{/each}}\n");
    await expectError(/templates\/catalog\.hbs:1:\d+: error EG501: if doesn't match each/);
  });

  it("a misspelled field names the file, line and column", async () => {
    put("partials/event.hbs", "### {{type}}\n\n{{triger}}\n");
    await expectError(/^test\/\.scratch\/docs-templates\/templates\/partials\/event\.hbs:3:2: error EG501: unknown field "triger" \(did you mean "trigger"\?\)$/m);
  });

  it("a missing partial names the template that calls it", async () => {
    put("catalog.hbs", "# {{title}}\n\n{{> nowhere}}\n");
    await expectError(/templates\/catalog\.hbs:1:1: error EG501: no partial named "nowhere"/);
  });

  it("a partial beside catalog.hbs is refused, with where it belongs", async () => {
    put("event.hbs", "x");
    await expectError(/templates\/event\.hbs:1:1: error EG501: not a template name; the main template is catalog\.hbs, partials go in partials\/ \(.*event.*\)/);
  });

  it("a folder where a template should be is refused", async () => {
    mkdirSync(join(tpl, "catalog.hbs"));
    await expectError(/templates\/catalog\.hbs:1:1: error EG501: not a file/);
  });

  it("a missing folder is a usage error (exit 2), and nothing is written", async () => {
    rmSync(tpl, { recursive: true });
    const r = await gen();
    expect([r.code, r.out]).toEqual([2, ""]);
    expect(r.err.split("\n")[0]).toBe(`eventgen generate: --templates ${tpl}: no such folder`);
    expect(r.err).toMatch(/\nRun 'eventgen generate --help' for every option\.$/);
    expect(existsSync(out)).toBe(false);
  });

  it("templates see values, not template source: catalog text with {{…}} is shown, not run", async () => {
    put("partials/event.hbs", "{{trigger}}|{{description}}\n");
    const cat = join(root, "cat", "tpl.yaml");
    mkdirSync(join(root, "cat"), { recursive: true });
    writeFileSync(
      cat,
      readFileSync(catalog, "utf8")
        .replace("trigger: Commits are pushed", 'trigger: "{{> event}} {{#each groups}}x{{/each}} {{constructor.name}}"')
        .replace("title: Header typed", 'title: "{{{banner}}}"'),
    );
    const r = await runCli("generate", "--quiet", "--catalog", cat, "--out", out, "--templates", tpl);
    expect(r.code, r.err).toBe(0);
    const text = readFileSync(join(out, "tpl", "README.md"), "utf8");
    // Shown, braces escaped (a Markdown reader sees `{{> event}}`), and not run by handlebars.
    expect(text).toContain("\\{\\{> event\\}\\} \\{\\{#each groups\\}\\}x\\{\\{/each\\}\\} \\{\\{constructor.name\\}\\}|");
    expect(text).toContain("# \\{\\{\\{banner\\}\\}\\}");
  });
});
