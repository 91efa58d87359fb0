// Output folders whose catalog is gone. A catalog removed or renamed would otherwise leave its old
// package in the output forever, and --check would not notice. Only folders eventgen generated
// from a catalog inside one of this run's catalog folders count: a folder generated from a file
// named on the command line, or from another folder, belongs to another run and is left alone.
import { existsSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { catalogStem, sourcePathOf } from "../load/read-catalogs.ts";
import { readManifest } from "./manifest.ts";

export function orphanedFolders(outRoot: string, inputs: readonly string[], catalogs: readonly string[]): string[] {
  if (!existsSync(outRoot) || !inputs.every(isFolder)) return [];
  // The folders as generated files name catalogs: relative to the project root.
  const folders = inputs.map((dir) => sourcePathOf(join(resolve(dir), "x")).replace(/x$/, ""));
  const live = new Set(catalogs.map(catalogStem));
  return readdirSync(outRoot)
    .filter((name) => !name.startsWith(".") && !live.has(name))
    .map((name) => join(outRoot, name))
    .filter((dir) => {
      const from = isFolder(dir) ? readManifest(dir)?.catalog : undefined;
      return typeof from === "string" && folders.some((f) => from.startsWith(f) && !from.slice(f.length).includes("/.."));
    });
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
