// The catalog format, defined once. The checker reads YAML through it and `catalogJsonSchema()`
// turns it into schema/catalog.schema.json for editors. The README's format reference describes
// each key defined here.
import type { SourcePos } from "../diagnostics.ts";
import {
  bool, entries, json, list, named, num, obj, oneOf, prop, req, str,
  type Cx, type Entry, type JsonSchema, type JsonValue, type Located, type ObjOf, type Prop, type Shape, type POS,
} from "./shape.ts";

export const PRIMITIVES = ["string", "integer", "number", "boolean", "object", "array", "null", "any"] as const;
export type Primitive = (typeof PRIMITIVES)[number];
export const FORMATS = ["uuid", "date-time", "date", "time", "uri", "uri-reference", "email", "hostname", "ipv4", "ipv6"] as const;
export type Format = (typeof FORMATS)[number];
/** What a format's name may be: a word, as every registered format is (int64, uri-template). */
export const FORMAT_NAME = /^[A-Za-z0-9][A-Za-z0-9_.+-]{0,63}$/;
/** Whether the validators check a format; any other is kept as an annotation (JSON Schema 2020-12). */
export const isCheckedFormat = (f: string): f is Format => (FORMATS as readonly string[]).includes(f);

/** `TYPE[]…[|null] description`: a field in one line. */
export interface RawShorthand {
  shorthand: true;
  /** A primitive, a format (a string of that format) or a schema name. */
  base: string;
  arrays: number;
  nullable: boolean;
  description?: string;
  pos: SourcePos;
}

const SHORTHAND = /^([A-Za-z_][A-Za-z0-9_.-]*)((?:\[\])*)(\|null)?(?:\s+([\s\S]*))?$/;

function shorthand(): Shape<RawShorthand> {
  const describe = "a type shorthand such as 'string', 'uuid The id', 'Item[] The items' or 'date-time|null When'";
  return {
    describe,
    accepts: (n) => !!n && "value" in n && typeof (n as { value: unknown }).value === "string",
    check(node, cx, at) {
      const text = String((node as { value: unknown }).value).trim();
      const m = SHORTHAND.exec(text);
      const pos = cx.pos(node, at);
      if (!m) {
        cx.report("EG204", pos, `'${text}' is not a field shorthand: expected TYPE then an optional description`, "e.g. `uuid The connection's id`; write a mapping for anything more");
        return undefined;
      }
      const description = m[4]?.trim();
      // `string | null` and `string []` read as a string described "| null": never what was meant.
      if (description && /^(?:\|\s*null\b|\[\])/.test(description)) {
        const [, arrays = "", nul, rest = ""] = /^((?:\[\]\s*)*)(\|\s*null\b)?\s*([\s\S]*)$/.exec(description)!;
        const meant = `${m[1]}${m[2]}${arrays.replace(/\s/g, "")}${m[3] ?? (nul ? "|null" : "")}${rest ? ` ${rest}` : ""}`;
        cx.report("EG204", pos, `'${text}' has a space inside its type`, `write the type without spaces: '${meant}'`);
        return undefined;
      }
      return { shorthand: true, base: m[1]!, arrays: (m[2]!.length / 2) | 0, nullable: !!m[3], ...(description ? { description } : {}), pos };
    },
    jsonSchema: () => ({ type: "string", pattern: SHORTHAND.source, description: "Shorthand: TYPE (a primitive, a format or a schema name), optionally suffixed with [] (array of) and |null (nullable), then a description." }),
  };
}

const text = (doc: string) => str({ doc });
const count = (doc: string) => num({ integer: true, min: 0, doc });

/** A string's and a number's bounds, as JSON Schema names them. */
export interface SchemaBounds {
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  multipleOf?: number;
}

/** The full form of a schema. Written out because it is recursive (inference cannot follow it). */
export interface RawFull extends Located, SchemaBounds {
  shorthand?: undefined;
  type?: Primitive;
  format?: string;
  title?: string;
  description?: string;
  optional?: boolean;
  nullable?: boolean;
  deprecated?: boolean;
  enum?: JsonValue[];
  extensible?: boolean;
  const?: JsonValue;
  items?: RawSchema;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  properties?: Entry<RawSchema>[];
  additionalProperties?: boolean;
  values?: RawSchema;
  ref?: string;
  from?: string;
  partial?: boolean;
  omit?: JsonValue[];
  pick?: JsonValue[];
  require?: JsonValue[];
  oneOf?: RawSchema[];
  anyOf?: RawSchema[];
  allOf?: RawSchema[];
  discriminator?: string;
  example?: JsonValue;
  default?: JsonValue;
}
export type RawSchema = RawShorthand | RawFull;

const fullSchemaProps = (): { [K in Exclude<keyof RawFull, "shorthand" | typeof POS>]-?: Prop<unknown> } => ({
  type: prop(str({ values: PRIMITIVES }) as Shape<unknown>, "The JSON type; implied by properties/values (object), items (array), enum/const/ref/oneOf."),
  format: prop(str({ pattern: FORMAT_NAME, describe: "a format name such as uuid or int64" }), `A format. The validators check ${FORMATS.join(", ")} (strings); any other (int64, uri-template, …) is kept as an annotation in JSON Schema, OpenAPI and docs, as JSON Schema 2020-12 has it.`),
  title: prop(text("A short title.")),
  description: prop(text("Shown in docs, JSDoc and JSON Schema.")),
  optional: prop(bool("As a property: may be absent. Same as a `?` after the property name.")),
  nullable: prop(bool("May be null. Independent of optional.")),
  deprecated: prop(bool("Marked @deprecated in types and deprecated in schemas.")),
  enum: prop(list(json(), { nonEmpty: true }), "The allowed values."),
  extensible: prop(bool("With enum: the values known today; the vendor may add more, so any value of the enum's type is accepted. Overrides the catalog's extensibleEnums.")),
  const: prop(json(), "The one allowed value."),
  pattern: prop(text("A regular expression a string must match (ECMAScript, unanchored as in JSON Schema).")),
  minLength: prop(count("Shortest string length, in code points.")),
  maxLength: prop(count("Longest string length, in code points.")),
  minimum: prop(num({ doc: "Inclusive lower bound." })),
  maximum: prop(num({ doc: "Inclusive upper bound." })),
  exclusiveMinimum: prop(num({ doc: "Exclusive lower bound." })),
  exclusiveMaximum: prop(num({ doc: "Exclusive upper bound." })),
  multipleOf: prop(num({ doc: "The number must be a multiple of this." })),
  items: prop(schemaShape, "The schema of every item of an array."),
  minItems: prop(count("Fewest items.")),
  maxItems: prop(count("Most items.")),
  uniqueItems: prop(bool("Items must be distinct.")),
  properties: prop(propertiesShape, "An object's fields. A name ending in `?` is optional."),
  additionalProperties: prop(bool("Whether fields not listed are accepted. Default true: vendors add fields.")),
  values: prop(schemaShape, "A map: an object whose every value has this schema."),
  ref: prop(str({ pattern: /^[A-Za-z_][A-Za-z0-9_]*$/, describe: "a schema name" }), "A named schema from `schemas`."),
  from: prop(str({ pattern: /^[A-Za-z_][A-Za-z0-9_]*$/, describe: "a schema name" }), "A derived object: the fields of this named object schema, changed by partial, omit, pick and require."),
  partial: prop(bool("With from: every field optional (TypeScript's Partial).")),
  omit: prop(list(json(), { nonEmpty: true }), "With from: the fields left out (TypeScript's Omit)."),
  pick: prop(list(json(), { nonEmpty: true }), "With from: the only fields kept (TypeScript's Pick)."),
  require: prop(list(json(), { nonEmpty: true }), "With from: fields made required, after partial."),
  oneOf: prop(list(schemaShape, { nonEmpty: true }), "A union: the value matches exactly one of these."),
  anyOf: prop(list(schemaShape, { nonEmpty: true }), "A union: the value matches at least one of these."),
  allOf: prop(list(schemaShape, { nonEmpty: true }), "Composition: an object with the fields of every one of these objects, merged exactly (members that disagree on a field are an error)."),
  discriminator: prop(str({ describe: "a property name" }), "With oneOf: the property whose constant tells the variants apart."),
  example: prop(json(), "An example value, shown in docs."),
  default: prop(json(), "The value a receiver may assume when the field is absent (documentation only)."),
});

export const schemaShape: Shape<RawSchema> = named("schema", "a schema (a type shorthand or a mapping)", () =>
  oneOf(shorthand(), obj(fullSchemaProps(), { describe: "a schema" }) as unknown as Shape<RawFull>),
);
export const propertiesShape: Shape<Entry<RawSchema>[]> = named("properties", "a mapping of property names to schemas", () =>
  // `a` and `a?` name the same property; the `?` only marks it optional.
  entries({ describe: "property", same: { key: (k) => k.replace(/\?$/, ""), hint: "a trailing ? only marks a property optional" } }, schemaShape),
);

const eventProps = {
  group: req(str({ describe: "a group id" }), "The id of a group in `groups`."),
  trigger: req(str({ nonEmpty: true }), "When the event fires: the documented text, verbatim."),
  description: prop(text("More about the event (Markdown).")),
  scope: prop(text("The product scope the event belongs to (for example POS); absent means every product.")),
  deprecated: prop(oneOf(bool(), str()), "true, or the reason and what to use instead."),
  payload: prop(schemaShape, "The payload: where the envelope puts it (payloadField), or its fields beside the envelope's (flat). With flat, an object or a oneOf/anyOf of objects."),
  outer: prop(
    entries({ describe: "outer object's path", pattern: /^[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*$/, hint: "the path of an object around the payload, e.g. data for payloadField data.object" }, propertiesShape),
    "With a payload path (payloadField: data.object): this event's other fields of the objects around the payload, keyed by the object's path (data: { previous_attributes?: … }).",
  ),
  examples: prop(list(json()), "Whole delivery bodies; each is checked against the event's schema."),
  operationId: prop(str({ pattern: /^[A-Za-z_][A-Za-z0-9_]*$/, describe: "an identifier" }), "Overrides the generated OpenAPI operationId."),
};
export type RawEvent = ObjOf<typeof eventProps>;

const headerProps = {
  role: prop(str({ values: ["signature", "timestamp", "id", "other"] }), "What the header carries."),
  description: prop(text("What the header holds.")),
  format: prop(text("Its layout, e.g. `v1,<base64 signature>`.")),
  required: prop(bool("Whether every delivery carries it (default true).")),
};

const signingProps = {
  scheme: req(str({ values: ["standard-webhooks", "hmac-sha256", "none"] }), "standard-webhooks, hmac-sha256 (a vendor's own HMAC), or none."),
  description: prop(text("How to verify a delivery, in words.")),
  algorithm: prop(str({ values: ["sha256", "sha1", "sha512"] })),
  encoding: prop(str({ values: ["base64", "hex"] }), "How the signature bytes are written."),
  signedContent: prop(text("What is signed, with {id}, {timestamp} and {body} placeholders.")),
  signaturePrefix: prop(text("A prefix before each signature, e.g. `v1,` or `sha256=`.")),
  signatureSeparator: prop(str({ pattern: /^[^\r\n]{1,8}$/, describe: "a separator of 1 to 8 characters" }), "One header carries several signatures, separated by this (Standard Webhooks: a space); any one matching is enough."),
  signaturePart: prop(str({ pattern: /^[A-Za-z0-9_.-]+$/, describe: "a part name" }), "The signature header is comma-separated key=value parts (Stripe's `t=…,v1=…`): the signatures are the parts with this key, e.g. `v1`."),
  signatureConstants: prop(entries({ describe: "a part name", pattern: /^[A-Za-z0-9_.-]+$/ }, str()), "With signaturePart: the other parts a sender writes before the signature, e.g. `{ format: sha256 }` for Truto's `format=sha256,v=…`."),
  timestampPart: prop(str({ pattern: /^[A-Za-z0-9_.-]+$/, describe: "a part name" }), "The signed timestamp is this part of the signature header (Stripe's `t`) instead of a header of its own."),
  timestampUnit: prop(str({ values: ["seconds", "milliseconds"] }), "The timestamp's unit (default seconds)."),
  tolerance: prop(num({ integer: true, min: 0 }), "How far the timestamp may be from the receiver's clock, in seconds, either way (default 300)."),
  secretPrefix: prop(text("How secrets look, e.g. `whsec_`; stripped before decoding when secretEncoding is base64.")),
  secretEncoding: prop(str({ values: ["utf8", "base64"] }), "How the secret becomes the key: its UTF-8 bytes (utf8, the default for hmac-sha256; Stripe keys with the whole `whsec_…` text), or base64-decoded after secretPrefix is stripped (base64, the default for standard-webhooks)."),
  required: prop(bool("Whether every delivery is signed (default true). false: deliveries may be unsigned; a receiver given a secret still requires a signature.")),
  headers: prop(entries({ describe: "header name", pattern: /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/ }, obj(headerProps, { describe: "a header" })), "The delivery's headers."),
  notes: prop(text("Caveats, uncertainties and sources.")),
};
export type RawSigning = ObjOf<typeof signingProps>;

const envelopeProps = {
  typeField: prop(str({ nonEmpty: true }), "The body field that carries the event type."),
  typeHeader: prop(str({ nonEmpty: true }), "For sources that name the event in a header instead (e.g. X-GitHub-Event): that header."),
  payloadField: prop(str({ nonEmpty: true }), "The body field that holds the payload (e.g. data), or a dotted path to a nested one (Stripe's data.object). Omit with flat: true."),
  flat: prop(bool("The payload's fields stand beside the envelope's at the top level.")),
  fields: prop(propertiesShape, "The envelope's own fields, besides the type and payload fields."),
  additionalProperties: prop(bool("Whether unknown top-level fields are accepted (default true).")),
  description: prop(text("The envelope, in words.")),
  notes: prop(text("Caveats, uncertainties and sources.")),
};
export type RawEnvelope = ObjOf<typeof envelopeProps>;

const groupProps = {
  title: req(str({ nonEmpty: true }), "The heading, as documented."),
  note: prop(text("A note that applies to every event in the group.")),
};
export type RawGroup = ObjOf<typeof groupProps>;

const catalogProps = {
  id: prop(str({ pattern: /^[a-z0-9][a-z0-9_-]*$/, describe: "a lowercase id" }), "The catalog id; must equal the file's stem."),
  title: req(str({ nonEmpty: true })),
  version: req(str({ pattern: /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/, describe: "a semver version such as 1.0.0", patternHint: "write MAJOR.MINOR.PATCH, quoted if YAML would read a number" })),
  description: prop(text("What the catalog covers (Markdown).")),
  source: req(obj({
    title: req(str({ nonEmpty: true }), "The document this catalog transcribes."),
    url: prop(text("Where it is published.")),
    document: prop(text("A local copy, relative to the repository.")),
    vendor: prop(text("Who publishes the webhooks.")),
  }, { describe: "a source" })),
  package: req(obj({
    name: req(str({ pattern: /^(?:@[a-z0-9][a-z0-9._-]*\/)?[a-z0-9][a-z0-9._-]*$/, describe: "an npm package name" })),
    description: prop(text("The package.json description.")),
    license: prop(text("An SPDX license id (default MIT).")),
  }, { describe: "a package" })),
  typePattern: prop(text("A regular expression every event type must match, e.g. ^[a-z_]+\\.[a-z_]+$.")),
  extensibleEnums: prop(bool("Every enum of strings or numbers is extensible unless it says extensible: false (for vendors whose enums are all open). Discriminator values stay closed.")),
  envelope: req(obj(envelopeProps, { describe: "an envelope" })),
  signing: prop(obj(signingProps, { describe: "a signing description" })),
  groups: req(entries({ describe: "group id", pattern: /^[A-Za-z0-9_.:-]+$/, hint: "use letters, digits and . _ : -" }, obj(groupProps, { describe: "a group" }))),
  schemas: prop(entries({ describe: "schema name", pattern: /^[A-Za-z_][A-Za-z0-9_]*$/, hint: "a schema name is letters, digits and _, not starting with a digit" }, schemaShape)),
  events: req(entries({ describe: "event type", pattern: /^\S+$/, duplicate: "EG301", hint: "an event type has no spaces", strays: Object.keys(eventProps) }, obj(eventProps, { describe: "an event" }))),
};
export type RawCatalog = ObjOf<typeof catalogProps>;

export const catalogShape = obj(catalogProps, { describe: "a catalog", doc: "An eventgen webhook event catalog." });

/** What the semantic rules read: the shape check's value with the parts that were wrong left out
 * (see FLAW). Any key may be missing, even a required one; every schema, group or event that is
 * there is what it says. */
export type LooseEvent = Partial<RawEvent> & Located;
export type LooseCatalog = Partial<Omit<RawCatalog, "events">> & { events?: Entry<LooseEvent>[] } & Located;

/** `loose` for the rules (undefined when the file is not a mapping, or checking was refused, e.g.
 * an alias bomb); `raw` too when the shape is right throughout. */
export function checkCatalogShape(cx: Cx): { loose?: LooseCatalog; raw?: RawCatalog } {
  const root = cx.resolve(cx.doc.contents);
  const errors = cx.diagnostics.length;
  const value = catalogShape.check(root, cx, { file: cx.file, line: 1, col: 1 });
  if (!value || cx.aborted) return {};
  const right = cx.flawed === 0 && cx.diagnostics.length === errors;
  return right ? { loose: value, raw: value } : { loose: value };
}

export function catalogJsonSchema(): JsonSchema {
  const s = { defs: {} as Record<string, JsonSchema> };
  const body = catalogShape.jsonSchema(s);
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: "https://eventgen.dev/schema/catalog.schema.json",
    title: "eventgen catalog",
    ...body,
    $defs: s.defs,
  };
}
