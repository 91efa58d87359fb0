// How deliveries are signed. Compared generically, key by key down the whole signing object, so
// whatever the signing model holds is covered: any difference but its prose is breaking (a
// consumer built from the old catalog verifies the old way and rejects what the new one sends).
import type { CatalogModel, Json } from "../../model/ir.ts";
import type { Finding, Rule } from "../change.ts";
import { canonical } from "../../emit/docs/conforms.ts";
import { found, type Cx } from "../walk.ts";

export const rules: Rule[] = [{ id: "signing-changed", level: "breaking", section: "breaking", description: "signing scheme, key or header changed" }];

/** Keys whose values are prose, for people: their changes are docs. */
const PROSE = new Set(["description", "notes", "title"]);

export interface Difference {
  pointer: string;
  old: Json | undefined;
  new: Json | undefined;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Every place two JSON-like values differ, by JSON Pointer; arrays by index. */
export function deepDifferences(a: unknown, b: unknown, pointer = ""): Difference[] {
  if (Array.isArray(a) && Array.isArray(b)) {
    const out: Difference[] = [];
    for (let i = 0; i < Math.max(a.length, b.length); i++) out.push(...deepDifferences(a[i], b[i], `${pointer}/${i}`));
    return out;
  }
  if (isRecord(a) && isRecord(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    return keys.flatMap((k) => deepDifferences(a[k], b[k], `${pointer}/${k.replace(/~/g, "~0").replace(/\//g, "~1")}`));
  }
  if (a === undefined && b === undefined) return [];
  if (a !== undefined && b !== undefined && canonical(a as Json) === canonical(b as Json)) return [];
  return [{ pointer, old: a as Json | undefined, new: b as Json | undefined }];
}

export function compareSigning(o: CatalogModel["signing"], n: CatalogModel["signing"], cx: Cx, out: Finding[]): void {
  for (const d of deepDifferences(o ?? null, n ?? null, "/signing")) {
    const key = d.pointer.slice(d.pointer.lastIndexOf("/") + 1);
    const values = { old: d.old ?? null, new: d.new ?? null };
    const what = d.old == null ? "added" : d.new == null ? "removed" : `${JSON.stringify(d.old)} → ${JSON.stringify(d.new)}`;
    const id = PROSE.has(key) ? "docs-changed" : "signing-changed";
    out.push({ ...found(cx, id, `signing ${d.pointer.slice("/signing".length) || "scheme"} ${what}`, values), pointer: d.pointer });
  }
}
