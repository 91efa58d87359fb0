// The values a discriminated union's variant carries in its discriminator property: what the
// validators switch on and what OpenAPI's `discriminator.mapping` maps to each variant.
import type { Json, Schema, SchemaOf } from "./ir.ts";

/** The variant's `const` or `enum` values of `s.discriminator`, through named schemas; none when
 * the variant is not an object with that property as a literal (the checker reports that, EG310). */
export function discriminatorValues(s: SchemaOf<"union">, variant: Schema, schemasByName: Map<string, Schema>): Json[] {
  let o: Schema = variant;
  for (let guard = 0; o.kind === "ref" && guard < 100; guard++) o = schemasByName.get(o.name)!;
  const prop = o.kind === "object" ? o.properties.find((p) => p.name === s.discriminator) : undefined;
  return prop?.schema.kind === "literal" ? prop.schema.values : [];
}
