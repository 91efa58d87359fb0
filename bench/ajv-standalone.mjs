// What a team would run instead of `eventgen generate` to get validators: Ajv (2020-12 dialect,
// ajv-formats, as the other benches set it up) compiling every event JSON Schema of a generated
// package into one standalone module (ajv/dist/standalone, `code: { source: true }`). Ajv checks
// the formats eventgen's validators check (given by the caller: FORMATS of
// generator/check/catalog-shape.ts); any other format (GitHub's int64, uri-template) is an
// annotation to both, so both judge bodies alike.
// Plain JavaScript, run in a fresh `node` (no tsx), as a build script of Ajv's users would be:
//   node bench/ajv-standalone.mjs <package dir> <out.cjs> <checked formats, comma-separated>
// The named schemas are compiled once each and shared: every `#/$defs/<Name>` (and a reference to
// a named schema's own file) becomes a reference to `schemas/shared/<Name>.json`'s $id, so Ajv
// compiles each named schema once, as eventgen's validators share one function per named schema.
// Prints one JSON line: { events, schemas, compileMs, standaloneMs, bytes }.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import standaloneCode from "ajv/dist/standalone/index.js";
import addFormats from "ajv-formats";

const [dir, outFile, checked] = process.argv.slice(2);
if (!dir || !outFile || checked === undefined) throw new Error("usage: node bench/ajv-standalone.mjs <package dir> <out.cjs> <checked formats, comma-separated>");
const CHECKED = checked.split(",").filter(Boolean);

const json = (file) => JSON.parse(readFileSync(file, "utf8"));
const sharedDir = join(dir, "schemas", "shared");
const shared = (existsSync(sharedDir) ? readdirSync(sharedDir) : []).filter((f) => f.endsWith(".json")).map((f) => ({ name: basename(f, ".json"), schema: json(join(sharedDir, f)) }));
const events = readdirSync(join(dir, "schemas")).filter((f) => f.endsWith(".json")).map((f) => ({ type: basename(f, ".json"), schema: json(join(dir, "schemas", f)) }));

/** A named schema's file is `{ $id, $ref: "#/$defs/<Key>", $defs: { <Key>: …, …what it reaches } }`
 * (the key is the schema's type name, the file is named after the schema). */
const keyOf = (s) => /^#\/\$defs\/(.+)$/.exec(s.schema.$ref ?? "")?.[1];
const sharedId = new Map(shared.flatMap((s) => [[s.name, s.schema.$id], [keyOf(s) ?? s.name, s.schema.$id]]));

/** Keywords whose value maps names to schemas, and keywords whose value is data, not schema. */
const NAME_MAPS = new Set(["properties", "patternProperties", "$defs", "dependentSchemas"]);
const DATA = new Set(["const", "enum", "examples", "default"]);

/** A schema with every `#/$defs/<Key>` (or `…/shared/<Name>.json`) made the named schema's $id, and
 * `$defs` dropped. Objects are built with Object.fromEntries so that a property named __proto__
 * stays a property. */
function share(schema) {
  if (Array.isArray(schema)) return schema.map(share);
  if (!schema || typeof schema !== "object") return schema;
  const entries = [];
  for (const [k, v] of Object.entries(schema)) {
    if (k === "$defs") continue;
    if (k === "$ref" && typeof v === "string") {
      const name = /^#\/\$defs\/([^/]+)$/.exec(v)?.[1] ?? /(?:^|\/)shared\/([^/]+)\.json$/.exec(v)?.[1];
      const id = name === undefined ? undefined : sharedId.get(decodeURIComponent(name));
      if (name !== undefined && id === undefined) throw new Error(`no shared schema file for ${v}`);
      entries.push([k, id ?? v]);
    } else if (DATA.has(k)) entries.push([k, v]);
    else if (NAME_MAPS.has(k) && v && typeof v === "object") entries.push([k, Object.fromEntries(Object.entries(v).map(([n, s]) => [n, share(s)]))]);
    else entries.push([k, share(v)]);
  }
  return Object.fromEntries(entries);
}

const formats = new Set();
const collect = (node) => {
  if (Array.isArray(node)) node.forEach(collect);
  else if (node && typeof node === "object")
    for (const [k, v] of Object.entries(node)) k === "format" && typeof v === "string" ? formats.add(v) : collect(v);
};
[...shared, ...events].forEach((s) => collect(s.schema));

const t0 = performance.now();
const ajv = new Ajv2020.default({ strict: false, code: { source: true } });
addFormats.default(ajv, CHECKED);
for (const f of formats) if (!CHECKED.includes(f)) ajv.addFormat(f, true);
// A named schema's own definition goes under its file's $id directly.
for (const s of shared) {
  const own = s.schema.$defs?.[keyOf(s)];
  ajv.addSchema({ ...share(own ?? s.schema), $id: s.schema.$id });
}
for (const e of events) ajv.addSchema(share(e.schema));
const validators = {};
for (const e of events) validators[e.type] = e.schema.$id;
for (const e of events) ajv.getSchema(e.schema.$id); // compiles, with every schema it references
const t1 = performance.now();
const code = standaloneCode.default(ajv, validators);
const t2 = performance.now();
writeFileSync(outFile, code);
console.log(JSON.stringify({ events: events.length, schemas: shared.length, compileMs: t1 - t0, standaloneMs: t2 - t1, bytes: Buffer.byteLength(code) }));
