// The version bump a diff requires, and whether the new catalog's `version` makes it: major for
// anything breaking, minor for additions and other changes (warnings among them), patch for docs
// only. Under 1.0.0 the leading 0 is kept (as npm's ^0.y.z does): breaking needs a minor bump.
import type { Change } from "./change.ts";
import { ruleOf } from "./rules.ts";

export type Bump = "major" | "minor" | "patch" | "none";
const ORDER: Bump[] = ["none", "patch", "minor", "major"];

export interface VersionCheck {
  old: string;
  new: string;
  /** The new version is at least the old one bumped as required. */
  enough: boolean;
}

export function bumpOf(changes: readonly Change[]): Bump {
  let bump: Bump = "none";
  for (const c of changes) {
    const b: Bump = c.level === "breaking" ? "major" : c.level === "warning" ? "minor" : ruleOf(c.id).section === "docs" ? "patch" : "minor";
    if (ORDER.indexOf(b) > ORDER.indexOf(bump)) bump = b;
  }
  return bump;
}

export const maxBump = (bs: Bump[]): Bump => bs.reduce((a, b) => (ORDER.indexOf(b) > ORDER.indexOf(a) ? b : a), "none");

type Parsed = [number, number, number, string | undefined];
function parse(v: string): Parsed | undefined {
  const m = /^(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/.exec(v);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3]), m[4]] : undefined;
}

/** The smallest version the bump allows, as [major, minor, patch]. */
function least([ma, mi, pa]: Parsed, bump: Bump): [number, number, number] {
  if (bump === "none") return [ma, mi, pa];
  if (ma === 0) return bump === "major" ? [0, mi + 1, 0] : [0, mi, pa + 1];
  return bump === "major" ? [ma + 1, 0, 0] : bump === "minor" ? [ma, mi + 1, 0] : [ma, mi, pa + 1];
}

const compare = (a: number[], b: number[]) => a[0]! - b[0]! || a[1]! - b[1]! || a[2]! - b[2]!;

export function checkVersion(old: string, nu: string, bump: Bump): VersionCheck {
  const a = parse(old);
  const b = parse(nu);
  if (!a || !b) return { old, new: nu, enough: false };
  const need = least(a, bump);
  // 1.2.0-rc.1 counts as below 1.2.0: a pre-release of the needed version is not enough, unless
  // the old one was a pre-release of the same version (rc.1 → rc.2 with nothing needed).
  const c = compare([b[0], b[1], b[2]], need);
  const enough = c > 0 || (c === 0 && (b[3] === undefined || (bump === "none" && a[3] !== undefined)));
  return { old, new: nu, enough };
}
