// A large OpenAPI document (hundreds of webhooks, a deep chain of shared components, recursion,
// allOf envelopes) imports with no warning and generates. Its speed belongs to the bench.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { generateAll, importInto, scratchDir } from "./support.ts";

const EVENTS = 400;
const DEPTH = 40;
const scratch = scratchDir("import-large");
afterAll(scratch.done);

function document() {
  const schemas: Record<string, unknown> = {
    Envelope: { type: "object", required: ["id", "at"], properties: { id: { type: "string", format: "uuid" }, at: { type: "string", format: "date-time" } } },
    Node: { type: "object", required: ["name"], properties: { name: { type: "string" }, children: { type: "array", items: { $ref: "#/components/schemas/Node" } }, parent: { anyOf: [{ $ref: "#/components/schemas/Node" }, { type: "null" }] } } },
  };
  for (let i = 0; i < DEPTH; i++)
    schemas[`Level${i}`] = {
      type: "object",
      required: ["n"],
      properties: { n: { type: "integer", minimum: i }, ...(i + 1 < DEPTH ? { next: { $ref: `#/components/schemas/Level${i + 1}` } } : { tree: { $ref: "#/components/schemas/Node" } }) },
    };
  const webhooks: Record<string, unknown> = {};
  for (let i = 0; i < EVENTS; i++) {
    const type = `area${i % 20}.thing${i}.changed`;
    webhooks[type] = {
      post: {
        tags: [`area${i % 20}`],
        summary: `Thing ${i} changed`,
        requestBody: {
          content: {
            "application/json": {
              schema: {
                allOf: [
                  { $ref: "#/components/schemas/Envelope" },
                  { type: "object", required: ["type", "data"], properties: { type: { const: type }, data: { $ref: `#/components/schemas/Level${i % DEPTH}` } } },
                ],
              },
            },
          },
        },
      },
    };
  }
  return { openapi: "3.1.0", info: { title: "Large", version: "1.0.0" }, webhooks, components: { schemas } };
}

it(`imports and generates ${EVENTS} webhooks over ${DEPTH} levels of shared, recursive components`, async () => {
  const file = join(scratch.dir, "large.json");
  writeFileSync(file, JSON.stringify(document()));
  const r = importInto("openapi", file, scratch.dir, "large");
  expect(r.printed).toEqual([]);
  expect(r.model.events).toHaveLength(EVENTS);
  expect(r.model.schemas.map((s) => s.name)).toEqual(["Envelope", "Node", ...Array.from({ length: DEPTH }, (_, i) => `Level${i}`)]);
  expect(r.model.envelope).toMatchObject({ typeField: "type", payloadField: "data" });
  expect(r.text).toContain("      children?: Node[]\n      parent?: Node|null\n");
  const pkg = await (await generateAll(scratch.dir))("large");
  const deep = (i: number): unknown => (i === DEPTH - 1 ? { n: i, tree: { name: "r", children: [{ name: "c", parent: null }] } } : { n: i, next: deep(i + 1) });
  const body = { type: "area0.thing0.changed", id: "0b7c1e9e-3f2a-4c55-8d0e-6f1f2a3b4c5d", at: "2024-01-01T00:00:00Z", data: deep(0) };
  expect(pkg.validateEvent(body).ok).toBe(true);
  expect(pkg.validateEvent({ ...body, data: { n: -1 } }).ok).toBe(false);
});
