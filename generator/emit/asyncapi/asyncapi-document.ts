// model → an AsyncAPI 3.0 document, from the producer's view: the source `send`s each event. One
// channel, one operation and one message per event; the message's `name` and the channel's
// `address` are the exact event type, the keys are the event's generated names (AsyncAPI keys
// allow only letters, digits, `.`, `-` and `_`). The payload schemas are the JSON Schemas of the
// package (the OpenAPI components, a discriminator named as AsyncAPI names it), the signing headers a
// message trait, and the id header the messages' correlationId. Descriptions are CommonMark,
// made safe as in OpenAPI. Linear in the catalog: one pass over schemas and events.
import type { CatalogModel, EventModel, HeaderModel } from "../../model/ir.ts";
import { defined } from "../../defined.ts";
import { mdCode, mdProse, mdUrl } from "../escape/markdown.ts";
import { eventSchemaHeader } from "../json-schema/schema-files.ts";
import { namedShapes, toJsonSchema, type JsonSchema, type RefStyle } from "../json-schema/to-json-schema.ts";
import { catalogDescription, eventgenExtension, operationDescription } from "../openapi/openapi-document.ts";

export const SIGNING_TRAIT = "signing";

function headerSchema(h: HeaderModel): JsonSchema {
  const description = [h.description ? mdProse(h.description) : "", h.format ? `Format: ${mdCode(h.format)}.` : ""].filter(Boolean).join(" ");
  return { type: "string", ...(description ? { description } : {}) };
}

/** The signing headers, with the id header as every message's correlationId. */
function signingTrait(model: CatalogModel): JsonSchema | undefined {
  const headers = model.signing?.headers ?? [];
  if (!headers.length) return undefined;
  const id = headers.find((h) => h.role === "id");
  const required = headers.filter((h) => h.required).map((h) => h.name);
  return {
    headers: {
      type: "object",
      properties: Object.fromEntries(headers.map((h) => [h.name, headerSchema(h)])),
      ...(required.length ? { required } : {}),
    },
    ...(id ? { correlationId: { description: `The ${mdCode(id.name)} header: the same on every retry of a delivery.`, location: `$message.header#/${pointer(id.name)}` } } : {}),
  };
}

const pointer = (s: string) => s.replace(/~/g, "~0").replace(/\//g, "~1");

/** A message's own headers: the type header, for catalogs that send the type in one. With a trait
 * the message's `required` replaces the trait's (traits merge as JSON Merge Patch), so it lists the
 * signing's required headers too. */
function messageHeaders(model: CatalogModel, e: EventModel): JsonSchema | undefined {
  const h = model.envelope.typeHeader;
  if (h === undefined) return undefined;
  const signingRequired = (model.signing?.headers ?? []).filter((x) => x.required).map((x) => x.name);
  return { type: "object", properties: { [h]: { type: "string", const: e.type, description: "The event type." } }, required: [h, ...signingRequired] };
}

function message(model: CatalogModel, e: EventModel, hasTrait: boolean): JsonSchema {
  const headers = messageHeaders(model, e);
  const typeHeader = model.envelope.typeHeader;
  return {
    name: e.type,
    title: e.names.event,
    summary: e.trigger,
    description: operationDescription(e),
    contentType: "application/json",
    ...(headers ? { headers } : {}),
    payload: { $ref: `#/components/schemas/${e.names.event}` },
    tags: [{ name: e.group }],
    ...(e.deprecated ? { "x-eventgen-deprecated": e.deprecated } : {}),
    ...(e.scope ? { "x-eventgen-scope": e.scope } : {}),
    "x-eventgen-event-type": e.type,
    // EventCatalog's AsyncAPI generator reads it (events are its default; said outright).
    "x-eventcatalog-message-type": "event",
    ...(hasTrait ? { traits: [{ $ref: `#/components/messageTraits/${SIGNING_TRAIT}` }] } : {}),
    ...(e.examples.length
      ? { examples: e.examples.map((payload, i) => ({ name: `example${i + 1}`, ...(typeHeader !== undefined ? { headers: { [typeHeader]: e.type } } : {}), payload })) }
      : {}),
  };
}

export function asyncapiDocument(model: CatalogModel): JsonSchema {
  const typeNames = new Map(model.schemas.map((s) => [s.name, s.typeName]));
  // AsyncAPI's `discriminator` is a property name, not OpenAPI's object.
  const refs: RefStyle = { prefix: "#/components/schemas/", key: (n) => typeNames.get(n)!, discriminatorName: true, named: namedShapes(model) };
  const schemas: JsonSchema = {};
  for (const s of model.schemas) schemas[s.typeName] = toJsonSchema(s.schema, refs);
  for (const e of model.events) schemas[e.names.event] = { ...eventSchemaHeader(e), ...toJsonSchema(e.body, refs) };

  const trait = signingTrait(model);
  const channels: JsonSchema = {};
  const operations: JsonSchema = {};
  const messages: JsonSchema = {};
  for (const e of model.events) {
    const key = e.names.operationId;
    const messageKey = e.names.base;
    messages[messageKey] = message(model, e, trait !== undefined);
    // An address holding `{…}` would be read as a parameterized one: such a type stays in the
    // message's name only.
    channels[key] = {
      address: /[{}]/.test(e.type) ? null : e.type,
      title: e.type,
      messages: { [messageKey]: { $ref: `#/components/messages/${messageKey}` } },
    };
    operations[key] = {
      action: "send",
      channel: { $ref: `#/channels/${key}` },
      summary: e.trigger,
      tags: [{ name: e.group }],
      messages: [{ $ref: `#/channels/${key}/messages/${messageKey}` }],
      ...(e.deprecated ? { "x-eventgen-deprecated": e.deprecated } : {}),
    };
  }
  const description = catalogDescription(model);
  // externalDocs.url must be a URI: the source's http(s) URL, percent-encoded where it needs it
  // (x-eventgen-source keeps it as written).
  const url = model.source.url ? mdUrl(model.source.url) : undefined;
  return {
    asyncapi: "3.0.0",
    id: `urn:eventgen:${model.id}`,
    info: {
      title: model.title,
      version: model.version,
      ...(description ? { description } : {}),
      tags: model.groups.map((g) => ({ name: g.id, ...(g.note ? { description: mdProse(g.note) } : {}), "x-displayName": g.title })),
      ...(url ? { externalDocs: { description: model.source.title, url } } : {}),
      license: { name: model.package.license },
      "x-eventgen-source": defined({ title: model.source.title, url: model.source.url, vendor: model.source.vendor }),
    },
    defaultContentType: "application/json",
    channels,
    operations,
    components: {
      schemas,
      messages,
      ...(trait ? { messageTraits: { [SIGNING_TRAIT]: trait } } : {}),
    },
    "x-eventgen": eventgenExtension(model),
  };
}
