// One self-contained JSON Schema file per event (the whole delivery body) and per named schema:
// each carries, under $defs, exactly the named schemas it reaches.
import type { CatalogModel, EventModel, Schema } from "../../model/ir.ts";
import { namedShapes, toJsonSchema, type JsonSchema, type RefStyle } from "./to-json-schema.ts";

export const DIALECT = "https://json-schema.org/draft/2020-12/schema";

/** Named schemas a schema reaches, transitively, in catalog order. */
export function reachableSchemas(model: CatalogModel, roots: Schema[]): string[] {
  return new Reach(model).from(roots);
}

/** Reachability over one catalog's named schemas, with the lookups built once. */
class Reach {
  private readonly byName: Map<string, Schema>;
  private readonly order: Map<string, number>;
  private readonly named: (s: Schema) => string | undefined;
  constructor(private readonly model: CatalogModel) {
    this.byName = new Map(model.schemas.map((s) => [s.name, s.schema]));
    this.order = new Map(model.schemas.map((s, i) => [s.name, i]));
    this.named = namedShapes(model);
  }
  from(roots: Schema[]): string[] {
    const seen = new Set<string>();
    const visit = (node: Schema): void => {
      // An inline copy of a named schema is written as a reference to it.
      const name = this.named(node);
      const s: Schema = name === undefined ? node : { kind: "ref", name, nullable: node.nullable };
      switch (s.kind) {
        case "ref":
          if (!seen.has(s.name)) {
            seen.add(s.name);
            visit(this.byName.get(s.name)!);
          }
          return;
        case "array":
          return visit(s.items);
        case "object":
          s.properties.forEach((p) => visit(p.schema));
          if (typeof s.additional === "object") visit(s.additional);
          return;
        case "union":
          return s.variants.forEach(visit);
      }
    };
    roots.forEach(visit);
    return [...seen].sort((a, b) => this.order.get(a)! - this.order.get(b)!);
  }
}

/** Builds the documents of one catalog; each named schema is converted once and shared by every
 * document that holds it under $defs (JSON.stringify writes it out for each). */
class Documents {
  private readonly refs: RefStyle;
  private readonly byName: Map<string, CatalogModel["schemas"][number]>;
  private readonly converted = new Map<string, JsonSchema>();
  private readonly reach: Reach;
  constructor(model: CatalogModel) {
    const typeNames = new Map(model.schemas.map((s) => [s.name, s.typeName]));
    this.refs = { prefix: "#/$defs/", key: (n) => typeNames.get(n)!, named: namedShapes(model) };
    this.byName = new Map(model.schemas.map((s) => [s.name, s]));
    this.reach = new Reach(model);
  }
  private named(name: string): JsonSchema {
    let out = this.converted.get(name);
    if (!out) this.converted.set(name, (out = toJsonSchema(this.byName.get(name)!.schema, this.refs)));
    return out;
  }
  document(id: string, root: Schema, extra: JsonSchema): JsonSchema {
    const defs = this.reach.from([root]);
    return {
      $schema: DIALECT,
      $id: id,
      ...extra,
      ...toJsonSchema(root, this.refs),
      ...(defs.length ? { $defs: Object.fromEntries(defs.map((n) => [this.byName.get(n)!.typeName, this.named(n)])) } : {}),
    };
  }
}

export const eventDescription = (e: { trigger: string; description?: string }) =>
  e.description ? `${e.trigger}\n\n${e.description}` : e.trigger;

/** What an event's body schema says about the event itself, in the files and in OpenAPI alike. */
export const eventSchemaHeader = (e: EventModel): JsonSchema => ({
  title: e.names.event,
  description: eventDescription(e),
  ...(e.deprecated ? { deprecated: true } : {}),
});

/** `$id`s are URNs: stable, location-independent, and unique per catalog and file. */
const urn = (model: CatalogModel, file: string) => `urn:eventgen:${model.id}:${file}`;

export function emitSchemaFiles(model: CatalogModel): Map<string, JsonSchema> {
  const files = new Map<string, JsonSchema>();
  const docs = new Documents(model);
  for (const e of model.events)
    files.set(`${e.names.schemaFile}.json`, docs.document(urn(model, e.names.schemaFile), e.body, eventSchemaHeader(e)));
  for (const s of model.schemas)
    files.set(`${s.schemaFile}.json`, docs.document(urn(model, s.schemaFile), { kind: "ref", name: s.name, nullable: false }, { title: s.typeName }));
  return files;
}
