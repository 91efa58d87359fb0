// toYaml must write exactly what the yaml package writes (the OpenAPI YAML was made with it, and
// must not change): the bundled and case catalogs' OpenAPI documents, random catalogs, and random
// JSON whose strings hold every character YAML treats specially.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { stringify } from "yaml";
import { describe, expect, it } from "vitest";
import { toYaml } from "../../../generator/emit/escape/yaml.ts";
import { openapiDocument } from "../../../generator/emit/openapi/openapi-document.ts";
import { parseCatalogText } from "../../../generator/load/read-catalogs.ts";
import { checkCatalog } from "../../../generator/check/check-catalog.ts";
import { buildModel } from "../../../generator/model/build.ts";
import { stressCatalog } from "../../../bench/stress-catalog.ts";

const yaml = (v: unknown) => stringify(v, { aliasDuplicateObjects: false, lineWidth: 0 });

function openapi(path: string, text: string) {
  const { file } = parseCatalogText(path, text);
  const { checked } = checkCatalog(file!);
  return openapiDocument(buildModel(checked!));
}

describe("toYaml writes what yaml's stringify writes", () => {
  const files = ["catalog/deck.yaml", "catalog/truto.yaml", "catalog/chift.yaml", ...["constructs", "flat", "header-typed", "nested"].map((n) => `test/cases/${n}/catalog/${n}.yaml`), "test/docs/fixtures/hostile.yaml"];
  it.each(files)("%s's OpenAPI document", (f) => {
    const doc = openapi(f, readFileSync(f, "utf8"));
    expect(toYaml(doc as never)).toBe(yaml(doc));
  });

  it("random catalogs' OpenAPI documents", () => {
    for (let seed = 0; seed < 30; seed++) {
      const doc = openapi(`stress-${seed}.yaml`, stressCatalog(seed));
      expect(toYaml(doc as never)).toBe(yaml(doc));
    }
  });

  it("random JSON with YAML's special characters in strings and keys", () => {
    const chars = fc.constantFrom(..."ab: #-?[]{},&*!|>'\"%@`\\\n\t ~.0123eE+x\u2028\u00a0\u0085é😀\u0000\u001b");
    const text = fc.oneof(fc.string({ unit: chars, maxLength: 12 }), fc.constantFrom("null", "true", "False", "~", "1.5", "0x1f", ".inf", "---", "...", "- a", "? b", "a: b", "a #b", "yes", "3.1.0", "", " ", "\n", "a\n", "\na", " a\n b"));
    const value = fc.letrec((tie) => ({
      v: fc.oneof({ depthSize: "small" }, text, fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null), fc.array(tie("v"), { maxLength: 3 }), fc.dictionary(text, tie("v"), { maxKeys: 3 })),
    })).v;
    fc.assert(
      fc.property(fc.dictionary(text, value, { maxKeys: 4 }), (doc) => {
        expect(toYaml(doc as never)).toBe(yaml(doc));
      }),
      { numRuns: 500 },
    );
  });
});
