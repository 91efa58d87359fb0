// `eventgen import` on the command line: usage errors exit 2, unreadable or invalid input exits 1
// with a located message and writes nothing, an existing catalog is kept unless --force.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../support/run-cli.ts";
import { scratchDir } from "./support.ts";

const scratch = scratchDir("import-cli");
afterAll(scratch.done);
const at = (...p: string[]) => relative(process.cwd(), join(scratch.dir, ...p));

describe("eventgen import", () => {
  it.each([
    [[], /say what to import/],
    [["yaml", "x.yaml", "--out", "c/x.yaml"], /unknown kind 'yaml'/],
    [["openapi"], /missing the OpenAPI file/],
    [["asyncapi"], /missing the AsyncAPI file/],
    [["openapi", "generated/deck/openapi.json"], /--out <file> is required/],
    [["openapi", "generated/deck/openapi.json", "--out", "c/Deck Two.yaml"], /cannot be a catalog id/],
    [["openapi", "generated/deck/openapi.json", "--out", "c/deck.json"], /a catalog is a \.yaml file/],
    [["openapi", "a.json", "b.json", "--out", "c/x.yaml"], /unexpected argument 'b.json'/],
  ])("%j is a usage error (exit 2)", async (args, message) => {
    const r = await runCli("import", ...args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });

  it("an input that cannot be read is exit 1 with the file named, and nothing is written", async () => {
    const r = await runCli("import", "openapi", at("missing.json"), "--out", at("c", "m.yaml"));
    expect(r.code).toBe(1);
    expect(r.err.split("\n")[0]).toBe(`${at("missing.json")}: error: cannot read it (no such file)`);
    expect(existsSync(at("c", "m.yaml"))).toBe(false);
  });

  it("invalid JSON and YAML are located", async () => {
    writeFileSync(at("bad.json"), '{\n  "openapi": "3.1.0",\n  oops\n}');
    writeFileSync(at("bad.yaml"), "openapi: 3.1.0\nwebhooks: [\n");
    const json = await runCli("import", "openapi", at("bad.json"), "--out", at("c", "b.yaml"));
    expect(json.code).toBe(1);
    expect(json.err).toMatch(new RegExp(`^${at("bad.json")}:3:3: error: invalid JSON`));
    const yaml = await runCli("import", "openapi", at("bad.yaml"), "--out", at("c", "b.yaml"));
    expect(yaml.code).toBe(1);
    expect(yaml.err).toMatch(new RegExp(`^${at("bad.yaml")}:\\d+:\\d+: error: invalid YAML`));
    expect(yaml.err).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it("a document that is not OpenAPI, or has no webhooks, is exit 1", async () => {
    writeFileSync(at("plain.json"), '{"type": "object"}');
    writeFileSync(at("paths.json"), '{"openapi": "3.1.0", "info": {"title": "x", "version": "1"}, "paths": {}}');
    expect((await runCli("import", "openapi", at("plain.json"), "--out", at("c", "p.yaml"))).err).toMatch(/not an OpenAPI document/);
    const r = await runCli("import", "openapi", at("paths.json"), "--out", at("c", "p.yaml"));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/no webhooks/);
  });

  it("writes a catalog that lints clean, and keeps an existing one unless --force", async () => {
    const out = at("catalog", "deck.yaml");
    const first = await runCli("import", "openapi", "generated/deck/openapi.json", "--out", out);
    expect(first.code).toBe(0);
    expect(first.err).toBe(`eventgen import: wrote ${out}: 33 events, 10 schemas, 0 warnings`);
    expect(readFileSync(out, "utf8")).toMatch(/^# yaml-language-server: \$schema=(\.\.\/)+schema\/catalog\.schema\.json\n/);
    expect((await runCli("lint", out)).code).toBe(0);
    writeFileSync(out, "# mine\n");
    const again = await runCli("import", "openapi", "generated/deck/openapi.json", "--out", out);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/exists; pass --force/);
    expect(readFileSync(out, "utf8")).toBe("# mine\n");
    expect((await runCli("import", "openapi", "generated/deck/openapi.json", "--out", out, "--force")).code).toBe(0);
    expect(readFileSync(out, "utf8")).toMatch(/^# yaml-language-server/);
  });

  it("asyncapi: a document that is not AsyncAPI, of another version or without channels, is exit 1; one that is writes a catalog", async () => {
    writeFileSync(at("plain-a.json"), '{"type": "object"}');
    writeFileSync(at("v1.json"), '{"asyncapi": "1.2.0", "info": {"title": "x", "version": "1"}, "channels": {"a": {}}}');
    writeFileSync(at("empty-a.json"), '{"asyncapi": "3.0.0", "info": {"title": "x", "version": "1"}, "channels": {}}');
    for (const [file, message] of [["plain-a.json", /not an AsyncAPI document/], ["v1.json", /AsyncAPI 1\.2\.0 is not read/], ["empty-a.json", /no channels/]] as const) {
      const r = await runCli("import", "asyncapi", at(file), "--out", at("c", "a.yaml"));
      expect(r.code, file).toBe(1);
      expect(r.err).toMatch(message);
    }
    expect(existsSync(at("c", "a.yaml"))).toBe(false);
    const out = at("catalog", "truto.yaml");
    const r = await runCli("import", "asyncapi", "generated/truto/asyncapi.yaml", "--out", out);
    expect(r.err).toBe(`eventgen import: wrote ${out}: 17 events, 4 schemas, 0 warnings`);
    expect((await runCli("lint", out)).code).toBe(0);
  });

  it("jsonschema needs a folder", async () => {
    mkdirSync(at("empty"), { recursive: true });
    expect((await runCli("import", "jsonschema", "generated/deck/openapi.json", "--out", at("c", "j.yaml"))).err).toMatch(/not a folder/);
    expect((await runCli("import", "jsonschema", at("empty"), "--out", at("c", "j.yaml"))).err).toMatch(/no schema files/);
  });
});
