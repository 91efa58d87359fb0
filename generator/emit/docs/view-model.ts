// model → the plain values the templates render. Every string here is Markdown, already escaped,
// so templates only place values and hold no logic beyond `#if` and `#each`.
import type { CatalogModel, EventModel, Json, Property, SchemaOf } from "../../model/ir.ts";
import { htmlComment, mdCell, mdCode, mdFence, mdText, mdUrl } from "../escape/markdown.ts";
import { bannerText } from "../banner.ts";
import { exampleBody } from "./example-body.ts";
import { fieldRows, joinNotes, type FieldRow } from "./field-rows.ts";
import { schemaAnchors, typeLabel, type AnchorOf } from "./type-label.ts";

export interface DocsView {
  banner: string;
  title: string;
  description?: string;
  version: string;
  packageName: string;
  install: string;
  source: { title: string; url?: string; vendor?: string };
  /** "33 events", "1 event". */
  eventCount: string;
  envelope: {
    typeLocation: string;
    payloadLocation: string;
    description?: string;
    notes?: string;
    fields: FieldRow[];
  };
  signing?: {
    scheme: string;
    facts: { label: string; value: string }[];
    headers: { name: string; role: string; presence: string; description: string }[];
    notes?: string;
  };
  groups: { anchor: string; title: string; note?: string; events: { link: string; trigger: string; scope: string; deprecated: string }[] }[];
  events: EventView[];
  schemas: { anchor: string; name: string; type: string; description?: string; fields: FieldRow[] }[];
  usage: string;
}

export interface EventView {
  anchor: string;
  type: string;
  heading: string;
  trigger: string;
  description?: string;
  scope?: string;
  deprecated?: string;
  group: string;
  payloadSummary: string;
  fields: FieldRow[];
  example: string;
  /** true when the catalog has no example and the body was made from the schema. */
  exampleSynthesized: boolean;
}

const para = (s: string | undefined) => (s ? mdText(s) : undefined);

export function docsView(model: CatalogModel): DocsView {
  const anchor = schemaAnchors(model);
  const env = model.envelope;
  const groupOf = new Map(model.groups.map((g) => [g.id, g]));
  const sourceUrl = model.source.url ? mdUrl(model.source.url) : undefined;
  return {
    banner: `<!-- ${htmlComment(bannerText(model))} -->`,
    title: mdText(model.title),
    ...opt("description", para(model.description)),
    version: mdCode(model.version),
    packageName: mdCode(model.package.name),
    install: mdFence(`npm install ${model.package.name}`, "sh"),
    source: {
      title: mdText(model.source.title),
      ...opt("url", sourceUrl),
      ...opt("vendor", model.source.vendor ? mdText(model.source.vendor) : undefined),
    },
    eventCount: `${model.events.length} event${model.events.length === 1 ? "" : "s"}`,
    envelope: {
      typeLocation: env.typeField !== undefined ? `the body field ${mdCode(env.typeField)}` : `the header ${mdCode(env.typeHeader ?? "")}`,
      payloadLocation: env.payloadField !== undefined ? `under ${mdCode(env.payloadField)}` : "beside the envelope's fields, at the top level",
      ...opt("description", para(env.description)),
      ...opt("notes", para(env.notes)),
      fields: envelopeRows(model, anchor),
    },
    ...opt("signing", model.signing && model.signing.scheme !== "none" ? signingView(model) : undefined),
    groups: model.groups.map((g) => ({
      anchor: g.anchor,
      title: mdText(g.title),
      ...opt("note", para(g.note)),
      events: g.events.map((e) => ({
        link: `[${mdCode(e.type, true)}](#${e.names.anchor})`,
        trigger: mdCell(e.trigger),
        scope: e.scope ? mdCell(e.scope) : "",
        deprecated: e.deprecated ? "yes" : "",
      })),
    })),
    events: model.events.map((e) => eventView(model, e, anchor, groupOf.get(e.group)!.title)),
    schemas: model.schemas.map((s) => ({
      anchor: s.anchor,
      name: mdCode(s.name),
      type: typeLabel(s.schema, anchor),
      ...opt("description", para(s.schema.description)),
      fields: s.schema.kind === "object" ? fieldRows(s.schema.properties, anchor) : [],
    })),
    usage: mdFence(usageCode(model), "ts"),
  };
}

function eventView(model: CatalogModel, e: EventModel, anchor: AnchorOf, groupTitle: string): EventView {
  const env = model.envelope;
  const payload = e.payload;
  const where = env.payloadField !== undefined ? mdCode(env.payloadField) : "The body";
  let payloadSummary: string;
  let fields: FieldRow[] = [];
  if (payload.kind === "ref") payloadSummary = `${where} is a ${typeLabel(payload, anchor)}${env.payloadField === undefined ? ", beside the envelope's fields" : ""}.`;
  else if (payload.kind === "object" && payload.properties.length) {
    payloadSummary = env.payloadField !== undefined ? `${where} holds:` : "Beside the envelope's fields, the body holds:";
    fields = fieldRows(payload.properties, anchor);
  } else payloadSummary = `${where} is ${typeLabel(payload, anchor)}${payload.description ? `: ${mdText(payload.description)}` : ""}.`;
  const fromCatalog = e.examples[0];
  const example: Json = fromCatalog !== undefined ? fromCatalog : exampleBody(model, e.body);
  return {
    anchor: e.names.anchor,
    type: mdCode(e.type),
    heading: mdCode(e.type),
    trigger: mdText(e.trigger),
    ...opt("description", para(e.description)),
    ...opt("scope", e.scope ? mdText(e.scope) : undefined),
    ...opt("deprecated", e.deprecated === undefined ? undefined : e.deprecated === true ? "This event is deprecated." : `Deprecated: ${mdText(e.deprecated)}`),
    group: `[${mdText(groupTitle)}](#${model.groups.find((g) => g.id === e.group)!.anchor})`,
    payloadSummary,
    fields,
    example: mdFence(JSON.stringify(example, null, 2), "json"),
    exampleSynthesized: fromCatalog === undefined,
  };
}

function envelopeRows(model: CatalogModel, anchor: AnchorOf): FieldRow[] {
  const env = model.envelope;
  const props: Property[] = [];
  if (env.typeField !== undefined)
    props.push({ name: env.typeField, required: true, schema: { kind: "string", nullable: false, description: "The event type, one of the types below." } });
  props.push(...env.fields);
  if (env.payloadField !== undefined)
    props.push({ name: env.payloadField, required: true, schema: { kind: "object", properties: [], additional: true, nullable: false, description: "The event's payload, described per event below." } });
  return fieldRows(props, anchor);
}

function signingView(model: CatalogModel): NonNullable<DocsView["signing"]> {
  const s = model.signing!;
  const scheme = s.scheme === "standard-webhooks" ? "[Standard Webhooks](https://www.standardwebhooks.com/)" : "HMAC-SHA256";
  const facts: { label: string; value: string }[] = [];
  const fact = (label: string, value: string | undefined, code = true) => value && facts.push({ label, value: code ? mdCode(value, true) : mdCell(value) });
  fact("Algorithm", s.algorithm);
  fact("Encoding", s.encoding);
  fact("Signed content", s.signedContent);
  fact("Signature prefix", s.signaturePrefix);
  fact("Secret prefix", s.secretPrefix);
  facts.push({ label: "Signed", value: s.required ? "always" : "only when a secret is set; deliveries may be unsigned" });
  return {
    scheme,
    facts,
    headers: s.headers.map((h) => ({
      name: mdCode(h.name, true),
      role: h.role,
      presence: h.required ? "required" : "optional",
      description: joinNotes([h.description ? mdCell(h.description) : "", h.format ? `format ${mdCode(h.format, true)}` : ""]),
    })),
    ...opt("notes", para(s.notes ?? s.description)),
  };
}

function usageCode(model: CatalogModel): string {
  const first = model.events[0];
  const field = model.envelope.typeField ?? "";
  const typeAccess = /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(field) ? `event.${field}` : `event[${JSON.stringify(field)}]`;
  const call = model.envelope.typeField !== undefined ? "validateEvent(body)" : `validateEvent(body, request.headers.get(${JSON.stringify(model.envelope.typeHeader)}))`;
  return [
    `import { validateEvent, parseEvent, type Event } from ${JSON.stringify(model.package.name)};`,
    "",
    "const body: unknown = JSON.parse(rawBody); // after verifying the signature",
    `const result = ${call};`,
    "if (!result.ok) throw new Error(result.errors.map((e) => `${e.path}: ${e.message}`).join(\"\\n\"));",
    "const event: Event = result.value;",
    ...(first && model.envelope.typeField !== undefined
      ? [`if (${typeAccess} === ${JSON.stringify(first.type)}) {`, `  // narrowed to ${first.names.event}`, "}"]
      : []),
    "",
    "// Or throw an EventValidationError carrying .errors:",
    model.envelope.typeField !== undefined ? "const same = parseEvent(body);" : "const same = parseEvent(body, type);",
  ].join("\n");
}

function opt<K extends string, V>(key: K, value: V | undefined): { [k in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [k in K]?: V };
}
