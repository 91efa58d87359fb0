// The generated package's manifest: ESM, typed exports, no dependencies.
import type { CatalogModel } from "../../model/ir.ts";
import { bannerText } from "../banner.ts";

export function packageJson(model: CatalogModel): Record<string, unknown> {
  return {
    "//": bannerText(model),
    name: model.package.name,
    version: model.version,
    description: model.package.description ?? `Types, validators, JSON Schemas and OpenAPI for ${model.title}`,
    license: model.package.license,
    type: "module",
    main: "./dist/index.js",
    types: "./dist/index.d.ts",
    exports: {
      ".": { types: "./dist/index.d.ts", default: "./dist/index.js" },
      "./testing": { types: "./dist/testing.d.ts", default: "./dist/testing.js" },
      "./schemas/*": "./schemas/*",
      "./openapi.json": "./openapi.json",
      "./openapi.yaml": "./openapi.yaml",
      "./asyncapi.json": "./asyncapi.json",
      "./asyncapi.yaml": "./asyncapi.yaml",
      "./package.json": "./package.json",
    },
    files: ["dist", "src", "schemas", "openapi.json", "openapi.yaml", "asyncapi.json", "asyncapi.yaml", "README.md"],
    sideEffects: false,
    keywords: ["webhooks", "events", "types", "validation", "openapi", "json-schema", model.id],
  };
}
