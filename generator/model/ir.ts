// The intermediate representation every emitter reads. Built from a checked catalog: references
// are by schema name (looked up in `CatalogModel.schemas`), every identifier is already assigned by
// naming.ts, and shorthands have been expanded. Emitters never see YAML.
import type { SourcePos } from "../diagnostics.ts";
import type { Format } from "../check/catalog-shape.ts";
import type { Json } from "../check/shape.ts";
import type { SigningScheme } from "../runtime/signing.ts";
import type { ExtensibleBase } from "../check/extensible.ts";

export type { ExtensibleBase, Format, Json, SigningScheme };

interface Meta {
  title?: string;
  description?: string;
  deprecated?: boolean;
  /** Independent of a property's `required`. */
  nullable: boolean;
  example?: Json;
  default?: Json;
}

export type Schema = Meta &
  (
    | { kind: "any" }
    /** `format`: checked when it is one of FORMATS, otherwise an annotation only. */
    | { kind: "string"; format?: string; pattern?: string; minLength?: number; maxLength?: number }
    | {
        kind: "number";
        integer: boolean;
        /** An annotation only (int64, double, …). */
        format?: string;
        minimum?: number;
        maximum?: number;
        exclusiveMinimum?: number;
        exclusiveMaximum?: number;
        multipleOf?: number;
      }
    | { kind: "boolean" }
    | { kind: "null" }
    /** An enum, or a constant when `isConst`. `extensible`: the values are the known ones and any
     * value of that base type is accepted (the vendor may add values). */
    | { kind: "literal"; values: Json[]; isConst: boolean; extensible?: ExtensibleBase }
    | { kind: "array"; items: Schema; minItems?: number; maxItems?: number; uniqueItems?: boolean }
    /** `additional`: true accepts unknown fields, false rejects them, a schema is a map's values. */
    | { kind: "object"; properties: Property[]; additional: boolean | Schema }
    | { kind: "ref"; name: string }
    /** oneOf: exactly one variant matches; anyOf: at least one. */
    | { kind: "union"; mode: "oneOf" | "anyOf"; variants: Schema[]; discriminator?: string }
  );

export type SchemaOf<K extends Schema["kind"]> = Extract<Schema, { kind: K }>;

/** A delivery body that is one of several objects: a flat payload that is a oneOf or anyOf of
 * objects. Each variant is a whole body (the type, the envelope's fields and that variant's). */
export type BodyUnion = Meta & { kind: "union"; mode: "oneOf" | "anyOf"; variants: SchemaOf<"object">[]; discriminator?: string };

/** Per event, the other fields of an object around a nested payload (Stripe's
 * `data.previous_attributes`, beside `data.object`). */
export interface OuterFields {
  /** The object's steps from the body, outermost first (`["data"]`): a proper prefix of the payload path. */
  path: string[];
  fields: Property[];
}

export interface Property {
  name: string;
  schema: Schema;
  required: boolean;
}

export interface NamedSchema {
  /** The key in the catalog's `schemas`. */
  name: string;
  /** The TypeScript type name. */
  typeName: string;
  /** The validator function's name inside the generated module. */
  checkName: string;
  /** Path of its JSON Schema file inside the package, without `.json`. */
  schemaFile: string;
  /** Its anchor in the generated docs. */
  anchor: string;
  schema: Schema;
  pos: SourcePos;
}

export interface EventNames {
  /** PascalCase stem: `task_run.completed` → `TaskRunCompleted`. */
  base: string;
  event: string;
  payload: string;
  checkName: string;
  operationId: string;
  /** Path of its JSON Schema file inside the package, without `.json`. */
  schemaFile: string;
  /** Its anchor in the generated docs. */
  anchor: string;
}

export interface EventModel {
  type: string;
  trigger: string;
  description?: string;
  group: string;
  scope?: string;
  /** true, or the reason and what to use instead. */
  deprecated?: true | string;
  payload: Schema;
  /** The fields `outer` adds to the objects around a nested payload, in the order written; absent
   * when there are none. */
  outer?: OuterFields[];
  /** The whole delivery body: the envelope's fields, the type as a constant, and the payload (and
   * `outer`'s fields); one of several such objects when a flat payload is a union. */
  body: SchemaOf<"object"> | BodyUnion;
  examples: Json[];
  /** Where each example stands in the catalog, by JSON Pointer inside it (for EG401). */
  exampleSources: { pos: SourcePos; positions: Map<string, SourcePos> }[];
  names: EventNames;
  pos: SourcePos;
}

export interface GroupModel {
  id: string;
  title: string;
  note?: string;
  /** The TypeScript union of the group's events. */
  unionName: string;
  /** Its anchor in the generated docs. */
  anchor: string;
  events: EventModel[];
}

export interface HeaderModel {
  name: string;
  role: "signature" | "timestamp" | "id" | "other";
  description?: string;
  format?: string;
  required: boolean;
}

export interface SigningModel {
  scheme: "standard-webhooks" | "hmac-sha256" | "none";
  description?: string;
  /** The facts below are the catalog's, with its scheme's defaults filled in (model/signing.ts);
   * an unsigned catalog (`none`) has none of them. */
  algorithm?: "sha256" | "sha1" | "sha512";
  encoding?: "base64" | "hex";
  signedContent?: string;
  signaturePrefix?: string;
  signatureSeparator?: string;
  signaturePart?: string;
  signatureConstants?: Record<string, string>;
  timestampPart?: string;
  timestampUnit?: "seconds" | "milliseconds";
  tolerance?: number;
  secretPrefix?: string;
  secretEncoding?: "utf8" | "base64";
  required: boolean;
  headers: HeaderModel[];
  notes?: string;
  /** What the generated receiver verifies and signs with; absent for `none`. */
  verify?: SigningScheme;
}

export interface EnvelopeModel {
  /** The body field carrying the event type; absent when the type travels in `typeHeader`. */
  typeField?: string;
  typeHeader?: string;
  /** Absent when the payload's fields stand at the top level (flat). As written: a dotted path
   * (`data.object`) names a payload nested in objects. */
  payloadField?: string;
  /** `payloadField`'s steps, outermost first (`["data", "object"]`); present with it. */
  payloadPath?: string[];
  fields: Property[];
  additional: boolean;
  description?: string;
  notes?: string;
}

export interface CatalogModel {
  id: string;
  /** The catalog file as diagnostics and progress lines show it: relative to the working
   * directory, e.g. catalog/deck.yaml (or deck.yaml from inside catalog/). */
  file: string;
  /** The catalog file as generated files name it, the same from any working directory: relative
   * to its project root (the nearest folder above it with a package.json), e.g. catalog/deck.yaml.
   * Emitters use this, never `file`. */
  sourcePath: string;
  title: string;
  version: string;
  description?: string;
  source: { title: string; url?: string; document?: string; vendor?: string };
  package: { name: string; description?: string; license: string };
  typePattern?: string;
  envelope: EnvelopeModel;
  signing?: SigningModel;
  groups: GroupModel[];
  schemas: NamedSchema[];
  events: EventModel[];
}
