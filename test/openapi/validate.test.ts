// Every OpenAPI document eventgen emits is a valid OpenAPI 3.1 document by a real validator
// (@readme/openapi-parser, a dev dependency: validation runs here, not at generate time), and says
// what the README promises: webhooks keyed by the exact event type, one `post` each, with the
// trigger, the group's tag, the scope, deprecation, the signing headers, a JSON request body that
// refers to its component schema, the catalog's examples and a 2XX response.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { compileErrors, validate } from "@readme/openapi-parser";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { emitOpenapi } from "../../generator/emit/openapi/openapi-emitter.ts";
import type { CatalogModel } from "../../generator/model/ir.ts";
import { modelOf } from "../docs/support.ts";
import { loadText } from "../support/load-text.ts";
import { PACKAGES } from "../support/packages.ts";
import { catalogArb } from "../support/random-catalog.ts";
import { mdProse } from "../../generator/emit/escape/markdown.ts";
import { jsonFileText } from "../../generator/emit/json-layout.ts";

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const HOSTILE = ["test/docs/fixtures/hostile.yaml", "test/docs/fixtures/hostile-code.yaml"];

/** The validator's verdict; it dereferences what it is given, so it gets a copy. */
async function problems(doc: Doc): Promise<string> {
  try {
    const result = await validate(structuredClone(doc) as never);
    return result.valid ? "" : compileErrors(result);
  } catch (e) {
    // Its dereferencer loops on a cycle through a `$ref` with sibling keywords (`{ $ref, description }`,
    // valid in 3.1; random catalogs make them): the rest of such a document is validated without
    // the siblings.
    if (!(e instanceof RangeError && /Maximum dereference depth/.test(e.message))) throw e;
    const bare = withoutRefSiblings(doc);
    if (JSON.stringify(bare) === JSON.stringify(doc)) throw e;
    return problems(bare);
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const withoutRefSiblings = (v: any): any =>
  Array.isArray(v) ? v.map(withoutRefSiblings)
  : typeof v !== "object" || v === null ? v
  : "$ref" in v ? { $ref: v.$ref }
  : Object.fromEntries(Object.entries(v).map(([k, x]) => [k, withoutRefSiblings(x)]));

/** Both documents as emitted in memory. */
function emitted(model: CatalogModel): { text: string; json: Doc; yaml: string } {
  const [json, yaml] = emitOpenapi(model);
  return { text: json!.content, json: JSON.parse(json!.content), yaml: yaml!.content };
}

/** The YAML holds exactly the JSON document: the same values, keys in the same order (compared as
 * text, since a key named `__proto__` trips structural equality). */
function expectYamlIsJson(yaml: string, jsonText: string) {
  // Compared as text (a key named __proto__ defeats deep equality), in the files' own layout.
  expect(jsonFileText(parse(yaml))).toBe(jsonText);
}

/** What the issue requires of each operation, held against the catalog's model. */
function expectStructure(doc: Doc, model: CatalogModel) {
  expect(doc.openapi).toBe("3.1.0");
  expect(Object.keys(doc.webhooks)).toEqual(model.events.map((e) => e.type));
  const ids = model.events.map((e) => doc.webhooks[e.type].post.operationId);
  expect(new Set(ids).size).toBe(ids.length);
  const tags = new Map<string, Doc>(doc.tags.map((t: Doc) => [t.name, t]));
  expect([...tags.keys()]).toEqual(model.groups.map((g) => g.id));
  // Descriptions are CommonMark: catalog text is CommonMark, made safe as in the docs.
  for (const g of model.groups) expect(tags.get(g.id)!.description).toBe(g.note === undefined ? undefined : mdProse(g.note));
  const signing = model.signing?.headers ?? [];
  const typeHeader = model.envelope.typeHeader;
  for (const e of model.events) {
    const item = doc.webhooks[e.type];
    expect(Object.keys(item), e.type).toEqual(["post"]);
    const op = item.post;
    expect(op.operationId).toBe(e.names.operationId);
    expect(op.summary).toBe(e.trigger);
    expect(op.tags).toEqual([e.group]);
    expect(op["x-eventgen-scope"]).toBe(e.scope);
    if (e.scope) expect(op.description).toContain(`Scope: ${mdProse(e.scope)}.`);
    expect(op.deprecated).toBe(e.deprecated ? true : undefined);
    const params: Doc[] = op.parameters ?? [];
    expect(params.every((p) => p.in === "header" && p.schema.type === "string")).toBe(true);
    expect(params.map((p) => [p.name, p.required])).toEqual([
      ...(typeHeader !== undefined ? [[typeHeader, true]] : []),
      ...signing.map((h) => [h.name, h.required]),
    ]);
    if (typeHeader !== undefined) expect(params[0]!.schema.const).toBe(e.type);
    expect(op.requestBody.required).toBe(true);
    expect(Object.keys(op.requestBody.content)).toEqual(["application/json"]);
    const media = op.requestBody.content["application/json"];
    const ref: string = media.schema.$ref;
    expect(ref).toBe(`#/components/schemas/${e.names.event}`);
    expect(doc.components.schemas[ref.slice("#/components/schemas/".length)]).toBeDefined();
    expect(Object.values(media.examples ?? {}).map((x) => (x as Doc).value)).toEqual(e.examples);
    expect(Object.keys(op.responses)).toEqual(["2XX"]);
  }
}

describe.each(PACKAGES)("$dir: openapi.json and openapi.yaml", ({ dir, catalog }) => {
  const text = readFileSync(join(dir, "openapi.json"), "utf8");
  const json = JSON.parse(text) as Doc;
  const yaml = readFileSync(join(dir, "openapi.yaml"), "utf8");

  it("openapi.json passes @readme/openapi-parser", async () => {
    expect(await problems(json)).toBe("");
  });

  it("openapi.yaml passes too, and parses to exactly openapi.json", async () => {
    expectYamlIsJson(yaml, text);
    expect(await problems(parse(yaml) as Doc)).toBe("");
  });

  it("has the structure the README promises", () => {
    expectStructure(json, modelOf(catalog));
  });
});

describe("the bundled documents, fact by fact", () => {
  const doc = (id: string) => JSON.parse(readFileSync(`generated/${id}/openapi.json`, "utf8")) as Doc;

  it("deck: Standard Webhooks headers, an operation per documented type", () => {
    const op = doc("deck").webhooks["task_run.completed"].post;
    expect(op).toMatchObject({ operationId: "taskRunCompleted", summary: "Run finishes successfully", tags: ["task_run"] });
    expect(op.parameters.map((p: Doc) => p.name)).toEqual(["webhook-id", "webhook-timestamp", "webhook-signature"]);
    expect(Object.keys(doc("deck").webhooks)).toHaveLength(33);
  });

  it("truto: the Records group's note is on its tag", () => {
    const records = doc("truto").tags.find((t: Doc) => t.name === "records");
    expect(records.description).toMatch(/underlying Integration/);
    expect(doc("truto").webhooks["record:created"].post.tags).toEqual(["records"]);
  });

  it("chift: POS scope as an extension, an optional signature header", () => {
    const op = doc("chift").webhooks["pos.order.completed"].post;
    expect(op["x-eventgen-scope"]).toBe("POS");
    expect(op.parameters).toEqual([expect.objectContaining({ name: "X-Chift-Signature", in: "header", required: false })]);
  });
});

describe("discriminators", () => {
  it("map each variant's value to its schema (tools otherwise read the schema's name as the value)", () => {
    const doc = JSON.parse(readFileSync("test/cases/constructs/generated/constructs/openapi.json", "utf8")) as Doc;
    const { discriminator } = doc.components.schemas.Shape;
    expect(discriminator).toEqual({ propertyName: "type", mapping: { circle: "#/components/schemas/Circle", square: "#/components/schemas/Square" } });
    for (const [value, ref] of Object.entries<string>(discriminator.mapping))
      expect(doc.components.schemas[ref.split("/").pop()!].properties.type.const).toBe(value);
  });
});

describe("the validator is not a rubber stamp", () => {
  const deck = () => JSON.parse(readFileSync("generated/deck/openapi.json", "utf8")) as Doc;
  const breakages: [string, (d: Doc) => void][] = [
    ["a response without its description", (d) => delete d.webhooks["agent.created"].post.responses["2XX"].description],
    ["a parameter in an unknown place", (d) => (d.webhooks["agent.created"].post.parameters[0].in = "body")],
    ["a $ref to no component", (d) => (d.webhooks["agent.created"].post.requestBody.content["application/json"].schema.$ref = "#/components/schemas/Nope")],
    ["no info.version", (d) => delete d.info.version],
  ];
  it.each(breakages)("rejects %s", async (_, edit) => {
    const d = deck();
    edit(d);
    expect(await problems(d)).not.toBe("");
  });
  // It does not check operationIds across `webhooks` (only under `paths`): expectStructure does.
});

describe("documents emitted in memory", () => {
  it.each(HOSTILE)("from %s: valid, YAML equal to JSON, the promised structure", async (fixture) => {
    const model = modelOf(fixture);
    const { text, json, yaml } = emitted(model);
    expect(await problems(json)).toBe("");
    expectYamlIsJson(yaml, text);
    expectStructure(json, model);
    // The catalog's text is data: the exact strings, `*/`, `${…}`, backticks and all.
    const catalog = parse(readFileSync(fixture, "utf8"));
    expect(Object.keys(json.webhooks)).toEqual(Object.keys(catalog.events));
    expect(json.info.title).toBe(catalog.title);
  });

  it("from random catalogs: every one the checker accepts is valid and has the promised structure", async () => {
    const accepted = catalogArb
      .map((c) => loadText("random.yaml", stringify(c, { aliasDuplicateObjects: false })).model)
      .filter((m): m is CatalogModel => m !== undefined);
    await fc.assert(
      fc.asyncProperty(accepted, async (model) => {
        const { text, json, yaml } = emitted(model);
        expect(await problems(json)).toBe("");
        expectYamlIsJson(yaml, text);
        expectStructure(json, model);
      }),
      { numRuns: Number(process.env.EVENTGEN_FUZZ_RUNS ?? 30) },
    );
  });
});
