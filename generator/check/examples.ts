// Runs each catalog example through the generated validators themselves (their JavaScript, run
// from memory), so an example that does not match its event is caught at the key that is wrong.
import vm from "node:vm";
import type { Diagnostic, SourcePos } from "../diagnostics.ts";
import type { CatalogModel } from "../model/ir.ts";

interface Compiled {
  validators: Record<string, (input: unknown) => { ok: boolean; errors?: { path: string; message: string }[] }>;
}

export async function loadCompiledValidators(js: string): Promise<Compiled> {
  return import(`data:text/javascript;base64,${Buffer.from(js).toString("base64")}`) as Promise<Compiled>;
}

/** `script`: JavaScript whose value is `{ validators }` (see examplesScript), run in this process
 * inside a function scope; no module loading, which for a large catalog is most of the cost. */
export async function checkExamples(model: CatalogModel, script: string | undefined): Promise<Diagnostic[]> {
  if (script === undefined || !model.events.some((e) => e.examples.length)) return [];
  const mod = vm.runInThisContext(script, { filename: `${model.file} (validators)` }) as Compiled;
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
