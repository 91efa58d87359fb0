// model → the plain values the templates render. Every string here is Markdown, already escaped
// (escape/markdown.ts), so templates only place values: no logic beyond `#if` and `#each`.
// Every field is always present (templates compile in handlebars' strict mode, so a misspelled
// field is an error): an absent text is "", an absent section is null.
import { receivingMarkdown, signingCall } from "./receiving.ts";
import type { CatalogModel, EventModel, GroupModel, Json, Property, Schema, SchemaOf } from "../../model/ir.ts";
import { discriminatorValues } from "../../model/discriminator.ts";
import { htmlComment, mdCode, mdFence, mdInline, mdLink, mdProse, mdProseCell, mdUrl } from "../escape/markdown.ts";
import { bannerText } from "../banner.ts";
import { exampleBody } from "./example-body.ts";
import { fieldRows, joinNotes, presence, type FieldRow } from "./field-rows.ts";
import { schemaAnchors, typeLabel, type AnchorOf } from "./type-label.ts";
import { usageCode } from "./usage.ts";

/** Anchors of the fixed sections; event, group and schema anchors come from naming.ts and have a
 * prefix (`event-`, `group-`, `schema-`), so these never collide with them. */
export const SECTION_ANCHORS = { usage: "usage", envelope: "envelope", signing: "signing", receiving: "receiving", events: "events", reference: "reference", schemas: "schemas" } as const;

export interface DocsView {
  /** An HTML comment saying the file is generated. */
  banner: string;
  title: string;
  description: string;
  version: string;
  packageName: string;
  /** A fenced `npm install` block. */
  install: string;
  source: { title: string; url: string; vendor: string; link: string };
  /** "33 events", "1 event". */
  eventCount: string;
  anchors: typeof SECTION_ANCHORS;
  /** A fenced TypeScript block importing validateEvent and parseEvent from the package. */
  usage: string;
  envelope: {
    typeLocation: string;
    payloadLocation: string;
    description: string;
    notes: string;
    fields: FieldRow[];
    /** Said once here, not in every event's section: where each event's type and payload are. */
    perEvent: string;
  };
  signing: SigningView | null;
  /** The Receiving section: a handler for this catalog, the replay window, dedupe and order, and
   * the status codes. */
  receiving: ReceivingView | null;
  groups: GroupView[];
  /** In group order, as the group tables list them. */
  events: EventView[];
  schemas: SchemaView[];
}

export interface SigningView {
  /** "Standard Webhooks", "HMAC-SHA256" or "none". */
  scheme: string;
  signed: boolean;
  facts: { label: string; value: string }[];
  headers: { name: string; role: string; presence: string; description: string }[];
  notes: string;
  /** A fenced code block: verifySignature and signPayload for this catalog (`""` when unsigned). */
  call: string;
}

export interface ReceivingView {
  /** The section's Markdown, below its heading. */
  markdown: string;
}

export interface GroupView {
  anchor: string;
  id: string;
  title: string;
  note: string;
  /** The table's headings: Type and Fired when, then Scope and Deprecated only when some event
   * of the group has one. */
  columns: string[];
  /** `cells`: the row's cells under `columns`. */
  events: { link: string; trigger: string; scope: string; deprecated: string; cells: string[] }[];
}

export interface EventView {
  anchor: string;
  /** The type as inline code, e.g. for a heading. */
  type: string;
  trigger: string;
  description: string;
  scope: string;
  deprecated: string;
  /** A link to the event's group table. */
  group: string;
  /** One sentence on where the payload sits and what it is. */
  payload: string;
  /** The payload's fields; a named schema's are shown here too (its name links to its section). */
  fields: FieldRow[];
  /** A payload that is a union of objects: each variant, its lead line and its fields. */
  variants: VariantView[];
  /** A sentence before `outer`'s rows ("" when there are none). */
  outerLead: string;
  /** The event's fields of the objects around a nested payload (`data.previous_attributes`). */
  outer: FieldRow[];
  /** A fenced JSON block: a whole delivery body. */
  example: string;
  /** true when the catalog has no example and the body was made from the schema. */
  exampleSynthesized: boolean;
}

export interface VariantView {
  /** "**1.** [Circle](#schema-circle), with `kind` `"circle"`. A round shape." */
  lead: string;
  fields: FieldRow[];
}

export interface SchemaView {
  anchor: string;
  name: string;
  /** The schema's type, e.g. `object`, `A or B`, `map of integer`. */
  type: string;
  description: string;
  fields: FieldRow[];
}

const para = (s: string | undefined) => (s ? mdProse(s) : "");

export function docsView(model: CatalogModel): DocsView {
  const anchor = schemaAnchors(model);
  const env = model.envelope;
  const url = model.source.url ? mdUrl(model.source.url) : undefined;
  const sourceTitle = mdInline(model.source.title);
  return {
    banner: `<!-- ${htmlComment(bannerText(model))} -->`,
    title: mdInline(model.title),
    description: para(model.description),
    version: mdCode(model.version),
    packageName: mdCode(model.package.name),
    install: mdFence(`npm install ${model.package.name}`, "sh"),
    source: {
      title: sourceTitle,
      url: url ?? "",
      vendor: model.source.vendor ? mdInline(model.source.vendor) : "",
      link: url ? `[${sourceTitle}](${url})` : sourceTitle,
    },
    eventCount: `${model.events.length} event${model.events.length === 1 ? "" : "s"}`,
    anchors: SECTION_ANCHORS,
    usage: mdFence(usageCode(model), "ts"),
    envelope: {
      typeLocation: env.typeField !== undefined ? `the body field ${mdCode(env.typeField)}` : `the header ${mdCode(env.typeHeader ?? "")}`,
      payloadLocation: env.payloadField !== undefined ? `under ${mdCode(env.payloadField)}` : "beside the envelope's fields, at the top level",
      description: para(env.description),
      notes: para(env.notes),
      fields: envelopeRows(model, anchor),
      perEvent: perEvent(model),
    },
    signing: model.signing ? signingView(model) : null,
    receiving: { markdown: receivingMarkdown(model, SECTION_ANCHORS.envelope) },
    groups: model.groups.map(groupView),
    events: model.groups.flatMap((g) => g.events.map((e) => eventView(model, e, anchor, mdLink(mdInline(g.title), g.anchor)))),
    schemas: model.schemas.map((s) => ({
      anchor: s.anchor,
      name: mdCode(s.name),
      type: typeLabel(s.schema, anchor),
      description: para(s.schema.description),
      fields: s.schema.kind === "object" ? fieldRows(s.schema.properties, anchor) : [],
    })),
  };
}

function groupView(g: GroupModel): GroupView {
  const events = g.events.map((e) => ({
    link: mdLink(mdCode(e.type, true), e.names.anchor),
    trigger: mdProseCell(e.trigger),
    scope: e.scope ? mdProseCell(e.scope) : "",
    deprecated: e.deprecated === undefined ? "" : e.deprecated === true ? "yes" : `yes: ${mdProseCell(e.deprecated)}`,
  }));
  const scope = events.some((e) => e.scope);
  const deprecated = events.some((e) => e.deprecated);
  return {
    anchor: g.anchor,
    id: mdCode(g.id),
    title: mdInline(g.title),
    note: para(g.note),
    columns: ["Type", "Fired when", ...(scope ? ["Scope"] : []), ...(deprecated ? ["Deprecated"] : [])],
    events: events.map((e) => ({ ...e, cells: [e.link, e.trigger, ...(scope ? [e.scope] : []), ...(deprecated ? [e.deprecated] : [])] })),
  };
}

function eventView(model: CatalogModel, e: EventModel, anchor: AnchorOf, group: string): EventView {
  const fromCatalog = e.examples[0];
  const example: Json = fromCatalog !== undefined ? fromCatalog : exampleBody(model, e);
  const { payload, fields } = payloadView(model, e, anchor);
  const variants = variantsView(model, e, anchor);
  const outer = (e.outer ?? []).flatMap((o) => fieldRows(o.fields, anchor, `${o.path.join(".")}.`));
  return {
    anchor: e.names.anchor,
    type: mdCode(e.type),
    trigger: mdProseCell(e.trigger),
    description: para(e.description),
    scope: e.scope ? mdProseCell(e.scope) : "",
    deprecated: e.deprecated === undefined ? "" : e.deprecated === true ? "This event is deprecated." : `Deprecated: ${mdProseCell(e.deprecated)}`,
    group,
    payload: variants.length ? variantsLead(model, e, variants.length) : payload,
    fields: variants.length ? [] : fields,
    variants,
    outerLead: outer.length ? `Beside the payload, ${(e.outer ?? []).map((o) => mdCode(o.path.join("."))).join(" and ")} ${(e.outer ?? []).length > 1 ? "carry" : "carries"}:` : "",
    outer,
    example: mdFence(jsonText(example), "json"),
    exampleSynthesized: fromCatalog === undefined,
  };
}

function payloadView(model: CatalogModel, e: EventModel, anchor: AnchorOf): { payload: string; fields: FieldRow[] } {
  const env = model.envelope;
  const p = e.payload;
  const where = env.payloadField !== undefined ? `The payload, ${mdCode(env.payloadField)},` : "The payload";
  const about = p.description ? ` ${mdProseCell(p.description)}` : "";
  const nullable = p.nullable ? " It may be `null`." : "";
  if (p.kind === "object" && p.properties.length) {
    const closed = p.additional === false ? " No other fields are allowed." : "";
    // A flat payload's place is said once, under Envelope: only what this one adds is said here.
    const payload = env.payloadField !== undefined ? `${where} is an object.${about}${nullable}${closed}` : `${about}${nullable}${closed}`.trim();
    return { payload, fields: fieldRows(p.properties, anchor) };
  }
  // A named schema's fields are shown on the event itself, its name linking to its section.
  const target = p.kind === "ref" ? model.schemas.find((s) => s.name === p.name)?.schema : undefined;
  if (p.kind === "ref" && target?.kind === "object" && target.properties.length) {
    const lead = env.payloadField !== undefined ? `${where} is a ${typeLabel(p, anchor)}` : `The payload's fields, a ${typeLabel(p, anchor)}, stand beside the envelope's, at the top level`;
    const targetAbout = target.description ? ` ${mdProseCell(target.description)}` : "";
    return { payload: `${lead}.${about || targetAbout}${nullable || (target.nullable ? " It may be `null`." : "")}`, fields: fieldRows(target.properties, anchor) };
  }
  const what = p.kind === "ref" ? `follows the schema ${typeLabel(p, anchor)}` : `is of type ${typeLabel(p, anchor)}`;
  return { payload: `${where} ${what}.${about}${nullable}`, fields: [] };
}

/** A payload that is a union whose every variant is an object (through named schemas). */
function objectUnion(model: CatalogModel, e: EventModel): { union: SchemaOf<"union">; objects: SchemaOf<"object">[] } | undefined {
  const byName = new Map(model.schemas.map((s) => [s.name, s.schema]));
  const deref = (s: Schema): Schema => {
    for (let i = 0; s.kind === "ref" && i < 100; i++) s = byName.get(s.name)!;
    return s;
  };
  const union = deref(e.payload);
  if (union.kind !== "union") return undefined;
  const objects = union.variants.map(deref);
  return objects.every((o) => o.kind === "object") ? { union, objects: objects as SchemaOf<"object">[] } : undefined;
}

function variantsLead(model: CatalogModel, e: EventModel, n: number): string {
  const { union } = objectUnion(model, e)!;
  const env = model.envelope;
  const which = union.mode === "oneOf" ? `exactly one of ${n} objects` : `at least one of ${n} objects`;
  const told = union.discriminator !== undefined ? `, told apart by ${mdCode(union.discriminator)}` : "";
  const about = union.description ? ` ${mdProseCell(union.description)}` : e.payload.description ? ` ${mdProseCell(e.payload.description)}` : "";
  const where = env.payloadField !== undefined ? `The payload, ${mdCode(env.payloadField)}, is ${which}${told}` : `The body is the envelope's fields and the fields of ${which}${told}`;
  return `${where}:${about}`;
}

/** Each variant of a payload that is a union of objects; none for any other payload. */
function variantsView(model: CatalogModel, e: EventModel, anchor: AnchorOf): VariantView[] {
  const found = objectUnion(model, e);
  if (!found) return [];
  const byName = new Map(model.schemas.map((s) => [s.name, s.schema]));
  return found.union.variants.map((v, i) => {
    const o = found.objects[i]!;
    const name = v.kind === "ref" ? typeLabel(v, anchor) : v.title ?? o.title ? mdInline((v.title ?? o.title)!) : "An object";
    const tags = found.union.discriminator !== undefined ? discriminatorValues(found.union, v, byName) : [];
    const tag = tags.length ? `, with ${mdCode(found.union.discriminator!)} ${tags.map((t) => mdCode(JSON.stringify(t))).join(" or ")}` : "";
    const description = v.description ?? o.description;
    const notes = [description ? mdProseCell(description) : "", o.additional === false ? "No other fields are allowed." : ""].filter(Boolean).join(" ");
    return { lead: `**${i + 1}.** ${name}${tag}.${notes ? ` ${notes}` : ""}`, fields: fieldRows(o.properties, anchor) };
  });
}

/** The one place that says where each event's type and payload are. */
function perEvent(model: CatalogModel): string {
  const env = model.envelope;
  const type = env.typeField !== undefined ? `its ${mdCode(env.typeField)} is the event's type` : `its ${mdCode(env.typeHeader ?? "")} header is the event's type`;
  const rest = env.payloadField !== undefined ? `its payload, under ${mdCode(env.payloadField)}, is described there` : "its payload's fields, at the top level, are listed there";
  return `Every event under [Event reference](#${SECTION_ANCHORS.reference}) comes in this envelope: ${type}, and ${rest}.`;
}

function envelopeRows(model: CatalogModel, anchor: AnchorOf): FieldRow[] {
  const env = model.envelope;
  const props: Property[] = [];
  if (env.typeField !== undefined)
    props.push({ name: env.typeField, required: true, schema: { kind: "string", nullable: false, description: "The event type, one of the types below." } });
  props.push(...env.fields);
  if (env.payloadField !== undefined)
    props.push({ name: env.payloadField, required: true, schema: { kind: "any", nullable: false, description: "The event's payload, described per event below." } });
  return fieldRows(props, anchor);
}

function signingView(model: CatalogModel): SigningView {
  const s = model.signing!;
  const scheme = s.scheme === "standard-webhooks" ? "[Standard Webhooks](https://www.standardwebhooks.com/)" : s.scheme === "hmac-sha256" ? "HMAC-SHA256" : "none";
  const facts: { label: string; value: string }[] = [];
  const fact = (label: string, value: string | undefined) => value && facts.push({ label, value: mdCode(value) });
  fact("Algorithm", s.algorithm);
  fact("Encoding", s.encoding);
  fact("Signed content", s.signedContent);
  fact("Signature prefix", s.signaturePrefix);
  fact("Signature part", s.signaturePart && `${s.signaturePart}=…`);
  if (s.signatureSeparator !== undefined && s.signaturePart === undefined)
    facts.push({ label: "Several signatures", value: s.signatureSeparator === " " ? "separated by spaces; any one matching is enough" : `separated by ${mdCode(s.signatureSeparator)}; any one matching is enough` });
  fact("Timestamp part", s.timestampPart && `${s.timestampPart}=…`);
  if (s.verify?.timestamp) facts.push({ label: "Replay window", value: `${s.tolerance} seconds either way (timestamp in ${s.timestampUnit})` });
  fact("Secret prefix", s.secretPrefix);
  if (s.secretEncoding) facts.push({ label: "Key", value: s.secretEncoding === "base64" ? `the secret base64-decoded${s.secretPrefix ? ` after ${mdCode(s.secretPrefix)}` : ""}` : "the secret's text, as UTF-8" });
  if (s.scheme !== "none") facts.push({ label: "Signed", value: s.required ? "always" : "only when a secret is set; deliveries may be unsigned" });
  return {
    scheme,
    signed: s.scheme !== "none",
    facts,
    headers: s.headers.map((h) => ({
      name: mdCode(h.name, true),
      role: h.role,
      presence: presence(h.required, false),
      description: joinNotes([h.description ? mdProseCell(h.description) : "", h.format ? `format ${mdCode(h.format, true)}` : ""]),
    })),
    notes: [para(s.description), para(s.notes)].filter(Boolean).join("\n\n"),
    call: signingCall(model),
  };
}

/** Indented JSON, with the line separators JSON.stringify leaves raw escaped. */
const jsonText = (v: Json) => JSON.stringify(v, null, 2).replace(/[\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
