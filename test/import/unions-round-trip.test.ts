// Body-level unions and an event's outer fields come back from what eventgen writes: the unions,
// header-typed and payload-path cases' openapi.json, imported and generated again, keep every
// event's body schema, and their validators judge sampled and mutated bodies as the originals do.
// A foreign document's body that is a oneOf of objects (GitHub's review_requested) is read exactly.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { agree, eventSchemaFile, generateAll, importInto, scratchDir, type Pkg } from "./support.ts";

const scratch = scratchDir("unions-round-trip");
afterAll(scratch.done);

type Doc = { webhooks: Record<string, unknown>; components: { schemas: Record<string, unknown> } };
const read = (f: string) => JSON.parse(readFileSync(f, "utf8")) as Doc;
const cases = ["unions", "header-typed", "payload-path"];

describe.each(cases)("round trip of the %s case", async (id) => {
  const dir = `test/cases/${id}/generated/${id}`;
  const imported = importInto("openapi", `${dir}/openapi.json`, scratch.dir, id);
  const viaAsyncapi = importInto("asyncapi", `${dir}/asyncapi.json`, scratch.dir, `${id}-a`);
  const load = await generateAll(scratch.dir);
  const before = read(`${dir}/openapi.json`);
  const after = read(join(scratch.dir, "out", id, "openapi.json"));
  const original = (await import(pathToFileURL(`${dir}/dist/index.js`).href)) as Pkg;
  const again = await load(id);

  it("imports without a warning, the same from AsyncAPI", () => {
    expect(imported.printed).toEqual([]);
    expect(viaAsyncapi.printed).toEqual([]);
    const substance = (t: string, name: string) => t.split("\n").filter((l) => !/^# Imported from|^ {2}document: /.test(l)).join("\n").replace(`"@${name}/webhooks"`, "NAME");
    expect(substance(viaAsyncapi.text, `${id}-a`)).toBe(substance(imported.text, id));
  });

  it("writes the constructs back: a union payload, outer fields", () => {
    if (id === "payload-path") expect(imported.text).toMatch(/outer:\n\s+data:\n\s+previous_attributes\?:/);
    else expect(imported.text).toMatch(/payload:\n\s+(oneOf|anyOf):/);
  });

  it("keeps every event's body schema as it was", () => {
    const bodyOf = (d: Doc, type: string) => {
      const ref = (d.webhooks[type] as { post: { requestBody: { content: { "application/json": { schema: { $ref: string } } } } } }).post.requestBody.content["application/json"].schema.$ref;
      return d.components.schemas[ref.split("/").pop()!];
    };
    for (const type of Object.keys(before.webhooks)) expect([type, bodyOf(after, type)]).toEqual([type, bodyOf(before, type)]);
  });

  it.each(Object.keys(before.webhooks))("%s: the validators agree on sampled and mutated bodies", (type) => {
    agree(eventSchemaFile(dir, type), (b) => original.validators[type]!(b).ok, (b) => again.validators[type]!(b).ok, 40);
  });
});

describe("a foreign body that is a oneOf of objects", () => {
  it("is read exactly (no IMP201), the fields every variant has alike left to the envelope", async () => {
    const input = join(scratch.dir, "gh.json");
    const variant = (field: string) => ({
      type: "object",
      required: ["action", "sender", field],
      properties: { action: { type: "string" }, sender: { type: "string" }, [field]: { type: "object", properties: { id: { type: "integer" } }, required: ["id"] } },
      additionalProperties: false,
    });
    const op = (schema: object) => ({ post: { parameters: [{ name: "X-GitHub-Event", in: "header", required: true, schema: { type: "string" } }], requestBody: { content: { "application/json": { schema } } }, responses: { 200: { description: "ok" } } } });
    writeFileSync(input, JSON.stringify({
      openapi: "3.1.0",
      info: { title: "GH", version: "1.0.0" },
      webhooks: {
        review_requested: op({ oneOf: [variant("requested_reviewer"), variant("requested_team")] }),
        star: op({ type: "object", required: ["action", "sender"], properties: { action: { type: "string" }, sender: { type: "string" }, starred_at: { type: "string" } } }),
      },
    }));
    const r = importInto("openapi", input, scratch.dir, "gh");
    expect(r.printed.filter((w) => w.includes("IMP201"))).toEqual([]);
    expect(r.text).toMatch(/payload:\n\s+oneOf:/);
    const gh = await (await generateAll(scratch.dir))("gh");
    const v = gh.validators.review_requested!;
    expect(v({ action: "x", sender: "s", requested_team: { id: 1 } }).ok).toBe(true);
    expect(v({ action: "x", sender: "s", requested_reviewer: { id: 1 } }).ok).toBe(true);
    expect(v({ action: "x", sender: "s", requested_reviewer: { id: 1 }, requested_team: { id: 2 } }).ok).toBe(false);
    expect(v({ action: "x", sender: "s" }).ok).toBe(false);
    expect(v({ action: "x", requested_team: { id: 1 } }).ok).toBe(false);
  });
});
