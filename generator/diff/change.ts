// What a diff reports: changes between two catalog models, each with a level and a location. The
// webhook direction (Confluent's FORWARD compatibility): the old reader, a consumer built from the
// old catalog, must accept what the new writer sends.
import type { SourcePos } from "../diagnostics.ts";
import type { Json, Schema } from "../model/ir.ts";

/** breaking: a delivery valid under the new catalog can be rejected by consumers built from the
 * old one; warning: undecided, or it breaks only TypeScript consumers; info: compatible. */
export type Level = "breaking" | "warning" | "info";
export const LEVELS: readonly Level[] = ["breaking", "warning", "info"];

/** The changelog section a change belongs to. */
export type Section = "breaking" | "added" | "changed" | "docs";

export interface Change {
  id: string;
  level: Level;
  /** The event type; absent for catalog-wide changes (signing, envelope). */
  event?: string;
  /** JSON Pointer into the event's body (`*` is any array item or map key); for catalog-wide
   * changes, into the catalog (`/signing/headers/0/name`). */
  pointer: string;
  /** The new definition (the old one for removals). */
  pos: SourcePos;
  message: string;
  old?: Json;
  new?: Json;
  /** A delivery body the new catalog's validators accept and the old one's reject. */
  witness?: Json;
}

/** Where a change stands inside a body, step by step from the body, each step with the new
 * schema at that point: what the witness search follows to build a body that reaches it. */
export type Step =
  | { to: "property"; name: string; schema: Schema }
  | { to: "item"; schema: Schema }
  | { to: "map"; schema: Schema }
  /** Same place, one variant of a union. */
  | { to: "variant"; schema: Schema };

export const DELETE = Symbol("delete");
/** Values to try at a change's place in the witness search: given the value the search built
 * there (undefined when there is none), the candidates, or DELETE to leave the field out. */
export type Probe = (current: Json | undefined) => (Json | typeof DELETE)[];

/** A change as a rule finds it, relative to the schema being compared. */
export interface Finding {
  id: string;
  path: Step[];
  pos: SourcePos;
  message: string;
  old?: Json;
  new?: Json;
  probe?: Probe;
  /** Catalog-wide findings: the pointer into the catalog (the path is then empty). */
  pointer?: string;
}

export function pointerOf(path: readonly Step[]): string {
  let p = "";
  for (const s of path)
    if (s.to === "property") p += "/" + s.name.replace(/~/g, "~0").replace(/\//g, "~1");
    else if (s.to !== "variant") p += "/*";
  return p;
}

/** One entry of the rule registry (rules.ts): the README's rule table is tested against it. */
export interface Rule {
  id: string;
  level: Level;
  section: Section;
  /** The change, as the README's table names it. */
  description: string;
}
