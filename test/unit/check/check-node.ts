// Runs one shape of the catalog format on a YAML snippet, as the checker would inside a catalog.
import { LineCounter, parseDocument } from "yaml";
import type { Diagnostic } from "../../../generator/diagnostics.ts";
import { Cx, type Shape } from "../../../generator/check/shape.ts";

export function checkNode<T>(shape: Shape<T>, yaml: string): { value?: T; diagnostics: Diagnostic[] } {
  const lines = new LineCounter();
  const doc = parseDocument(yaml, { lineCounter: lines, uniqueKeys: false, strict: true });
  if (doc.errors.length) throw new Error(`bad YAML in the test table: ${doc.errors[0]!.message}`);
  const diagnostics: Diagnostic[] = [];
  const cx = new Cx("t.yaml", doc, lines, diagnostics);
  const value = shape.check(cx.resolve(doc.contents), cx, { file: "t.yaml", line: 1, col: 1 });
  return { ...(value === undefined ? {} : { value }), diagnostics };
}

/** `code line:col message` per diagnostic: one string to compare in a table. */
export const brief = (ds: Diagnostic[]) => ds.map((d) => `${d.code} ${d.pos.line}:${d.pos.col} ${d.message}`);
