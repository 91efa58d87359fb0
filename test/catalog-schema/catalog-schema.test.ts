// The catalog format's JSON Schema is what editors check catalogs with as you type; it must accept
// every catalog eventgen accepts, reject what the checker rejects for shape, and never go stale.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { runCli } from "../support/run-cli.ts";

const schema = JSON.parse(readFileSync("schema/catalog.schema.json", "utf8"));
const ajv = new Ajv2020.default({ allErrors: true, strict: false });
const validate = ajv.compile(schema);
const catalog = (file: string) => parse(readFileSync(file, "utf8"));

describe("schema/catalog.schema.json", () => {
  it("is what `eventgen schema` prints today", async () => {
    const { out } = await runCli("schema");
    expect(JSON.parse(out)).toEqual(schema);
  });

  it.each(readdirSync("catalog").map((f) => join("catalog", f)))("accepts %s", (file) => {
    expect(validate(catalog(file)), JSON.stringify(validate.errors)).toBe(true);
  });

  it.each(["test/invalid/empty-group/catalog/shop.yaml", "test/invalid/unknown-group/catalog/shop.yaml"])("accepts the shape-valid %s", (file) => {
    expect(validate(catalog(file)), JSON.stringify(validate.errors)).toBe(true);
  });

  const broken: [string, string][] = [
    ["unknown-key", "must NOT have additional properties"],
    ["wrong-type", "must be string"],
    ["missing-key", "must have required property"],
    ["bad-value", "must match pattern"],
    ["not-a-mapping", "must be object"],
  ];
  // Semantic problems (an unknown shorthand type could be a schema name) are the checker's alone.
  it.each(broken)("rejects test/invalid/%s", (name, message) => {
    expect(validate(catalog(`test/invalid/${name}/catalog/shop.yaml`))).toBe(false);
    expect(validate.errors!.map((e) => e.message).join("\n")).toContain(message);
  });

  it("every catalog starts with the modeline that points editors at it", () => {
    for (const f of readdirSync("catalog"))
      expect(readFileSync(join("catalog", f), "utf8").split("\n")[0]).toBe("# yaml-language-server: $schema=../schema/catalog.schema.json");
  });
});
