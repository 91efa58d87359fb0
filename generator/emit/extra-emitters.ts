// Emitters that need set-up before the per-catalog loop (templates to read, for docs).
import type { CatalogModel } from "../model/ir.ts";
import { emitOpenapi } from "./openapi/openapi-emitter.ts";
import type { OutputFile } from "./output.ts";

export type ExtraEmitter = (model: CatalogModel, files: OutputFile[]) => OutputFile[];

export async function extraEmitters(_opts: { templates?: string }): Promise<ExtraEmitter[]> {
  return [(model) => emitOpenapi(model)];
}
