// The import pipeline, pure: input → draft → YAML, then the YAML loaded back as `generate` would
// load it. Examples that the imported schemas reject are dropped with a warning (they would stop
// generation with EG401); anything else the check reports is a bug in the importer.
import { formatDiagnostic } from "../diagnostics.ts";
import { checkCatalog } from "../check/check-catalog.ts";
import { runValidatorsScript } from "../check/examples.ts";
import { emitValidatorsModule, examplesScript } from "../emit/validators/validators-module.ts";
import { parseCatalogText } from "../load/read-catalogs.ts";
import { buildModel } from "../model/build.ts";
import type { CatalogModel } from "../model/ir.ts";
import type { DraftCatalog, ImportOptions } from "./draft.ts";
import { fromAsyncapi } from "./from-asyncapi.ts";
import { fromOpenapi } from "./from-openapi.ts";
import { fromSchemaDir } from "./from-schema-dir.ts";
import { Sources, showPath } from "./read-source.ts";
import type { ImportWarning } from "./warnings.ts";
import { writeCatalogYaml, type YamlOptions } from "./write-catalog-yaml.ts";

export type ImportKind = "openapi" | "asyncapi" | "jsonschema";

export interface Imported {
  text: string;
  warnings: ImportWarning[];
  model: CatalogModel;
}

export function importCatalog(kind: ImportKind, input: string, out: { path: string; id: string; schemaPath: string }, how: ImportOptions = { compose: true }): Imported {
  const warnings: ImportWarning[] = [];
  const seen = new Set<string>();
  const warn = (w: ImportWarning) => {
    const shown = { ...w, file: w.file ? showPath(w.file) : showPath(input) };
    const key = `${shown.file}#${shown.pointer} ${shown.code} ${shown.message}`;
    if (!seen.has(key)) seen.add(key), warnings.push(shown);
  };
  const sources = new Sources();
  const draft =
    kind === "openapi" ? fromOpenapi(input, out.id, sources, warn, how) : kind === "asyncapi" ? fromAsyncapi(input, out.id, sources, warn, how) : fromSchemaDir(input, out.id, sources, warn, how);
  const opts: YamlOptions = { schemaPath: out.schemaPath, input: showPath(input) };

  let text = writeCatalogYaml(draft, opts, warn);
  let model = load(out.path, text);
  if (dropFailingExamples(draft, model, warn)) {
    text = writeCatalogYaml(draft, opts, () => {});
    model = load(out.path, text);
  }
  return { text, warnings, model };
}

function load(path: string, text: string): CatalogModel {
  const parsed = parseCatalogText(path, text);
  const checked = parsed.file ? checkCatalog(parsed.file) : undefined;
  const problems = [...parsed.diagnostics, ...(checked?.diagnostics ?? [])];
  if (problems.length || !checked?.checked)
    throw new Error(`the imported catalog does not load cleanly:\n${problems.slice(0, 10).map(formatDiagnostic).join("\n")}`);
  return buildModel(checked.checked);
}

/** Runs each example through the imported catalog's own validators; true when any was dropped. */
function dropFailingExamples(draft: DraftCatalog, model: CatalogModel, warn: (w: ImportWarning) => void): boolean {
  if (!model.events.some((e) => e.examples.length)) return false;
  // Only the validators, and only those of the events that have examples (with the named schemas
  // they use): the rest of the package is not needed to judge the examples.
  const js = emitValidatorsModule({ ...model, events: model.events.filter((e) => e.examples.length) }).js;
  const script = examplesScript(model, js);
  if (!script) return false;
  type Run = (x: unknown) => { ok: boolean; errors?: { path: string; message: string }[] };
  const { validators } = runValidatorsScript<{ validators: Record<string, Run> }>(script);
  let dropped = false;
  for (const e of draft.events) {
    const kept = e.examples.filter((x) => {
      const r = validators[e.type]!(x.value);
      if (r.ok) return true;
      const first = r.errors?.[0];
      warn({ code: "IMP203", file: x.loc.file, pointer: x.loc.pointer, message: `the example does not match the imported schema (${first ? `${first.path || "/"} ${first.message}` : "invalid"}); dropped` });
      return false;
    });
    if (kept.length !== e.examples.length) (e.examples = kept), (dropped = true);
  }
  return dropped;
}
