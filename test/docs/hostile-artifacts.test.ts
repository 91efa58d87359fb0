// Hostile catalog text in every artifact, not only the README (hostile.test.ts reads that): the
// package generated from each hostile fixture holds the text only inside comments and strings of
// its TypeScript and JavaScript, compiles under strict tsc (declarations included), runs nothing on
// import (each fixture tries to set globalThis.pwned or print), keeps every string verbatim at run
// time and in its JSON, and writes no HTML of its own into the README. openapi.yaml against
// openapi.json, and the document's validity, are test/openapi/validate.test.ts's.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { runCli } from "../support/run-cli.ts";
import { diagnostics, show, STRICT } from "../support/typecheck.ts";
import { OUR_HTML, parseMarkdown, walk } from "./support.ts";
import { mdProse } from "../../generator/emit/escape/markdown.ts";

const FIXTURES = ["test/docs/fixtures/hostile.yaml", "test/docs/fixtures/hostile-code.yaml"];
/** Names the fixtures' text uses as code; the generated code itself never does. */
const PROBES = new Set(["pwned", "globalThis", "alert", "console", "process"]);

let out: string;
beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), "eventgen-hostile-"));
  const r = await runCli("generate", "--quiet", ...FIXTURES.flatMap((f) => ["--catalog", f]), "--out", out);
  expect(r.err).toBe("");
  expect(r.code).toBe(0);
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

const filesOf = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split("\\").join("/"))
    .sort();

/** Every identifier a file's syntax tree holds: text that became code would show up here. */
function identifiers(file: string): { names: Set<string>; syntaxErrors: string[] } {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.ES2022, true, file.endsWith(".js") ? ts.ScriptKind.JS : ts.ScriptKind.TS);
  const names = new Set<string>();
  const visit = (n: ts.Node) => {
    if (ts.isIdentifier(n) || ts.isPrivateIdentifier(n)) names.add(n.text);
    n.forEachChild(visit);
  };
  visit(source);
  const parseDiagnostics = (source as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics;
  return { names, syntaxErrors: parseDiagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n")) };
}

describe.each(FIXTURES)("%s: every artifact", (fixture) => {
  const catalog = parse(readFileSync(fixture, "utf8"));
  const id = fixture.replace(/^.*\/|\.yaml$/g, "");
  const dir = () => join(out, id);

  it("writes the whole package", () => {
    const files = filesOf(dir());
    for (const f of ["package.json", "README.md", "openapi.json", "openapi.yaml", "asyncapi.json", "asyncapi.yaml", "src/index.ts", "src/types.ts", "src/validators.ts", "dist/index.js", "dist/types.js", "dist/validators.js", "dist/index.d.ts", "dist/types.d.ts", "dist/validators.d.ts"])
      expect(files).toContain(f);
    expect(files.filter((f) => f.startsWith("schemas/")).length).toBe(Object.keys(catalog.events).length + Object.keys(catalog.schemas).length);
  });

  it("TypeScript, JavaScript and declarations parse, and hold the text only in comments and strings", () => {
    const code = filesOf(dir()).filter((f) => /\.(ts|js)$/.test(f));
    // The catalog's modules (index, types, validators, webhooks, testing; src, dist and
    // declarations), and the runtime.
    expect(code.filter((f) => !f.includes("/runtime/")).length).toBe(15);
    for (const f of code) {
      const { names, syntaxErrors } = identifiers(join(dir(), f));
      expect(syntaxErrors, f).toEqual([]);
      // The runtime holds no catalog text: it is the same in every package (and uses globalThis).
      if (f.includes("/runtime/")) expect(readFileSync(join(dir(), f), "utf8"), f).toBe(readFileSync(join("generated/deck", f), "utf8"));
      else expect([...names].filter((n) => PROBES.has(n)), f).toEqual([]);
    }
  });

  it("the sources and the declarations compile under strict tsc", () => {
    const files = ["src/index.ts", "dist/index.d.ts", "src/testing.ts", "dist/testing.d.ts"].map((f) => join(dir(), f));
    // No Node types: the package needs only what every runtime with WebCrypto and fetch has.
    expect(diagnostics(files, { ...STRICT, skipLibCheck: false, types: [], lib: ["lib.es2022.d.ts", "lib.dom.d.ts"] }).map(show)).toEqual([]);
  });

  it("importing the JavaScript or the TypeScript runs nothing, and keeps every string verbatim", () => {
    const script = `const m = await import(process.argv[1]);
process.stdout.write(JSON.stringify({ pwned: globalThis.pwned ?? null, eventTypes: m.eventTypes, typeField: m.typeField, exports: Object.keys(m).sort() }));`;
    for (const [entry, loader] of [["dist/index.js", []], ["src/index.ts", ["--import", "tsx"]]] as const) {
      const printed = execFileSync(process.execPath, [...loader, "--input-type=module", "-e", script, join(dir(), entry)], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
      // Only our line: a console.log smuggled into the module would print before it.
      const result = JSON.parse(printed);
      expect(result.pwned, entry).toBeNull();
      expect(result.eventTypes).toEqual(Object.keys(catalog.events));
      expect(result.typeField).toBe(catalog.envelope.typeField);
      expect(result.exports).toContain("validateEvent");
    }
  });

  it("JSON files parse and carry the catalog's strings exactly", () => {
    const json = filesOf(dir()).filter((f) => f.endsWith(".json"));
    for (const f of json) expect(() => JSON.parse(readFileSync(join(dir(), f), "utf8")), f).not.toThrow();
    const openapi = JSON.parse(readFileSync(join(dir(), "openapi.json"), "utf8"));
    expect(openapi.info.title).toBe(catalog.title);
    // OpenAPI descriptions are CommonMark, and so is catalog text: passed through, made safe, and
    // stable (made safe again, it is the same, so an import and a generate change nothing).
    const first = openapi.info.description.split(/\n\n(?:Envelope|Signing): /)[0];
    expect(first).toBe(mdProse(catalog.description));
    expect(mdProse(first)).toBe(first);
    expect(Object.keys(openapi.webhooks)).toEqual(Object.keys(catalog.events));
    expect(Object.values(openapi.webhooks).map((w) => (w as { post: { summary: string } }).post.summary)).toEqual(Object.values(catalog.events).map((e) => (e as { trigger: string }).trigger));
    const manifest = JSON.parse(readFileSync(join(dir(), "package.json"), "utf8"));
    expect(manifest.name).toBe(catalog.package.name);
    if (catalog.package.description) expect(manifest.description).toBe(catalog.package.description);
  });

  it("OpenAPI's descriptions, read as CommonMark, hold no HTML, no template tag, no table and no link but to http(s)", async () => {
    const openapi = JSON.parse(readFileSync(join(dir(), "openapi.json"), "utf8"));
    const descriptions: string[] = [openapi.info.description, ...openapi.tags.map((t: { description?: string }) => t.description), ...Object.values(openapi.webhooks).flatMap((w) => {
      const op = (w as { post: { description: string; parameters?: { description?: string }[] } }).post;
      return [op.description, ...(op.parameters ?? []).map((p) => p.description)];
    })].filter((d): d is string => typeof d === "string");
    for (const d of descriptions) {
      const nodes = [...walk(await parseMarkdown(d))];
      expect(nodes.filter((n) => n.type === "html").map((n) => n.value), d).toEqual([]);
      expect(nodes.filter((n) => ["heading", "table", "liquidNode", "definition"].includes(n.type)).map((n) => n.type), d).toEqual([]);
      expect(nodes.filter((n) => (n.type === "link" || n.type === "image") && /^[a-z][a-z0-9+.-]*:/i.test(n.url!) && !/^https?:/i.test(n.url!)).map((n) => n.url), d).toEqual([]);
    }
  });

  it("AsyncAPI's descriptions, read as CommonMark, hold no HTML, no template tag, no table and no link but to http(s); its names are the exact types", async () => {
    const doc = JSON.parse(readFileSync(join(dir(), "asyncapi.json"), "utf8"));
    expect(parse(readFileSync(join(dir(), "asyncapi.yaml"), "utf8"))).toEqual(doc);
    const messages = Object.values<{ name: string; summary: string; description: string }>(doc.components.messages);
    expect(messages.map((m) => m.name)).toEqual(Object.keys(catalog.events));
    expect(messages.map((m) => m.summary)).toEqual(Object.values(catalog.events).map((e) => (e as { trigger: string }).trigger));
    const headers = Object.values<{ description?: string }>(doc.components.messageTraits?.signing?.headers?.properties ?? {}).map((h) => h.description);
    const descriptions = [doc.info.description, ...doc.info.tags.map((t: { description?: string }) => t.description), ...messages.map((m) => m.description), ...headers].filter((d): d is string => typeof d === "string");
    expect(descriptions.length).toBeGreaterThan(messages.length);
    for (const d of descriptions) {
      const nodes = [...walk(await parseMarkdown(d))];
      expect(nodes.filter((n) => n.type === "html").map((n) => n.value), d).toEqual([]);
      expect(nodes.filter((n) => ["heading", "table", "liquidNode", "definition", "inlineMath", "math"].includes(n.type)).map((n) => n.type), d).toEqual([]);
      expect(nodes.filter((n) => (n.type === "link" || n.type === "image") && /^[a-z][a-z0-9+.-]*:/i.test(n.url!) && !/^https?:/i.test(n.url!)).map((n) => n.url), d).toEqual([]);
    }
  });

  it("the README holds no HTML but ours", async () => {
    const nodes = [...walk(await parseMarkdown(readFileSync(join(dir(), "README.md"), "utf8")))];
    expect(nodes.filter((n) => n.type === "html" && !OUR_HTML.test(n.value!)).map((n) => n.value)).toEqual([]);
  });
});
