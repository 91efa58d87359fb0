// What makes `generate --check` cheap on an unchanged catalog, on any machine, CI's fresh checkout
// included: each output folder carries a manifest, written by `generate` beside the files it
// describes. It holds a key made of everything the output depends on (the catalog's bytes and its
// path in the project, eventgen's own code, templates and the versions of the libraries whose
// output it embeds) and the SHA-256 of every file. A --check whose key equals the manifest's only
// reads the folder back and compares hashes, so a hand edit, a missing or an extra file is still
// caught; any other key runs the full check, which says what is wrong. The manifest is never a
// reason for a check to fail: one that is missing or out of date only costs the fast path.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { jsonFileText } from "../emit/json-layout.ts";
import type { OutputFile } from "../emit/output.ts";
import { listFiles } from "./output-tree.ts";

/** Not in the package's `files`, so it is never published. */
export const MANIFEST = ".eventgen-manifest.json";
const ROOT = fileURLToPath(new URL("../../", import.meta.url));

interface Manifest {
  "//": string;
  key: string;
  /** The catalog's path as the output names it; tells whose folder this is once the catalog is gone. */
  catalog: string;
  events: number;
  /** Warnings the run printed, so a check answered from the manifest prints them too. */
  warnings: string[];
  files: Record<string, string>;
}

export const sha256 = (bytes: Uint8Array | string) => createHash("sha256").update(bytes).digest("hex");

let fingerprint: string | undefined;
/** eventgen itself: its code and default templates (by path inside eventgen, so the same on every
 * machine) and the versions of the libraries whose output it embeds. */
function generatorFingerprint(): string {
  if (fingerprint) return fingerprint;
  const h = createHash("sha256");
  const walk = (dir: string) => {
    for (const name of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(dir, name.name);
      if (name.isDirectory()) walk(p);
      else if (/\.(ts|mjs|hbs|json)$/.test(name.name)) h.update(relative(ROOT, p).split("\\").join("/")).update("\0").update(readFileSync(p)).update("\0");
    }
  };
  walk(join(ROOT, "generator"));
  walk(join(ROOT, "templates"));
  const require = createRequire(import.meta.url);
  for (const lib of ["prettier", "yaml", "handlebars", "ts-morph", "mdast-util-from-markdown"]) {
    try {
      h.update(`${lib}@${(require(`${lib}/package.json`) as { version: string }).version}\0`);
    } catch {
      h.update(`${lib}@?\0`);
    }
  }
  return (fingerprint = h.digest("hex"));
}

/** The key of one catalog's output. `shownAs` is the catalog's path as the output names it. */
export function manifestKey(catalogFile: string, shownAs: string, templates?: string): string {
  const h = createHash("sha256").update(generatorFingerprint()).update(`\0catalog=${shownAs}\0`).update(readFileSync(catalogFile)).update("\0");
  if (templates !== undefined) for (const f of listFiles(templates)) h.update(`template=${f}\0`).update(readFileSync(join(templates, f))).update("\0");
  return h.digest("hex");
}

/** The manifest of a folder's other files, which must already carry their hashes. */
export function manifestFile(key: string, catalog: string, banner: string, files: OutputFile[], events: number, warnings: string[]): OutputFile {
  const manifest: Manifest = {
    "//": `${banner} This manifest lets generate --check confirm the folder without regenerating it; it is not published.`,
    key,
    catalog,
    events,
    warnings,
    files: Object.fromEntries(files.map((f) => [f.path, f.hash!])),
  };
  return { path: MANIFEST, content: jsonFileText(manifest), format: "verbatim" };
}

/**
 * The folder's manifest, if its key is `key` and the folder holds exactly the files it lists with
 * exactly their bytes; undefined otherwise (no manifest, another key, or anything differs).
 */
export function confirmedByManifest(dir: string, key: string): Manifest | undefined {
  const manifest = readManifest(dir);
  if (manifest?.key !== key || typeof manifest.files !== "object" || manifest.files === null) return undefined;
  const onDisk = listFiles(dir).filter((f) => f !== MANIFEST);
  if (onDisk.length !== Object.keys(manifest.files).length) return undefined;
  for (const rel of onDisk) {
    const hash = Object.hasOwn(manifest.files, rel) ? manifest.files[rel] : undefined;
    if (hash === undefined) return undefined;
    try {
      if (sha256(readFileSync(join(dir, rel))) !== hash) return undefined;
    } catch {
      return undefined;
    }
  }
  return manifest;
}

export function readManifest(dir: string): Manifest | undefined {
  try {
    const m = JSON.parse(readFileSync(join(dir, MANIFEST), "utf8")) as Manifest;
    return typeof m === "object" && m !== null ? m : undefined;
  } catch {
    return undefined;
  }
}
