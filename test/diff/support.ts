// Catalog pairs in memory for the diff tests: each side loaded as lint and generate load it,
// diffed, and every witness judged by both catalogs' generated validators and by Ajv on both
// catalogs' emitted JSON Schemas.
import { expect } from "vitest";
import { loadCompiledValidators } from "../../generator/check/examples.ts";
import { emitSchemaJson } from "../../generator/emit/emit-catalog.ts";
import { emitValidatorsModule } from "../../generator/emit/validators/validators-module.ts";
import type { CatalogModel } from "../../generator/model/ir.ts";
import { diffCatalogs } from "../../generator/diff/run.ts";
import type { CatalogDiff } from "../../generator/diff/report.ts";
import { makeAjv, PROTO_STAND_IN } from "../support/ajv.ts";
import { loadText } from "../support/load-text.ts";

/** A small catalog: the identity lines, the envelope (a `data` envelope unless given), then the
 * rest as written. */
export function catalog(rest: string, opts: { version?: string; envelope?: string } = {}): string {
  return `title: T
version: ${opts.version ?? "1.0.0"}
source: { title: s }
package: { name: t }
envelope: ${opts.envelope ?? "{ typeField: type, payloadField: data }"}
groups: { g: { title: G } }
${rest}`;
}

export function model(text: string, file = "new.yaml"): CatalogModel {
  const { model, diagnostics } = loadText(file, text);
  if (!model) throw new Error(`${file} does not load:\n${diagnostics.map((d) => `${d.pos.line}:${d.pos.col} ${d.code} ${d.message}`).join("\n")}`);
  return model;
}

export async function diffTexts(oldText: string, newText: string): Promise<CatalogDiff> {
  return diffCatalogs(model(oldText, "old.yaml"), model(newText, "new.yaml"));
}

type Judge = (type: string, body: unknown) => boolean;

/** Both kinds of judge for a model: its generated validators, and Ajv on its JSON Schemas. */
export async function judges(m: CatalogModel): Promise<{ ours: Judge; ajv: Judge }> {
  const files = emitSchemaJson(m);
  const { validators } = await loadCompiledValidators(emitValidatorsModule(m).js);
  const ajv = makeAjv();
  const byType = new Map(m.events.map((e) => [e.type, `${e.names.schemaFile}.json`]));
  const compiled = new Map<string, (b: unknown) => boolean>();
  const ajvJudge: Judge = (type, body) => {
    let v = compiled.get(type);
    if (!v) {
      const text = files.find((f) => f.path === byType.get(type))!.content;
      const proto = PROTO_STAND_IN.needed(text);
      const validate = ajv.compile(proto ? (PROTO_STAND_IN.apply(text) as object) : JSON.parse(text));
      v = (b: unknown) => validate(proto ? PROTO_STAND_IN.apply(JSON.stringify(b)) : b) as boolean;
      compiled.set(type, v);
    }
    return v(body);
  };
  return { ours: (type, body) => validators[type]!(body).ok, ajv: ajvJudge };
}

/** Every witness in the diff is accepted by the new catalog and rejected by the old one, by our
 * validators and by Ajv alike. Returns how many were checked. */
export async function checkWitnesses(oldM: CatalogModel, newM: CatalogModel, d: CatalogDiff): Promise<number> {
  const [o, n] = await Promise.all([judges(oldM), judges(newM)]);
  let checked = 0;
  for (const c of d.changes) {
    if (c.witness === undefined) continue;
    // A catalog-wide change (the envelope) is witnessed by some event's body.
    const type = c.event ?? newM.events.find((e) => n.ours(e.type, c.witness))?.type ?? newM.events[0]!.type;
    const show = `${c.id} ${c.event} ${c.pointer}: ${JSON.stringify(c.witness)}`;
    expect(n.ours(type, c.witness), `new validators accept ${show}`).toBe(true);
    expect(n.ajv(type, c.witness), `Ajv on the new schemas accepts ${show}`).toBe(true);
    expect(o.ours(type, c.witness), `old validators reject ${show}`).toBe(false);
    expect(o.ajv(type, c.witness), `Ajv on the old schemas rejects ${show}`).toBe(false);
    checked++;
  }
  return checked;
}
