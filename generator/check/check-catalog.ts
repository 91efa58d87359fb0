// The check stage: shape, then semantic rules, then names. The rules run on what the shape check
// could read, even when other parts of the file are wrong, so one run reports every problem. A
// catalog with errors yields no CheckedCatalog, so no later stage ever sees a broken one.
import { hasErrors, type Diagnostic } from "../diagnostics.ts";
import type { LoadedFile } from "../load/read-catalogs.ts";
import { assignNames } from "../model/assign-names.ts";
import type { CheckedCatalog } from "../model/build.ts";
import { checkCatalogShape } from "./catalog-shape.ts";
import { checkRules } from "./rules.ts";
import { Cx } from "./shape.ts";

export function checkCatalog(f: LoadedFile): { checked?: CheckedCatalog; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const cx = new Cx(f.file, f.doc, f.lines, diagnostics);
  const { loose, raw } = checkCatalogShape(cx);
  if (!loose) return { diagnostics };
  diagnostics.push(...checkRules(loose, f.stem, f.file));
  // Names and the model only from a file whose shape is right throughout.
  if (!raw || hasErrors(diagnostics)) return { diagnostics };
  const { names, diagnostics: naming } = assignNames(raw);
  diagnostics.push(...naming);
  if (hasErrors(diagnostics)) return { diagnostics };
  return { checked: { raw, names, id: raw.id ?? f.stem, file: f.file, sourcePath: f.sourcePath }, diagnostics };
}
