// The fixed runtime every package carries (generator/runtime/*.ts), read as text: the build stage
// copies and compiles it (emit/package/runtime-build.ts).
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export interface RuntimeSource {
  /** The module's file name, e.g. `validate.ts`. */
  name: string;
  text: string;
}

export const RUNTIME_DIR = fileURLToPath(new URL("../runtime/", import.meta.url));

export function readRuntimeSources(dir = RUNTIME_DIR): RuntimeSource[] {
  return readdirSync(dir)
    .filter((n) => n.endsWith(".ts") && !n.endsWith(".d.ts") && !n.endsWith(".test.ts"))
    .sort()
    .map((name) => ({ name, text: readFileSync(`${dir}/${name}`, "utf8") }));
}
