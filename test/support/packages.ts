// The generated packages the repository holds: the three bundled catalogs' and each integration
// case's, with the catalog each was generated from.
import { caseNames } from "../cases/regenerate.ts";

export interface GeneratedPackage {
  /** The catalog id (the folder's name). */
  id: string;
  /** The package folder, relative to the repository root. */
  dir: string;
  /** The catalog file it was generated from. */
  catalog: string;
}

export const BUNDLED: GeneratedPackage[] = ["deck", "truto", "chift"].map((id) => ({ id, dir: `generated/${id}`, catalog: `catalog/${id}.yaml` }));

export const CASES: GeneratedPackage[] = caseNames().map((id) => ({ id, dir: `test/cases/${id}/generated/${id}`, catalog: `test/cases/${id}/catalog/${id}.yaml` }));

export const PACKAGES: GeneratedPackage[] = [...BUNDLED, ...CASES];
