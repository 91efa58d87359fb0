// model → the plain values the templates render. Every string here is Markdown, already escaped
// (escape/markdown.ts), so templates only place values: no logic beyond `#if` and `#each`.
// Every field is always present (templates compile in handlebars' strict mode, so a misspelled
// field is an error): an absent text is "", an absent section is null.
import type { CatalogModel, EventModel, Json, Property } from "../../model/ir.ts";
import { htmlComment, mdCell, mdCode, mdFence, mdInline, mdLink, mdText, mdUrl } from "../escape/markdown.ts";
import { bannerText } from "../banner.ts";
import { exampleBody } from "./example-body.ts";
import { fieldRows, joinNotes, presence, type FieldRow } from "./field-rows.ts";
import { jsonCode, schemaAnchors, typeLabel, type AnchorOf } from "./type-label.ts";
import { usageCode } from "./usage.ts";

/** Anchors of the fixed sections; event, group and schema anchors come from naming.ts and have a
 * prefix (`event-`, `group-`, `schema-`), so these never collide with them. */
export const SECTION_ANCHORS = { usage: "usage", envelope: "envelope", signing: "signing", events: "events", reference: "reference", schemas: "schemas" } as const;

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
  };
  signing: SigningView | null;
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
}

export interface GroupView {
  anchor: string;
  id: string;
  title: string;
  note: string;
  events: { link: string; trigger: string; scope: string; deprecated: string }[];
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
  fields: FieldRow[];
  /** One sentence reminding where the type, the envelope fields and the payload are. */
  envelope: string;
  /** A fenced JSON block: a whole delivery body. */
  example: string;
  /** true when the catalog has no example and the body was made from the schema. */
  exampleSynthesized: boolean;
}

export interface SchemaView {
  anchor: string;
  name: string;
  /** The schema's type, e.g. `object`, `A or B`, `map of integer`. */
  type: string;
  description: string;
  fields: FieldRow[];
}

const para = (s: string | undefined) => (s ? mdText(s) : "");

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
    },
    signing: model.signing ? signingView(model) : null,
    groups: model.groups.map((g) => ({
      anchor: g.anchor,
      id: mdCode(g.id),
      title: mdInline(g.title),
      note: para(g.note),
      events: g.events.map((e) => ({
        link: mdLink(mdCode(e.type, true), e.names.anchor),
        trigger: mdCell(e.trigger),
        scope: e.scope ? mdCell(e.scope) : "",
        deprecated: e.deprecated === undefined ? "" : e.deprecated === true ? "yes" : `yes: ${mdCell(e.deprecated)}`,
      })),
    })),
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

function eventView(model: CatalogModel, e: EventModel, anchor: AnchorOf, group: string): EventView {
  const fromCatalog = e.examples[0];
  const example: Json = fromCatalog !== undefined ? fromCatalog : exampleBody(model, e);
  const { payload, fields } = payloadView(model, e, anchor);
  return {
    anchor: e.names.anchor,
    type: mdCode(e.type),
    trigger: mdText(e.trigger),
    description: para(e.description),
    scope: e.scope ? mdInline(e.scope) : "",
    deprecated: e.deprecated === undefined ? "" : e.deprecated === true ? "This event is deprecated." : `Deprecated: ${mdCell(e.deprecated)}`,
    group,
    payload,
    fields,
    envelope: envelopeReminder(model, e),
    example: mdFence(jsonText(example), "json"),
    exampleSynthesized: fromCatalog === undefined,
  };
}

function payloadView(model: CatalogModel, e: EventModel, anchor: AnchorOf): { payload: string; fields: FieldRow[] } {
  const env = model.envelope;
  const p = e.payload;
  const where = env.payloadField !== undefined ? `The payload, ${mdCode(env.payloadField)},` : "The payload";
  const about = p.description ? ` ${mdText(p.description)}` : "";
  const nullable = p.nullable ? " It may be `null`." : "";
  if (p.kind === "object" && p.properties.length) {
    const lead = env.payloadField !== undefined ? `${where} is an object` : "The payload's fields stand beside the envelope's, at the top level";
    const closed = p.additional === false ? " No other fields are allowed." : "";
    return { payload: `${lead}.${about}${nullable}${closed}`, fields: fieldRows(p.properties, anchor) };
  }
  const what = p.kind === "ref" ? `follows the schema ${typeLabel(p, anchor)}` : `is of type ${typeLabel(p, anchor)}`;
  return { payload: `${where} ${what}.${about}${nullable}`, fields: [] };
}

function envelopeReminder(model: CatalogModel, e: EventModel): string {
  const env = model.envelope;
  const envelope = mdLink("envelope", SECTION_ANCHORS.envelope);
  const type = env.typeField !== undefined ? `The body's ${mdCode(env.typeField)} is ${jsonCode(e.type)}` : `The ${mdCode(env.typeHeader ?? "")} header is ${mdCode(e.type)}`;
  const rest = env.payloadField !== undefined ? `the payload is under ${mdCode(env.payloadField)}` : "the payload's fields stand at the top level";
  return `${type}; the ${envelope}'s other fields come with it, and ${rest}.`;
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
  fact("Secret prefix", s.secretPrefix);
  if (s.scheme !== "none") facts.push({ label: "Signed", value: s.required ? "always" : "only when a secret is set; deliveries may be unsigned" });
  return {
    scheme,
    signed: s.scheme !== "none",
    facts,
    headers: s.headers.map((h) => ({
      name: mdCode(h.name, true),
      role: h.role,
      presence: presence(h.required, false),
      description: joinNotes([h.description ? mdCell(h.description) : "", h.format ? `format ${mdCode(h.format, true)}` : ""]),
    })),
    notes: [para(s.description), para(s.notes)].filter(Boolean).join("\n\n"),
  };
}

/** Indented JSON, with the line separators JSON.stringify leaves raw escaped. */
const jsonText = (v: Json) => JSON.stringify(v, null, 2).replace(/[\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
