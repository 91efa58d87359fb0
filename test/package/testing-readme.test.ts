// The README's "In your unit tests" example, run as written against generated/deck: its package
// imports pointed at the generated files, vitest's expect and it played by node:assert, in a
// child Node process.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";
import { expect, it } from "vitest";

const SHIM = `import assert from "node:assert/strict";
const expect = (a) => ({ toBe: (b) => assert.equal(a, b), toEqual: (b) => assert.deepEqual(a, b) });
const it = async (name, f) => { await f(); console.log("passed: " + name); };
`;

it("the README's testDelivery example passes against the Deck package", () => {
  const readme = readFileSync("README.md", "utf8");
  const snippet = /```ts\n(\/\/ receiver\.test\.ts\n[\s\S]*?)```/.exec(readme)?.[1];
  expect(snippet).toBeDefined();
  const url = (f: string) => JSON.stringify(pathToFileURL(resolve("generated/deck/dist", f)).href);
  const source = snippet!
    .replace(/^import \{ expect, it \} from "vitest";\n/m, "")
    .replace(/from "@eventgen\/deck-webhooks\/testing"/, `from ${url("testing.js")}`)
    .replace(/from "@eventgen\/deck-webhooks"/, `from ${url("index.js")}`);
  expect(source).not.toContain("@eventgen/");
  const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
  const dir = mkdtempSync(join(tmpdir(), "eventgen-readme-testing-"));
  try {
    writeFileSync(join(dir, "receiver.test.mjs"), SHIM + js);
    expect(execFileSync(process.execPath, [join(dir, "receiver.test.mjs")], { encoding: "utf8" })).toBe("passed: accepts a signed task_run.failed and rejects a tampered one\n");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
