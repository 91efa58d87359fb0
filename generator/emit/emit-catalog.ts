// Every emitter for one catalog; each reads the model only and returns files.
import type { CatalogModel } from "../model/ir.ts";
import { emitSchemaFiles } from "./json-schema/schema-files.ts";
import { json, type OutputFile } from "./output.ts";
import { packageJson } from "./package/package-json.ts";
import { emitTypeModules } from "./types/types-module.ts";
import { emitValidatorsModule } from "./validators/validators-module.ts";
import { emitWebhooksModule } from "./receiver/webhooks-module.ts";
import { emitTestingModule } from "./testing/testing-module.ts";
import { bannerText } from "./banner.ts";
import { stageTimer, type Timings } from "../timings.ts";
import type { ExtraEmitter } from "./extra-emitters.ts";

export interface EmitOptions {
  /** Leave the JSON Schema files out (the caller makes them with emitSchemaJson). */
  withoutSchemas?: boolean;
  /** Extra emitters (docs, OpenAPI) plug in here; see generate.ts. */
  extra?: ExtraEmitter[];
  timings?: Timings;
}

export const byPath = (a: OutputFile, b: OutputFile) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

export function emitCatalog(model: CatalogModel, opts: EmitOptions = {}): OutputFile[] {
  return [...emitCode(model, opts), ...emitDocuments(model, opts)].sort(byPath);
}

/** The package's code: TypeScript, JavaScript, declarations and package.json. */
export function emitCode(model: CatalogModel, opts: EmitOptions = {}): OutputFile[] {
  const time = stageTimer(opts.timings ?? {});
  const files: OutputFile[] = [];
  // TypeScript, JavaScript and declarations are written by the printer (emit/ts) in their final
  // layout: nothing is compiled or formatted after this.
  const out = (path: string, content: string) => files.push({ path, content, format: "verbatim" });

  time("emit:types", () => {
    const t = emitTypeModules(model);
    out("src/types.ts", t.ts);
    out("dist/types.d.ts", t.dts);
    out("dist/types.js", t.js);
  });
  time("emit:validators", () => {
    const v = emitValidatorsModule(model);
    out("src/validators.ts", v.ts);
    out("dist/validators.js", v.js);
    out("dist/validators.d.ts", v.dts);
  });
  time("emit:webhooks", () => {
    const w = emitWebhooksModule(model);
    out("src/webhooks.ts", w.ts);
    out("dist/webhooks.js", w.js);
    out("dist/webhooks.d.ts", w.dts);
  });
  // The `<package>/testing` entry: its own module, which the index does not import.
  time("emit:testing", () => {
    const t = emitTestingModule(model);
    out("src/testing.ts", t.ts);
    out("dist/testing.js", t.js);
    out("dist/testing.d.ts", t.dts);
  });
  const index = `// ${bannerText(model)}\nexport * from "./types.js";\nexport * from "./validators.js";\nexport * from "./webhooks.js";\n`;
  for (const path of ["src/index.ts", "dist/index.js", "dist/index.d.ts"]) out(path, index);
  files.push(json("package.json", packageJson(model)));
  return files;
}

/** The JSON Schema files. */
export function emitSchemaJson(model: CatalogModel, opts: EmitOptions = {}): OutputFile[] {
  return stageTimer(opts.timings ?? {})("emit:json-schema", () =>
    [...emitSchemaFiles(model)].map(([path, schema]) => json(path, { $comment: bannerText(model), ...schema })),
  );
}

/** The documents: JSON Schemas, then the extra emitters' (OpenAPI, docs). Independent of the code,
 * so they can be made on another thread (see documents-thread.ts). */
export function emitDocuments(model: CatalogModel, opts: EmitOptions = {}): OutputFile[] {
  const time = stageTimer(opts.timings ?? {});
  const files: OutputFile[] = [];
  if (!opts.withoutSchemas) files.push(...emitSchemaJson(model, opts));
  for (const extra of opts.extra ?? []) {
    const made = time(`emit:${extra.name}`, () => extra.emit(model, files));
    files.push(...made);
  }
  return files;
}
