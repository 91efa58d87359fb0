// What a team would run instead of `eventgen generate` to get validators: Ajv (2020-12 dialect,
// ajv-formats, as the other benches set it up) compiling every event JSON Schema of a generated
// package into one standalone module (ajv/dist/standalone, `code: { source: true }`). Ajv checks
// the formats eventgen's validators check (the ten of the catalog's shorthand); any other format
// (GitHub's int64, uri-template) is an annotation to both, so both accept the same bodies.
// Plain JavaScript, run in a fresh `node` (no tsx), as a build script of Ajv's users would be:
//   node bench/ajv-standalone.mjs <package dir> <out.cjs>
// The named schemas are compiled once each and shared: every `#/$defs/<Name>` (and a reference to
// a named schema's own file) becomes a reference to `schemas/shared/<Name>.json`'s $id, so Ajv
// compiles each named schema once, as eventgen's validators share one function per named schema.
// Prints one JSON line: { events, schemas, compileMs, standaloneMs, bytes }.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import standaloneCode from "ajv/dist/standalone/index.js";
import addFormats from "ajv-formats";

const [dir, outFile] = process.argv.slice(2);
if (!dir || !outFile) throw new Error("usage: node bench/ajv-standalone.mjs <package dir> <out.cjs>");

const json = (file) => JSON.parse(readFileSync(file, "utf8"));
const sharedDir = join(dir, "schemas", "shared");
const shared = readdirSync(sharedDir).filter((f) => f.endsWith(".json")).map((f) => ({ name: basename(f, ".json"), schema: json(join(sharedDir, f)) }));
const sharedId = new Map(shared.map((s) => [s.name, s.schema.$id]));
const events = readdirSync(join(dir, "schemas")).filter((f) => f.endsWith(".json")).map((f) => ({ type: basename(f, ".json"), schema: json(join(dir, "schemas", f)) }));

/** `#/$defs/<Name>` or `…/shared/<Name>.json` → the named schema's $id; `$defs` dropped. */
function share(node) {
  if (Array.isArray(node)) return node.map(share);
  if (!node || typeof node !== "object") return node;
  const out = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === "$defs") continue;
    if (k === "$ref" && typeof v === "string") {
      const name = /^#\/\$defs\/([^/]+)$/.exec(v)?.[1] ?? /(?:^|\/)shared\/([^/]+)\.json$/.exec(v)?.[1];
      const id = name === undefined ? undefined : sharedId.get(decodeURIComponent(name));
      if (name !== undefined && id === undefined) throw new Error(`no shared schema file for ${v}`);
      out[k] = id ?? v;
    } else out[k] = share(v);
  }
  return out;
}

/** The formats eventgen's validators assert (README, "Formats as annotations"). */
const CHECKED = ["uuid", "date-time", "date", "time", "uri", "uri-reference", "email", "hostname", "ipv4", "ipv6"];
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
// A named schema's file is `{ $ref: "#/$defs/<Name>", $defs: { <Name>: … } }`: its own definition
// goes under its $id directly.
for (const { name, schema } of shared) {
  const own = schema.$defs?.[name];
  const body = own && schema.$ref === `#/$defs/${name}` ? own : schema;
  ajv.addSchema({ ...share(body), $id: schema.$id });
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
