// The document emitters (OpenAPI, AsyncAPI, docs); docs need set-up before the per-catalog loop
// (templates to read).
import type { CatalogModel } from "../model/ir.ts";
import { emitDocs } from "./docs/docs-emitter.ts";
import { loadTemplates } from "./docs/templates.ts";
import { emitOpenapi } from "./openapi/openapi-emitter.ts";
import { emitAsyncapi } from "./asyncapi/asyncapi-emitter.ts";
import type { OutputFile } from "./output.ts";

/** `name` labels its stage in `--timings` (emit:NAME). */
export interface ExtraEmitter {
  name: string;
  emit(model: CatalogModel, files: OutputFile[]): OutputFile[];
}

export async function extraEmitters(opts: { templates?: string }): Promise<ExtraEmitter[]> {
  const render = loadTemplates(opts.templates);
  return [
    { name: "openapi", emit: (model) => emitOpenapi(model) },
    { name: "asyncapi", emit: (model) => emitAsyncapi(model) },
    { name: "docs", emit: (model) => emitDocs(model, render) },
  ];
}
