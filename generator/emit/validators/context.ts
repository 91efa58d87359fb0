// State shared while one validators module is written: hoisted regular expressions and sets,
// helper functions used, functions for union variants, and fresh local names.
import type { CatalogModel, Json, Schema } from "../../model/ir.ts";
import { tsString } from "../escape/ts.ts";

export class ModuleCx {
  readonly helpers = new Set<string>();
  readonly hoisted: string[] = [];
  readonly functions: string[] = [];
  private readonly regexes = new Map<string, string>();
  private readonly variants = new Map<Schema, { fast: string; collect: string }>();
  private readonly named: Map<string, { fast: string; collect: string; schema: Schema }>;
  private n = 0;

  constructor(
    readonly model: CatalogModel,
    /** Writes the two functions of a hoisted schema; set by module.ts to break the import cycle. */
    readonly writeFunctions: (cx: ModuleCx, schema: Schema, fast: string, collect: string) => void,
  ) {
    this.named = new Map(model.schemas.map((s) => [s.name, { fast: `fs_${s.typeName}`, collect: `cs_${s.typeName}`, schema: s.schema }]));
  }

  use(helper: string): string {
    this.helpers.add(helper);
    return helper;
  }

  fresh(prefix = "v"): string {
    return `${prefix}${++this.n}`;
  }

  regex(pattern: string): string {
    let name = this.regexes.get(pattern);
    if (!name) {
      name = `re${this.regexes.size}`;
      this.regexes.set(pattern, name);
      this.hoisted.push(`const ${name} = new RegExp(${tsString(pattern)}, "u");`);
    }
    return name;
  }

  set(values: Json[]): string {
    const name = `set${this.hoisted.length}`;
    this.hoisted.push(`const ${name}: ReadonlySet<unknown> = new Set(${JSON.stringify(values)});`);
    return name;
  }

  ref(name: string): { fast: string; collect: string } {
    return this.named.get(name)!;
  }

  /** A function pair for a schema that must be called rather than inlined (a union's variants). */
  variant(schema: Schema): { fast: string; collect: string } {
    if (schema.kind === "ref" && !schema.nullable) return this.ref(schema.name);
    let fns = this.variants.get(schema);
    if (!fns) {
      const id = this.variants.size;
      fns = { fast: `fv_${id}`, collect: `cv_${id}` };
      this.variants.set(schema, fns);
      this.writeFunctions(this, schema, fns.fast, fns.collect);
    }
    return fns;
  }
}

/** A literal as a JavaScript expression. */
export const jsLiteral = (v: Json): string => (typeof v === "string" ? tsString(v) : JSON.stringify(v));
/** Property access that stays correct for any name. */
export const member = (obj: string, name: string) =>
  /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? `${obj}.${name}` : `${obj}[${tsString(name)}]`;
/** Names an inherited property could answer for; those are read only when own. */
export const inherited = (name: string) => name in Object.prototype;
export const pointerPart = (name: string) => name.replace(/~/g, "~0").replace(/\//g, "~1");
