// Every emitter for one catalog; each reads the model only and returns files.
import type { CatalogModel } from "../model/ir.ts";
import { emitSchemaFiles } from "./json-schema/schema-files.ts";
import { json, type OutputFile } from "./output.ts";
import { packageJson } from "./package/package-json.ts";
import { transpile } from "./package/transpile.ts";
import { emitTypes } from "./types/types-module.ts";
import { emitValidators } from "./validators/validators-module.ts";
import { bannerText } from "./banner.ts";
import { stageTimer, type Timings } from "../timings.ts";

export interface EmitOptions {
  /** Extra emitters (docs, OpenAPI) plug in here; see generate.ts. */
  extra?: ((model: CatalogModel, files: OutputFile[]) => OutputFile[])[];
  timings?: Timings;
}

export function emitCatalog(model: CatalogModel, opts: EmitOptions = {}): OutputFile[] {
  const time = stageTimer(opts.timings ?? {});
  const files: OutputFile[] = [];
  const ts = (path: string, content: string) => files.push({ path, content, format: "typescript" });

  const types = time("emit:types", () => emitTypes(model));
  const validators = time("emit:validators", () => emitValidators(model));
  const index = `// ${bannerText(model)}\nexport * from "./types.js";\nexport * from "./validators.js";\n`;
  ts("src/types.ts", types);
  ts("src/validators.ts", validators);
  ts("src/index.ts", index);
  time("emit:js+dts", () => {
    for (const [name, source] of [["types", types], ["validators", validators], ["index", index]] as const) {
      const { js, dts } = transpile(`${name}.ts`, source);
      const banner = `// ${bannerText(model)}\n`;
      const withBanner = (text: string) => (text.startsWith(banner) ? text : banner + text);
      files.push({ path: `dist/${name}.js`, content: withBanner(js), format: "verbatim" });
      files.push({ path: `dist/${name}.d.ts`, content: withBanner(dts), format: "verbatim" });
    }
  });
  time("emit:json-schema", () => {
    for (const [path, schema] of emitSchemaFiles(model)) files.push(json(path, { $comment: bannerText(model), ...schema }));
  });
  files.push(json("package.json", packageJson(model)));
  for (const extra of opts.extra ?? []) files.push(...extra(model, files));
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
