// The AsyncAPI 3.0 document of every package the repository holds, of the hostile fixtures and of
// random catalogs is valid to @asyncapi/parser (offline, no errors and no warnings), and has the
// structure the README promises: the producer's view (`send`), one channel, operation and message
// per event keyed by the exact type, the payload schemas of the package, the signing headers as a
// message trait with the id header as correlationId, tags from groups, deprecation.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Parser } from "@asyncapi/parser";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { emitAsyncapi } from "../../generator/emit/asyncapi/asyncapi-emitter.ts";
import { jsonFileText } from "../../generator/emit/json-layout.ts";
import { emitOpenapi } from "../../generator/emit/openapi/openapi-emitter.ts";
import type { CatalogModel } from "../../generator/model/ir.ts";
import { modelOf } from "../docs/support.ts";
import { loadText } from "../support/load-text.ts";
import { PACKAGES } from "../support/packages.ts";
import { catalogArb } from "../support/random-catalog.ts";

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const parser = new Parser();
const HOSTILE = ["test/docs/fixtures/hostile.yaml", "test/docs/fixtures/hostile-code.yaml"];

/** The parser's errors and warnings (severity 0 and 1); information and hints aside (it suggests
 * AsyncAPI 3.1). The parser reads a `__proto__` key as an object's prototype (it then sees the
 * schema of a property of that name as the object's own keywords, or fails in immer), so the
 * document it is given has such keys renamed; everything else is as emitted. */
async function problems(text: string): Promise<{ problems: string[]; document: Awaited<ReturnType<Parser["parse"]>>["document"] }> {
  const { document, diagnostics } = await parser.parse(text.replace(/"__proto__"|(?<=^\s*)__proto__(?=:)/gm, (k) => k.replace("__proto__", "proto__renamed")));
  return { document, problems: diagnostics.filter((d) => d.severity <= 1).map((d) => `${d.code} ${d.message} at /${d.path.join("/")}`) };
}

function emitted(model: CatalogModel): { text: string; json: Doc; yaml: string } {
  const [json, yaml] = emitAsyncapi(model);
  return { text: json!.content, json: JSON.parse(json!.content), yaml: yaml!.content };
}

/** OpenAPI's discriminator objects as AsyncAPI's property names: the schemas are otherwise the same. */
const plain = (v: any): any =>
  Array.isArray(v) ? v.map(plain) : typeof v !== "object" || v === null ? v : Object.fromEntries(Object.entries(v).map(([k, x]) => [k, k === "discriminator" && typeof x === "object" && x && "propertyName" in x ? x.propertyName : plain(x)]));

async function expectValidAndPromised(model: CatalogModel) {
  const { text, json, yaml } = emitted(model);
  const parsed = await problems(yaml);
  expect(parsed.problems).toEqual([]);
  expect(jsonFileText(parse(yaml))).toBe(text);
  expect(json.asyncapi).toBe("3.0.0");
  const doc = parsed.document!;
  expect(doc).toBeDefined();
  // One channel, operation and message per event, in order, keyed by the exact type.
  const messages = Object.values<Doc>(json.components.messages);
  expect(messages.map((m) => m.name)).toEqual(model.events.map((e) => e.type));
  expect(Object.values<Doc>(json.channels).map((c) => c.title)).toEqual(model.events.map((e) => e.type));
  expect(Object.values<Doc>(json.channels).map((c) => c.address)).toEqual(model.events.map((e) => (/[{}]/.test(e.type) ? null : e.type)));
  expect(doc.operations().all().map((o) => o.action())).toEqual(model.events.map(() => "send"));
  expect(Object.keys(json.operations)).toEqual(model.events.map((e) => e.names.operationId));
  // Each operation sends its channel's one message, named by the type.
  for (const [i, o] of doc.operations().all().entries()) expect(o.messages().all().map((m) => m.name())).toEqual([model.events[i]!.type]);
  // Payloads are the package's schemas.
  const openapi = JSON.parse(emitOpenapi(model)[0]!.content);
  expect(json.components.schemas).toEqual(plain(openapi.components.schemas));
  for (const e of model.events) expect(json.components.messages[e.names.base].payload).toEqual({ $ref: `#/components/schemas/${e.names.event}` });
  // Tags from groups; deprecation on the message, the operation and the payload schema.
  expect(json.info.tags.map((t: Doc) => t.name)).toEqual(model.groups.map((g) => g.id));
  for (const e of model.events) {
    const m = json.components.messages[e.names.base];
    expect(m.tags).toEqual([{ name: e.group }]);
    expect(m["x-eventgen-deprecated"]).toEqual(e.deprecated);
    expect(json.operations[e.names.operationId]["x-eventgen-deprecated"]).toEqual(e.deprecated);
    if (e.deprecated) expect(json.components.schemas[e.names.event].deprecated).toBe(true);
  }
  // Signing headers, once traits are applied, on every message; the id header is correlationId.
  const headers = model.signing?.headers ?? [];
  for (const m of doc.messages().all()) {
    const names = Object.keys(m.headers()?.properties() ?? {});
    expect(names).toEqual(expect.arrayContaining([...headers.map((h) => h.name), ...(model.envelope.typeHeader ? [model.envelope.typeHeader] : [])]));
    const id = headers.find((h) => h.role === "id");
    if (id) expect(m.correlationId()?.location()).toBe(`$message.header#/${id.name.replace(/~/g, "~0").replace(/\//g, "~1")}`);
  }
}

describe("AsyncAPI documents of the packages in the repository", () => {
  it.each(PACKAGES.map((p) => [p.id, p] as const))("%s: valid, YAML equal to JSON, the promised structure", async (_, p) => {
    const model = modelOf(p.catalog);
    await expectValidAndPromised(model);
    // What is on disk is what the emitter makes, and the package exports it.
    expect(readFileSync(join(p.dir, "asyncapi.json"), "utf8")).toBe(emitted(model).text);
    const pkg = JSON.parse(readFileSync(join(p.dir, "package.json"), "utf8"));
    expect(pkg.exports["./asyncapi.json"]).toBe("./asyncapi.json");
    expect(pkg.exports["./asyncapi.yaml"]).toBe("./asyncapi.yaml");
    expect(pkg.files).toEqual(expect.arrayContaining(["asyncapi.json", "asyncapi.yaml"]));
  }, 30_000);
});

describe("AsyncAPI documents emitted in memory", () => {
  it.each(HOSTILE)("from %s: valid and inert", async (fixture) => {
    const model = modelOf(fixture);
    await expectValidAndPromised(model);
    const catalog = parse(readFileSync(fixture, "utf8"));
    expect(emitted(model).json.info.title).toBe(catalog.title);
  }, 30_000);

  it("from random catalogs: every one the checker accepts is valid and has the promised structure", async () => {
    const accepted = catalogArb
      .map((c) => loadText("random.yaml", stringify(c, { aliasDuplicateObjects: false })).model)
      .filter((m): m is CatalogModel => m !== undefined);
    await fc.assert(fc.asyncProperty(accepted, expectValidAndPromised), { numRuns: Number(process.env.EVENTGEN_FUZZ_RUNS ?? 20) });
  }, 120_000);
});
