// The printer writes TypeScript, JavaScript and declarations in prettier's layout without running
// prettier; these tests hold it to that: prettier must leave every emitted file exactly as it is,
// for the bundled catalogs, the cases, and random catalogs with awkward shapes (long and odd
// names, Unicode, deep nesting, unions, constants of every JSON type).
import { readFileSync } from "node:fs";
import * as prettier from "prettier";
import { describe, expect, it } from "vitest";
import { emitTypes } from "../../../generator/emit/types/types-module.ts";
import { emitValidatorsModule } from "../../../generator/emit/validators/validators-module.ts";
import { emitTestingModule } from "../../../generator/emit/testing/testing-module.ts";
import { emitWebhooksModule } from "../../../generator/emit/receiver/webhooks-module.ts";
import { parseCatalogText } from "../../../generator/load/read-catalogs.ts";
import { checkCatalog } from "../../../generator/check/check-catalog.ts";
import { buildModel } from "../../../generator/model/build.ts";
import type { CatalogModel } from "../../../generator/model/ir.ts";
import { stressCatalog } from "../../../bench/stress-catalog.ts";

function model(path: string, text: string): CatalogModel {
  const { file, diagnostics } = parseCatalogText(path, text);
  expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  const { checked, diagnostics: problems } = checkCatalog(file!);
  expect(problems.filter((d) => d.severity === "error")).toEqual([]);
  return buildModel(checked!);
}

const catalogs: [string, () => CatalogModel][] = [
  ...["catalog/deck.yaml", "catalog/truto.yaml", "catalog/chift.yaml", ...["constructs", "flat", "header-typed", "nested"].map((n) => `test/cases/${n}/catalog/${n}.yaml`)].map(
    (p): [string, () => CatalogModel] => [p, () => model(p, readFileSync(p, "utf8"))],
  ),
  ...[0, 3, 6, 11, 17, 22, 54].map((seed): [string, () => CatalogModel] => [`stress-${seed}`, () => model(`stress-${seed}.yaml`, stressCatalog(seed))]),
];

async function expectFixpoint(text: string, parser: "typescript" | "babel") {
  const formatted = await prettier.format(text, { parser, printWidth: 100 });
  if (formatted === text) return;
  const a = text.split("\n");
  const b = formatted.split("\n");
  let i = 0;
  while (a[i] === b[i]) i++;
  expect(a.slice(i, i + 5).join("\n"), `first difference at line ${i + 1}`).toBe(b.slice(i, i + 5).join("\n"));
}

describe("printed output is what prettier would write", () => {
  it.each(catalogs)("%s", async (_, load) => {
    const m = load();
    const v = emitValidatorsModule(m);
    await expectFixpoint(v.ts, "typescript");
    await expectFixpoint(v.js, "babel");
    await expectFixpoint(v.dts, "typescript");
    await expectFixpoint(emitTypes(m), "typescript");
    await expectFixpoint(emitTypes(m, "dts"), "typescript");
    await expectFixpoint(emitTypes(m, "js"), "babel");
    for (const module of [emitWebhooksModule(m), emitTestingModule(m)]) {
      await expectFixpoint(module.ts, "typescript");
      await expectFixpoint(module.js, "babel");
      await expectFixpoint(module.dts, "typescript");
    }
  }, 60_000);
});
