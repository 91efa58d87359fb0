// Exactly one JSON document: `{ bump, version: { old, new, enough }, changes, catalogs }`. The
// top-level bump, version and changes are the single catalog's; with several (--base over a
// folder) they are the largest bump, `enough` only when every catalog's is, and every change,
// each carrying its catalog. See the README ("JSON output").
import type { CatalogDiff } from "../report.ts";
import type { Change } from "../change.ts";
import { maxBump } from "../semver.ts";

const entry = (catalog: string, c: Change) => ({
  id: c.id,
  level: c.level,
  catalog,
  event: c.event ?? null,
  pointer: c.pointer,
  file: c.pos.file,
  line: c.pos.line,
  column: c.pos.col,
  message: c.message,
  old: c.old ?? null,
  new: c.new ?? null,
  ...(c.witness !== undefined ? { witness: c.witness } : {}),
});

export function formatJson(diffs: readonly CatalogDiff[]): string {
  const one = diffs.length === 1 ? diffs[0] : undefined;
  const doc = {
    bump: maxBump(diffs.map((d) => d.bump)),
    version: one ? one.version : { old: null, new: null, enough: diffs.every((d) => d.version.enough) },
    changes: diffs.flatMap((d) => d.changes.map((c) => entry(d.catalog, c))),
    catalogs: diffs.map((d) => ({ catalog: d.catalog, file: d.file, oldFile: d.oldFile, bump: d.bump, version: d.version, changes: d.changes.length })),
  };
  return JSON.stringify(doc, null, 2);
}
