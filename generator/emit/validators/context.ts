// State shared while one validators module is written: hoisted regular expressions and sets,
// runtime helpers used, functions for union variants, and fresh local names.
import type { CatalogModel, Json, Property, Schema } from "../../model/ir.ts";
import { array, json, newCall, str } from "../ts/expr.ts";
import { Printer, type Stmt } from "../ts/stmt.ts";
import type { Helper } from "./runtime.ts";
import { sharedShapes, type Shape, type Shapes } from "../../model/shapes.ts";

export class ModuleCx {
  /** The runtime helpers the module's code calls, imported from the runtime. */
  readonly helpers = new Set<Helper>();
  readonly hoisted: Stmt[] = [];
  /** The validator functions, printed as they are written (TypeScript and JavaScript): a large
   * catalog's statement trees are not all held until the module is printed. */
  readonly functions = { ts: new Printer(), js: new Printer(true) };
  readonly schemasByName: Map<string, Schema>;
  /** Objects and unions written once and called from every place that has them. */
  readonly shapes: Shapes;
  private readonly regexes = new Map<string, string>();
  private readonly variants = new Map<Schema, { fast: string; collect: string }>();
  private readonly named: Map<string, { fast: string; collect: string; schema: Schema }>;
  private n = 0;
  private envelopeFns?: { fast: string; collect: string };
  /** The envelope's fields, which every delivery body holds in a row. */
  readonly envelopeFields: readonly Property[];

  constructor(
    readonly model: CatalogModel,
    /** Writes the two functions of a hoisted schema; set by the module emitter to break the import cycle. */
    readonly writeFunctions: (cx: ModuleCx, schema: Schema, fast: string, collect: string) => void,
    readonly writeEnvelope: (cx: ModuleCx, fast: string, collect: string) => void,
  ) {
    this.named = new Map(model.schemas.map((s) => [s.name, { fast: `fs_${s.typeName}`, collect: `cs_${s.typeName}`, schema: s.schema }]));
    this.schemasByName = new Map(model.schemas.map((s) => [s.name, s.schema]));
    this.envelopeFields = model.envelope.fields;
    this.shapes = sharedShapes(model);
  }

  /** The shared function pair a node is checked by, when it is a use of a shape. */
  shape(s: Schema): Shape | undefined {
    return this.shapes.of(s);
  }

  /** The function pair that checks the envelope's fields, written the first time it is needed. */
  envelope(): { fast: string; collect: string } {
    if (!this.envelopeFns) {
      this.envelopeFns = { fast: "f_envelope", collect: "c_envelope" };
      this.writeEnvelope(this, this.envelopeFns.fast, this.envelopeFns.collect);
    }
    return this.envelopeFns;
  }

  use(helper: Helper): string {
    this.helpers.add(helper);
    return helper;
  }

  fresh(prefix = "v"): string {
    return `${prefix}${++this.n}`;
  }

  /** Local names are numbered per function (v1, v2, …), so one schema's change leaves the rest of
   * the module as it was. A function written while another is (a union's variant) keeps its own. */
  inFunction<T>(write: () => T): T {
    const outer = this.n;
    this.n = 0;
    try {
      return write();
    } finally {
      this.n = outer;
    }
  }

  regex(pattern: string): string {
    let name = this.regexes.get(pattern);
    if (!name) {
      name = `re${this.regexes.size}`;
      this.regexes.set(pattern, name);
      this.hoisted.push({ s: "decl", kind: "const", name, init: newCall("RegExp", str(pattern), str("u")) });
    }
    return name;
  }

  set(values: Json[]): string {
    const name = `set${this.hoisted.length}`;
    this.hoisted.push({ s: "decl", kind: "const", name, type: "ReadonlySet<unknown>", init: newCall("Set", array(values.map(json))) });
    return name;
  }

  ref(name: string): { fast: string; collect: string } {
    return this.named.get(name)!;
  }

  /** A function pair for a schema that must be called rather than inlined (a union's variants). */
  variant(schema: Schema): { fast: string; collect: string } {
    if (schema.kind === "ref" && !schema.nullable) return this.ref(schema.name);
    const shape = schema.nullable ? undefined : this.shapes.of(schema);
    if (shape) return shape;
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

/** Names an inherited property could answer for; those are read only when own. */
export const inherited = (name: string) => name in Object.prototype;
export const pointerPart = (name: string) => name.replace(/~/g, "~0").replace(/\//g, "~1");
