// Two loaded models → the report for one catalog: the changes, their witnesses, the bump and the
// version check. What the command and the tests call.
import type { CatalogModel } from "../model/ir.ts";
import type { Change } from "./change.ts";
import { diffModels, type Located } from "./diff.ts";
import type { CatalogDiff } from "./report.ts";
import { bumpOf, checkVersion } from "./semver.ts";
import { addWitnesses } from "./witness.ts";

export async function diffCatalogs(old: CatalogModel, nu: CatalogModel, opts: { witnesses?: boolean } = {}): Promise<CatalogDiff> {
  const d = diffModels(old, nu);
  if (opts.witnesses !== false) await addWitnesses(d);
  const changes = d.changes.map(publicChange);
  const bump = bumpOf(changes);
  return { catalog: nu.id, file: nu.file, oldFile: old.file, bump, version: checkVersion(old.version, nu.version, bump), changes };
}

/** A catalog that exists on one side only: compared with the same catalog emptied of events. */
export const emptied = (m: CatalogModel): CatalogModel => ({ ...m, events: [], groups: [], schemas: [] });

function publicChange(c: Located): Change {
  const { path: _path, probe: _probe, witnessEvent: _w, ...rest } = c;
  return rest;
}
