// --check: compares fresh output with the disk, writing nothing. A stale file comes with a unified
// diff (the `diff` package's), cut to its first hunks, so the change itself is on the screen.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { structuredPatch } from "diff";
import type { OutputFile } from "../emit/output.ts";
import { oneLine } from "../diagnostics.ts";
import { MANIFEST } from "./manifest.ts";
import { listFiles } from "./output-tree.ts";

export interface Staleness {
  file: string;
  problem: "stale" | "missing" | "extra";
  hint: string;
  /** For a stale file: the unified diff, from the disk to what generate would write. */
  diff?: string[];
}

/** Hunks printed per file; the rest are counted. */
export const MAX_HUNKS = 3;
/** Beyond this many changed lines, the diff of a file is not worth working out line by line. */
const MAX_EDIT = 5000;
/** A diff line longer than this (minified text) is cut. */
const MAX_LINE = 240;

export function compareOutput(dir: string, shownDir: string, files: OutputFile[]): Staleness[] {
  const out: Staleness[] = [];
  const wanted = new Set(files.map((f) => f.path));
  for (const f of files) {
    const path = join(dir, f.path);
    const shown = `${shownDir}/${f.path}`;
    if (!existsSync(path)) {
      out.push({ file: shown, problem: "missing", hint: "not generated yet" });
      continue;
    }
    const disk = readFileSync(path);
    if (!disk.equals(f.bytes ?? Buffer.from(f.content))) out.push({ file: shown, problem: "stale", hint: "differs from what generate makes", diff: unifiedDiff(shown, disk.toString("utf8"), f.content) });
  }
  // The manifest only speeds up later checks: a missing or outdated one is not stale output.
  for (const rel of listFiles(dir))
    if (!wanted.has(rel) && rel !== MANIFEST) out.push({ file: `${shownDir}/${rel}`, problem: "extra", hint: "no longer generated; `eventgen generate` removes it" });
  return out;
}

/** `--- file (on disk)` / `+++ file (generated)`, the first MAX_HUNKS hunks with three lines of
 * context, then "… N more changed lines". */
export function unifiedDiff(file: string, disk: string, fresh: string): string[] {
  const patch = structuredPatch(`${file} (on disk)`, `${file} (generated)`, disk, fresh, undefined, undefined, { context: 3, maxEditLength: MAX_EDIT });
  const head = [`--- ${oneLine(file)} (on disk)`, `+++ ${oneLine(file)} (generated)`];
  if (!patch) return [...head, "… the file is rewritten throughout (too many changes to list)"];
  const lines = [...head];
  patch.hunks.slice(0, MAX_HUNKS).forEach((h) => {
    lines.push(`@@ -${h.oldStart},${h.oldLines} +${h.newStart},${h.newLines} @@`);
    for (const l of h.lines) lines.push(l.startsWith("\\") ? l : l[0]! + oneLine(l.slice(1), MAX_LINE));
  });
  const more = patch.hunks.slice(MAX_HUNKS).reduce((n, h) => n + h.lines.filter((l) => l[0] === "+" || l[0] === "-").length, 0);
  if (more) lines.push(`… ${more} more changed line${more === 1 ? "" : "s"}`);
  return lines;
}
