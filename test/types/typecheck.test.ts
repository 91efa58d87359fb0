// The expectTypeOf assertions in this folder only mean something when tsc checks them, so this
// test compiles them (with the generated sources they import) under strict settings and requires
// zero diagnostics; then it compiles assertions that are wrong on purpose and requires each to fail.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { diagnostics, show, STRICT } from "../support/typecheck.ts";

const here = "test/types";

const compile = (files: string[]) => diagnostics(files, { ...STRICT, allowImportingTsExtensions: true });

describe("type tests compile", () => {
  it("every type assertion and @ts-expect-error holds under strict tsc, generated sources included", () => {
    const files = readdirSync(here)
      .filter((f) => f.endsWith(".ts"))
      .map((f) => join(here, f));
    expect(files).toContain(join(here, "expect-error.ts"));
    const found = compile(files);
    // Diagnostics in the generated sources count too: the packages must compile under the
    // strictest options a consumer may use.
    expect(found.map(show)).toEqual([]);
  });

  it("wrong assertions fail to compile, one diagnostic per marked line", () => {
    const file = join(here, "fixtures", "must-fail.ts");
    const marked = ts.sys
      .readFile(file)!
      .split("\n")
      .flatMap((l, i) => (l.endsWith("// fails") ? [i + 1] : []));
    expect(marked.length).toBe(4);
    const found = compile([file]);
    expect(found.every((d) => d.file.endsWith("must-fail.ts"))).toBe(true);
    expect([...new Set(found.map((d) => d.line))]).toEqual(marked);
  });
});
