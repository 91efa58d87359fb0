// Shape sharing (generator/model/shapes.ts) against catalogs built to trip it: recursion, nullable
// and optional first uses, copies of named schemas as union variants, flat and header-typed
// bodies, envelope and outer fields, derived schemas, names that clash (the catalogs in
// shapes-adversarial/), and random catalogs that repeat a pool of shapes inline, by reference,
// nullable and optional. For each: the generated validators judge as Ajv on the emitted JSON
// Schemas, the package type-checks under strict tsc, and the OpenAPI document is valid.
import { cpSync, mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { validate } from "@readme/openapi-parser";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { emitCatalog, emitSchemaJson } from "../../generator/emit/emit-catalog.ts";
import { openapiDocument } from "../../generator/emit/openapi/openapi-document.ts";
import { emitValidatorsModule } from "../../generator/emit/validators/validators-module.ts";
import { loadCompiledValidators } from "../../generator/check/examples.ts";
import type { CatalogModel } from "../../generator/model/ir.ts";
import { RUNTIME_NAMES } from "../../generator/model/naming.ts";
import { sharedShapes } from "../../generator/model/shapes.ts";
import { makeAjv, PROTO_STAND_IN } from "../support/ajv.ts";
import { loadText } from "../support/load-text.ts";
import { diagnostics, show } from "../support/typecheck.ts";
import { mutatedArb, validArb } from "./arbitrary.ts";

const DIR = "test/validators/shapes-adversarial";
const SEED = Number(process.env["EVENTGEN_FUZZ_SEED"] ?? 16);

type Result = { ok: boolean; errors?: { path: string; code: string; message: string; expected?: string }[] };
type Validators = Record<string, (b: unknown) => Result>;

function modelOf(file: string, text: string): CatalogModel {
  const { model, diagnostics: found } = loadText(file, text);
  if (!model) throw new Error(`${file} does not load:\n${found.map((d) => `${d.pos.line}:${d.pos.col} ${d.code} ${d.message}`).join("\n")}`);
  return model;
}

async function validatorsOf(m: CatalogModel): Promise<Validators> {
  return (await loadCompiledValidators<{ validators: Validators }>(emitValidatorsModule(m).js)).validators;
}

/** Ours and Ajv on sampled valid and mutated bodies of every event; returns how many were judged. */
async function agree(m: CatalogModel, runs: number, opts: { skipEndless?: boolean } = {}): Promise<number> {
  const validators = await validatorsOf(m);
  const files = new Map(emitSchemaJson(m).map((f) => [f.path, f.content]));
  let judged = 0;
  for (const e of m.events) {
    const text = files.get(`${e.names.schemaFile}.json`)!;
    const proto = PROTO_STAND_IN.needed(text);
    const ajv = makeAjv().compile(proto ? (PROTO_STAND_IN.apply(text) as object) : JSON.parse(text));
    const schema = JSON.parse(text);
    const check = (body: unknown) => {
      const want = ajv(proto ? PROTO_STAND_IN.apply(JSON.stringify(body)) : body) as boolean;
      const got = validators[e.type]!(body);
      expect(got.ok, `${m.file} ${e.type}: ${JSON.stringify(body)}`).toBe(want);
      // Where the fast path says no, the error path finds why.
      if (!got.ok) expect(got.errors?.length, `${e.type}: errors for ${JSON.stringify(body)}`).toBeGreaterThan(0);
      judged++;
    };
    try {
      fc.assert(fc.property(validArb(schema), check), { numRuns: runs, seed: SEED });
      fc.assert(fc.property(mutatedArb(schema), check), { numRuns: runs, seed: SEED + 1 });
    } catch (err) {
      // A random catalog may require a recursion no finite body ends (`B: { b: B }`): the sampler
      // cannot make one, and has nothing to judge.
      if (!(opts.skipEndless && err instanceof RangeError)) throw err;
    }
  }
  return judged;
}

const tmp = mkdtempSync(join(tmpdir(), "eventgen-shapes-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The package's files on disk, type-checked: every diagnostic shown. */
function typecheck(m: CatalogModel, id: string): string[] {
  const root = join(tmp, id);
  for (const f of emitCatalog(m)) {
    mkdirSync(dirname(join(root, f.path)), { recursive: true });
    writeFileSync(join(root, f.path), f.content);
  }
  // The runtime is the same in every package.
  cpSync("generated/deck/src/runtime", join(root, "src/runtime"), { recursive: true });
  return diagnostics([join(root, "src/index.ts")]).map(show);
}

describe("shapes: adversarial catalogs", () => {
  const cases = readdirSync(DIR).filter((f) => f.endsWith(".yaml")).sort();
  const models = new Map(cases.map((f) => [f, modelOf(`${DIR}/${f}`, readFileSync(`${DIR}/${f}`, "utf8"))]));

  it.each(cases)("%s: shares shapes, judges as Ajv, type-checks and is a valid OpenAPI document", async (file) => {
    const m = models.get(file)!;
    // Each catalog shares something: a function pair written once and called from two places or more.
    const ts = emitValidatorsModule(m).ts;
    const fns = [...sharedShapes(m).made.map((s) => s.fast), ...m.schemas.map((s) => `fs_${s.typeName}`)];
    expect(fns.filter((f) => ts.split(`${f}(`).length - 1 >= 3).length).toBeGreaterThan(0);
    expect(await agree(m, 60)).toBeGreaterThan(0);
    expect(typecheck(m, file.replace(/\.yaml$/, ""))).toEqual([]);
    await expect(validate(openapiDocument(m) as never)).resolves.toBeTruthy();
  }, 60_000);

  it("say `or null` where a shared shape's place may be null, as the check written in place does", async () => {
    const validators = await validatorsOf(models.get("variants.yaml")!);
    const body = { type: "a.one", data: { shape: { kind: "circle", radius: 1 }, maybe: "no", inl: { kind: "tri", side: 1 } } };
    expect(validators["a.one"]!(body).errors).toEqual([
      { path: "/data/maybe", code: "type", message: "must be an object or null", expected: "object or null", received: "string" },
    ]);
    const places = await validatorsOf(models.get("places.yaml")!);
    const errors = places["c.one"]!({ type: "c.one", actor: { login: "a", id: 1 }, meta: 1, data: { object: { who: [], part: {}, open: { tier: "x" }, closed: { tier: "gold" } } } }).errors;
    expect(errors?.filter((e) => e.code === "type").map((e) => `${e.path} ${e.message}`)).toEqual(["/meta must be an object or null", "/data/object/who must be an object or null"]);
  });

  it("map each discriminator value of a variant written as a $ref to its named schema (OpenAPI)", () => {
    const variants = openapiDocument(models.get("variants.yaml")!) as any;
    const data = variants.components.schemas.AOneEvent.properties.data.properties;
    expect(data.inl.oneOf[0]).toEqual({ $ref: "#/components/schemas/Circle" });
    expect(data.inl.discriminator).toEqual({ propertyName: "kind", mapping: { circle: "#/components/schemas/Circle" } });
    // A body-level union whose variants are whole bodies of a named schema's shape.
    const header = openapiDocument(models.get("header.yaml")!) as any;
    expect(header.components.schemas.DrawnEvent.discriminator).toEqual({
      propertyName: "kind",
      mapping: { circle: "#/components/schemas/Circle", square: "#/components/schemas/Square" },
    });
  });

  it("name no shape after a name the package's index exports", () => {
    const names = sharedShapes(models.get("names.yaml")!).made.map((s) => s.typeName);
    expect(names).toEqual(expect.arrayContaining(["AOneHandler", "AOneDelivery", "AOneIssueCode", "AOneRecord", "AOneEvent2", "Proto", "Constructor"]));
    // Every name the index exports besides the types module's is reserved (deck, a signed catalog).
    const exported = ["validators.ts", "webhooks.ts"].flatMap((f) => {
      const text = readFileSync(`generated/deck/src/${f}`, "utf8");
      const lists = [...text.matchAll(/^export (?:type )?\{([^}]*)\} from "[^"]+";$/gm)].flatMap((x) => x[1]!.split(","));
      const declared = [...text.matchAll(/^export (?:function|const|class) (\w+)/gm)].map((x) => x[1]!);
      return [...lists, ...declared].map((n) => n.trim()).filter(Boolean);
    });
    expect(exported).toEqual(expect.arrayContaining(["Handler", "Body", "validateEvent", "signPayload"]));
    expect(exported.filter((n) => !(RUNTIME_NAMES as readonly string[]).includes(n))).toEqual([]);
  });
});

// Random catalogs that repeat a small pool of shapes: inline, by reference, nullable, optional, in
// arrays, with descriptions of their own, under a `data`, a nested (`data.object`) or a flat envelope.
const leaf = fc.constantFrom<unknown>("string", "integer", { type: "integer", minimum: 1 }, { type: "string", pattern: "^a" }, { enum: ["x", "y"] }, { enum: ["x", "y"], extensible: true }, { const: "k" }, "string|null", "boolean", { type: "string", format: "email" });
const { node } = fc.letrec<{ node: unknown; obj: Record<string, unknown>; ref: unknown; arr: unknown; map: unknown; nul: unknown; union: unknown }>((tie) => ({
  node: fc.oneof({ depthSize: "small" }, leaf, tie("obj"), tie("ref"), tie("arr"), tie("map"), tie("union"), tie("nul")),
  obj: fc
    .record({ properties: fc.dictionary(fc.constantFrom("a", "b", "c?", "d?", "__proto__", "x/y"), tie("node"), { minKeys: 1, maxKeys: 3 }), closed: fc.boolean() })
    .map((o) => (o.closed ? { properties: o.properties, additionalProperties: false } : { properties: o.properties })),
  ref: fc.constantFrom("A", "B", "C").map((n) => ({ ref: n })),
  arr: tie("node").map((n) => ({ type: "array", items: n })),
  map: tie("node").map((n) => ({ values: n })),
  nul: tie("obj").map((o) => ({ ...o, nullable: true, description: "maybe" })),
  union: fc.tuple(fc.array(tie("obj"), { minLength: 1, maxLength: 2 }), fc.constantFrom("oneOf", "anyOf")).map(([vs, m]) => ({ [m]: vs })),
}));
const tagged = fc.array(fc.dictionary(fc.constantFrom("p", "q?"), leaf, { maxKeys: 2 }), { minLength: 2, maxLength: 3 }).map((vs) => ({
  oneOf: vs.map((props, i) => ({ properties: { kind: { const: `k${i}` }, ...props } })),
  discriminator: "kind",
}));
const repeating = fc
  .record({
    named: fc.tuple(fc.option(node, { nil: undefined }), node, node, tagged),
    pool: fc.array(fc.oneof(node, tagged), { minLength: 1, maxLength: 4 }),
    picks: fc.array(fc.array(fc.tuple(fc.nat(20), fc.constantFrom("plain", "null", "opt", "arr", "desc")), { minLength: 1, maxLength: 5 }), { minLength: 2, maxLength: 3 }),
    envelope: fc.constantFrom("data", "path", "flat"),
  })
  .map(({ named: [extra, b, c, d], pool, picks, envelope }) => {
    // A recursive object, two of any shape and a discriminated union, each also copied inline.
    const schemas = { A: { properties: { name: "string", "next?": { ref: "A" }, ...(extra === undefined ? {} : { "x?": extra }) } }, B: b, C: c, D: d };
    const all: unknown[] = [...pool, ...Object.values(schemas)];
    const events = Object.fromEntries(
      picks.map((ps, i) => {
        const properties: Record<string, unknown> = { [`own${i}`]: "string" };
        ps.forEach(([k, how], j) => {
          let s = structuredClone(all[k % all.length]) as Record<string, unknown> | string;
          const object = typeof s === "object" && !("ref" in s) && !("oneOf" in s) && !("anyOf" in s);
          if (how === "null" && object) s = { ...(s as object), nullable: true };
          if (how === "arr") s = { type: "array", items: s };
          if (how === "desc" && typeof s === "object") s = { ...s, description: "here" };
          properties[how === "opt" ? `f${j}?` : `f${j}`] = s;
        });
        return [`e.n${i}`, { group: "g", trigger: "t", payload: { properties } }];
      }),
    );
    const env =
      envelope === "data"
        ? { typeField: "type", payloadField: "data", fields: { meta: { properties: { name: "string", "next?": { ref: "A" } } } } }
        : envelope === "path"
          ? { typeField: "type", payloadField: "data.object" }
          : { typeField: "type", flat: true };
    return { title: "T", version: "1.0.0", source: { title: "s" }, package: { name: "t" }, envelope: env, groups: { g: { title: "G" } }, schemas, events };
  });

describe("shapes: random catalogs that repeat shapes", () => {
  it(`judge as Ajv on every event (seed ${SEED})`, async () => {
    let loaded = 0;
    let made = 0;
    let judged = 0;
    for (const catalog of fc.sample(repeating, { numRuns: 25, seed: SEED })) {
      // JSON is YAML.
      const { model } = loadText("repeating.yaml", JSON.stringify(catalog, null, 1));
      if (!model) continue;
      loaded++;
      made += sharedShapes(model).made.length;
      judged += await agree(model, 20, { skipEndless: true });
    }
    expect(loaded).toBeGreaterThan(15);
    expect(made).toBeGreaterThan(10);
    expect(judged).toBeGreaterThan(1000);
  }, 120_000);
});
