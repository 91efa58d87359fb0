// Validator throughput, in one process: the generated validators against Ajv (compiled from the
// generated JSON Schemas, with ajv-formats), Zod 4 (z.fromJSONSchema on the same schemas) and
// hand-written typeof chains, on the same bodies, with warm-up and alternating rounds.
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import * as z from "zod";
import { exampleBody } from "../generator/emit/docs/example-body.ts";
import { loadAndCheck } from "../generator/load-and-check.ts";
import type { Json } from "../generator/model/ir.ts";
import { isChiftFlowExecuted, isDeckTaskRunCompleted } from "./hand-written.ts";
import { compare, median, pairedRatio, type Contender, type RoundResult } from "./measure.ts";

type Result = { ok: boolean; errors?: unknown[] };
interface Pkg {
  validators: Record<string, (x: unknown) => Result>;
  validateEvent(x: unknown, type?: string): Result;
}

export interface Workload {
  name: string;
  /** [event type, body] pairs, valid unless the workload says otherwise. */
  cases: [string, Json][];
}

export interface Row {
  workload: string;
  /** Nanoseconds per call, median over rounds. */
  ns: Record<string, number>;
  /** Paired ratios: other / ours (how many times slower the other is). */
  ratios: Record<string, number>;
}

export async function loadPackage(dir: string): Promise<Pkg> {
  return (await import(pathToFileURL(resolve(dir, "dist/index.js")).href)) as Pkg;
}

const schemaFile = (dir: string, type: string) => join(dir, "schemas", `${type.replace(/[^A-Za-z0-9._@+/-]/g, "_")}.json`);

/** Ajv as its users set it up: the 2020-12 dialect, formats, otherwise defaults. */
function ajvFor(allErrors: boolean) {
  const ajv = new Ajv2020.default({ strict: false, allErrors });
  addFormats.default(ajv);
  return ajv;
}

/** The bodies of a bundled catalog: its examples and a synthesized body per event. */
export function catalogBodies(catalogFile: string): Map<string, Json[]> {
  const { models } = loadAndCheck([catalogFile]);
  const out = new Map<string, Json[]>();
  for (const m of models) for (const e of m.events) out.set(e.type, [...e.examples, exampleBody(m, e)]);
  return out;
}

/** One change deep inside a valid body: the last string leaf becomes a number, and one required
 * field of the top level goes missing, so both a type error and a missing field are reported. */
export function breakBody(body: Json): Json {
  const copy = structuredClone(body) as Record<string, Json>;
  let target: { o: Record<string, Json> | Json[]; k: string | number } | undefined;
  const walk = (v: Json) => {
    if (Array.isArray(v)) v.forEach((x, i) => (typeof x === "string" ? (target = { o: v, k: i }) : walk(x)));
    else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) typeof x === "string" ? (target = { o: v, k }) : walk(x);
  };
  walk(copy);
  if (target) (target.o as Record<string | number, Json>)[target.k] = 12345;
  const keys = Object.keys(copy);
  if (keys.length > 2) delete copy[keys[1]!];
  return copy;
}

/** A body as a webhook handler has it: JSON.parse of the delivery. Values read from the catalog's
 * YAML are strings sliced out of the file, which every validator reads more slowly (eventgen's
 * character-by-character UUID check most of all), so they would measure the loader, not the
 * validators. */
const asDelivered = (body: Json): Json => JSON.parse(JSON.stringify(body)) as Json;

interface Opts {
  rounds: number;
  roundMs: number;
  warmupMs: number;
}

function run(contenders: Contender[], opts: Opts): RoundResult {
  return compare(contenders, opts);
}

function row(workload: string, res: RoundResult, ours: string): Row {
  const ns: Record<string, number> = {};
  const ratios: Record<string, number> = {};
  for (const [name, xs] of res.perCall) {
    ns[name] = median(xs);
    if (name !== ours) ratios[name] = pairedRatio(res, name, ours);
  }
  return { workload, ns, ratios };
}

/** Every contender over the same cases; each checks that it agrees with ours before timing. */
export async function compareOnWorkload(dir: string, w: Workload, opts: Opts & { valid: boolean; hand?: (b: unknown) => boolean }): Promise<Row> {
  const pkg = await loadPackage(dir);
  const ajv = ajvFor(!opts.valid);
  const types = [...new Set(w.cases.map(([t]) => t))];
  const ajvFns = new Map(types.map((t) => [t, ajv.compile(JSON.parse(readFileSync(schemaFile(dir, t), "utf8")))]));
  const zodFns = new Map(types.map((t) => [t, z.fromJSONSchema(JSON.parse(readFileSync(schemaFile(dir, t), "utf8")))]));
  const cases = w.cases.map(([t, body]) => ({ t, body: asDelivered(body), ours: pkg.validators[t]!, ajv: ajvFns.get(t)!, zod: zodFns.get(t)! }));
  for (const c of cases) {
    const verdicts = { ours: c.ours(c.body).ok, ajv: c.ajv(c.body) as boolean, zod: c.zod.safeParse(c.body).success, hand: opts.hand ? opts.hand(c.body) : opts.valid };
    for (const [who, ok] of Object.entries(verdicts))
      if (ok !== opts.valid) throw new Error(`${w.name}: ${who} says ${ok ? "valid" : "invalid"} for a ${opts.valid ? "valid" : "invalid"} ${c.t} body: ${JSON.stringify(c.body).slice(0, 300)}`);
  }
  const n = cases.length;
  const contenders: Contender[] = [
    {
      name: "eventgen",
      calls: n,
      pass: () => {
        let k = 0;
        for (let i = 0; i < n; i++) {
          const r = cases[i]!.ours(cases[i]!.body);
          k += r.ok ? 1 : r.errors!.length;
        }
        return k;
      },
    },
    {
      name: "ajv",
      calls: n,
      pass: () => {
        let k = 0;
        for (let i = 0; i < n; i++) {
          const f = cases[i]!.ajv;
          k += f(cases[i]!.body) ? 1 : f.errors!.length;
        }
        return k;
      },
    },
    {
      name: "zod",
      calls: n,
      pass: () => {
        let k = 0;
        for (let i = 0; i < n; i++) {
          const r = cases[i]!.zod.safeParse(cases[i]!.body);
          k += r.success ? 1 : r.error.issues.length;
        }
        return k;
      },
    },
  ];
  const hand = opts.hand;
  if (hand)
    contenders.push({
      name: "hand-written",
      calls: n,
      pass: () => {
        let k = 0;
        for (let i = 0; i < n; i++) if (hand(cases[i]!.body)) k++;
        return k;
      },
    });
  return row(w.name, run(contenders, opts), "eventgen");
}

/** validateEvent on the same bodies through a small and a large catalog's package. */
export async function dispatchScaling(smallDir: string, largeDir: string, cases: [string, Json][], opts: Opts): Promise<Row> {
  const small = await loadPackage(smallDir);
  const large = await loadPackage(largeDir);
  for (const [t, b] of cases) if (!small.validateEvent(b).ok || !large.validateEvent(b).ok) throw new Error(`dispatch: ${t} body is not valid`);
  const bodies = cases.map(([, b]) => asDelivered(b));
  const contender = (name: string, pkg: Pkg): Contender => ({
    name,
    calls: bodies.length,
    pass: () => {
      let k = 0;
      for (let i = 0; i < bodies.length; i++) if (pkg.validateEvent(bodies[i]).ok) k++;
      return k;
    },
  });
  const res = run([contender("small", small), contender("large", large)], opts);
  return row("validateEvent", res, "small");
}

export { catalogBodies as bundledBodies };
