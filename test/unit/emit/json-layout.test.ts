// The JSON eventgen writes is prettier's layout: printed from the value, and held here to prettier's
// own output (parser json, width 100) on every generated JSON file and on random values.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import * as prettier from "prettier";
import { describe, expect, it } from "vitest";
import { jsonFileText } from "../../../generator/emit/json-layout.ts";

const prettierJson = (v: unknown) => prettier.format(JSON.stringify(v, null, 2), { parser: "json", printWidth: 100 });

const jsonFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(".json") && e.name !== "package.json")
    .map((e) => join(e.parentPath, e.name));

describe("JSON layout", () => {
  const files = [...jsonFiles("generated"), ...jsonFiles("test/cases").filter((f) => f.includes("/generated/"))];

  it("covers the generated JSON files", () => expect(files.length).toBeGreaterThan(100));

  it("every generated JSON file is what prettier makes of it", async () => {
    for (const f of files) {
      const text = readFileSync(f, "utf8");
      expect(await prettier.format(text, { parser: "json", printWidth: 100 }), f).toBe(text);
      expect(jsonFileText(JSON.parse(text)), f).toBe(text);
    }
  });

  it("agrees with prettier on random values: nesting, long and wide strings, numbers that fill lines", async () => {
    const text = fc.oneof(fc.string(), fc.string({ unit: "grapheme" }), fc.constantFrom("中文字符", "😀😀", "a".repeat(90), "é\u0301"));
    const number = fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(1e21, -1e-7, 123456789012));
    const { value } = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: "small", withCrossShrink: true }, text, number, fc.boolean(), fc.constant(null), tie("array"), tie("object")),
      array: fc.oneof(fc.array(tie("value"), { maxLength: 6 }), fc.array(number, { minLength: 10, maxLength: 40 }), fc.array(text, { maxLength: 8 })),
      object: fc.dictionary(text, tie("value"), { maxKeys: 5 }),
    }));
    await fc.assert(
      fc.asyncProperty(value, async (v) => {
        expect(jsonFileText(v)).toBe(await prettierJson(v));
      }),
      { numRuns: 400 },
    );
  });
});
