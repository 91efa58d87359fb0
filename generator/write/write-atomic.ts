// The only stage that writes. Every catalog's folder is first written in full beside its target,
// then swapped in by rename; if anything fails before the swap, the old output is untouched.
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import type { OutputFile } from "../emit/output.ts";

export interface CatalogOutput {
  /** The catalog's output folder. */
  dir: string;
  files: OutputFile[];
}

/** Test hook: throw after this many files, to prove a failure leaves the old output in place. */
export const faults = { failAfterFiles: Infinity };

/** Writes every catalog's folder, then removes the folders in `remove` (those whose catalog is gone). */
export function writeAtomic(outputs: CatalogOutput[], remove: readonly string[] = []): number {
  const staged: { dir: string; tmp: string }[] = [];
  let count = 0;
  try {
    for (const o of outputs) {
      const tmp = join(dirname(o.dir), `.${basename(o.dir)}.eventgen-tmp-${process.pid}`);
      rmSync(tmp, { recursive: true, force: true });
      staged.push({ dir: o.dir, tmp });
      for (const f of o.files) {
        if (count++ >= faults.failAfterFiles) throw new Error("injected write failure");
        const path = join(tmp, f.path);
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, f.bytes ?? f.content);
      }
      mkdirSync(tmp, { recursive: true });
    }
  } catch (err) {
    for (const s of staged) rmSync(s.tmp, { recursive: true, force: true });
    throw err;
  }
  for (const { dir, tmp } of staged) {
    const old = `${tmp}-old`;
    const hadOld = existsSync(dir);
    if (hadOld) renameSync(dir, old);
    try {
      renameSync(tmp, dir);
    } catch (err) {
      if (hadOld) renameSync(old, dir); // put the previous output back before reporting
      throw err;
    }
    rmSync(old, { recursive: true, force: true });
  }
  for (const dir of remove) rmSync(dir, { recursive: true, force: true });
  return count;
}
