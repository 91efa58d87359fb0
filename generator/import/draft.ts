// The catalog the importer builds, in the catalog's own terms (the full form of every schema);
// write-catalog-yaml.ts picks the shorthand where it says the same.
import type { SigningFact } from "../model/signing.ts";
import type { SchemaBounds } from "../check/catalog-shape.ts";
import type { Json } from "../model/ir.ts";
import type { Loc } from "./read-source.ts";

export interface CatSchema extends SchemaBounds {
  ref?: string;
  type?: string;
  format?: string;
  title?: string;
  description?: string;
  nullable?: boolean;
  deprecated?: boolean;
  enum?: Json[];
  extensible?: true;
  const?: Json;
  items?: CatSchema;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  properties?: CatProp[];
  additionalProperties?: false;
  values?: CatSchema;
  oneOf?: CatSchema[];
  anyOf?: CatSchema[];
  discriminator?: string;
  /** Composition: one object with every member's fields (members are open objects that agree). */
  allOf?: CatSchema[];
  /** Derived: the named object schema's fields, with `require` made required. */
  from?: string;
  require?: string[];
  /** A composed or derived schema's expanded object, for what reads fields (the envelope); never
   * written. */
  flat?: CatSchema;
  example?: Json;
  default?: Json;
}

/** How the importer writes what it reads. */
export interface ImportOptions {
  /** `allOf` over named schemas as the catalog's composition (default); false: merged into one
   * expanded object (`import --flatten`). */
  compose: boolean;
}

export interface CatProp {
  name: string;
  schema: CatSchema;
  required: boolean;
}

export interface DraftHeader {
  name: string;
  role?: "signature" | "timestamp" | "id" | "other";
  description?: string;
  format?: string;
  required: boolean;
}

export type DraftSigning = { [K in SigningFact]?: K extends "tolerance" ? number : K extends "signatureConstants" ? Record<string, string> : string } & {
  scheme: "standard-webhooks" | "hmac-sha256" | "none";
  notes?: string;
  required?: boolean;
  headers: DraftHeader[];
};

export interface DraftEnvelope {
  typeField?: string;
  typeHeader?: string;
  payloadField?: string;
  flat?: true;
  fields: CatProp[];
  additionalProperties?: false;
  notes?: string;
}

export interface DraftExample {
  value: Json;
  loc: Loc;
}

export interface DraftEvent {
  type: string;
  group: string;
  trigger: string;
  description?: string;
  scope?: string;
  deprecated?: true | string;
  operationId?: string;
  payload?: CatSchema;
  /** Fields of the objects around a nested payload, by the object's dotted path (`data`). */
  outer?: { path: string; fields: CatProp[] }[];
  examples: DraftExample[];
}

export interface DraftCatalog {
  title: string;
  version: string;
  description?: string;
  source: { title: string; url?: string; document?: string; vendor?: string };
  packageName: string;
  packageDescription?: string;
  license?: string;
  envelope: DraftEnvelope;
  signing?: DraftSigning;
  groups: { id: string; title: string; note?: string }[];
  schemas: { name: string; schema: CatSchema }[];
  events: DraftEvent[];
}
