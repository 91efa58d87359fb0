// The loader, checker and model builder on catalog text in memory: what lint and generate run on
// each file, without the disk.
import { checkCatalog } from "../../generator/check/check-catalog.ts";
import { hasErrors, type Diagnostic } from "../../generator/diagnostics.ts";
import { parseCatalogText } from "../../generator/load/read-catalogs.ts";
import { buildModel } from "../../generator/model/build.ts";
import type { CatalogModel } from "../../generator/model/ir.ts";

/** The lines every small test catalog starts with: identity, a `data` envelope, one group `g`. */
export const CATALOG_HEAD = `title: T
version: 1.0.0
source: { title: s }
package: { name: t }
envelope: { typeField: type, payloadField: data }
groups: { g: { title: G } }
`;

export function loadText(path: string, text: string): { model?: CatalogModel; diagnostics: Diagnostic[] } {
  const parsed = parseCatalogText(path, text);
  if (!parsed.file || hasErrors(parsed.diagnostics)) return { diagnostics: parsed.diagnostics };
  const { checked, diagnostics } = checkCatalog(parsed.file);
  const all = [...parsed.diagnostics, ...diagnostics];
  if (!checked || hasErrors(all)) return { diagnostics: all };
  return { model: buildModel(checked), diagnostics: all };
}
