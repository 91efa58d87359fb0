import type { CatalogModel } from "../../model/ir.ts";
import { bannerText } from "../banner.ts";
import { json, type OutputFile } from "../output.ts";
import { toYaml } from "../escape/yaml.ts";
import { asyncapiDocument } from "./asyncapi-document.ts";

export function emitAsyncapi(model: CatalogModel): OutputFile[] {
  const doc = asyncapiDocument(model);
  const yaml = `# ${bannerText(model)}\n${toYaml(doc as Parameters<typeof toYaml>[0])}`;
  return [json("asyncapi.json", doc), { path: "asyncapi.yaml", content: yaml, format: "verbatim" }];
}
