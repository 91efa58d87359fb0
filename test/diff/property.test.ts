// For random catalogs and random edits of them: whenever diff reports nothing breaking, bodies
// sampled from the new catalog (valid by its validators) are accepted by the old catalog's
// validators. Small enough to run in a few seconds.
import fc from "fast-check";
import { stringify } from "yaml";
import { expect, it } from "vitest";
import { emitSchemaJson } from "../../generator/emit/emit-catalog.ts";
import { diffCatalogs } from "../../generator/diff/run.ts";
import { catalogArb } from "../support/random-catalog.ts";
import { loadText } from "../support/load-text.ts";
import { validArb } from "../validators/arbitrary.ts";
import { judges } from "./support.ts";

type Node = Record<string, unknown>;
const isNode = (v: unknown): v is Node => typeof v === "object" && v !== null && !Array.isArray(v);

/** The edits a catalog's author makes between versions, at the n-th object of the catalog. */
const EDITS: ((o: Node) => void)[] = [
  (o) => (o["nullable"] = !o["nullable"]),
  (o) => (o["additionalProperties"] = o["additionalProperties"] === false),
  (o) => {
    if (isNode(o["properties"])) (o["properties"] as Node)["added?"] = "string";
  },
  (o) => {
    const props = o["properties"];
    if (isNode(props)) {
      const k = Object.keys(props)[0];
      if (k !== undefined) {
        const v = props[k];
        delete props[k];
        props[k.endsWith("?") ? k.slice(0, -1) : `${k}?`] = v;
      }
    }
  },
  (o) => {
    const props = o["properties"];
    if (isNode(props)) delete props[Object.keys(props)[0] ?? ""];
  },
  (o) => {
    if (Array.isArray(o["enum"])) o["enum"] = [...o["enum"], "added"];
  },
  (o) => {
    if (Array.isArray(o["enum"]) && o["enum"].length > 1) o["enum"] = o["enum"].slice(1);
  },
  (o) => {
    if (o["type"] === "integer") o["type"] = "number";
    else if (o["type"] === "number") o["type"] = "integer";
  },
  (o) => {
    for (const k of ["minimum", "minLength", "minItems", "pattern", "format", "uniqueItems", "exclusiveMaximum", "multipleOf"]) if (k in o) return void delete o[k];
  },
  (o) => {
    if (typeof o["minimum"] === "number") o["minimum"] -= 1;
    else if (typeof o["minLength"] === "number") o["minLength"] += 1;
  },
  (o) => {
    if (Array.isArray(o["oneOf"])) o["oneOf"] = [...o["oneOf"], "boolean"];
    else if (Array.isArray(o["anyOf"])) o["anyOf"] = o["anyOf"].slice(1);
  },
  (o) => {
    if ("description" in o) o["description"] = "changed";
    else o["title"] = "a title";
  },
];

function nodes(v: unknown, out: Node[] = []): Node[] {
  if (Array.isArray(v)) v.forEach((x) => nodes(x, out));
  else if (isNode(v)) {
    out.push(v);
    Object.values(v).forEach((x) => nodes(x, out));
  }
  return out;
}

const editsArb = fc.array(fc.tuple(fc.nat(), fc.nat(EDITS.length - 1)), { minLength: 1, maxLength: 3 });

it("nothing breaking reported ⇒ the old validators accept what the new catalog accepts", async () => {
  let compared = 0;
  let samples = 0;
  await fc.assert(
    fc.asyncProperty(catalogArb, editsArb, fc.integer(), async (c, edits, seed) => {
      const oldText = stringify(c, { aliasDuplicateObjects: false });
      const edited = structuredClone(c) as Node;
      for (const [at, e] of edits) {
        const all = nodes(edited);
        EDITS[e]!(all[at % all.length]!);
      }
      const old = loadText("old.yaml", oldText).model;
      const nu = loadText("new.yaml", stringify(edited, { aliasDuplicateObjects: false })).model;
      if (!old || !nu) return;
      const d = await diffCatalogs(old, nu, { witnesses: false });
      if (d.changes.some((x) => x.level === "breaking")) return;
      compared++;
      const [o, n] = await Promise.all([judges(old), judges(nu)]);
      const schemas = new Map(emitSchemaJson(nu).map((f) => [f.path, JSON.parse(f.content)]));
      for (const e of nu.events) {
        if (!old.events.some((x) => x.type === e.type)) continue;
        const bodies = fc.sample(validArb(schemas.get(`${e.names.schemaFile}.json`)), { numRuns: 12, seed });
        for (const body of bodies) {
          if (!n.ours(e.type, body)) continue;
          samples++;
          expect(o.ours(e.type, body), `${e.type}: ${JSON.stringify(body)}\nold:\n${oldText}\nchanges: ${JSON.stringify(d.changes.map((x) => [x.id, x.pointer]))}`).toBe(true);
        }
      }
    }),
    { numRuns: Number(process.env.EVENTGEN_FUZZ_RUNS ?? 200) },
  );
  if (process.env.EVENTGEN_FUZZ_RUNS) console.log({ compared, samples });
  expect(compared).toBeGreaterThan(3);
  expect(samples).toBeGreaterThan(10);
}, 60_000);
