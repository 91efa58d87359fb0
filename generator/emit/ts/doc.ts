// prettier's document builders and printer, which lay out the rare statement too long for one line
// exactly as prettier would: the docs built in expr.ts and stmt.ts mirror the ones prettier's own
// TypeScript printer builds for the same code.
import { builders, printer } from "prettier/doc";

export type Doc = builders.Doc;
export const { group, indent, line, softline, hardline, ifBreak, conditionalGroup, join, indentIfBreak, align, fill } = builders;

export const WIDTH = 100;

/** Lays a doc out in `width` columns, as prettier does at the top level (no trailing newline). */
export function layout(doc: Doc, width: number): string {
  return printer.printDocToString(doc, { printWidth: width, tabWidth: 2, useTabs: false } as Parameters<typeof printer.printDocToString>[1]).formatted;
}
