// model → an OpenAPI 3.1 document whose `webhooks` are keyed by the exact event type. Component
// schemas are the same JSON Schema 2020-12 as the standalone files, with refs into
// #/components/schemas. Descriptions are CommonMark in OpenAPI, and catalog text is data: it is
// escaped there as in the docs (schema descriptions are plain text, as in the JSON Schema files).
import { SIGNING_FACTS } from "../../model/signing.ts";
import type { CatalogModel, EventModel, HeaderModel } from "../../model/ir.ts";
import { defined } from "../../defined.ts";
import { bannerText } from "../banner.ts";
import { mdCode, mdProse } from "../escape/markdown.ts";
import { eventDescription, eventSchemaHeader } from "../json-schema/schema-files.ts";
import { namedShapes, toJsonSchema, type JsonSchema, type RefStyle } from "../json-schema/to-json-schema.ts";

export function openapiRefs(model: CatalogModel): RefStyle {
  const typeNames = new Map(model.schemas.map((s) => [s.name, s.typeName]));
  const schemasByName = new Map(model.schemas.map((s) => [s.name, s.schema]));
  return { prefix: "#/components/schemas/", key: (n) => typeNames.get(n)!, discriminator: { schemasByName }, named: namedShapes(model) };
}

function headerParameter(h: HeaderModel): JsonSchema {
  const description = [h.description ? mdProse(h.description) : "", h.format ? `Format: ${mdCode(h.format)}.` : ""].filter(Boolean).join(" ");
  return {
    name: h.name,
    in: "header",
    required: h.required,
    ...(description ? { description } : {}),
    schema: { type: "string" },
  };
}

/** The signing headers, and the type header (with this event's type as its value) where there is one. */
function parameters(model: CatalogModel, e: EventModel): JsonSchema[] {
  const out = (model.signing?.headers ?? []).map(headerParameter);
  const h = model.envelope.typeHeader;
  if (h !== undefined) out.unshift({ name: h, in: "header", required: true, description: "The event type.", schema: { type: "string", const: e.type } });
  return out;
}

function operation(model: CatalogModel, e: EventModel): JsonSchema {
  const examples = e.examples.length
    ? { examples: Object.fromEntries(e.examples.map((value, i) => [`example${i + 1}`, { value }])) }
    : {};
  return {
    operationId: e.names.operationId,
    summary: e.trigger,
    description: operationDescription(e),
    tags: [e.group],
    ...(e.deprecated ? { deprecated: true } : {}),
    ...(e.scope ? { "x-eventgen-scope": e.scope } : {}),
    "x-eventgen-event-type": e.type,
    ...(parameters(model, e).length ? { parameters: parameters(model, e) } : {}),
    requestBody: {
      required: true,
      description: `The ${mdCode(e.type)} delivery body.`,
      content: { "application/json": { schema: { $ref: `#/components/schemas/${e.names.event}` }, ...examples } },
    },
    responses: {
      "2XX": { description: "Any 2XX status acknowledges the delivery; anything else may be retried." },
    },
  };
}

export function openapiDocument(model: CatalogModel): JsonSchema {
  const refs = openapiRefs(model);
  const schemas: JsonSchema = {};
  for (const s of model.schemas) schemas[s.typeName] = toJsonSchema(s.schema, refs);
  for (const e of model.events) schemas[e.names.event] = { ...eventSchemaHeader(e), ...toJsonSchema(e.body, refs) };

  // Portals show info.description: the notes on deliveries and signing belong there too.
  const description = catalogDescription(model);
  const info: JsonSchema = {
    title: model.title,
    version: model.version,
    ...(description ? { description } : {}),
    // SPDX ids are what OpenAPI 3.1's license.identifier holds; another license text is its name.
    license: /^[A-Za-z0-9.+-]+$/.test(model.package.license) ? { name: model.package.license, identifier: model.package.license } : { name: model.package.license },
    "x-eventgen-source": { title: model.source.title, ...(model.source.url ? { url: model.source.url } : {}), ...(model.source.vendor ? { vendor: model.source.vendor } : {}) },
  };
  return {
    openapi: "3.1.0",
    info,
    ...(model.source.url ? { externalDocs: { description: model.source.title, url: model.source.url } } : {}),
    tags: model.groups.map((g) => ({ name: g.id, "x-displayName": g.title, ...(g.note ? { description: mdProse(g.note) } : {}) })),
    webhooks: Object.fromEntries(model.events.map((e) => [e.type, { post: operation(model, e) }])),
    components: { schemas },
    "x-eventgen": eventgenExtension(model),
  };
}

/** `x-eventgen`: where the type and the payload travel, the envelope's notes and the signing facts,
 * for machines (the importers read them back). Shared with the AsyncAPI document. */
export function eventgenExtension(model: CatalogModel): JsonSchema {
  const signing = model.signing;
  return {
    generatedBy: bannerText(model),
    package: { name: model.package.name, ...(model.package.description ? { description: model.package.description } : {}) },
    ...(model.envelope.typeField !== undefined ? { typeField: model.envelope.typeField } : { typeHeader: model.envelope.typeHeader }),
    ...(model.envelope.payloadField !== undefined ? { payloadField: model.envelope.payloadField } : { flat: true }),
    ...(model.envelope.notes ? { envelopeNotes: model.envelope.notes } : {}),
    ...(signing ? { signing: { scheme: signing.scheme, required: signing.required, ...defined({ ...Object.fromEntries(SIGNING_FACTS.map((k) => [k, signing[k]])), notes: signing.notes }) } } : {}),
  };
}

/** The texts a portal shows first: the catalog's description, and the envelope's and signing's
 * notes. */
export function catalogDescription(model: CatalogModel): string {
  return [
    model.description ? mdProse(model.description) : "",
    model.envelope.notes ? `Envelope: ${mdProse(model.envelope.notes)}` : "",
    model.signing?.notes ? `Signing: ${mdProse(model.signing.notes)}` : "",
  ].filter(Boolean).join("\n\n");
}

/** An event's description: the trigger and the event's description, its scope and deprecation. */
export function operationDescription(e: EventModel): string {
  const scope = e.scope ? `\n\nScope: ${mdProse(e.scope)}.` : "";
  const deprecation = typeof e.deprecated === "string" ? `\n\nDeprecated: ${mdProse(e.deprecated)}` : "";
  return mdProse(eventDescription(e)) + scope + deprecation;
}
