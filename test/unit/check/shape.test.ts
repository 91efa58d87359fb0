// The shape vocabulary the catalog format is written in: every mistake is reported where it is,
// all of them in one pass, and keys are data (never object prototype tricks).
import { describe, expect, it } from "vitest";
import { propertiesShape, schemaShape } from "../../../generator/check/catalog-shape.ts";
import { bool, entries, json, list, num, obj, posOf, prop, req, str } from "../../../generator/check/shape.ts";
import { brief, checkNode } from "./check-node.ts";

const group = obj({ title: req(str({ nonEmpty: true })), note: prop(str()) }, { describe: "a group" });

describe("obj", () => {
  it.each([
    { given: "{ title: Orders }", want: [] },
    { given: "{ title: Orders, notes: x }", want: ["EG202 1:18 unknown key 'notes' in a group (did you mean 'note'?)"] },
    { given: "{ note: x }", want: ["EG203 1:1 missing required key 'title' in a group"] },
    { given: "title: a\ntitle: b", want: ["EG102 2:1 duplicate key 'title'; first defined at line 1:1"] },
    { given: "{ title: '' }", want: ["EG204 1:10 must not be empty"] },
    { given: "{ title: 12 }", want: ["EG201 1:10 expected a string, got number 12"] },
    { given: "[title]", want: ["EG201 1:1 expected a group, got a list"] },
    { given: "{ titel: a, nte: b }", want: ["EG202 1:3 unknown key 'titel' in a group (did you mean 'title'?)", "EG202 1:13 unknown key 'nte' in a group (did you mean 'note'?)"] },
    // A required key misspelt is the unknown key alone: one mistake, one diagnostic.
    { given: "{ titel: a }", want: ["EG202 1:3 unknown key 'titel' in a group (did you mean 'title'?)"] },
    { given: "{ nte: a }", want: ["EG202 1:3 unknown key 'nte' in a group (did you mean 'note'?)", "EG203 1:1 missing required key 'title' in a group"] },
    { given: "{ __proto__: x, title: a }", want: ["EG202 1:3 unknown key '__proto__' in a group"] },
    { given: "{ constructor: x, title: a }", want: ["EG202 1:3 unknown key 'constructor' in a group"] },
  ])("$given", ({ given, want }) => expect(brief(checkNode(group, given).diagnostics)).toEqual(want));

  it("points at a comma that split a value in a flow mapping", () => {
    const d = checkNode(group, "{ title: Orders, as documented, note: x }").diagnostics;
    expect(brief(d)).toEqual(["EG202 1:18 unknown key 'as documented' in a group"]);
    expect(d[0]!.hint).toBe('inside { … } a comma ends the value; quote text that holds a comma, e.g. description: "a, b"');
  });

  it("keeps where each key stands, off the enumerable data", () => {
    const { value } = checkNode(group, "title: Orders\nnote: Sent once\n");
    expect(value).toEqual({ title: "Orders", note: "Sent once" });
    expect(posOf(value!, "note")).toEqual({ file: "t.yaml", line: 2, col: 1 });
    expect(Object.keys(value!)).toEqual(["title", "note"]);
  });

  it("quotes a value YAML read as another type, in the hint", () => {
    expect(checkNode(group, "{ title: 1.10 }").diagnostics[0]!.hint).toBe('quote it to make it a string: "1.10"');
    expect(checkNode(group, "{ title: true }").diagnostics[0]!.hint).toBe('quote it to make it a string: "true"');
    expect(checkNode(group, "{ title: no }").diagnostics).toEqual([]); // YAML 1.2: `no` is a string
  });
});

describe("entries", () => {
  const ids = entries({ describe: "group id", pattern: /^[a-z]+$/, hint: "lowercase letters" }, bool());
  it.each([
    { given: "{ a: true, b: false }", want: [] },
    { given: "{ a: true, a: false }", want: ["EG102 1:12 duplicate group id 'a'; first defined at line 1:3"] },
    { given: "{ A: true }", want: ["EG204 1:3 'A' is not a valid group id"] },
    { given: "{ a: yes }", want: ["EG201 1:6 expected true or false, got the string \"yes\""] },
    { given: "{ [a]: true }", want: ["EG201 1:3 expected a group id as the key, got a list"] },
  ])("$given", ({ given, want }) => expect(brief(checkNode(ids, given).diagnostics)).toEqual(want));

  it("keeps keys in file order as entries, so __proto__ is just a key", () => {
    const { value } = checkNode(propertiesShape, "{ z: string, __proto__: integer, a?: boolean }");
    expect(value!.map((e) => e.key)).toEqual(["z", "__proto__", "a?"]);
  });

  it("reads a and a? as the same property", () => {
    const d = checkNode(propertiesShape, "{ a: string, a?: integer }").diagnostics;
    expect(brief(d)).toEqual(["EG102 1:14 duplicate property: 'a?' is the same property as 'a' at line 1:3"]);
    expect(d[0]!.hint).toBe("a trailing ? only marks a property optional");
  });
});

describe("scalars and lists", () => {
  it.each([
    { shape: num({ integer: true, min: 0 }), given: "-1", want: ["EG201 1:1 expected a whole number ≥ 0, got number -1"] },
    { shape: num({ integer: true }), given: "1.5", want: ["EG201 1:1 expected a whole number, got number 1.5"] },
    { shape: num(), given: ".inf", want: ["EG201 1:1 expected a number, got number Infinity"] },
    { shape: num(), given: "'3'", want: ["EG201 1:1 expected a number, got the string \"3\""] },
    { shape: str({ values: ["base64", "hex"] }), given: "base46", want: ["EG204 1:1 'base46' is not allowed here; expected one of 'base64', 'hex' (did you mean 'base64'?)"] },
    { shape: list(str(), { nonEmpty: true }), given: "[]", want: ["EG204 1:1 the list must not be empty"] },
    { shape: list(str()), given: "[a, 1, b, 2]", want: ["EG201 1:5 expected a string, got number 1", "EG201 1:11 expected a string, got number 2"] },
    { shape: list(str()), given: "~", want: ["EG201 1:1 expected a list of strings, got nothing (null)"] },
  ])("$given", ({ shape, given, want }) => expect(brief(checkNode(shape as never, given).diagnostics)).toEqual(want));
});

describe("json values", () => {
  it("reads JSON from YAML with the position of every pointer", () => {
    const { value } = checkNode(json(), "{ a: [1, { b~c: x, d/e: null }], n: -0.5 }");
    expect(value!.value).toEqual({ a: [1, { "b~c": "x", "d/e": null }], n: -0.5 });
    expect(value!.positions.get("/a/1/b~0c")).toEqual({ file: "t.yaml", line: 1, col: 17 });
    expect(value!.positions.get("/a/1/d~1e")).toEqual({ file: "t.yaml", line: 1, col: 25 });
  });

  it("keeps a __proto__ key as an own data property, as JSON.parse does", () => {
    const { value } = checkNode(json(), "{ __proto__: { polluted: true } }");
    const v = value!.value as Record<string, unknown>;
    expect(Object.hasOwn(v, "__proto__")).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
  });

  it.each([
    { given: ".nan", want: ["EG201 1:1 number NaN is not a JSON value"] },
    { given: "{ [a]: 1 }", want: ["EG201 1:3 JSON object keys must be strings"] },
    { given: "!!binary aGk=", want: ["EG201 1:10 binary data is not a JSON value"] },
  ])("rejects $given", ({ given, want }) => expect(brief(checkNode(json(), given).diagnostics)).toEqual(want));

  it("counts aliases and refuses a bomb at the first alias past the limit", () => {
    const bomb = ["a: &a [x, x, x, x, x, x, x, x, x, x]", ..."bcdefgh".split("").map((k, i) => `${k}: &${k} [${Array(10).fill(`*${"abcdefgh"[i]}`).join(", ")}]`)].join("\n");
    const t0 = performance.now();
    const { value, diagnostics } = checkNode(json(), bomb);
    expect(value).toBeUndefined();
    expect(brief(diagnostics)).toEqual(["EG103 2:16 more than 1000 alias expansions; refusing to expand further"]);
    expect(performance.now() - t0).toBeLessThan(5000);
  });
});

describe("schemas", () => {
  it("the full form reports each wrong key and keeps going", () => {
    expect(brief(checkNode(schemaShape, "{ type: strng, minLenght: 1, format: 'uu id', items: 3 }").diagnostics)).toEqual([
      "EG204 1:9 'strng' is not allowed here; expected one of 'string', 'integer', 'number', 'boolean', 'object', 'array', 'null', 'any' (did you mean 'string'?)",
      "EG202 1:16 unknown key 'minLenght' in a schema (did you mean 'minLength'?)",
      "EG204 1:38 'uu id' is not a format name such as uuid or int64",
      "EG201 1:54 expected a type shorthand such as 'string', 'uuid The id', 'Item[] The items' or 'date-time|null When' or a schema, got number 3",
    ]);
  });
});
