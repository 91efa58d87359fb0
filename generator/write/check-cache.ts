// What makes `generate --check` cheap on an unchanged catalog: after each run that produced (or
// confirmed) the output, the SHA-256 of every generated file is remembered under a key made of
// everything the output depends on: the catalog files (paths and bytes), eventgen's own code,
// templates and formatting libraries, and the options. A later --check with the same key only
// reads the output folders back and compares hashes, so a hand edit, a missing or an extra file is
// still caught; anything else (a new key, a mismatch) runs the full check, which says what is
// wrong. The cache lives in node_modules/.cache/eventgen and is only ever an accelerator.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { listFiles } from "./output-tree.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const CACHE_DIR = resolve("node_modules/.cache/eventgen");
const CACHE_FILE = join(CACHE_DIR, "check.json");
const KEEP = 8;

/** The expected output: per output folder, each file's path and hash. */
export type Expected = { dir: string; files: [path: string, sha256: string][] }[];

interface Entry {
  key: string;
  at: number;
  expected: Expected;
  /** Warnings the run printed (so a cached check prints them too). */
  warnings: string[];
  events: number;
}

export const sha256 = (bytes: Uint8Array | string) => createHash("sha256").update(bytes).digest("hex");

let fingerprint: string | undefined;
/** eventgen itself: its code, default templates and the versions of the libraries whose output it
 * embeds. Any change gives every catalog a new key. */
function generatorFingerprint(): string {
  if (fingerprint) return fingerprint;
  const h = createHash("sha256");
  const walk = (dir: string) => {
    for (const name of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(dir, name.name);
      if (name.isDirectory()) walk(p);
      else if (/\.(ts|hbs|json)$/.test(name.name)) h.update(relative(ROOT, p)).update("\0").update(readFileSync(p)).update("\0");
    }
  };
  walk(join(ROOT, "generator"));
  walk(join(ROOT, "templates"));
  const require = createRequire(import.meta.url);
  for (const lib of ["prettier", "yaml", "handlebars"]) {
    try {
      h.update(`${lib}@${(require(`${lib}/package.json`) as { version: string }).version}\0`);
    } catch {
      h.update(`${lib}@?\0`);
    }
  }
  return (fingerprint = h.digest("hex"));
}

/** The key of one run: the catalogs as found, eventgen, and the options that change output. */
export function runKey(catalogs: string[], opts: { out: string; templates?: string }): string {
  const h = createHash("sha256").update(generatorFingerprint()).update(`\0out=${opts.out}\0`);
  if (opts.templates !== undefined) {
    const dir = resolve(opts.templates);
    h.update(`templates=${dir}\0`);
    for (const f of listFiles(dir)) h.update(f).update("\0").update(readFileSync(join(dir, f))).update("\0");
  }
  for (const c of [...catalogs].sort()) h.update(relative(process.cwd(), c)).update("\0").update(readFileSync(c)).update("\0");
  return h.digest("hex");
}

function readEntries(): Entry[] {
  try {
    const entries = JSON.parse(readFileSync(CACHE_FILE, "utf8")) as unknown;
    return Array.isArray(entries) ? (entries as Entry[]) : [];
  } catch {
    return [];
  }
}

/** Remembers what a run with `key` produced. Never fails the run: a cache that cannot be written
 * only means the next check does the full work. */
export function remember(key: string, expected: Expected, warnings: string[], events: number): void {
  try {
    if (!existsSync(dirname(dirname(CACHE_DIR)))) return; // no node_modules here: nowhere conventional to keep it
    mkdirSync(CACHE_DIR, { recursive: true });
    const entries = [{ key, at: Date.now(), expected, warnings, events }, ...readEntries().filter((e) => e.key !== key)].slice(0, KEEP);
    const tmp = `${CACHE_FILE}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(entries));
    renameSync(tmp, CACHE_FILE);
  } catch {
    // ignored on purpose: see above
  }
}

/**
 * The remembered run for `key`, if the output folders hold exactly its files with exactly its
 * bytes; undefined otherwise (no entry, or anything differs).
 */
export function upToDate(key: string): Entry | undefined {
  const entry = readEntries().find((e) => e.key === key);
  if (!entry) return undefined;
  for (const { dir, files } of entry.expected) {
    const onDisk = listFiles(dir);
    if (onDisk.length !== files.length) return undefined;
    const wanted = new Map(files);
    for (const rel of onDisk) {
      const hash = wanted.get(rel);
      if (hash === undefined) return undefined;
      let bytes: Buffer;
      try {
        bytes = readFileSync(join(dir, rel));
      } catch {
        return undefined;
      }
      if (sha256(bytes) !== hash) return undefined;
    }
  }
  return entry;
}
