// The catalog format's JSON Schema is what editors check catalogs with as you type; it must accept
// every catalog eventgen accepts, reject what the checker rejects for shape, and never go stale.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import fc from "fast-check";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { loadText } from "../support/load-text.ts";
import { runCli } from "../support/run-cli.ts";
import { applyEdits, edit } from "../unit/load/edits.ts";

const schema = JSON.parse(readFileSync("schema/catalog.schema.json", "utf8"));
const ajv = new Ajv2020.default({ allErrors: true, strict: true });
const validate = ajv.compile(schema);
const data = (text: string) => parse(text, { maxAliasCount: -1, logLevel: "error" });
const catalog = (file: string) => data(readFileSync(file, "utf8"));

const bundled = readdirSync("catalog").map((f) => join("catalog", f));
const fixtures = readdirSync("test/cases", { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) => readdirSync(join("test/cases", d.name, "catalog")).map((f) => join("test/cases", d.name, "catalog", f)));

describe("schema/catalog.schema.json", () => {
  it("is JSON Schema 2020-12, compiled by Ajv in strict mode", () => {
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(typeof validate).toBe("function");
  });

  it("is what `eventgen schema` prints today", async () => {
    const { code, out } = await runCli("schema");
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual(schema);
    expect(`${out}\n`).toBe(readFileSync("schema/catalog.schema.json", "utf8"));
  });

  it.each([...bundled, ...fixtures])("accepts %s", (file) => {
    expect(validate(catalog(file)), JSON.stringify(validate.errors)).toBe(true);
  });

  // Semantic problems are the checker's alone: the schema cannot know a group or schema name.
  it.each(["empty-group", "unknown-group", "unknown-schema", "name-collision", "discriminator", "contradictory-bounds"])("accepts the shape-valid test/invalid/%s", (name) => {
    expect(validate(catalog(`test/invalid/${name}/catalog/shop.yaml`)), JSON.stringify(validate.errors)).toBe(true);
  });

  const broken: [string, string][] = [
    ["unknown-key", "must NOT have additional properties"],
    ["wrong-type", "must be string"],
    ["missing-key", "must have required property 'package'"],
    ["bad-value", "must match pattern"],
    ["not-a-mapping", "must be object"],
    ["shape-many", "must be equal to one of the allowed values"],
    ["not-a-shorthand", "must match pattern"],
  ];
  it.each(broken)("rejects test/invalid/%s", (name, message) => {
    expect(validate(catalog(`test/invalid/${name}/catalog/shop.yaml`))).toBe(false);
    expect(validate.errors!.map((e) => e.message).join("\n")).toContain(message);
  });

  it.each([
    ["an unknown key in a nested schema", (c: any) => (c.schemas.TaskRun.properties.status.descripton = "x")],
    ["a number where a trigger goes", (c: any) => (c.events["agent.created"].trigger = 3)],
    ["an event without a group", (c: any) => delete c.events["agent.created"].group],
    ["an unknown signing scheme", (c: any) => (c.signing.scheme = "hmac")],
    ["a header role that is not listed", (c: any) => (c.signing.headers["webhook-id"].role = "key")],
    ["an empty enum", (c: any) => (c.schemas.TaskRun.properties.status.enum = [])],
    ["a negative maxLength", (c: any) => (c.schemas.TaskRun.properties.id.maxLength = -1)],
    ["a version that is not semver", (c: any) => (c.version = "1.0")],
    ["a group id with a space", (c: any) => (c.groups["my group"] = { title: "x" })],
  ])("rejects the Deck catalog with %s", (_, change) => {
    const c = catalog("catalog/deck.yaml");
    expect(validate(c)).toBe(true);
    change(c);
    expect(validate(c)).toBe(false);
  });

  it("every catalog starts with the modeline that points editors at it", () => {
    for (const f of bundled) expect(readFileSync(f, "utf8").split("\n")[0]).toBe("# yaml-language-server: $schema=../schema/catalog.schema.json");
  });

  // No red squiggles on a catalog eventgen accepts; and what the editor flags, eventgen rejects.
  it("agrees with the checker on randomly edited catalogs", () => {
    const sources = [...bundled, ...fixtures].map((f) => ({ f, text: readFileSync(f, "utf8") }));
    let accepted = 0;
    fc.assert(
      fc.property(fc.constantFrom(...sources), fc.array(edit, { minLength: 1, maxLength: 3 }), (src, edits) => {
        const text = applyEdits(src.text, edits);
        const { model, diagnostics } = loadText(src.f, text);
        if (diagnostics.some((d) => d.code === "EG101")) return; // not YAML: nothing for the schema to see
        let value: unknown;
        try {
          value = data(text);
        } catch {
          return; // duplicate keys and the like: the checker has reported them
        }
        const ok = validate(value);
        if (model) {
          accepted++;
          expect(ok, JSON.stringify(validate.errors)).toBe(true);
        }
        if (!ok) expect(diagnostics.some((d) => d.severity === "error"), JSON.stringify(validate.errors)).toBe(true);
      }),
      { numRuns: Number(process.env.EVENTGEN_FUZZ_RUNS ?? 200) },
    );
    expect(accepted).toBeGreaterThan(5);
  });
});
