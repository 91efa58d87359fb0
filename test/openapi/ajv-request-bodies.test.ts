// Each webhook's request-body schema in openapi.json, compiled by Ajv with its refs resolved into
// the document's components/schemas, judges bodies as the package's `validators[type]` does: the
// catalog's examples, the docs' synthesized example and sampled bodies, and targeted mutations of
// each (a required field dropped, a value of the wrong type, a value outside an enum), which both
// must reject.
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { exampleBody } from "../../generator/emit/docs/example-body.ts";
import { modelOf } from "../docs/support.ts";
import { makeAjv, PROTO_STAND_IN } from "../support/ajv.ts";
import { PACKAGES } from "../support/packages.ts";
import { validArb } from "../validators/arbitrary.ts";

type S = Record<string, unknown>;
type Key = string | number;

const PREFIX = "#/components/schemas/";

/** The schema a `$ref` into the document names, through refs to refs. */
function deref(doc: S, s: S): S {
  for (let guard = 0; typeof s["$ref"] === "string" && guard < 100; guard++) {
    const name = decodeURIComponent((s["$ref"] as string).slice(PREFIX.length)).replace(/~1/g, "/").replace(/~0/g, "~");
    s = ((doc["components"] as S)["schemas"] as S)[name] as S;
  }
  return s;
}

const jsonType = (v: unknown) => (v === null ? "null" : Array.isArray(v) ? "array" : typeof v === "number" && Number.isInteger(v) ? "integer" : typeof v);
const allows = (types: string[], v: unknown) => types.includes(jsonType(v)) || (types.includes("number") && typeof v === "number");
const WRONG: unknown[] = ["x", 1.5, true, null, [], {}];

interface Mutant {
  what: string;
  body: unknown;
}

/** Targeted mutations of a valid body, found by walking it alongside its schema. Unions are not
 * entered (a change there may still match another variant), except a nullable's non-null branch
 * and the fields every variant of a union of objects requires alike. */
function mutants(doc: S, root: S, body: unknown): Mutant[] {
  const out: Mutant[] = [];
  const at = (path: Key[], change: (parent: Record<Key, unknown>, key: Key) => void, what: string) => {
    const copy = { root: structuredClone(body) } as Record<Key, unknown>;
    let parent = copy;
    const keys: Key[] = ["root", ...path];
    for (const k of keys.slice(0, -1)) parent = parent[k] as Record<Key, unknown>;
    change(parent, keys[keys.length - 1]!);
    out.push({ what: `${what} at /${path.join("/")}`, body: copy["root"] });
  };
  const walk = (schema: S, value: unknown, path: Key[]): void => {
    const s = deref(doc, schema);
    const anyOf = s["anyOf"] as S[] | undefined;
    if (anyOf?.length === 2 && (anyOf[1] as S)["type"] === "null" && Object.keys(s).every((k) => k === "anyOf" || k === "description" || k === "title")) {
      if (value !== null) walk(anyOf[0]!, value, path);
      return;
    }
    const variants = ((s["oneOf"] ?? s["anyOf"]) as S[] | undefined)?.map((v) => deref(doc, v));
    // A union of objects (a body union): the fields every variant requires alike, whose change
    // no variant accepts (the type field and the envelope's).
    if (variants?.every((v) => v["type"] === "object" && v["properties"])) {
      const [first, ...rest] = variants;
      const shared = ((first!["required"] ?? []) as string[]).filter((k) =>
        rest.every((v) => ((v["required"] ?? []) as string[]).includes(k) && JSON.stringify((v["properties"] as S)[k]) === JSON.stringify((first!["properties"] as S)[k])),
      );
      return walk({ type: "object", properties: Object.fromEntries(shared.map((k) => [k, (first!["properties"] as S)[k]])), required: shared }, value, path);
    }
    if (s["oneOf"] || s["anyOf"]) return;
    const types = s["type"] === undefined ? undefined : ([] as string[]).concat(s["type"] as string | string[]);
    if (types) {
      const wrong = WRONG.find((w) => !allows(types, w))!;
      at(path, (p, k) => (p[k] = wrong), `${JSON.stringify(wrong)} for ${types.join("|")}`);
    }
    const listed = "const" in s ? [s["const"]] : (s["enum"] as unknown[] | undefined);
    if (listed) {
      const outside = typeof value === "number" ? Math.max(...listed.filter((x): x is number => typeof x === "number")) + 1 : "zz-not-listed";
      at(path, (p, k) => (p[k] = outside), `${JSON.stringify(outside)} outside ${JSON.stringify(listed)}`);
    }
    if (Array.isArray(value)) {
      if (value.length && s["items"]) walk(s["items"] as S, value[0], [...path, 0]);
    } else if (value && typeof value === "object") {
      const props = (s["properties"] ?? {}) as S;
      for (const k of (s["required"] as string[] | undefined) ?? [])
        if (Object.hasOwn(value, k)) at([...path, k], (p, key) => delete p[key], "required field dropped");
      for (const [k, v] of Object.entries(value)) {
        const sub = Object.hasOwn(props, k) ? (props[k] as S) : typeof s["additionalProperties"] === "object" ? (s["additionalProperties"] as S) : undefined;
        if (sub) walk(sub, v, [...path, k]);
      }
    }
  };
  walk(root, body, []);
  return out;
}

interface Pkg {
  validators: Record<string, (x: unknown) => { ok: boolean }>;
}

describe.each(PACKAGES)("$dir: Ajv on the OpenAPI request bodies", async ({ id, dir, catalog }) => {
  const pkg = (await import(pathToFileURL(resolve(dir, "dist/index.js")).href)) as Pkg;
  const text = readFileSync(join(dir, "openapi.json"), "utf8");
  const doc = JSON.parse(text) as S;
  const model = modelOf(catalog);
  const proto = PROTO_STAND_IN.needed(text);
  const forAjv = (v: unknown) => (proto ? PROTO_STAND_IN.apply(JSON.stringify(v)) : v);
  const ajv = makeAjv();
  const docId = `urn:eventgen-test:${id}:openapi`;
  ajv.addSchema({ ...(forAjv(doc) as S), $id: docId });

  it.each(model.events.map((e) => e.type))("%s", (type) => {
    const e = model.events.find((x) => x.type === type)!;
    const media = ((((doc["webhooks"] as S)[type] as S)["post"] as S)["requestBody"] as S)["content"] as S;
    const { schema, examples } = media["application/json"] as { schema: { $ref: string }; examples?: Record<string, { value: unknown }> };
    const ajvValidate = ajv.compile({ $ref: `${docId}${schema.$ref}` });
    const ours = pkg.validators[type]!;
    const root = deref(doc, schema);
    const verdict = (body: unknown) => {
      const want = ajvValidate(forAjv(body)) as boolean;
      expect(ours(body).ok, `${type}: ${JSON.stringify(body)}`).toBe(want);
      return want;
    };
    let targeted = 0;
    let sampledValid = 0;
    const withMutants = (body: unknown, mustBeValid: boolean) => {
      const valid = verdict(body);
      if (valid && !mustBeValid) sampledValid++;
      if (mustBeValid) expect(valid, `${type}: ${JSON.stringify(body)}`).toBe(true);
      if (!valid) return;
      for (const m of mutants(doc, root, body)) {
        targeted++;
        expect(verdict(m.body), `${type}: ${m.what}: ${JSON.stringify(m.body)}`).toBe(false);
      }
    };

    // The catalog's examples (as the document carries them) and the docs' synthesized body.
    expect(Object.values(examples ?? {}).map((x) => x.value)).toEqual(e.examples);
    for (const example of e.examples) withMutants(example, true);
    withMutants(exampleBody(model, e), true);
    // The type field dropped or changed, at least, for every event whose type travels in the body.
    if (model.envelope.typeField !== undefined) expect(targeted).toBeGreaterThanOrEqual(2);
    // Sampled bodies (mostly valid: format and pattern samplers aim for valid strings).
    fc.assert(fc.property(validArb(root, doc), (body) => withMutants(body, false)), { numRuns: 40 });
    expect(sampledValid, "the valid sampler should mostly make valid bodies").toBeGreaterThan(10);
  });
});
