// Runs each catalog example through the generated validators themselves (their JavaScript, run
// from memory), so an example that does not match its event is caught at the key that is wrong.
import vm from "node:vm";
import type { Diagnostic, SourcePos } from "../diagnostics.ts";
import type { CatalogModel } from "../model/ir.ts";
import { moduleScript } from "../emit/validators/validators-module.ts";
import * as runtime from "../runtime/validate.ts";

export interface Compiled {
  validators: Record<string, (input: unknown) => { ok: boolean; errors?: { path: string; code: string; message: string }[] }>;
}

/** Runs a script made by examplesScript or moduleScript in this process, inside a function scope,
 * with the runtime it imports: no module loading, which for a large catalog is most of the cost. */
export function runValidatorsScript<T = Compiled>(script: string, filename = "validators"): T {
  return (vm.runInThisContext(script, { filename }) as (rt: typeof runtime) => T)(runtime);
}

/** A generated dist/validators.js, run from memory: its exports. */
export async function loadCompiledValidators<T = Compiled>(js: string): Promise<T> {
  return runValidatorsScript<T>(moduleScript(js));
}

/** `script`: JavaScript made by examplesScript, run by runValidatorsScript. */
export async function checkExamples(model: CatalogModel, script: string | undefined): Promise<Diagnostic[]> {
  if (script === undefined || !model.events.some((e) => e.examples.length)) return [];
  const mod = runValidatorsScript(script, `${model.file} (validators)`);
  const out: Diagnostic[] = [];
  for (const e of model.events) {
    e.examples.forEach((example, i) => {
      const r = mod.validators[e.type]!(example);
      if (r.ok) return;
      const src = e.exampleSources[i]!;
      for (const err of r.errors ?? [])
        out.push({
          code: "EG401",
          severity: "error",
          message: `example ${i + 1} of '${e.type}' does not match the event's schema: ${err.path || "/"} ${err.message}`,
          pos: locate(src.positions, err.path) ?? src.pos,
        });
    });
  }
  return out;
}

function locate(positions: Map<string, SourcePos>, pointer: string): SourcePos | undefined {
  for (let p = pointer; ; p = p.slice(0, p.lastIndexOf("/"))) {
    const pos = positions.get(p);
    if (pos || p === "") return pos;
  }
}
