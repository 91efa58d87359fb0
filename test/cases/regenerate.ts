// Regenerates every case's checked-in output: `npx tsx test/cases/regenerate.ts [name...]`.
// Review the diff afterwards; golden.test.ts fails until the output matches the generator again.
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { main } from "../../generator/cli.ts";

/** The case folders: each holds catalog/<name>.yaml and generated/<name>/. */
export function caseNames(): string[] {
  return readdirSync("test/cases", { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

/** The CLI arguments that generate one case into `out` (its own generated/ folder by default). */
export function generateArgs(name: string, out = `test/cases/${name}/generated`): string[] {
  return ["generate", "--quiet", "--catalog", `test/cases/${name}/catalog`, "--out", out];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const names = process.argv.length > 2 ? process.argv.slice(2) : caseNames();
  let failed = 0;
  for (const name of names) {
    const code = await main(generateArgs(name), { out: (l) => console.log(l), err: (l) => console.error(l) });
    console.error(`${name}: ${code === 0 ? "regenerated" : `failed (exit ${code})`}`);
    if (code !== 0) failed++;
  }
  process.exitCode = failed ? 1 : 0;
}
