// The built runtime, kept between runs under node_modules/.cache/eventgen/ (the compiler takes a
// second or two to load and run; a cache hit takes a few milliseconds). Keyed by the runtime's
// sources and the compiler's and formatter's versions, so a stale entry is never used; a cache
// that cannot be read or written only costs the build.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildRuntime, runtimeKey } from "../emit/package/runtime-build.ts";
import type { OutputFile } from "../emit/output.ts";
import { readRuntimeSources } from "../load/runtime-sources.ts";

const CACHE = fileURLToPath(new URL("../../node_modules/.cache/eventgen/", import.meta.url));

let memo: Promise<OutputFile[]> | undefined;

/** The runtime's package files (src/runtime/*, dist/runtime/*), built once per process. */
export function runtimeFiles(): Promise<OutputFile[]> {
  return (memo ??= load());
}

async function load(): Promise<OutputFile[]> {
  const sources = readRuntimeSources();
  const file = join(CACHE, `runtime-${runtimeKey(sources)}.json`);
  try {
    return (JSON.parse(readFileSync(file, "utf8")) as { path: string; content: string }[]).map((f) => ({ ...f, format: "verbatim" }));
  } catch {
    // not built yet
  }
  const files = await buildRuntime(sources);
  try {
    mkdirSync(CACHE, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(files.map(({ path, content }) => ({ path, content }))));
    renameSync(tmp, file);
  } catch {
    // a read-only install: build again next time
  }
  return files;
}
