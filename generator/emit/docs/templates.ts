// The docs templates: the defaults in templates/, each overridable by a file of the same name in
// `--templates <dir>` (catalog.hbs, partials/<name>.hbs). Read and compiled once per run, before
// any catalog is emitted; the only place outside write/ that touches the disk, and only to read.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import Handlebars from "handlebars";
import { didYouMean } from "../../check/did-you-mean.ts";

export const DEFAULT_TEMPLATES = fileURLToPath(new URL("../../../templates/", import.meta.url));
export const MAIN_TEMPLATE = "catalog.hbs";

export type Render = (view: object) => string;
type Template = (context: unknown, options?: Handlebars.RuntimeOptions) => string;

/** A template problem the user can fix: reported with the file, exit 1, no stack trace. */
export class TemplateError extends Error {}


export function loadTemplates(overrides?: string): Render {
  if (overrides !== undefined) checkOverrideFolder(overrides);
  const pick = (name: string) => {
    if (overrides === undefined) return join(DEFAULT_TEMPLATES, name);
    const own = join(overrides, name);
    const stat = statSync(own, { throwIfNoEntry: false });
    if (stat && !stat.isFile()) throw new TemplateError(`${shown(own)}: not a file`);
    return stat ? own : join(DEFAULT_TEMPLATES, name);
  };
  // An isolated instance: partials registered here never leak into other users of handlebars.
  const hb = Handlebars.create();
  const partialNames = new Set(listHbs(join(DEFAULT_TEMPLATES, "partials")));
  if (overrides !== undefined) for (const n of listHbs(join(overrides, "partials"))) partialNames.add(n);
  for (const name of [...partialNames].sort()) hb.registerPartial(name, compile(hb, pick(`partials/${name}.hbs`)) as Handlebars.Template);
  const main = compile(hb, pick(MAIN_TEMPLATE));
  return (view) => main(view);
}

function checkOverrideFolder(dir: string) {
  if (!isDirectory(dir)) throw new TemplateError(`${shown(dir)}: no such folder; --templates takes a folder holding ${MAIN_TEMPLATE} and/or partials/*.hbs`);
  // A partial put beside catalog.hbs would be silently ignored: say where it belongs.
  for (const name of listHbs(dir))
    if (`${name}.hbs` !== MAIN_TEMPLATE)
      throw new TemplateError(`${shown(join(dir, `${name}.hbs`))}: not a template name; the main template is ${MAIN_TEMPLATE}, partials go in partials/ (${listHbs(join(DEFAULT_TEMPLATES, "partials")).join(", ")})`);
}

/** Compiles one file now, so a syntax error names it; the returned function names it too when
 * rendering fails inside it (a misspelled field in strict mode, a missing partial). */
function compile(hb: typeof Handlebars, file: string): Template {
  let source: string;
  try {
    source = readFileSync(file, "utf8");
  } catch (e) {
    throw new TemplateError(`${shown(file)}: cannot read the template (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  // The view model escapes every value for Markdown itself (escape/markdown.ts); handlebars' HTML
  // escaping would show `&lt;` literally inside code. `strict`: a misspelled field is an error, not
  // a silent blank (the view model always has every field).
  const options = { noEscape: true, strict: true };
  let template: Template;
  try {
    hb.precompile(source, options);
    template = hb.compile(source, options);
  } catch (e) {
    throw new TemplateError(`${shown(file)}:${describeCompileError(e)}`);
  }
  return (context, runtime) => {
    try {
      return template(context, runtime);
    } catch (e) {
      if (e instanceof TemplateError) throw e;
      throw new TemplateError(`${shown(file)}:${describeRuntimeError(e, context)}`);
    }
  };
}

/** "LINE:COL: message" or " message", from handlebars' multi-line parse errors. */
function describeCompileError(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  const parse = /^Parse error on line (\d+):\n(.*)\n(-*)\^\n(?:Expecting .*, )?got (.*)$/s.exec(message);
  if (parse) {
    const [, line, excerpt, dashes, got] = parse;
    const near = excerpt!.slice(Math.max(0, dashes!.length - 20), dashes!.length + 1);
    return `${line}: handlebars syntax error: unexpected ${got === "'EOF'" ? "end of template (an unclosed {{ or block?)" : got} at ${JSON.stringify(near)}`;
  }
  return located(message);
}

function describeRuntimeError(e: unknown, context: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  const strict = /^"(.*)" not defined in .* - (\d+:\d+)$/s.exec(message);
  if (strict) {
    const near = didYouMean(strict[1]!, fieldNames(context)).replace(/'/g, '"');
    return `${strict[2]}: unknown field "${strict[1]}"${near || " (the fields are listed in eventgen's README, \"Docs and templates\")"}`;
  }
  const partial = /^The partial (.*) could not be found$/.exec(message);
  if (partial) return ` no partial named "${partial[1]}"`;
  return located(message);
}

/** Every field name in the view model, for "did you mean" (bounded: a large catalog's view model
 * has many objects, but few distinct names). */
function fieldNames(context: unknown): Set<string> {
  const names = new Set<string>();
  const seen = new Set<object>();
  const walk = (v: unknown, depth: number) => {
    if (typeof v !== "object" || v === null || seen.has(v) || depth > 8 || seen.size > 20_000) return;
    seen.add(v);
    if (Array.isArray(v)) return v.slice(0, 50).forEach((x) => walk(x, depth + 1));
    for (const [k, x] of Object.entries(v)) {
      names.add(k);
      walk(x, depth + 1);
    }
  };
  walk(context, 0);
  return names;
}

/** handlebars appends " - LINE:COL" to some messages. */
function located(message: string): string {
  const m = /^(.*) - (\d+:\d+)$/s.exec(message);
  return m ? `${m[2]}: ${m[1]}` : ` ${message.split("\n")[0]}`;
}

function listHbs(dir: string): string[] {
  if (!isDirectory(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(".hbs"))
    .map((f) => f.slice(0, -4))
    .sort();
}

const isDirectory = (p: string) => statSync(p, { throwIfNoEntry: false })?.isDirectory() ?? false;

const shown = (p: string) => {
  const r = relative(process.cwd(), p);
  return (r && !r.startsWith("..") ? r : p).split(sep).join("/");
};
