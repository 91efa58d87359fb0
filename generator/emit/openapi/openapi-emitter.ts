import { stringify } from "yaml";
import type { CatalogModel } from "../../model/ir.ts";
import { bannerText } from "../banner.ts";
import { json, type OutputFile } from "../output.ts";
import { openapiDocument } from "./openapi-document.ts";

export function emitOpenapi(model: CatalogModel): OutputFile[] {
  const doc = openapiDocument(model);
  // aliasDuplicateObjects: false keeps the YAML free of anchors, which some OpenAPI tools reject.
  const yaml = `# ${bannerText(model)}\n${stringify(doc, { aliasDuplicateObjects: false, lineWidth: 0 })}`;
  return [json("openapi.json", doc), { path: "openapi.yaml", content: yaml, format: "verbatim" }];
}
