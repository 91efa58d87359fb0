// Shared by the docs tests: catalogs from disk to models, their compiled validators, their README
// as `generate` writes it, and a Markdown parser to read it back.
import { readFileSync } from "node:fs";
import * as prettier from "prettier";
import { loadCompiledValidators } from "../../generator/check/examples.ts";
import { emitDocs } from "../../generator/emit/docs/docs-emitter.ts";
import { loadTemplates } from "../../generator/emit/docs/templates.ts";
import { emitCatalog } from "../../generator/emit/emit-catalog.ts";
import type { CatalogModel } from "../../generator/model/ir.ts";
import { formatFiles } from "../../generator/write/format.ts";
import { loadText } from "../support/load-text.ts";

export function modelOf(path: string): CatalogModel {
  const { model, diagnostics } = loadText(path, readFileSync(path, "utf8"));
  if (!model) throw new Error(`${path} does not load:\n${diagnostics.map((d) => `${d.pos.line}:${d.pos.col} ${d.message}`).join("\n")}`);
  return model;
}

export type Validate = (input: unknown) => { ok: boolean; errors?: { path: string; message: string }[] };

export async function validatorsOf(model: CatalogModel): Promise<Record<string, Validate>> {
  const js = emitCatalog(model).find((f) => f.path === "dist/validators.js")!.content;
  return (await loadCompiledValidators(js)).validators;
}

/** The README exactly as `generate` writes it: rendered, then formatted by prettier. */
export async function readmeOf(model: CatalogModel, templates?: string): Promise<string> {
  const [file] = await formatFiles(emitDocs(model, loadTemplates(templates)));
  return file!.content;
}

export interface MdNode {
  type: string;
  value?: string;
  url?: string;
  depth?: number;
  lang?: string;
  children?: MdNode[];
}

/** The Markdown syntax tree prettier itself reads (remark, with GFM tables). */
export async function parseMarkdown(text: string): Promise<MdNode> {
  // prettier's own parser: no extra dependency, and it is the parser whose output we write.
  const debug = (prettier as unknown as { __debug: { parse(text: string, options: object): Promise<{ ast: MdNode }> } }).__debug;
  return (await debug.parse(text, { parser: "markdown" })).ast;
}

export function* walk(node: MdNode): Generator<MdNode> {
  yield node;
  for (const child of node.children ?? []) yield* walk(child);
}

/** A node's text as a reader sees it: text and code literally, `<br>` as a newline. prettier's
 * parser keeps `{{…}}` raw as a "liquid" node, where GitHub's reads backslash escapes and
 * entities as in any text. */
export function textOf(node: MdNode): string {
  if (node.type === "html") return node.value === "<br>" ? "\n" : "";
  if (node.type === "break") return "\n";
  if (node.type === "liquidNode")
    return node
      .value!.replace(/<br>/g, "\n")
      .replace(/\\([!-/:-@[-`{-~])/g, "$1")
      .replace(/&(lt|gt|amp|quot);/g, (_, e: string) => ({ lt: "<", gt: ">", amp: "&", quot: '"' })[e]!);
  if (node.value !== undefined) return node.value;
  return (node.children ?? []).map(textOf).join("");
}

/** Each GFM table (consecutive lines starting with `|`) as rows of cells, split as cmark-gfm
 * splits them: on `|` not escaped by `\`. Code fences are skipped. */
export function tables(markdown: string): string[][][] {
  const out: string[][][] = [];
  let rows: string[][] | undefined;
  let fence: string | undefined; // the open code fence's length
  for (const line of markdown.split("\n")) {
    if (fence !== undefined) {
      if (new RegExp(`^\`{${fence},}\\s*$`).test(line)) fence = undefined;
      continue;
    }
    fence = /^(`{3,})/.exec(line)?.[1]?.length.toString();
    if (fence !== undefined || !line.startsWith("|")) {
      rows = undefined;
      continue;
    }
    if (!rows) out.push((rows = []));
    const cells: string[] = [];
    let cell = "";
    for (let i = 1; i < line.length; i++) {
      if (line[i] === "\\" && line[i + 1] === "|") (cell += "\\|"), i++;
      else if (line[i] === "|") cells.push(cell.trim()), (cell = "");
      else cell += line[i];
    }
    rows.push(cells);
  }
  return out;
}
