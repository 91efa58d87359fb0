// An AsyncAPI document (3.0, or 2.x as 2.6 writes it) → a catalog draft, the same way as from
// OpenAPI (from-openapi.ts's draftOf): each message is an event, its type the message's `name` (or,
// for a channel's only message, the channel's address), its body the message's payload, its
// headers (traits applied) the header parameters. Groups come from tags, named schemas from
// components/schemas, and what eventgen itself wrote (`x-eventgen`, the scope and deprecation)
// is read back.
import type { DraftCatalog, DraftExample, ImportOptions } from "./draft.ts";
import { draftOf, follower, type Webhook } from "./from-openapi.ts";
import { isRec } from "./merge-all-of.ts";
import { child, showPath, type Loc, type Sources } from "./read-source.ts";
import type { HeaderParam } from "./signing.ts";
import { ImportError, unescapeToken, type Warn } from "./warnings.ts";

type Rec = Record<string, unknown>;
type Follow = ReturnType<typeof follower>;

/** Schema formats whose schemas are JSON Schema (AsyncAPI's own is a superset of draft-07). */
const JSON_SCHEMA_FORMAT = /^application\/(?:vnd\.aai\.asyncapi(?:\+json|\+yaml)?|schema\+json|schema\+yaml)(?:;|$)/;

export function fromAsyncapi(file: string, id: string, sources: Sources, warn: Warn, opts: ImportOptions): DraftCatalog {
  const doc = sources.read(file);
  const main = sources.placeOf(doc)?.file ?? file;
  const shown = showPath(main);
  if (!isRec(doc) || typeof doc.asyncapi !== "string") throw new ImportError(`${shown}: error: not an AsyncAPI document (no 'asyncapi' version at the top)`);
  const version = doc.asyncapi;
  if (!/^[23]\./.test(version)) throw new ImportError(`${shown}: error: AsyncAPI ${version} is not read (2.x and 3.0 are)`);
  if (!isRec(doc.channels) || !Object.keys(doc.channels).length) throw new ImportError(`${shown}: error: no channels`);
  const w = (code: Parameters<Warn>[0]["code"], loc: Loc, message: string) => warn({ code, file: loc.file, pointer: loc.pointer, message });
  const follow = follower(sources, warn);
  const root: Loc = { file: main, pointer: "" };
  const v3 = version.startsWith("3.");

  const hooks: Webhook[] = [];
  const read = (message: unknown, mloc: Loc, fallbackType: string, op: Rec) => {
    const m = follow(message, mloc);
    if (!isRec(m.node)) return;
    const msg = withTraits(m.node, m.loc, follow);
    const type = typeof msg.name === "string" && msg.name ? msg.name : fallbackType;
    const tag = firstTag(msg.tags, follow) ?? firstTag(op.tags, follow);
    const deprecated = msg["x-eventgen-deprecated"] ?? op["x-eventgen-deprecated"] ?? (msg.deprecated === true ? true : undefined);
    const words: Rec = {
      summary: msg.summary ?? op.summary,
      description: msg.description ?? op.description,
      ...(tag !== undefined ? { tags: [tag] } : {}),
      ...(deprecated !== undefined && deprecated !== false ? { deprecated: true } : {}),
      ...(typeof op.operationId === "string" ? { operationId: op.operationId } : {}),
      ...(typeof msg["x-eventgen-scope"] === "string" ? { "x-eventgen-scope": msg["x-eventgen-scope"] } : {}),
    };
    const hook: Webhook = { type, op: words, loc: m.loc, examples: [], headers: headersOf(msg, m.loc, follow) };
    const body = payloadOf(msg, m.loc, v3, follow, w);
    if (body) hook.body = body;
    else w("IMP205", m.loc, "no payload; the body is read as an object with any fields");
    if (Array.isArray(msg.examples))
      msg.examples.forEach((x, i) => {
        const r = follow(x, child(m.loc, "examples", i));
        if (isRec(r.node) && Object.hasOwn(r.node, "payload")) hook.examples.push({ value: r.node.payload as never, loc: child(r.loc, "payload") } satisfies DraftExample);
      });
    hooks.push(hook);
  };

  if (v3) {
    // Each channel's messages; the operation on the channel gives the operationId (its key).
    const opOf = new Map<string, { key: string; op: Rec }>();
    if (isRec(doc.operations))
      for (const [key, o] of Object.entries(doc.operations)) {
        const r = follow(o, child(root, "operations", key));
        const ref = isRec(r.node) && isRec(r.node.channel) ? r.node.channel.$ref : undefined;
        const m = typeof ref === "string" ? /^#\/channels\/([^/]+)$/.exec(ref) : null;
        if (m && isRec(r.node) && !opOf.has(unescapeToken(m[1]!))) opOf.set(unescapeToken(m[1]!), { key, op: { ...r.node, operationId: key } });
      }
    for (const [key, c] of Object.entries(doc.channels)) {
      const cloc = child(root, "channels", key);
      const ch = follow(c, cloc);
      if (!isRec(ch.node)) continue;
      const messages = isRec(ch.node.messages) ? Object.entries(ch.node.messages) : [];
      if (!messages.length) w("IMP205", cloc, "a channel without messages; skipped");
      const address = typeof ch.node.address === "string" ? ch.node.address : typeof ch.node.title === "string" ? ch.node.title : key;
      const op = opOf.get(key)?.op ?? {};
      for (const [mkey, message] of messages) read(message, child(ch.loc, "messages", mkey), messages.length === 1 ? address : mkey, op);
    }
  } else {
    // 2.x: the operation the application performs on each channel; `subscribe` is what it sends.
    for (const [address, c] of Object.entries(doc.channels)) {
      const cloc = child(root, "channels", address);
      const ch = follow(c, cloc);
      if (!isRec(ch.node)) continue;
      const ops = (["subscribe", "publish"] as const).filter((k) => isRec((ch.node as Rec)[k]));
      if (!ops.length) {
        w("IMP205", cloc, "a channel without an operation; skipped");
        continue;
      }
      if (ops.length > 1) w("IMP205", cloc, "both subscribe and publish; only 'subscribe' is read");
      const op = (ch.node as Rec)[ops[0]!] as Rec;
      const oloc = child(ch.loc, ops[0]!);
      const mloc = child(oloc, "message");
      const message = follow(op.message, mloc);
      const variants = isRec(message.node) && Array.isArray(message.node.oneOf) ? (message.node.oneOf as unknown[]) : [op.message];
      variants.forEach((v, i) => read(v, variants.length > 1 ? child(message.loc, "oneOf", i) : mloc, variants.length > 1 ? `${address}.${i + 1}` : address, op));
    }
  }
  if (!hooks.length) throw new ImportError(`${shown}: error: no channel has a message to read`);

  const info = isRec(doc.info) ? doc.info : {};
  const tags = (v3 ? info.tags : doc.tags) ?? [];
  const tagObjects = (Array.isArray(tags) ? tags : []).map((t, i) => follow(t, child(root, ...(v3 ? ["info", "tags"] : ["tags"]), i)).node).filter(isRec);
  const components = isRec(doc.components) && isRec(doc.components.schemas) ? Object.keys(doc.components.schemas) : [];
  const externalDocs = v3 ? info.externalDocs : doc.externalDocs;
  return draftOf(
    { main, shown, key: "channels", openapi30: false, xe: isRec(doc["x-eventgen"]) ? doc["x-eventgen"] : {}, hooks, tagObjects, components, info, externalDocs: isRec(externalDocs) ? externalDocs : {} },
    id,
    sources,
    warn,
    opts,
  );
}

function firstTag(tags: unknown, follow: Follow): string | undefined {
  if (!Array.isArray(tags) || !tags.length) return undefined;
  const t = follow(tags[0], { file: "", pointer: "" }).node;
  return isRec(t) && typeof t.name === "string" ? t.name : undefined;
}

/** A message with its traits applied: each trait's fields under the message's own, and headers'
 * properties and required lists merged. */
function withTraits(msg: Rec, loc: Loc, follow: Follow): Rec {
  if (!Array.isArray(msg.traits) || !msg.traits.length) return msg;
  let out: Rec = {};
  msg.traits.forEach((t, i) => {
    const trait = follow(t, child(loc, "traits", i)).node;
    if (isRec(trait)) out = merge(out, trait, loc, follow);
  });
  const { traits: _, ...own } = msg;
  return merge(out, own, loc, follow);
}

function merge(base: Rec, over: Rec, loc: Loc, follow: Follow): Rec {
  const out: Rec = { ...base, ...over };
  const a = follow(base.headers, loc).node;
  const b = follow(over.headers, loc).node;
  if (isRec(a) && isRec(b)) {
    const required = [...(Array.isArray(a.required) ? a.required : []), ...(Array.isArray(b.required) ? b.required : [])];
    out.headers = { ...a, ...b, properties: { ...(isRec(a.properties) ? a.properties : {}), ...(isRec(b.properties) ? b.properties : {}) }, ...(required.length ? { required: [...new Set(required)] } : {}) };
  }
  return out;
}

/** The message's headers schema's properties, as OpenAPI header parameters. */
function headersOf(msg: Rec, loc: Loc, follow: Follow): HeaderParam[] {
  const h = follow(msg.headers, child(loc, "headers"));
  if (!isRec(h.node) || !isRec(h.node.properties)) return [];
  const required = new Set(Array.isArray(h.node.required) ? h.node.required : []);
  return Object.entries(h.node.properties).map(([name, p]) => {
    const r = follow(p, child(h.loc, "properties", name));
    const schema = isRec(r.node) ? r.node : {};
    const { description, ...rest } = schema;
    return { node: { name, in: "header", required: required.has(name), ...(typeof description === "string" ? { description } : {}), schema: rest }, loc: r.loc };
  });
}

/** The payload's schema: AsyncAPI 3's multi-format object unwrapped, 2.x's schemaFormat read. */
function payloadOf(msg: Rec, loc: Loc, v3: boolean, follow: Follow, w: (code: "IMP205", loc: Loc, m: string) => void): { node: unknown; loc: Loc } | undefined {
  if (msg.payload === undefined) return undefined;
  let p = follow(msg.payload, child(loc, "payload"));
  let format = !v3 && typeof msg.schemaFormat === "string" ? msg.schemaFormat : undefined;
  if (v3 && isRec(p.node) && typeof p.node.schemaFormat === "string" && p.node.schema !== undefined) {
    format = p.node.schemaFormat;
    p = follow(p.node.schema, child(p.loc, "schema"));
  }
  if (format !== undefined && !JSON_SCHEMA_FORMAT.test(format)) w("IMP205", loc, `the payload's schema format '${format}' is not JSON Schema; it is read as JSON Schema all the same`);
  return p;
}
