// Extensible enums: the values known today, and the base type a value the vendor adds later must
// still have. Shared by the rules (which report an enum that cannot be extensible) and the model.
import type { Json } from "./shape.ts";

export type ExtensibleBase = "string" | "integer" | "number";

/** The base type of an extensible enum: the declared `type` when it is one of the three, else the
 * type its values share (null aside: it is the enum's nullability); undefined when they share none. */
export function extensibleBase(values: readonly Json[], type?: string): ExtensibleBase | undefined {
  if (type === "string" || type === "integer" || type === "number") return type;
  if (type !== undefined) return undefined;
  const known = values.filter((v) => v !== null);
  if (!known.length) return undefined;
  if (known.every((v) => typeof v === "string")) return "string";
  if (known.every((v) => typeof v === "number")) return known.every((v) => Number.isInteger(v)) ? "integer" : "number";
  return undefined;
}
