// `eventgen import openapi|asyncapi|jsonschema <input> --out catalog/<id>.yaml`: the pipeline makes the
// text; only this writes it, atomically, and never over an existing file without --force.
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, extname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { UsageError, type Io } from "../cli.ts";
import { plural } from "../diagnostics.ts";
import { importCatalog, type ImportKind } from "../import/import-catalog.ts";
import { showPath } from "../import/read-source.ts";
import { formatWarning, ImportError, summarizeWarnings } from "../import/warnings.ts";

const KINDS = ["openapi", "asyncapi", "jsonschema"];
const FORMAT_SCHEMA = fileURLToPath(new URL("../../schema/catalog.schema.json", import.meta.url));

export async function importCommand(positionals: string[], values: Record<string, unknown>, io: Io): Promise<number> {
  const [kind, input, ...extra] = positionals;
  if (!kind) throw new UsageError("say what to import: 'openapi <file>', 'asyncapi <file>' or 'jsonschema <dir>'");
  if (!KINDS.includes(kind)) throw new UsageError(`unknown kind '${kind}'; expected openapi, asyncapi or jsonschema`);
  if (!input) throw new UsageError(`missing the ${kind === "openapi" ? "OpenAPI file" : kind === "asyncapi" ? "AsyncAPI file" : "folder of JSON Schemas"} to import`);
  if (extra.length) throw new UsageError(`unexpected argument '${extra[0]}'`);
  const out = values["out"];
  if (typeof out !== "string" || !out) throw new UsageError("--out <file> is required: the catalog to write, e.g. --out catalog/shop.yaml");
  const id = basename(out, extname(out));
  if (!/^[a-z0-9][a-z0-9_-]*$/.test(id)) throw new UsageError(`'${id}' cannot be a catalog id (the --out file's stem): use lowercase letters, digits, - and _`);
  if (!/\.ya?ml$/i.test(out)) throw new UsageError(`--out ${out}: a catalog is a .yaml file`);
  const path = resolve(out);
  if (existsSync(path) && !values["force"]) throw new UsageError(`${showPath(path)} exists; pass --force to overwrite it`);

  let imported;
  try {
    const schemaPath = relative(dirname(path), FORMAT_SCHEMA).split(sep).join("/");
    imported = importCatalog(kind as ImportKind, input, { path, id, schemaPath }, { compose: !values["flatten"] });
  } catch (err) {
    if (!(err instanceof ImportError)) throw err;
    io.err(err.message);
    io.err("eventgen import: nothing was written.");
    return 1;
  }
  const lines = values["verbose"] ? imported.warnings.map(formatWarning) : summarizeWarnings(imported.warnings);
  for (const line of lines) io.err(line);
  mkdirSync(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.eventgen-tmp-${process.pid}`);
  try {
    writeFileSync(tmp, imported.text);
    renameSync(tmp, path);
  } finally {
    rmSync(tmp, { force: true });
  }
  const m = imported.model;
  const n = imported.warnings.length;
  const folded = lines.length < n ? ` (${plural(lines.length, "line")} above; --verbose prints each)` : "";
  io.err(`eventgen import: wrote ${showPath(path)}: ${plural(m.events.length, "event")}, ${plural(m.schemas.length, "schema")}, ${plural(n, "warning")}${folded}`);
  return 0;
}
