import type { CatalogModel } from "../../model/ir.ts";
import { bannerText } from "../banner.ts";
import { json, type OutputFile } from "../output.ts";
import { toYaml } from "../escape/yaml.ts";
import { openapiDocument } from "./openapi-document.ts";

export function emitOpenapi(model: CatalogModel): OutputFile[] {
  const doc = openapiDocument(model);
  // toYaml writes what yaml's stringify writes with aliasDuplicateObjects: false (no anchors, which
  // some OpenAPI tools reject), only faster.
  const yaml = `# ${bannerText(model)}\n${toYaml(doc as Parameters<typeof toYaml>[0])}`;
  return [json("openapi.json", doc), { path: "openapi.yaml", content: yaml, format: "verbatim" }];
}
