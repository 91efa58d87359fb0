// Uses the checked-in generated package of shapes.yaml: a shape written out at several places is
// one validator function pair and one type, used at each place, with each place's own description
// on its property; errors inside a shared shape still point at the place they are in.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadAndCheckText } from "../../../generator/load-and-check.ts";
import { sharedShapes } from "../../../generator/model/shapes.ts";
import { validateEvent, validators, type ValidationResult } from "./generated/shapes/src/index.ts";
import type { Change, Repository, RepoArchivedUser, RepoRenamedPayload, User } from "./generated/shapes/src/types.ts";

const DIR = "test/cases/shapes";
const CATALOG = `${DIR}/catalog/shapes.yaml`;
const source = (file: string) => readFileSync(`${DIR}/generated/shapes/${file}`, "utf8");
const count = (text: string, needle: string) => text.split(needle).length - 1;

const repository = (): Repository => ({ name: "eventgen", private: false, owner: { login: "octo", id: 1 }, topics: { lang: "ts" } });
const created = () => ({
  type: "repo.created",
  id: "evt_1",
  data: { repository: repository(), sender: { login: "octo", id: 2 }, tree: { name: "root", children: [{ name: "leaf", children: [] }] }, change: { from: "a" } },
});
const paths = (r: ValidationResult<unknown>) => (r.ok ? [] : r.errors.map((e) => `${e.path} ${e.code}`));

describe("shapes: the model", () => {
  const { models, diagnostics } = loadAndCheckText(CATALOG, readFileSync(CATALOG, "utf8"));
  const shapes = sharedShapes(models[0]!);

  it("makes one shape per distinct structure written at two places or more, named after where it first is", () => {
    expect(diagnostics).toEqual([]);
    expect(shapes.made.map((s) => [s.typeName, s.uses, s.firstAt])).toEqual([
      ["Repository", 3, "repo.created → data → repository"],
      ["Change", 2, "repo.created → data → change"],
      // `User` is the named schema's, so this one (it has a pattern) is named after its event.
      ["RepoArchivedUser", 2, "repo.archived → data → user"],
    ]);
  });

  it("gives the same names every time", () => {
    const again = loadAndCheckText(CATALOG, readFileSync(CATALOG, "utf8")).models[0]!;
    expect(sharedShapes(again).made.map((s) => s.typeName)).toEqual(shapes.made.map((s) => s.typeName));
  });
});

describe("shapes: the validators", () => {
  const ts = source("src/validators.ts");

  it("write each shape once and call it from every place", () => {
    for (const name of ["Repository", "Change", "RepoArchivedUser", "User", "Node"]) {
      expect(count(ts, `function fs_${name}(`), name).toBe(1);
      expect(count(ts, `function cs_${name}(`), name).toBe(1);
    }
    // The repository's `private` check is written once, in fs_Repository and cs_Repository.
    expect(count(ts, "v.private")).toBe(2);
    // Inline copies of the named schemas User and Node are uses of theirs.
    expect(count(ts, "fs_User(")).toBe(1 + 3);
  });

  it("judge each place as before: valid bodies, and errors at the place they are in", () => {
    expect(validateEvent(created()).ok).toBe(true);
    const bad = created();
    (bad.data.repository.owner as { id: unknown }).id = 0;
    (bad.data.tree.children[0] as { children: unknown }).children = "none";
    expect(paths(validateEvent(bad))).toEqual(["/data/repository/owner/id minimum", "/data/tree/children/0/children type"]);

    const renamed = { type: "repo.renamed", id: "evt_2", data: { repository: repository(), fork: null, change: { to: "b" } } };
    expect(validators["repo.renamed"](renamed).ok).toBe(true);
    expect(paths(validators["repo.renamed"]({ ...renamed, data: { ...renamed.data, fork: { ...repository(), private: "no" } } }))).toEqual(["/data/fork/private type"]);
    // Null is accepted where the place says so, not inside the shape's other uses.
    expect(paths(validators["repo.renamed"]({ ...renamed, data: { ...renamed.data, repository: null } }))).toEqual(["/data/repository type"]);
    // A place that may be null says so in its message, as the check written in place would.
    const fork = validators["repo.renamed"]({ ...renamed, data: { ...renamed.data, fork: "no" } });
    expect(fork.ok ? [] : fork.errors.map((e) => [e.path, e.message, e.expected])).toEqual([["/data/fork", "must be an object or null", "object or null"]]);
    expect(validators["repo.renamed"]({ ...renamed, data: { ...renamed.data, change: { neither: 1 } } }).ok).toBe(false);

    const archived = { type: "repo.archived", id: "evt_3", data: { repository: { name: "x", owner: { login: "o", id: 1 } }, user: { login: "ab", id: 1 }, other_user: { login: "Cd", id: 1 } } };
    expect(paths(validators["repo.archived"](archived))).toEqual(["/data/other_user/login pattern"]);
  });
});

describe("shapes: the types", () => {
  const ts = source("src/types.ts");

  it("declare each shape once, described at each place that uses it", () => {
    expect(count(ts, "export interface Repository {")).toBe(1);
    expect(ts).toContain("/** The repository that was created. */\n  repository: Repository;");
    expect(ts).toContain("/** The repository, with its new name. */\n  repository: Repository;");
    expect(ts).toContain("/** The fork it was renamed from, if any */\n  fork?: Repository | null;");
    expect(ts).toContain("/** A shape shared by 3 places; the first is repo.created → data → repository. */");
  });

  it("are the types each place had", () => {
    const fork: RepoRenamedPayload["fork"] = null;
    const user: RepoArchivedUser = { login: "a", id: 1 };
    const same: User = user;
    const change: Change[] = [{ from: "a" }, { to: "b" }];
    // @ts-expect-error: `private` is required in a Repository
    const missing: Repository = { name: "x", owner: same, topics: {} };
    expect([fork, change.length, missing.name]).toEqual([null, 2, "x"]);
  });
});

describe("shapes: the JSON Schemas and OpenAPI", () => {
  it("refer inline copies of a named schema to it, under the document's own name", () => {
    const file = JSON.parse(source("schemas/repo.created.json"));
    expect(file.properties.data.properties.sender).toEqual({ $ref: "#/$defs/User" });
    expect(file.properties.data.properties.tree).toEqual({ $ref: "#/$defs/Node" });
    expect(file.properties.data.properties.repository.properties.owner).toEqual({ description: "Who owns it", $ref: "#/$defs/User" });
    const openapi = JSON.parse(source("openapi.json"));
    expect(openapi.components.schemas.RepoCreatedEvent.properties.data.properties.sender).toEqual({ $ref: "#/components/schemas/User" });
    // Shapes made for inline schemas are not given names the document does not have.
    expect(Object.keys(openapi.components.schemas)).not.toContain("Repository");
  });
});
