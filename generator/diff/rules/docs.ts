// Descriptions, titles, examples, defaults and deprecation: what docs show, never what a validator
// checks. Always compatible; a release with only these is a patch.
import type { Json, Schema } from "../../model/ir.ts";
import type { Finding, Rule } from "../change.ts";
import { found, type Cx } from "../walk.ts";
import { canonical } from "../../emit/docs/conforms.ts";

export const rules: Rule[] = [{ id: "docs-changed", level: "info", section: "docs", description: "description, title, example, default, trigger or deprecation changed" }];

export const DOC_KEYS = ["title", "description", "example", "default", "deprecated"] as const;

export const same = (a: Json | undefined, b: Json | undefined) => (a === undefined || b === undefined ? a === b : canonical(a) === canonical(b));

export function compareDocs(o: Schema, n: Schema, cx: Cx, out: Finding[]): void {
  for (const key of DOC_KEYS) {
    const a = o[key] as Json | undefined;
    const b = n[key] as Json | undefined;
    if (!same(a, b)) out.push(docsChanged(cx, key, a, b));
  }
}

export function docsChanged(cx: Cx, key: string, a: Json | undefined, b: Json | undefined): Finding {
  const what = a === undefined ? "added" : b === undefined ? "removed" : "changed";
  return found(cx, "docs-changed", `${key} ${what}`, { old: a ?? null, new: b ?? null, removal: b === undefined });
}
