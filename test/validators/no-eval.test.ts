// The generated validators are plain code: no eval, no Function constructor, no dependency. Checked
// twice: on the syntax tree of every generated module, and by running the built validators in a
// V8 context where code generation from strings is switched off (as under a strict CSP).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import vm from "node:vm";
import fc from "fast-check";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { mutatedArb, validArb } from "./arbitrary.ts";

const packages = [
  ...["deck", "truto", "chift"].map((id) => `generated/${id}`),
  ...readdirSync("test/cases", { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => `test/cases/${d.name}/generated/${d.name}`),
].filter((dir) => existsSync(join(dir, "package.json")));

const modules = packages.flatMap((dir) =>
  ["src", "dist", "src/runtime", "dist/runtime"].flatMap((sub) =>
    existsSync(join(dir, sub))
      ? readdirSync(join(dir, sub))
          .filter((f) => /\.(ts|js)$/.test(f) && !f.endsWith(".d.ts"))
          .map((f) => join(dir, sub, f))
      : [],
  ),
);

/** Every dynamic-code construct and every import of something outside the package. */
function offences(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.ES2022, true);
  const found: string[] = [];
  const at = (n: ts.Node, what: string) => found.push(`${what} at line ${source.getLineAndCharacterOfPosition(n.getStart()).line + 1}`);
  const visit = (n: ts.Node): void => {
    if (ts.isIdentifier(n) && (n.text === "eval" || n.text === "Function")) at(n, n.text);
    if ((ts.isCallExpression(n) || ts.isNewExpression(n)) && n.expression.kind === ts.SyntaxKind.ImportKeyword) at(n, "import()");
    if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === "require") at(n, "require");
    if ((ts.isImportDeclaration(n) || ts.isExportDeclaration(n)) && n.moduleSpecifier && ts.isStringLiteral(n.moduleSpecifier) && !n.moduleSpecifier.text.startsWith("./"))
      at(n, `import of ${n.moduleSpecifier.text}`);
    if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && ["setTimeout", "setInterval"].includes(n.expression.text) && n.arguments[0] && ts.isStringLiteralLike(n.arguments[0]))
      at(n, "timer with code");
    ts.forEachChild(n, visit);
  };
  visit(source);
  return found;
}

describe("no eval in generated code", () => {
  it("finds every package and module", () => {
    expect(packages.length).toBeGreaterThanOrEqual(7);
    expect(modules.filter((m) => m.endsWith("validators.js")).length).toBe(packages.length);
  });

  it.each(modules)("%s has no dynamic code and no outside import", (file) => {
    expect(offences(file)).toEqual([]);
  });

  it("the checker itself would catch them", () => {
    const probe = join("test/.scratch", "no-eval-probe.ts");
    ts.sys.writeFile(probe, 'import x from "left-pad";\nconst f = new Function("return 1");\neval("1");\nconst y = require("z");\nvoid import("./a.js");\n');
    expect(offences(probe).map((o) => o.split(" at")[0])).toEqual(["import of left-pad", "Function", "eval", "require", "import()"]);
  });

  it.each(packages)("%s declares no dependencies", (dir) => {
    const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
    expect(pkg.dependencies ?? {}).toEqual({});
    expect(pkg.peerDependencies ?? {}).toEqual({});
  });

  it.each(packages)("%s validators run where code generation from strings is disabled", async (dir) => {
    // dist/validators.js imports only the package's runtime; the two as one script, their imports
    // and re-exports dropped, their exports made locals.
    const script = (f: string) =>
      readFileSync(join(dir, f), "utf8")
        .replace(/^(?:import|export) (?:type )?\{[^}]*\} from "[^"]*";$/gm, "")
        .replace(/^export (?=const|function|class|let)/gm, "");
    const code = script("dist/runtime/validate.js") + "\n" + script("dist/validators.js");
    expect(code).not.toMatch(/^\s*(import|export)\b/m);
    const context = vm.createContext({}, { codeGeneration: { strings: false, wasm: false } });
    // Proof that the switch is on: eval throws in this context.
    expect(() => vm.runInContext('eval("1")', context)).toThrow(/Code generation from strings disallowed/);
    vm.runInContext(code + "\n;globalThis.api = { validators, validateEvent, isEvent, parseEvent, eventSchema };", context);
    const api = context["api"] as { validators: Record<string, (x: unknown) => { ok: boolean }>; validateEvent: (x: unknown, t?: string) => { ok: boolean } };
    const types = Object.keys(api.validators);
    expect(types.length).toBeGreaterThan(0);
    const outside = (await import(pathToFileURL(resolve(dir, "dist/validators.js")).href)) as typeof api;
    for (const t of types) {
      // Bodies built from the event's JSON Schema reach the format, pattern and bound helpers;
      // the verdicts must be the ones the module gives outside the sandbox.
      const schema = JSON.parse(readFileSync(join(dir, "schemas", `${t.replace(/[^A-Za-z0-9._@+/-]/g, "_")}.json`), "utf8"));
      for (const body of [...fc.sample(validArb(schema), 8), ...fc.sample(mutatedArb(schema), 8)])
        expect(api.validators[t]!(body).ok).toBe(outside.validators[t]!(body).ok);
    }
    expect(api.validateEvent({}, types[0]).ok).toBe(false);
  });
});
