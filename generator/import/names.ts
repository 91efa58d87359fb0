// Names the importer hands out: schema names, group ids, event operationIds. The catalog then
// makes every generated identifier from them (model/naming.ts); here they only need to be
// allowed, distinct, and free of the names the generated package takes for itself.
import { FORMATS, PRIMITIVES } from "../check/catalog-shape.ts";
import { pascal, RUNTIME_NAMES, schemaTypeName, words } from "../model/naming.ts";

const SCHEMA_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const BUILT_IN = new Set<string>([...PRIMITIVES, ...FORMATS]);

export class SchemaNamer {
  /** Lowercased, since generated file names compare case-insensitively. */
  private readonly taken = new Set<string>(RUNTIME_NAMES.map((n) => n.toLowerCase()));

  /** Names the catalog's events and groups will generate (`OrderCreatedEvent`, `OrderEvents`, …). */
  reserveEvent(type: string) {
    for (const suffix of ["Event", "Payload"]) this.taken.add(`${pascal(type)}${suffix}`.toLowerCase());
  }
  reserveGroup(id: string) {
    this.taken.add(`${pascal(id)}Events`.toLowerCase());
  }

  /** A schema name close to `wanted`: kept when allowed and free, else made PascalCase, then numbered. */
  take(wanted: string): string {
    const base = SCHEMA_NAME.test(wanted) && !BUILT_IN.has(wanted) ? wanted : pascal(wanted);
    for (let i = 1; ; i++) {
      const name = i === 1 ? base : i === 2 && !/\d$/.test(base) ? `${base}Schema` : `${base}${i}`;
      const forms = [name.toLowerCase(), schemaTypeName(name).toLowerCase()];
      if (BUILT_IN.has(name) || forms.some((f) => this.taken.has(f))) continue;
      forms.forEach((f) => this.taken.add(f));
      return name;
    }
  }
}

/** A name for a schema that has none, from where it stands: `/components/schemas/Tree/properties/children/items` → `TreeChildrenItem`. */
export function placeName(pointer: string, fileStem: string): string {
  const skip = new Set(["components", "schemas", "properties", "$defs", "definitions", "allOf", "anyOf", "oneOf", "additionalProperties", "webhooks", "post", "requestBody", "content", "schema"]);
  const parts = pointer.split("/").slice(1).map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"));
  const kept = parts.filter((p) => !skip.has(p) && !/^\d+$/.test(p) && !p.includes("json")).map((p) => (p === "items" ? "Item" : p));
  return pascal([fileStem, ...kept.slice(-3)].join(" "));
}

const GROUP_ID = /^[A-Za-z0-9_.:-]+$/;
/** A tag as a group id: kept when allowed, else its words in snake_case. */
export const groupId = (tag: string) => (GROUP_ID.test(tag) ? tag : words(tag).map((w) => w.toLowerCase()).join("_") || "events");
