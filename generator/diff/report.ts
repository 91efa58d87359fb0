// One catalog's diff as the formatters print it: the changes (witnesses found), the bump they
// require and the version check.
import type { Change, Level } from "./change.ts";
import { LEVELS } from "./change.ts";
import type { Bump, VersionCheck } from "./semver.ts";

export interface CatalogDiff {
  /** The catalog id (its file's stem). */
  catalog: string;
  /** The new catalog file, as diagnostics show it; `oldFile` the old one (`ref:path` for --base). */
  file: string;
  oldFile: string;
  bump: Bump;
  version: VersionCheck;
  changes: Change[];
}

export const countBy = (changes: readonly Change[]): Record<Level, number> =>
  Object.fromEntries(LEVELS.map((l) => [l, changes.filter((c) => c.level === l).length])) as Record<Level, number>;

/** `3 breaking, 1 warning, 2 info`. */
export function counts(changes: readonly Change[]): string {
  const n = countBy(changes);
  return `${n.breaking} breaking, ${n.warning} warning${n.warning === 1 ? "" : "s"}, ${n.info} info`;
}

/** `task_run.completed /data/id`, or the catalog pointer for catalog-wide changes. */
export const where = (c: Change) => (c.event === undefined ? c.pointer : `${c.event} ${c.pointer || "/"}`);

export const versionLine = (d: CatalogDiff) =>
  `required bump: ${d.bump}; version ${d.version.old} → ${d.version.new} ${d.version.enough ? "is enough" : "is not enough"}`;
