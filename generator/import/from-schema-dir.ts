// A folder of JSON Schemas → a catalog draft: one event per file, its type the file's path under
// the folder without the extension (`invoice/paid.json` → `invoice/paid`), its schema the whole
// delivery body. Files refer to each other with `$ref`; a file another one refers to, and every
// `$defs`/`definitions` entry, becomes a named schema.
import { readdirSync, statSync } from "node:fs";
import { basename, extname, join, relative, resolve, sep } from "node:path";
import { pascal, words } from "../model/naming.ts";
import type { DraftCatalog, DraftEvent, ImportOptions } from "./draft.ts";
import { inferEnvelope, type EventBody } from "./envelope.ts";
import { DEFAULT_TYPE_HEADER, expanded } from "./from-openapi.ts";
import { SchemaConverter } from "./from-json-schema.ts";
import { firstSentence, packageName } from "./identity.ts";
import { isRec } from "./merge-all-of.ts";
import { groupId, SchemaNamer } from "./names.ts";
import { showPath, type Sources } from "./read-source.ts";
import { ImportError, unescapeToken, type Warn } from "./warnings.ts";

const EXTENSIONS = new Set([".json", ".yaml", ".yml"]);
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function schemaFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      if (name.startsWith(".") || name === "node_modules") continue;
      const p = join(d, name);
      const st = statSync(p, { throwIfNoEntry: false });
      if (st?.isDirectory()) walk(p);
      else if (st?.isFile() && EXTENSIONS.has(extname(name).toLowerCase())) out.push(p);
    }
  };
  walk(dir);
  return out;
}

export function fromSchemaDir(dirArg: string, id: string, sources: Sources, warn: Warn, opts: ImportOptions): DraftCatalog {
  const dir = resolve(dirArg);
  const st = statSync(dir, { throwIfNoEntry: false });
  if (!st) throw new ImportError(`${showPath(dir)}: error: cannot read it (no such folder)`);
  if (!st.isDirectory()) throw new ImportError(`${showPath(dir)}: error: not a folder; 'eventgen import jsonschema' reads a folder of schema files`);
  const files = schemaFiles(dir);
  if (!files.length) throw new ImportError(`${showPath(dir)}: error: no schema files (*.json, *.yaml) in it`);
  const typeOf = (file: string) => relative(dir, file).split(sep).join("/").replace(/\.[^./]+$/, "");

  const namer = new SchemaNamer();
  const types = files.map(typeOf);
  const groupOf = (type: string) => (type.includes("/") ? groupId(type.split("/")[0]!) : "events");
  for (const t of types) namer.reserveEvent(t);
  for (const g of new Set(types.map(groupOf))) namer.reserveGroup(g);
  const converter = new SchemaConverter(sources, warn, namer, {
    openapi30: false,
    compose: opts.compose,
    namedPlace: (loc) => {
      const m = /^\/(?:\$defs|definitions)\/([^/]+)$/.exec(loc.pointer);
      if (m) return unescapeToken(m[1]!);
      if (loc.pointer !== "") return undefined;
      const doc = sources.read(loc.file);
      const title = isRec(doc) && typeof doc.title === "string" && NAME.test(doc.title) ? doc.title : undefined;
      return title ?? pascal(basename(loc.file, extname(loc.file)));
    },
  });

  const docs = files.map((f) => sources.read(f));
  const bodies: EventBody[] = files.map((file, i) => ({ type: types[i]!, body: expanded(converter.inline(docs[i], { file, pointer: "" })), loc: { file, pointer: "" } }));
  converter.drain();
  const named = [...converter.named.values()];
  const byName = new Map(named.map((n) => [n.name, expanded(n.schema ?? {})]));
  const { envelope, payloads } = inferEnvelope(bodies, {}, () => {
    warn({ code: "IMP200", file: dir, pointer: "", message: `no body field holds each event's type (its path) as a constant; the catalog says the type travels in '${DEFAULT_TYPE_HEADER}' (edit envelope.typeHeader if the source uses another)` });
    return DEFAULT_TYPE_HEADER;
  }, (n) => byName.get(n), warn);

  const events: DraftEvent[] = files.map((file, i) => {
    const doc = isRec(docs[i]) ? (docs[i] as Record<string, unknown>) : {};
    const type = types[i]!;
    const description = typeof doc.description === "string" ? doc.description.trim() : "";
    const title = typeof doc.title === "string" ? doc.title.trim() : "";
    const trigger = (description ? firstSentence(description) : "") || title || type;
    const e: DraftEvent = { type, group: groupOf(type), trigger, examples: [] };
    if (description && description !== trigger) e.description = description;
    if (doc.deprecated === true) e.deprecated = true;
    if (Array.isArray(doc.examples)) e.examples = doc.examples.map((value, j) => ({ value, loc: { file, pointer: `/examples/${j}` } }));
    const payload = payloads.get(type);
    if (payload) e.payload = payload;
    return e;
  });
  const groups = [...new Set(events.map((e) => e.group))].map((g) => ({ id: g, title: g === "events" ? "Events" : `${words(g).map((w) => w[0]!.toUpperCase() + w.slice(1)).join(" ")} events` }));
  return {
    title: `${id} webhooks`,
    version: "0.1.0",
    source: { title: `JSON Schemas in ${showPath(dir)}`, document: showPath(dir) },
    packageName: packageName(id),
    envelope,
    groups,
    schemas: named.map((n) => ({ name: n.name, schema: n.schema ?? {} })),
    events,
  };
}
