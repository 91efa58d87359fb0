// One self-contained JSON Schema file per event (the whole delivery body) and per named schema:
// each carries, under $defs, exactly the named schemas it reaches.
import type { CatalogModel, EventModel, Schema } from "../../model/ir.ts";
import { toJsonSchema, type JsonSchema, type RefStyle } from "./to-json-schema.ts";

export const DIALECT = "https://json-schema.org/draft/2020-12/schema";

/** Named schemas a schema reaches, transitively, in catalog order. */
export function reachableSchemas(model: CatalogModel, roots: Schema[]): string[] {
  const byName = new Map(model.schemas.map((s) => [s.name, s.schema]));
  const seen = new Set<string>();
  const visit = (s: Schema): void => {
    switch (s.kind) {
      case "ref":
        if (!seen.has(s.name)) {
          seen.add(s.name);
          visit(byName.get(s.name)!);
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
  return model.schemas.map((s) => s.name).filter((n) => seen.has(n));
}

const defsRefs = (model: CatalogModel): RefStyle => {
  const typeNames = new Map(model.schemas.map((s) => [s.name, s.typeName]));
  return { prefix: "#/$defs/", key: (n) => typeNames.get(n)!, discriminator: false };
};

function document(model: CatalogModel, id: string, root: Schema, extra: JsonSchema): JsonSchema {
  const refs = defsRefs(model);
  const byName = new Map(model.schemas.map((s) => [s.name, s]));
  const defs = reachableSchemas(model, [root]);
  return {
    $schema: DIALECT,
    $id: id,
    ...extra,
    ...toJsonSchema(root, refs),
    ...(defs.length
      ? { $defs: Object.fromEntries(defs.map((n) => [byName.get(n)!.typeName, toJsonSchema(byName.get(n)!.schema, refs)])) }
      : {}),
  };
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
  for (const e of model.events)
    files.set(`${e.names.schemaFile}.json`, document(model, urn(model, e.names.schemaFile), e.body, eventSchemaHeader(e)));
  for (const s of model.schemas)
    files.set(`${s.schemaFile}.json`, document(model, urn(model, s.schemaFile), { kind: "ref", name: s.name, nullable: false }, { title: s.typeName }));
  return files;
}
