// A bundled catalog's generated openapi.json, imported and generated again, keeps its webhooks,
// summaries, tags and operationIds, and its validators judge every body as the original's do.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { agree, eventSchemaFile, generateAll, importInto, scratchDir, type Pkg } from "./support.ts";

const bundled = ["deck", "truto", "chift"];
const scratch = scratchDir("round-trip");
afterAll(scratch.done);

type Doc = { webhooks: Record<string, { post: Record<string, unknown> }>; tags: unknown[]; components: { schemas: Record<string, unknown> } };
const read = (f: string) => JSON.parse(readFileSync(f, "utf8")) as Doc;

describe.each(bundled)("round trip of generated/%s/openapi.json", async (id) => {
  const imported = importInto("openapi", `generated/${id}/openapi.json`, scratch.dir, id);
  const load = await generateAll(scratch.dir);
  const before = read(`generated/${id}/openapi.json`);
  const after = read(join(scratch.dir, "out", id, "openapi.json"));
  const original = (await import(pathToFileURL(`generated/${id}/dist/index.js`).href)) as Pkg;
  const again = await load(id);

  it("imports without a warning", () => expect(imported.printed).toEqual([]));

  it("keeps the webhooks, their summaries, tags, operationIds, descriptions and parameters", () => {
    expect(Object.keys(after.webhooks)).toEqual(Object.keys(before.webhooks));
    const facts = (d: Doc) => Object.values(d.webhooks).map(({ post: p }) => [p.summary, p.tags, p.operationId, p.description, p.deprecated, p.parameters]);
    expect(facts(after)).toEqual(facts(before));
    expect(after.tags).toEqual(before.tags);
  });

  it("keeps every component schema as it was", () => expect(after.components.schemas).toEqual(before.components.schemas));

  it.each(Object.keys(before.webhooks))("%s: the validators agree on examples, sampled and mutated bodies", (type) => {
    const examples = Object.values((before.webhooks[type]!.post as { requestBody: { content: { "application/json": { examples?: Record<string, { value: unknown }> } } } }).requestBody.content["application/json"].examples ?? {}).map((x) => x.value);
    for (const x of examples) expect(again.validators[type]!(x).ok).toBe(true);
    agree(eventSchemaFile(`generated/${id}`, type), (b) => original.validators[type]!(b).ok, (b) => again.validators[type]!(b).ok, 60, examples);
    agree(eventSchemaFile(`generated/${id}`, type), (b) => original.validateEvent(b).ok, (b) => again.validateEvent(b).ok, 20);
  });
});
