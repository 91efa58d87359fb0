// An OpenAPI document (3.1 `webhooks`, 3.0 `x-webhooks`) → a catalog draft. Each webhook key is an
// event type; its request body is the delivery body, split into envelope and payload by
// envelope.ts; `components/schemas` become the catalog's named schemas.
import { basename, extname } from "node:path";
import { camel, pascal } from "../model/naming.ts";
import type { CatSchema, DraftCatalog, DraftEvent, DraftExample, ImportOptions } from "./draft.ts";
import { inferEnvelope, type EnvelopeHint, type EventBody } from "./envelope.ts";
import { SchemaConverter } from "./from-json-schema.ts";
import { firstSentence, packageName, version } from "./identity.ts";
import { isRec } from "./merge-all-of.ts";
import { groupId, SchemaNamer } from "./names.ts";
import { child, showPath, type Loc, type Sources } from "./read-source.ts";
import { signingFrom, type HeaderParam, type SigningHint } from "./signing.ts";
import { ImportError, unescapeToken, type Warn } from "./warnings.ts";
import { mdProse } from "../emit/escape/markdown.ts";

type Rec = Record<string, unknown>;
const METHODS = ["post", "put", "patch", "get", "delete", "options", "head", "trace"];
const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;
export const DEFAULT_TYPE_HEADER = "X-Event-Type";

/** One event as a document states it: its type, an OpenAPI operation (or what an AsyncAPI message
 * says, in an operation's words: summary, description, tags, deprecated, operationId,
 * x-eventgen-scope), its body schema, examples and header parameters. */
export interface Webhook {
  type: string;
  op: Rec;
  loc: Loc;
  body?: { node: unknown; loc: Loc };
  examples: DraftExample[];
  headers: HeaderParam[];
}

export function fromOpenapi(file: string, id: string, sources: Sources, warn: Warn, opts: ImportOptions): DraftCatalog {
  const doc = sources.read(file);
  const main = sources.placeOf(doc)?.file ?? file;
  const shown = showPath(main);
  if (!isRec(doc) || (typeof doc.openapi !== "string" && typeof doc.swagger !== "string"))
    throw new ImportError(`${shown}: error: not an OpenAPI document (no 'openapi' version at the top)`);
  const openapi30 = typeof doc.openapi === "string" ? doc.openapi.startsWith("3.0") : true;
  const key = isRec(doc.webhooks) ? "webhooks" : isRec(doc["x-webhooks"]) ? "x-webhooks" : undefined;
  if (!key || !Object.keys(doc[key] as Rec).length) throw new ImportError(`${shown}: error: no webhooks (neither 'webhooks' nor 'x-webhooks' holds any)`);
  const w = (code: Parameters<Warn>[0]["code"], loc: Loc, message: string) => warn({ code, file: loc.file, pointer: loc.pointer, message });
  const root: Loc = { file: main, pointer: "" };
  const xe = isRec(doc["x-eventgen"]) ? doc["x-eventgen"] : {};

  const follow = follower(sources, warn);

  // Webhooks, each read down to its operation, body, examples and header parameters.
  const hooks: Webhook[] = [];
  for (const [rawType, item] of Object.entries(doc[key] as Rec)) {
    const itemLoc = child(root, key, rawType);
    const path = follow(item, itemLoc);
    if (!isRec(path.node)) continue;
    const methods = METHODS.filter((m) => isRec((path.node as Rec)[m]));
    if (!methods.length) {
      w("IMP205", itemLoc, "no operation; the webhook is skipped");
      continue;
    }
    if (methods.length > 1) w("IMP205", itemLoc, `several operations (${methods.join(", ")}); only '${methods[0]}' is read`);
    const op = (path.node as Rec)[methods[0]!] as Rec;
    const loc = child(path.loc, methods[0]!);
    let type = rawType;
    if (/\s/.test(type)) {
      type = type.trim().replace(/\s+/g, "_");
      w("IMP204", itemLoc, `an event type has no spaces; '${rawType}' becomes '${type}'`);
    }
    const hook: Webhook = { type, op, loc, examples: [], headers: [] };
    for (const [params, ploc] of [[(path.node as Rec).parameters, child(path.loc, "parameters")], [op.parameters, child(loc, "parameters")]] as const)
      if (Array.isArray(params))
        params.forEach((p, i) => {
          const r = follow(p, child(ploc, i));
          if (isRec(r.node) && r.node.in === "header" && typeof r.node.name === "string") hook.headers.push({ node: r.node, loc: r.loc });
        });
    const rb = follow(op.requestBody, child(loc, "requestBody"));
    const content = isRec(rb.node) && isRec(rb.node.content) ? (rb.node.content as Rec) : {};
    const media = Object.keys(content).find((m) => m === "application/json") ?? Object.keys(content).find((m) => /json/i.test(m)) ?? Object.keys(content)[0];
    if (media === undefined) w("IMP205", loc, "no request body; the body is read as an object with any fields");
    else {
      if (!/json/i.test(media)) w("IMP205", child(rb.loc, "content", media), `'${media}' is not JSON; its schema is read as the body's all the same`);
      const m = content[media] as Rec;
      const mloc = child(rb.loc, "content", media);
      if (m.schema !== undefined) hook.body = follow(m.schema, sources.placeOf(m.schema) ?? child(mloc, "schema"));
      if (Object.hasOwn(m, "example")) hook.examples.push({ value: m.example as never, loc: child(mloc, "example") });
      if (isRec(m.examples))
        for (const [name, ex] of Object.entries(m.examples)) {
          const r = follow(ex, child(mloc, "examples", name));
          if (isRec(r.node) && Object.hasOwn(r.node, "value")) hook.examples.push({ value: r.node.value as never, loc: child(r.loc, "value") });
          else if (isRec(r.node) && r.node.externalValue !== undefined) w("IMP205", r.loc, "an example held in another file (externalValue) is not carried");
        }
    }
    hooks.push(hook);
  }
  if (!hooks.length) throw new ImportError(`${shown}: error: no webhook has an operation to read`);
  const tagObjects = Array.isArray(doc.tags) ? (doc.tags as unknown[]).filter(isRec) : [];
  const components = isRec(doc.components) && isRec(doc.components.schemas) ? Object.keys(doc.components.schemas) : [];
  const info = isRec(doc.info) ? doc.info : {};
  return draftOf({ main, shown, key, openapi30, xe, hooks, tagObjects, components, info, externalDocs: isRec(doc.externalDocs) ? doc.externalDocs : {} }, id, sources, warn, opts);
}

/** A composed or derived schema as the object it makes. */
export const expanded = (s: CatSchema): CatSchema => s.flat ?? s;

/** `$ref`s followed to what they point at (a chain of them too), each place remembered. */
export function follower(sources: Sources, warn: Warn) {
  return (node: unknown, loc: Loc): { node: unknown; loc: Loc } => {
    for (let i = 0; i < 20 && isRec(node) && typeof node.$ref === "string"; i++) {
      const r = sources.resolve(node.$ref, sources.placeOf(node) ?? loc);
      if (typeof r === "string") {
        warn({ code: "IMP103", file: loc.file, pointer: child(loc, "$ref").pointer, message: `${r}; left out` });
        return { node: undefined, loc };
      }
      node = r.node;
      loc = sources.placeOf(r.node) ?? r.loc;
    }
    return { node, loc };
  };
}

/** What the importers of OpenAPI and AsyncAPI read out of their documents, to make a draft the
 * same way: groups from tags, named schemas from components/schemas, the envelope from the bodies,
 * signing from the headers. */
export interface WebhookDocument {
  /** The document's file, and as messages show it. */
  main: string;
  shown: string;
  /** Where the events are listed (`webhooks`, `channels`), for a warning about them all. */
  key: string;
  openapi30: boolean;
  /** The document's `x-eventgen` (what eventgen wrote there), or {}. */
  xe: Rec;
  hooks: Webhook[];
  /** Tag objects: a group's title (`x-displayName`) and note (`description`). */
  tagObjects: Rec[];
  /** The names under components/schemas, in order. */
  components: string[];
  info: Rec;
  externalDocs: Rec;
}

export function draftOf(d: WebhookDocument, id: string, sources: Sources, warn: Warn, opts: ImportOptions): DraftCatalog {
  const { main, shown, key, openapi30, xe, hooks, tagObjects, components, info } = d;
  const w = (code: Parameters<Warn>[0]["code"], loc: Loc, message: string) => warn({ code, file: loc.file, pointer: loc.pointer, message });
  const root: Loc = { file: main, pointer: "" };
  const namer = new SchemaNamer();
  const converter = new SchemaConverter(sources, warn, namer, {
    openapi30,
    compose: opts.compose,
    namedPlace: (loc) => {
      const m = /^\/(?:components\/schemas|\$defs|definitions)\/([^/]+)$/.exec(loc.pointer);
      if (m) return unescapeToken(m[1]!);
      if (loc.pointer === "" && loc.file !== main) return pascal(basename(loc.file, extname(loc.file)));
      return undefined;
    },
  });

  // Groups from tags, in the order the document lists them.
  const tagOf = (h: Webhook) => (Array.isArray(h.op.tags) && typeof h.op.tags[0] === "string" ? (h.op.tags[0] as string) : undefined);
  const used = new Set(hooks.map(tagOf));
  const tags = [...tagObjects.map((t) => String(t.name)), ...hooks.map(tagOf).filter((t): t is string => t !== undefined)].filter((t, i, a) => used.has(t) && a.indexOf(t) === i);
  const groups = tags.map((t) => {
    const o = tagObjects.find((x) => x.name === t);
    const title = typeof o?.["x-displayName"] === "string" ? o["x-displayName"] : t;
    return { tag: t, id: groupId(t), title, ...(typeof o?.description === "string" && o.description ? { note: o.description } : {}) };
  });
  if (hooks.some((h) => tagOf(h) === undefined)) groups.push({ tag: "", id: groups.some((g) => g.id === "events") ? "untagged" : "events", title: "Events" });
  for (const [i, g] of groups.entries()) if (groups.findIndex((x) => x.id === g.id) < i) g.id = `${g.id}_${i + 1}`;
  for (const g of groups) namer.reserveGroup(g.id);
  for (const h of hooks) namer.reserveEvent(h.type);

  // The bodies, converted as they stand; every other component schema becomes a named schema.
  const bodyPlaces = new Set<string>();
  const bodies: EventBody[] = hooks.map((h) => {
    const loc = h.body?.loc ?? h.loc;
    if (h.body) bodyPlaces.add(`${loc.file}#${loc.pointer}`);
    // A composed body is read expanded: the envelope takes its fields apart.
    return { type: h.type, body: h.body?.node !== undefined ? expanded(converter.inline(h.body.node, loc)) : { type: "object" }, loc };
  });
  converter.drain();
  for (const c of components) {
    const loc = child(root, "components", "schemas", c);
    if (!bodyPlaces.has(`${loc.file}#${loc.pointer}`)) converter.nameOf(loc, c);
  }
  converter.drain();

  const named = [...converter.named.values()];
  const order = (n: (typeof named)[number]) => {
    const m = n.loc.file === main ? /^\/components\/schemas\/([^/]+)$/.exec(n.loc.pointer) : null;
    const i = m ? components.indexOf(unescapeToken(m[1]!)) : -1;
    return i < 0 ? components.length + named.indexOf(n) : i;
  };
  named.sort((a, b) => order(a) - order(b));
  const byName = new Map(named.map((n) => [n.name, expanded(n.schema ?? {})]));

  // Where the type travels: a body field if every body has it as a constant, else a header.
  const hint: EnvelopeHint = {
    ...(typeof xe.typeField === "string" ? { typeField: xe.typeField } : {}),
    ...(typeof xe.typeHeader === "string" ? { typeHeader: xe.typeHeader } : {}),
    ...(typeof xe.payloadField === "string" ? { payloadField: xe.payloadField } : {}),
    ...(xe.flat === true ? { flat: true } : {}),
  };
  let typeHeader: string | undefined;
  const { envelope, payloads, outers } = inferEnvelope(bodies, hint, () => (typeHeader = headerOfType(hooks) ?? fallbackHeader(w, root, key)), (n) => byName.get(n), warn);
  typeHeader = envelope.typeHeader;

  const ops = hooks.map((h) => h.headers.filter((p) => String(p.node.name).toLowerCase() !== typeHeader?.toLowerCase()));
  const sh = isRec(xe.signing) ? (xe.signing as SigningHint) : undefined;
  const envelopeNotes = typeof xe.envelopeNotes === "string" ? xe.envelopeNotes : undefined;
  if (envelopeNotes) envelope.notes = envelopeNotes;
  const signing = signingFrom(ops, sh, warn);

  const operationIds = new Set<string>();
  const events: DraftEvent[] = hooks.map((h) => {
    const g = groups.find((x) => x.tag === (tagOf(h) ?? ""))!;
    const summary = typeof h.op.summary === "string" ? h.op.summary.trim() : "";
    // Descriptions are CommonMark, and so is the catalog's text: read as written.
    let description = typeof h.op.description === "string" ? h.op.description : "";
    const scope = typeof h.op["x-eventgen-scope"] === "string" ? h.op["x-eventgen-scope"] : undefined;
    const trigger = summary || (description ? firstSentence(description) : "") || h.type;
    let deprecated: true | string | undefined = h.op.deprecated === true ? true : undefined;
    // Our OpenAPI writes the trigger, the description, the scope and the deprecation into one text.
    const reason = /\n\nDeprecated: ([\s\S]+)$/.exec(description);
    if (deprecated && reason) (deprecated = reason[1]!), (description = description.slice(0, reason.index));
    const scopeLine = scope !== undefined ? `\n\nScope: ${mdProse(scope)}.` : undefined;
    if (scopeLine !== undefined && description.endsWith(scopeLine)) description = description.slice(0, -scopeLine.length);
    if (description === trigger) description = "";
    else if (description.startsWith(`${trigger}\n\n`)) description = description.slice(trigger.length + 2);
    const e: DraftEvent = { type: h.type, group: g.id, trigger, examples: h.examples };
    if (description.trim()) e.description = description;
    if (scope) e.scope = scope;
    if (deprecated) e.deprecated = deprecated;
    const opId = h.op.operationId;
    if (typeof opId === "string" && opId !== camel(h.type)) {
      if (!IDENT.test(opId)) w("IMP204", child(h.loc, "operationId"), `operationId '${opId}' is not an identifier; the generated one is used`);
      else if (operationIds.has(opId)) w("IMP204", child(h.loc, "operationId"), `operationId '${opId}' is used twice; the generated one is used here`);
      else (e.operationId = opId), operationIds.add(opId);
    }
    const payload = payloads.get(h.type);
    if (payload) e.payload = payload;
    const outer = outers.get(h.type);
    if (outer?.length) e.outer = outer;
    return e;
  });

  const src = isRec(info["x-eventgen-source"]) ? info["x-eventgen-source"] : {};
  const ext = d.externalDocs;
  const title = typeof info.title === "string" && info.title.trim() ? info.title : `${id} webhooks`;
  // Our OpenAPI adds the envelope's and the signing's notes to info.description: they go back
  // where they came from.
  let description = typeof info.description === "string" ? info.description : "";
  for (const [label, notes] of [["Signing", sh?.notes], ["Envelope", envelopeNotes]] as const) {
    const line = notes ? `${label}: ${mdProse(notes)}` : undefined;
    if (line && description.endsWith(line)) description = description.slice(0, -line.length).replace(/\n\n$/, "");
  }
  const url = typeof src.url === "string" ? src.url : typeof ext.url === "string" ? ext.url : undefined;
  const who = about(xe, info, src, id, main, warn);
  return {
    title,
    version: version(info.version, main, "/info/version", warn),
    ...(description.trim() ? { description } : {}),
    source: {
      title: typeof src.title === "string" ? src.title : typeof ext.description === "string" ? ext.description : title,
      ...(url ? { url } : {}),
      document: shown,
      ...(who.vendor ? { vendor: who.vendor } : {}),
    },
    packageName: who.packageName,
    ...(who.packageDescription ? { packageDescription: who.packageDescription } : {}),
    ...(who.license ? { license: who.license } : {}),
    envelope,
    ...(signing ? { signing } : {}),
    groups: groups.map(({ id, title, note }) => ({ id, title, ...(note ? { note } : {}) })),
    schemas: named.map((n) => ({ name: n.name, schema: n.schema ?? {} })),
    events,
  };
}

/** The package's name, description and license and the vendor, where the document says them: our
 * own `x-eventgen.package` and `x-eventgen-source.vendor`, OpenAPI's `info.license` (its SPDX
 * `identifier`, or a `name` that is one) and `info.contact.name`. */
function about(xe: Record<string, unknown>, info: Record<string, unknown>, src: Record<string, unknown>, id: string, main: string, warn: Warn) {
  const eg = isRec(xe.package) ? xe.package : {};
  const text = (v: unknown) => (typeof v === "string" && v.trim() && v.length <= 200 ? v.trim() : undefined);
  let name = packageName(id);
  const wanted = text(eg.name);
  if (wanted !== undefined) {
    if (/^(?:@[a-z0-9][a-z0-9._-]*\/)?[a-z0-9][a-z0-9._-]*$/.test(wanted)) name = wanted;
    else warn({ code: "IMP204", file: main, pointer: "/x-eventgen/package/name", message: `'${wanted.slice(0, 80)}' is not an npm package name; '${name}' used` });
  }
  const lic = isRec(info.license) ? info.license : {};
  const spdxUrl = typeof lic.url === "string" ? /^https?:\/\/spdx\.org\/licenses\/([A-Za-z0-9.+-]+?)(?:\.html)?$/.exec(lic.url)?.[1] : undefined;
  const spdx = [text(lic.identifier), spdxUrl, licenseId(text(lic.name))].find((v) => v !== undefined && /^[A-Za-z0-9.+-]+$/.test(v));
  return { packageName: name, packageDescription: text(eg.description), license: spdx, vendor: text(src.vendor) ?? vendorOf(isRec(info.contact) ? text(info.contact.name) : undefined) };
}

/** The SPDX id a license's name spells, as documents write them (`Apache 2.0`, `MIT License`), or
 * the name itself. */
function licenseId(name: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  const n = name.toLowerCase().replace(/\b(?:the|licen[cs]e|version|v(?=\d))\b|[,()]/g, " ").replace(/\s+/g, " ").trim();
  return LICENSES[n] ?? name;
}
const LICENSES: Record<string, string> = {
  mit: "MIT", "apache 2.0": "Apache-2.0", apache2: "Apache-2.0", "apache-2.0": "Apache-2.0", isc: "ISC", "bsd 2-clause": "BSD-2-Clause", "bsd 3-clause": "BSD-3-Clause",
  "mozilla public 2.0": "MPL-2.0", "mpl 2.0": "MPL-2.0", "cc0 1.0": "CC0-1.0", "unlicense": "Unlicense",
};

/** The vendor a contact's name gives: `Shop Inc.`, `GitHub` of `GitHub Support`; none of a name
 * that says only who to ask (`Support`, `API Team`). */
function vendorOf(contact: string | undefined): string | undefined {
  const v = contact?.replace(/(?:\s+(?:api|developer|developers|platform|support|team|help|desk|contact|relations|and|&))+\s*$/i, "").trim();
  return v && !/^(?:api|developer|developers|platform|support|team|help|desk|contact|relations|and|&|\s)+$/i.test(v) ? v : undefined;
}

/** A header whose value is each webhook's own key (a const or a one-value enum), on every webhook;
 * else one header every webhook has that names the event. */
function headerOfType(hooks: Webhook[]): string | undefined {
  const names = (h: Webhook, pick: (p: HeaderParam) => boolean) => new Set(h.headers.filter(pick).map((p) => String(p.node.name)));
  const constant = (h: Webhook) => (p: HeaderParam) => {
    const s = p.node.schema;
    return isRec(s) && (s.const === h.type || (Array.isArray(s.enum) && s.enum.length === 1 && s.enum[0] === h.type));
  };
  const common = (pick: (h: Webhook) => (p: HeaderParam) => boolean) => {
    const [first, ...rest] = hooks.map((h) => names(h, pick(h)));
    return [...(first ?? [])].find((n) => rest.every((s) => s.has(n)));
  };
  return common(constant) ?? common(() => (p) => /event|topic/i.test(String(p.node.name)) && !/signature|id$|delivery/i.test(String(p.node.name)));
}

function fallbackHeader(w: (code: "IMP200", loc: Loc, m: string) => void, root: Loc, key: string): string {
  w("IMP200", child(root, key), `no body field holds each event's type as a constant and no header names it; the catalog says the type travels in '${DEFAULT_TYPE_HEADER}' (edit envelope.typeHeader if the source uses another)`);
  return DEFAULT_TYPE_HEADER;
}
