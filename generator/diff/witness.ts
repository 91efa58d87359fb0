// A witness for each breaking change in a body: a delivery the new catalog's validators accept and
// the old one's reject. Built from the generator's example synthesis (the event's example body,
// reshaped along the change's steps so that it reaches the change's place), then the change's own
// candidate values tried there; each candidate is confirmed by running both catalogs' generated
// validators in this process, the way the example check runs them.
import { loadCompiledValidators } from "../check/examples.ts";
import { emitValidatorsModule } from "../emit/validators/validators-module.ts";
import { conforms } from "../emit/docs/conforms.ts";
import { exampleBody, sample } from "../emit/docs/example-body.ts";
import type { CatalogModel, Json, Schema } from "../model/ir.ts";
import { DELETE, type Step } from "./change.ts";
import type { Located, ModelDiff } from "./diff.ts";

type Validate = (input: unknown) => { ok: boolean };

/** How many alternative synthesized values are tried at a change's place, besides its own. */
const SEEDS = 4;

/** The validators of the given events: dist/validators.js as generate writes it for the model
 * cut down to those events and the named schemas they reach, run in this process as the example
 * check runs it. A large catalog with a few breaking events compiles a small module. */
async function validatorsOf(model: CatalogModel, types: Set<string>): Promise<Record<string, Validate>> {
  const events = model.events.filter((e) => types.has(e.type));
  const byName = new Map(model.schemas.map((s) => [s.name, s]));
  const reached = new Set<string>();
  const visit = (s: Schema): void => {
    switch (s.kind) {
      case "ref":
        if (reached.has(s.name) || !byName.has(s.name)) return;
        reached.add(s.name);
        return visit(byName.get(s.name)!.schema);
      case "array":
        return visit(s.items);
      case "object":
        for (const p of s.properties) visit(p.schema);
        if (typeof s.additional === "object") visit(s.additional);
        return;
      case "union":
        for (const v of s.variants) visit(v);
    }
  };
  for (const e of events) visit(e.body);
  const cut: CatalogModel = {
    ...model,
    events,
    schemas: model.schemas.filter((s) => reached.has(s.name)),
    groups: model.groups.map((g) => ({ ...g, events: g.events.filter((e) => types.has(e.type)) })).filter((g) => g.events.length),
  };
  return (await loadCompiledValidators(emitValidatorsModule(cut).js)).validators;
}

const clone = (v: Json): Json => structuredClone(v);
const isRecord = (v: unknown): v is Record<string, Json> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Sets `witness` on every breaking change that a body can show. */
export async function addWitnesses(d: ModelDiff): Promise<void> {
  const wanted = d.changes.filter((c) => c.level === "breaking" && (c.event ?? c.witnessEvent) !== undefined);
  const eventsOf = (m: CatalogModel) => new Map(m.events.map((e) => [e.type, e]));
  const olds = eventsOf(d.old);
  const news = eventsOf(d.new);
  const testable = wanted.filter((c) => olds.has((c.event ?? c.witnessEvent)!) && news.has((c.event ?? c.witnessEvent)!));
  if (!testable.length) return;
  const types = new Set(testable.map((c) => (c.event ?? c.witnessEvent)!));
  const [oldV, newV] = await Promise.all([validatorsOf(d.old, types), validatorsOf(d.new, types)]);
  const named = new Map(d.new.schemas.map((s) => [s.name, s.schema]));
  const bodies = new Map<string, Json>();
  for (const c of testable) {
    const type = (c.event ?? c.witnessEvent)!;
    let base = bodies.get(type);
    if (base === undefined) {
      // A body both catalogs accept, so that what the old one rejects in the witness is the
      // change itself: the catalogs' own examples, then the synthesized ones.
      const [was, is] = [olds.get(type)!, news.get(type)!];
      const tries = [...is.examples, exampleBody(d.new, is), exampleBody(d.old, was), ...was.examples];
      base = tries.find((b) => newV[type]!(b).ok && oldV[type]!(b).ok) ?? tries[is.examples.length]!;
      bodies.set(type, base);
    }
    const accepts = (body: Json) => newV[type]!(body).ok && !oldV[type]!(body).ok;
    const w = search(base, c, named, accepts);
    if (w !== undefined) c.witness = w;
  }
}

interface Place {
  /** The container holding the value, and its key there; none for the body itself. */
  parent?: Record<string, Json> | Json[];
  key?: string | number;
  value: Json | undefined;
}

function search(base: Json, c: Located, named: Map<string, Schema>, accepts: (b: Json) => boolean): Json | undefined {
  const path = c.path ?? [];
  const last = path.at(-1)?.schema;
  const draw = (s: Schema, seed: number, key = "") => sample(s, { named, stack: [], minimal: false, depth: 1, words: new Set() }, key, seed);
  // The body as the route builds it, first; then the change's own values; then other samples.
  const attempts: ((p: Place) => Json | typeof DELETE | undefined)[] = [(p) => p.value];
  const probed = (p: Place) => c.probe?.(p.value) ?? [];
  for (let i = 0; i < 16; i++) attempts.push((p) => probed(p)[i]);
  if (last) for (let seed = 1; seed <= SEEDS; seed++) attempts.push(() => draw(last, seed, keyOf(path)));
  for (const attempt of attempts) {
    const reached = reach(clone(base), path, draw, named);
    if (!reached) return undefined;
    const { body, place } = reached;
    const v = attempt(place);
    if (v === undefined) continue;
    const out = put(body, place, v);
    if (out !== undefined && accepts(out)) return out;
  }
  return undefined;
}

const keyOf = (path: Step[]) => {
  const p = [...path].reverse().find((s) => s.to === "property");
  return p?.to === "property" ? p.name : "";
};

/** Walks (and builds) the body along the steps: a field missing is synthesized, an array gets an
 * item, a map a key, a union's value is replaced by one of the variant on the way. */
function reach(body: Json, path: Step[], draw: (s: Schema, seed: number, key?: string) => Json, named: Map<string, Schema>): { body: Json; place: Place } | undefined {
  let place: Place = { value: body };
  for (const step of path) {
    if (step.to === "variant") {
      if (place.value === undefined || !conforms(step.schema, place.value, named)) {
        // At the body itself (a body that is a union): the whole body is the variant's.
        const v = draw(step.schema, 0);
        place = { ...place, value: v };
        if (place.parent) setIn(place.parent, place.key!, v);
        else body = v;
      }
      continue;
    }
    const here = place.value;
    if (step.to === "item") {
      if (!Array.isArray(here)) return undefined;
      if (!here.length) here.push(draw(step.schema, 0));
      place = { parent: here, key: 0, value: here[0] };
    } else {
      if (!isRecord(here)) return undefined;
      const key = step.to === "property" ? step.name : Object.hasOwn(here, "key") ? "key" : "extra_key";
      if (!Object.hasOwn(here, key)) setIn(here, key, draw(step.schema, 0, key));
      place = { parent: here, key, value: here[key] };
    }
  }
  return { body, place };
}

function setIn(parent: Record<string, Json> | Json[], key: string | number, v: Json): void {
  if (Array.isArray(parent)) parent[key as number] = v;
  else Object.defineProperty(parent, key, { value: v, enumerable: true, writable: true, configurable: true });
}

/** The body with `v` at the place (or the field left out); undefined when it cannot be put. */
function put(body: Json, place: Place, v: Json | typeof DELETE): Json | undefined {
  if (!place.parent) return v === DELETE ? undefined : v;
  if (v === DELETE) {
    if (Array.isArray(place.parent)) return undefined;
    delete place.parent[place.key as string];
  } else setIn(place.parent, place.key!, v);
  return body;
}
