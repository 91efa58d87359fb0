// --check: compares fresh output with the disk, writing nothing.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { OutputFile } from "../emit/output.ts";
import { MANIFEST } from "./manifest.ts";
import { listFiles } from "./output-tree.ts";

export interface Staleness {
  file: string;
  problem: "stale" | "missing" | "extra";
  hint: string;
}

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
    if (!disk.equals(f.bytes ?? Buffer.from(f.content))) out.push({ file: shown, problem: "stale", hint: firstDifference(disk.toString("utf8"), f.content) });
  }
  // The manifest only speeds up later checks: a missing or outdated one is not stale output.
  for (const rel of listFiles(dir))
    if (!wanted.has(rel) && rel !== MANIFEST) out.push({ file: `${shownDir}/${rel}`, problem: "extra", hint: "no longer generated; `eventgen generate` removes it" });
  return out;
}

function firstDifference(disk: string, fresh: string): string {
  const a = disk.split("\n");
  const b = fresh.split("\n");
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) {
      const clip = (s: string | undefined) => (s === undefined ? "(end of file)" : JSON.stringify(s.length > 80 ? s.slice(0, 77) + "..." : s));
      return `line ${i + 1}: on disk ${clip(a[i])}, expected ${clip(b[i])}`;
    }
  }
  return "differs";
}
