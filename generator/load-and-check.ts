// read → parse → check → model for a set of catalog paths; shared by lint and generate.
import { hasErrors, sortDiagnostics, type Diagnostic } from "./diagnostics.ts";
import { checkCatalog } from "./check/check-catalog.ts";
import { readCatalogs } from "./load/read-catalogs.ts";
import { buildModel } from "./model/build.ts";
import type { CatalogModel } from "./model/ir.ts";
import { stageTimer, type Timings } from "./timings.ts";
import { checkExamples } from "./check/examples.ts";
import { emitValidatorsModule, examplesScript } from "./emit/validators/validators-module.ts";

export interface Loaded {
  models: CatalogModel[];
  diagnostics: Diagnostic[];
  timings: Timings;
}

export function loadAndCheck(inputs: readonly string[]): Loaded {
  const timings: Timings = {};
  const time = stageTimer(timings);
  const read = time("load", () => readCatalogs(inputs));
  const diagnostics = [...read.diagnostics];
  const models: CatalogModel[] = [];
  const ids = new Map<string, string>();
  for (const file of read.files) {
    const { checked, diagnostics: ds } = time("check", () => checkCatalog(file));
    diagnostics.push(...ds);
    if (!checked) continue;
    const prior = ids.get(checked.id);
    if (prior) {
      diagnostics.push({ code: "EG306", severity: "error", message: `catalog id '${checked.id}' is also the id of ${prior}`, pos: { file: file.file, line: 1, col: 1 }, hint: "each catalog needs its own id: its output folder is named after it" });
      continue;
    }
    ids.set(checked.id, file.file);
    models.push(time("model", () => buildModel(checked)));
  }
  return { models: hasErrors(diagnostics) ? [] : models, diagnostics: sortDiagnostics(diagnostics), timings };
}

/** EG401: each example run through the catalog's generated validators. `validatorsJs`, the
 * module's JavaScript, when the caller has made it already (generate); lint makes it here. */
export async function checkModelExamples(model: CatalogModel, validatorsJs?: string): Promise<Diagnostic[]> {
  if (!model.events.some((e) => e.examples.length)) return [];
  return checkExamples(model, examplesScript(model, validatorsJs ?? emitValidatorsModule(model).js));
}
