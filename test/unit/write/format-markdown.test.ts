// The README from the default templates is laid out without running prettier over it; the result
// must be exactly prettier's, for the bundled catalogs, the cases, the docs fixtures and random
// catalogs with awkward text (Unicode, quotes, long names, U+2028, numbers of every form).
import { readFileSync } from "node:fs";
import * as prettier from "prettier";
import { describe, expect, it } from "vitest";
import { extraEmitters } from "../../../generator/emit/extra-emitters.ts";
import { parseCatalogText } from "../../../generator/load/read-catalogs.ts";
import { checkCatalog } from "../../../generator/check/check-catalog.ts";
import { buildModel } from "../../../generator/model/build.ts";
import { formatMarkdownFast } from "../../../generator/write/format-markdown.ts";
import { stressCatalog } from "../../../bench/stress-catalog.ts";

const format = (md: string) => prettier.format(md, { parser: "markdown", printWidth: 100, proseWrap: "preserve" });

function readme(path: string, text: string, render: (m: ReturnType<typeof buildModel>) => string): string {
  const { file } = parseCatalogText(path, text);
  const { checked } = checkCatalog(file!);
  return render(buildModel(checked!));
}

const files = [
  "catalog/deck.yaml",
  "catalog/truto.yaml",
  "catalog/chift.yaml",
  ...["constructs", "flat", "header-typed", "nested"].map((n) => `test/cases/${n}/catalog/${n}.yaml`),
  "test/docs/fixtures/hostile.yaml",
  "test/docs/fixtures/synth.yaml",
];

describe("the README laid out without prettier is prettier's layout", async () => {
  const docs = (await extraEmitters({})).find((e) => e.name === "docs")!;
  const render = (m: ReturnType<typeof buildModel>) => docs.emit(m, [])[0]!.content;
  const cases: [string, () => string][] = [
    ...files.map((f): [string, () => string] => [f, () => readme(f, readFileSync(f, "utf8"), render)]),
    ...[1, 2, 10, 13, 22, 40].map((seed): [string, () => string] => [`stress-${seed}`, () => readme(`stress-${seed}.yaml`, stressCatalog(seed), render)]),
  ];
  it.each(cases)("%s", async (_, make) => {
    const raw = make();
    let fallbacks = 0;
    const fast = await formatMarkdownFast(raw, (block) => {
      fallbacks++;
      return format(block);
    });
    expect(fast).toBe(await format(raw));
    // One for the usage block at most, and one per code block in the catalog's own text (hostile.yaml has one).
    expect(fallbacks).toBeLessThanOrEqual(2);
  }, 30_000);

  it("pads tables, lays out JSON, keeps one blank line", async () => {
    const raw = "# T\n\n\n\n| a | b |\n|---|:-:|\n| `x` | long cell |\n\n```json\n{\n  \"n\": [\n    1,\n    2\n  ],\n  \"o\": {}\n}\n```\n";
    const fast = await formatMarkdownFast(raw, format);
    expect(fast).toBe("# T\n\n| a   |     b     |\n| --- | :-------: |\n| `x` | long cell |\n\n```json\n{\n  \"n\": [1, 2],\n  \"o\": {}\n}\n```\n");
    expect(fast).toBe(await format(raw));
  });
});
