// GitHub's webhooks document imported both ways, composed and --flatten: every event's JSON Schema
// requires the same, and the validators of the events that reach a composed schema judge sampled
// and mutated bodies alike.
import { parse } from "yaml";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import fc from "fast-check";
import { eventSchemaFile, generateAll, importInto, scratchDir } from "./support.ts";
import { mutatedArb, validArb } from "../validators/arbitrary.ts";
import { expand } from "./expand-schema.ts";

type Rec = Record<string, unknown>;
const DOC = "node_modules/owh-new/generated/api.github.com.json";
const scratch = scratchDir("import-compose-github");
afterAll(scratch.done);

it("GitHub's document: the composed catalog judges as the flattened one", async () => {
  const composed = importInto("openapi", DOC, scratch.dir, "gh");
  const flattened = importInto("openapi", DOC, scratch.dir, "gh-flat", { compose: false });
  expect(composed.printed).toEqual(flattened.printed);
  const schemas = (parse(composed.text) as Rec).schemas as Rec;
  // The named schemas that are, or hold, a composition.
  const made = Object.keys(schemas).filter((n) => /"(?:allOf|from)":/.test(JSON.stringify(schemas[n])));
  expect(composed.text.match(/^\s*(?:- )?allOf:/gm)!.length).toBeGreaterThanOrEqual(4);
  expect(made.length).toBeGreaterThanOrEqual(2);
  const load = await generateAll(scratch.dir);
  const [pkg, flat] = await Promise.all([load("gh"), load("gh-flat")]);
  let reached = 0;
  for (const e of composed.model.events) {
    const schema = eventSchemaFile(join(scratch.dir, "out", "gh"), e.type);
    expect([e.type, expand(schema)]).toEqual([e.type, expand(eventSchemaFile(join(scratch.dir, "out", "gh-flat"), e.type))]);
    if (reached >= 8 || !made.some((n) => JSON.stringify(schema).includes(`"#/$defs/${n}"`))) continue;
    reached++;
    // With a hundred formatted strings in a body, the sampler's tricky strings make most bodies
    // invalid somewhere: the equal schemas above are the strong check, these the end-to-end one.
    for (const body of [...e.examples, ...fc.sample(validArb(schema), { numRuns: 12, seed: 13 }), ...fc.sample(mutatedArb(schema), { numRuns: 12, seed: 13 })]) {
      const verdict = flat.validators[e.type]!(body).ok;
      expect([e.type, pkg.validators[e.type]!(body).ok]).toEqual([e.type, verdict]);
    }
  }
  expect(reached).toBe(8);
}, 300_000);
