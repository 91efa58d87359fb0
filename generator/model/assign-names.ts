// Assigns every generated name for one catalog (see naming.ts for the rules of each kind).
import type { Diagnostic, SourcePos } from "../diagnostics.ts";
import type { RawCatalog } from "../check/catalog-shape.ts";
import { posOf } from "../check/shape.ts";
import type { EventNames } from "./ir.ts";
import { anchorId, camel, Clashes, fileStem, Namespace, pascal, RUNTIME_NAMES, schemaTypeName } from "./naming.ts";

export interface SchemaNames {
  typeName: string;
  checkName: string;
  schemaFile: string;
  anchor: string;
}

export interface Names {
  schemas: Map<string, SchemaNames>;
  events: Map<string, EventNames>;
  groupUnions: Map<string, string>;
  groupAnchors: Map<string, string>;
}

const BUILTIN: SourcePos = { file: "eventgen", line: 0, col: 0 };

export function assignNames(raw: RawCatalog): { names: Names; diagnostics: Diagnostic[] } {
  const clashes = new Clashes();
  const types = new Namespace("type", clashes);
  const operations = new Namespace("operationId", clashes);
  const files = new Namespace("file", clashes, (s) => s.toLowerCase());
  const anchors = new Namespace("docs anchor", clashes, (s) => s.toLowerCase());
  for (const n of RUNTIME_NAMES) types.reserve(n, "eventgen's runtime", BUILTIN);

  const schemas = new Map<string, SchemaNames>();
  for (const e of raw.schemas ?? []) {
    const typeName = types.claim(schemaTypeName(e.key), `schema '${e.key}'`, e.pos);
    const schemaFile = files.claim(`schemas/shared/${fileStem(e.key)}`, `schema '${e.key}'`, e.pos);
    const anchor = anchors.claim(anchorId("schema", e.key), `schema '${e.key}'`, e.pos);
    schemas.set(e.key, { typeName, checkName: `s_${typeName}`, schemaFile, anchor });
  }

  const groupUnions = new Map<string, string>();
  const groupAnchors = new Map<string, string>();
  for (const g of raw.groups) {
    groupUnions.set(g.key, types.claim(`${pascal(g.key)}Events`, `group '${g.key}'`, g.pos));
    groupAnchors.set(g.key, anchors.claim(anchorId("group", g.key), `group '${g.key}'`, g.pos));
  }

  const events = new Map<string, EventNames>();
  for (const e of raw.events) {
    const what = `event '${e.key}'`;
    const base = pascal(e.key);
    const event = types.claim(`${base}Event`, what, e.pos);
    const payload = types.claim(`${base}Payload`, what, e.pos);
    const operationId = operations.claim(e.value.operationId ?? camel(e.key), what, e.value.operationId ? posOf(e.value, "operationId") : e.pos);
    const schemaFile = files.claim(`schemas/${fileStem(e.key)}`, what, e.pos);
    const anchor = anchors.claim(anchorId("event", e.key), what, e.pos);
    events.set(e.key, { base, event, payload, checkName: `e_${base}`, operationId, schemaFile, anchor });
  }
  return { names: { schemas, events, groupUnions, groupAnchors }, diagnostics: clashes.diagnostics() };
}
