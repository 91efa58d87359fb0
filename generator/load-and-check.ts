// read → parse → check → model for a set of catalog paths (or one catalog's text); shared by lint,
// generate and diff.
import { hasErrors, sortDiagnostics, type Diagnostic } from "./diagnostics.ts";
import { checkCatalog } from "./check/check-catalog.ts";
import { MAX_CATALOG_BYTES, parseCatalogText, readCatalogs, type LoadedFile } from "./load/read-catalogs.ts";
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
  return checkAndModel(read.files, [...read.diagnostics], timings);
}

/** One catalog from text in memory, e.g. another version of a file (`git show ref:path`), loaded
 * as loadAndCheck loads files; `shownAs` names it in diagnostics and in the model's `file`. */
export function loadAndCheckText(path: string, text: string, shownAs?: string): Loaded {
  const timings: Timings = {};
  const shown = (d: Diagnostic): Diagnostic => (shownAs ? { ...d, pos: { ...d.pos, file: shownAs } } : d);
  if (Buffer.byteLength(text) > MAX_CATALOG_BYTES)
    return { models: [], diagnostics: [{ code: "EG104", severity: "error", message: `file is over ${MAX_CATALOG_BYTES} bytes, the limit for catalogs`, pos: { file: shownAs ?? path, line: 1, col: 1 } }], timings };
  const parsed = stageTimer(timings)("load", () => parseCatalogText(path, text));
  const diagnostics = parsed.diagnostics.map(shown);
  const files = parsed.file && !hasErrors(diagnostics) ? [shownAs ? { ...parsed.file, file: shownAs } : parsed.file] : [];
  return checkAndModel(files, diagnostics, timings);
}

function checkAndModel(files: LoadedFile[], diagnostics: Diagnostic[], timings: Timings): Loaded {
  const time = stageTimer(timings);
  const models: CatalogModel[] = [];
  const ids = new Map<string, string>();
  for (const file of files) {
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
