// One validator and one type per distinct shape. Large documents repeat the same object inline in
// many places (GitHub's pull request, repository and user objects in dozens of webhooks); written
// out at each place, the validators and types grow with every copy. Here each object and union is
// given a structural identity (the same after resolving references, ignoring documentation-only
// keywords); a shape written at two places or more, or that is a named schema's, becomes one
// function pair and one type that every place uses. The rest of the model is untouched: the
// emitters ask `sharedShapes(model).of(node)` whether to write a node in place or as a use.
import type { CatalogModel, Property, Schema, SchemaOf } from "./ir.ts";
import { ShapeNames } from "./naming.ts";

export interface Shape {
  /** The TypeScript type: a named schema's own, or one made in the naming module. */
  typeName: string;
  /** The validator function pair of the generated module. */
  fast: string;
  collect: string;
  /** The named schema this shape is, when it is one's. */
  named?: string;
  /** The schema to write the shared declaration from: its first occurrence, as not nullable (the
   * nullability of each use stays at the use), and not itself a use. */
  schema: Schema;
  /** Where it first occurs, for the declaration's doc comment: `pull_request.opened` → `pull_request`. */
  firstAt: string;
  /** How many places use it (a named schema's own declaration not counted). */
  uses: number;
}

export interface Shapes {
  /** The shape a node is written as a use of, or undefined when it is written in place. */
  of(node: Schema): Shape | undefined;
  /** The shapes made for inline schemas (named schemas are not here), in first-occurrence order. */
  readonly made: readonly Shape[];
}

const cache = new WeakMap<CatalogModel, Shapes>();

/** The shapes of a catalog: a pure function of the model, computed once per model. */
export function sharedShapes(model: CatalogModel): Shapes {
  let shapes = cache.get(model);
  if (!shapes) cache.set(model, (shapes = findShapes(model)));
  return shapes;
}

/** Objects with fields or a map's values, and unions, are worth a function of their own. */
const candidate = (s: Schema): boolean =>
  (s.kind === "object" && (s.properties.length > 0 || typeof s.additional === "object")) || s.kind === "union";

/** Where a node stands, for names: the words to name it after, outermost owner first. */
interface Place {
  /** The named schema's type or event's stem it stands in, or the shape it stands in. */
  owner: string | Draft;
  /** Words for this node: a property's name, `item` of an array, … */
  hint: string;
  /** Readable location: `pull_request.opened` → `pull_request` */
  at: string;
}

function findShapes(model: CatalogModel): Shapes {
  const ids = new Identity(model);
  // The envelope's fields stand in every body but are written once (EventEnvelope, f_envelope):
  // they are walked once, as a root of their own, and skipped in the bodies.
  const envelope = new Set<Property>(model.envelope.fields);
  const envelopeRoot: Schema = { kind: "object", properties: model.envelope.fields, additional: true, nullable: false };
  const fieldsOf = (s: SchemaOf<"object">) => (s === envelopeRoot ? s.properties : s.properties.filter((p) => !envelope.has(p)));
  // Pass 1: every occurrence, counted by structure, through every place it is written out.
  const count = new Map<number, number>();
  const walk = (s: Schema, visit: (s: Schema) => void) => {
    visit(s);
    switch (s.kind) {
      case "array":
        return walk(s.items, visit);
      case "object":
        for (const p of fieldsOf(s)) walk(p.schema, visit);
        if (typeof s.additional === "object") walk(s.additional, visit);
        return;
      case "union":
        for (const v of s.variants) walk(v, visit);
        return;
    }
  };
  const namedByCore = new Map<number, CatalogModel["schemas"][number]>();
  // A named schema that may be null cannot stand for a place that may not be.
  for (const n of model.schemas) if (candidate(n.schema) && !n.schema.nullable && !namedByCore.has(ids.core(n.schema))) namedByCore.set(ids.core(n.schema), n);
  const roots: Schema[] = [...model.schemas.map((n) => n.schema), envelopeRoot, ...model.events.map((e) => e.body)];
  const rootSet = new Set<Schema>(roots);
  // A body that is a union (a flat body of several objects) is written per event: the types write
  // the payload, not the body, so a variant made a shape of its own would be declared and never
  // used. A variant that is a named schema's shape is still a use of it.
  const bodyVariants = new Set<Schema>();
  for (const e of model.events) if (e.body.kind === "union") for (const v of e.body.variants) bodyVariants.add(v);
  for (const r of roots)
    walk(r, (s) => {
      if (candidate(s) && !rootSet.has(s) && !bodyVariants.has(s)) {
        const k = ids.core(s);
        count.set(k, (count.get(k) ?? 0) + 1);
      }
    });

  // Pass 2: top-down, as the emitters write: a shape written once is not entered again, so what
  // is only inside one shared shape counts once.
  const byCore = new Map<number, Draft>();
  const of = new Map<Schema, Draft>();
  const drafts: Draft[] = [];
  // Names start at the payload: `repository`, not `data repository`.
  const payloads = new Set(model.events.map((e) => e.payload));
  const visitFrom = (root: Schema, place: Place) => {
    const go = (s: Schema, here: Place): void => {
      const at = payloads.has(s) && typeof here.owner === "string" ? { ...here, hint: "" } : here;
      if (candidate(s) && s !== root) {
        const k = ids.core(s);
        const named = namedByCore.get(k);
        if (named || (!bodyVariants.has(s) && (count.get(k) ?? 0) >= 2)) {
          let draft = byCore.get(k);
          if (!draft) {
            draft = { named, schema: named ? named.schema : { ...s, nullable: false }, place: at, nodes: [] };
            byCore.set(k, draft);
            // The first use is written out, as the shape's declaration; a named one is written
            // from its own schema.
            if (!named) {
              drafts.push(draft);
              children(draft.schema, { owner: draft, hint: "", at: at.at }, go, fieldsOf);
            }
          }
          draft.nodes.push(s);
          of.set(s, draft);
          return;
        }
      }
      children(s, at, go, fieldsOf);
    };
    go(root, place);
  };
  for (const n of model.schemas) visitFrom(n.schema, { owner: n.typeName, hint: "", at: n.name });
  visitFrom(envelopeRoot, { owner: "EventEnvelope", hint: "", at: "the envelope" });
  for (const e of model.events) visitFrom(e.body, { owner: e.names.base, hint: "", at: e.type });

  // A shape that ended up written at one place only (all its occurrences were inside one other
  // shape) is written in place after all. The rest are named in first-occurrence order, so an
  // enclosing shape is named before the shapes inside it.
  const names = new ShapeNames(model);
  const shapes = new Map<Draft, Shape>();
  for (const d of byCore.values())
    if (d.named) shapes.set(d, { typeName: d.named.typeName, fast: `fs_${d.named.typeName}`, collect: `cs_${d.named.typeName}`, named: d.named.name, schema: d.schema, firstAt: d.named.name, uses: d.nodes.length });
  const made: Shape[] = [];
  for (const d of drafts) {
    if (d.nodes.length < 2) continue;
    const { owner, hint } = nameBase(d.place, shapes);
    const typeName = names.shape(owner, hint);
    const shape: Shape = { typeName, fast: `fs_${typeName}`, collect: `cs_${typeName}`, schema: d.schema, firstAt: d.place.at, uses: d.nodes.length };
    shapes.set(d, shape);
    made.push(shape);
  }
  return { of: (node) => { const d = of.get(node); return d && shapes.get(d); }, made };
}

/** The name a place gives: its owner's (a root's, or the nearest enclosing kept shape's) and the
 * words from there; a shape written in place after all passes its own words on. */
function nameBase(place: Place, shapes: Map<Draft, Shape>): { owner: string; hint: string } {
  let { owner, hint } = place;
  while (typeof owner !== "string") {
    const kept = shapes.get(owner);
    if (kept) return { owner: kept.typeName, hint };
    hint = owner.place.hint ? `${owner.place.hint} ${hint}` : hint;
    owner = owner.place.owner;
  }
  return { owner, hint };
}

interface Draft {
  named?: CatalogModel["schemas"][number];
  schema: Schema;
  place: Place;
  /** The nodes written as uses of it. */
  nodes: Schema[];
}

/** Calls `go` on a node's children, with the place of each. */
function children(s: Schema, at: Place, go: (s: Schema, at: Place) => void, fieldsOf: (s: SchemaOf<"object">) => Property[]): void {
  const under = (hint: string, step: string): Place => ({ owner: at.owner, hint: at.hint ? `${at.hint} ${hint}` : hint, at: `${at.at} → ${step}` });
  switch (s.kind) {
    case "array":
      return go(s.items, under("item", "[]"));
    case "object":
      for (const p of fieldsOf(s)) go(p.schema, under(p.name, p.name));
      if (typeof s.additional === "object") go(s.additional, under("value", "{}"));
      return;
    case "union":
      s.variants.forEach((v, i) => go(v, under(`variant ${i + 1}`, `variant ${i + 1}`)));
      return;
  }
}

/**
 * Structural identities, hash-consed: a node's identity is a number made from its kind, its
 * constraints and its children's identities, so equal shapes get equal numbers in time linear in
 * the model. `core` leaves out the node's own nullability (kept at each use); documentation-only
 * keywords (title, description, deprecated, example, default) are never part of it. A reference
 * is the schema it names; a reference back into a named schema still being identified (recursion)
 * is that name.
 */
class Identity {
  private readonly table = new Map<string, number>();
  private readonly cores = new Map<Schema, number>();
  private readonly named = new Map<string, number>();
  private readonly open = new Set<string>();
  private readonly byName: Map<string, Schema>;
  constructor(model: CatalogModel) {
    this.byName = new Map(model.schemas.map((s) => [s.name, s.schema]));
  }

  private intern(key: string): number {
    let id = this.table.get(key);
    if (id === undefined) this.table.set(key, (id = this.table.size));
    return id;
  }

  /** The identity of a node as a value: its core and whether it may be null. */
  private full(s: Schema): string {
    if (s.kind === "ref") {
      const target = this.byName.get(s.name)!;
      const core = this.open.has(s.name) ? `R${JSON.stringify(s.name)}` : String(this.namedCore(s.name));
      return `${core}${s.nullable || target.nullable ? "?" : ""}`;
    }
    return `${this.core(s)}${s.nullable ? "?" : ""}`;
  }

  private namedCore(name: string): number {
    let id = this.named.get(name);
    if (id === undefined) {
      this.open.add(name);
      id = this.core(this.byName.get(name)!);
      this.open.delete(name);
      // What a recursive schema's identity holds depends on where it was entered from; only the
      // identity made from its own name is kept.
      this.named.set(name, id);
    }
    return id;
  }

  core(s: Schema): number {
    let id = this.cores.get(s);
    if (id !== undefined) return id;
    id = this.intern(this.keyOf(s));
    // Identities made inside a recursion depend on the way in; those are not remembered.
    if (!this.open.size) this.cores.set(s, id);
    return id;
  }

  private keyOf(s: Schema): string {
    const j = JSON.stringify;
    switch (s.kind) {
      case "any":
      case "boolean":
      case "null":
        return s.kind;
      case "string":
        return `s${j([s.format, s.pattern, s.minLength, s.maxLength])}`;
      case "number":
        return `n${j([s.integer, s.format, s.minimum, s.maximum, s.exclusiveMinimum, s.exclusiveMaximum, s.multipleOf])}`;
      case "literal":
        return `l${j([s.values, s.isConst, s.extensible])}`;
      case "array":
        return `a${j([this.full(s.items), s.minItems, s.maxItems, s.uniqueItems])}`;
      case "object": {
        const props = s.properties.map((p: Property) => `${j(p.name)}${p.required ? "!" : ""}${this.full(p.schema)}`).join(",");
        const extra = typeof s.additional === "object" ? this.full(s.additional) : String(s.additional);
        return `o{${props}}${extra}`;
      }
      case "ref":
        return `r${this.full(s)}`;
      case "union":
        return `u${j([s.mode, s.discriminator, s.variants.map((v) => this.full(v))])}`;
    }
  }
}
