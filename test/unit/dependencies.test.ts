// eventgen's runtime dependencies are the packages its own code imports: each one in package.json
// `dependencies` is imported by bin/ or generator/, so none is installed for nothing. ts-morph
// compiles the fixed runtime (generator/runtime/) into each package's dist/.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { listFiles } from "../../generator/write/output-tree.ts";

const sources = ["bin", "generator"].flatMap((dir) => listFiles(dir).filter((f) => /\.(ts|js|mjs)$/.test(f)).map((f) => join(dir, f)));
/** Every bare package name the sources import, statically or dynamically. */
const imported = new Set(
  sources.flatMap((f) =>
    [...readFileSync(f, "utf8").matchAll(/(?:\bfrom|\bimport\(?|\brequire\()\s*["'`]([^"'`./][^"'`]*)["'`]/g)]
      .map((m) => m[1]!)
      .filter((spec) => !spec.startsWith("node:"))
      .map((spec) => (spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0]!)),
  ),
);

describe("runtime dependencies", () => {
  const deps = Object.keys((JSON.parse(readFileSync("package.json", "utf8")) as { dependencies: Record<string, string> }).dependencies);

  it("the sources were found and read", () => {
    expect(sources.length).toBeGreaterThan(20);
    expect(imported).toContain("yaml");
  });

  it.each(deps)("%s is imported by bin/ or generator/", (dep) => {
    expect([...imported]).toContain(dep);
  });

  it("ts-morph, which compiles the package runtime, is one of them", () => {
    expect(deps).toContain("ts-morph");
  });
});
