// A real-world pair: two published versions of GitHub's webhooks OpenAPI document
// (@octokit/openapi-webhooks 12.0.3 and 12.1.0, dev dependencies under npm aliases), imported in
// memory by `eventgen import openapi`'s own pipeline and diffed offline. Its speed is measured in
// the bench.
import { describe, expect, it } from "vitest";
import { importCatalog } from "../../generator/import/import-catalog.ts";
import { diffCatalogs } from "../../generator/diff/run.ts";
import type { CatalogModel } from "../../generator/model/ir.ts";
import { checkWitnesses } from "./support.ts";

const imported = (alias: string): CatalogModel =>
  importCatalog("openapi", `node_modules/${alias}/generated/api.github.com.json`, { path: `${alias}/github.yaml`, id: "github", schemaPath: "catalog.schema.json" }).model;

describe("GitHub webhooks 12.0.3 → 12.1.0", () => {
  const old = imported("owh-old");
  const nu = imported("owh-new");

  it("finds the breaking changes, each with a witness both versions' validators and Ajv confirm", async () => {
    const d = await diffCatalogs(old, nu);
    expect(d.version).toEqual({ old: "12.0.3", new: "12.1.0", enough: false });
    expect(d.bump).toBe("major");
    const breaking = d.changes.filter((c) => c.level === "breaking");
    expect(breaking.length).toBeGreaterThan(10);
    expect(breaking.filter((c) => c.witness === undefined)).toEqual([]);
    // Known changes between the two versions.
    expect(breaking).toContainEqual(expect.objectContaining({ id: "enum-value-added", event: "repository-ruleset-created", pointer: "/repository_ruleset/current_user_can_bypass" }));
    expect(breaking).toContainEqual(expect.objectContaining({ id: "union-variant-added", event: "repository-ruleset-created", pointer: "/repository_ruleset/rules/*" }));
    expect(d.changes.filter((c) => c.id === "event-added").length).toBe(nu.events.length - old.events.length);
    expect(d.changes.filter((c) => c.id === "event-removed")).toEqual([]);
    expect(await checkWitnesses(old, nu, d)).toBe(breaking.length);
  }, 120_000);

  it("a version compared with itself has no changes", async () => {
    expect((await diffCatalogs(nu, nu)).changes).toEqual([]);
  }, 60_000);
});
