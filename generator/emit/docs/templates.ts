// The docs templates: the defaults in templates/, each overridable by a file of the same name in
// `--templates <dir>`. Read and compiled once per run, before any catalog is emitted.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import Handlebars from "handlebars";

export const DEFAULT_TEMPLATES = fileURLToPath(new URL("../../../templates/", import.meta.url));

export type Render = (view: object) => string;

/** A template problem the user can fix: reported with the file, exit 1, no stack trace. */
export class TemplateError extends Error {}

export function loadTemplates(overrides?: string): Render {
  if (overrides !== undefined && !(existsSync(overrides) && statSync(overrides).isDirectory()))
    throw new TemplateError(`${overrides}: no such templates folder; pass a folder holding catalog.hbs and/or partials/*.hbs`);
  const pick = (name: string) => {
    const own = overrides === undefined ? undefined : join(overrides, name);
    return own !== undefined && existsSync(own) ? own : join(DEFAULT_TEMPLATES, name);
  };
  // An isolated instance: partials registered here never leak into other users of handlebars.
  const hb = Handlebars.create();
  const partialNames = new Set(listHbs(join(DEFAULT_TEMPLATES, "partials")));
  if (overrides !== undefined) for (const n of listHbs(join(overrides, "partials"))) partialNames.add(n);
  for (const name of [...partialNames].sort()) hb.registerPartial(name, compile(hb, pick(`partials/${name}.hbs`)));
  const main = compile(hb, pick("catalog.hbs"));
  return (view) => {
    try {
      return main(view);
    } catch (e) {
      throw new TemplateError(`rendering the docs failed: ${(e as Error).message}`);
    }
  };
}

function listHbs(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith(".hbs")).map((f) => f.slice(0, -4));
}

function compile(hb: typeof Handlebars, file: string): Handlebars.TemplateDelegate {
  const source = readFileSync(file, "utf8");
  // The view model escapes every value for Markdown itself; handlebars' HTML escaping would
  // mangle code blocks. `strict` turns a misspelled field into an error instead of a blank.
  const template = hb.compile(source, { noEscape: true, strict: false });
  try {
    hb.precompile(source); // parses now, so a syntax error names this file
  } catch (e) {
    throw new TemplateError(`${relative(process.cwd(), file) || file}: ${(e as Error).message.split("\n")[0]}`);
  }
  return template;
}
