// Uses the checked-in generated package of constructs.yaml: each construct of the catalog format
// accepts what it should and rejects the rest with the exact JSON Pointer and message.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { EventValidationError, eventSchema, isEvent, parseEvent, schemaValidators, validateEvent, validators } from "./generated/constructs/src/index.ts";

const body = (kind: string, data: unknown) => ({ kind, id: "e1", data });
const errors = (r: { ok: boolean; errors?: unknown[] }): unknown[] => (r.ok ? [] : r.errors!);
const paths = (r: { ok: boolean; errors?: { path: string }[] }) => (r.ok ? [] : r.errors!.map((e) => e.path));

describe("strings", () => {
  const v = validators["strings.formats"];
  it.each([
    ["uuid", "3f2b8c1e-5a7d-4e9f-8b6a-1c2d3e4f5a6b", "3f2b8c1e5a7d4e9f8b6a1c2d3e4f5a6b"],
    ["date_time", "2024-02-29T23:59:59.5+01:00", "2023-02-29T10:00:00Z"],
    ["date", "2024-02-29", "2024-13-01"],
    ["time", "23:59:59Z", "24:00:00Z"],
    ["uri", "https://example.com/a?b#c", "not a uri"],
    ["uri_reference", "../a/b", "a b"],
    ["email", "a.b@example.com", "a@@example.com"],
    ["hostname", "api.example.com", "-bad-.example"],
    ["ipv4", "192.0.2.1", "256.0.0.1"],
    ["ipv6", "2001:db8::1", "2001:db8:::1"],
  ])("%s accepts %j and rejects %j at its pointer", (field, good, bad) => {
    expect(v(body("strings.formats", { [field]: good })).ok).toBe(true);
    const r = v(body("strings.formats", { [field]: bad }));
    expect(paths(r)).toEqual([`/data/${field}`]);
  });

  it("formats the validators do not know are annotations: kept in the JSON Schema, never checked", () => {
    for (const [field, value] of [["template", "{not a template"], ["big", 2 ** 60], ["ratio", 0.5], ["vendor", ""]] as const)
      expect([field, v(body("strings.formats", { [field]: value })).ok]).toEqual([field, true]);
    expect(paths(v(body("strings.formats", { big: 1.5, ratio: -1, template: 3 })))).toEqual(["/data/template", "/data/big", "/data/ratio"]);
    const schema = JSON.parse(readFileSync(new URL("./generated/constructs/schemas/strings.formats.json", import.meta.url), "utf8"));
    const payload = schema.properties.data.properties;
    expect([payload.template.format, payload.big, payload.ratio.format, payload.vendor]).toEqual(["uri-template", { type: "integer", format: "int64" }, "double", { type: "string", format: "x-vendor.thing_1" }]);
  });

  const ok = { code: "ABC-12", short: "ab", status: "active", fixed: "auto_closed" };
  it("patterns, lengths in code points, enums and constants", () => {
    const s = validators["strings.bounds"];
    expect(s(body("strings.bounds", ok)).ok).toBe(true);
    expect(s(body("strings.bounds", { ...ok, short: "😀😀" })).ok).toBe(true); // 2 code points, 4 UTF-16 units
    for (const [short, valid] of [["😀😀😀😀", true], ["😀😀😀😀😀", false], ["\uD800\uD800\uD800\uD800", true], ["\uD800\uD800\uD800\uD800\uD800", false], ["\uDC00\uD800", true], ["\uD83D", false], ["e\u0301e\u0301", true]] as const)
      expect([short, s(body("strings.bounds", { ...ok, short })).ok]).toEqual([short, valid]); // lone surrogates count as one each, combining marks too
    expect(errors(s(body("strings.bounds", { ...ok, code: "abc-12" })))).toEqual([{ path: "/data/code", code: "pattern", message: "must match the pattern ^[A-Z]{3}-\\d+$", expected: "pattern ^[A-Z]{3}-\\d+$", received: '"abc-12"' }]);
    expect(paths(s(body("strings.bounds", { ...ok, short: "abcde" })))).toEqual(["/data/short"]);
    expect(paths(s(body("strings.bounds", { ...ok, short: "a" })))).toEqual(["/data/short"]);
    expect(errors(s(body("strings.bounds", { ...ok, status: "on" })))[0]).toMatchObject({ path: "/data/status", received: '"on"' });
    expect(paths(s(body("strings.bounds", { ...ok, fixed: "closed" })))).toEqual(["/data/fixed"]);
    for (const m of [1, "one", true, null]) expect(s(body("strings.bounds", { ...ok, mixed: m })).ok).toBe(true);
    expect(paths(s(body("strings.bounds", { ...ok, mixed: "1" })))).toEqual(["/data/mixed"]);
  });

  it("extensible enums accept their known values and any other value of their type, nothing else", () => {
    const s = validators["strings.bounds"];
    for (const extra of [{ open_status: "active" }, { open_status: "paused" }, { open_status: "" }, { open_code: 2 }, { open_code: 99 }, { open_ratio: 0.5 }, { open_ratio: 7.25 }, { open_ratio: null }])
      expect([extra, s(body("strings.bounds", { ...ok, ...extra })).ok]).toEqual([extra, true]);
    expect(errors(s(body("strings.bounds", { ...ok, open_status: 1 })))).toEqual([{ path: "/data/open_status", code: "type", message: "must be a string", expected: "string", received: "number" }]);
    expect(errors(s(body("strings.bounds", { ...ok, open_code: 1.5 })))).toMatchObject([{ path: "/data/open_code", code: "type", expected: "integer" }]);
    expect(errors(s(body("strings.bounds", { ...ok, open_status: null })))).toMatchObject([{ path: "/data/open_status", code: "type" }]);
    expect(errors(s(body("strings.bounds", { ...ok, open_ratio: "1" })))).toMatchObject([{ path: "/data/open_ratio", code: "type", expected: "number or null" }]);
  });

  it("an extensible enum's JSON Schema names the known values and the base type, and carries x-extensible-enum", () => {
    const schema = JSON.parse(readFileSync(new URL("./generated/constructs/schemas/strings.bounds.json", import.meta.url), "utf8"));
    const payload = (schema as { properties: { data: { properties: Record<string, unknown> } } }).properties.data.properties;
    expect(payload["open_status"]).toEqual({ description: "Known values; more may come", anyOf: [{ enum: ["active", "inactive"] }, { type: "string" }], "x-extensible-enum": ["active", "inactive"] });
    expect(payload["open_ratio"]).toEqual({ anyOf: [{ enum: [0.5, 1, null] }, { type: ["number", "null"] }], "x-extensible-enum": [0.5, 1] });
  });

  it("odd property names are checked under their own names, escaped in pointers", () => {
    const s = validators["strings.bounds"];
    expect(paths(s(body("strings.bounds", { ...ok, "content-type": 1, "a b": "x", "0": 0, constructor: 1, toString: "x" })))).toEqual([
      "/data/content-type",
      "/data/a b",
      "/data/0",
      "/data/constructor",
      "/data/toString",
    ]);
    // Inherited names are not present fields: an object without them is valid.
    expect(s(body("strings.bounds", ok)).ok).toBe(true);
  });
});

describe("derived schemas", () => {
  const v = validators["shapes.misc"];
  const ok = { three: 3, no: false, nothing: null };
  const check = (data: object) => v(body("shapes.misc", { ...ok, ...data }));

  it("omit, partial with require, pick, and a derivation of a derivation", () => {
    // CustomerDraft: Customer without id.
    expect(check({ draft: { name: "a" } }).ok).toBe(true);
    expect(paths(check({ draft: { id: 1 } }))).toEqual(["/data/draft"]); // name missing; id is no longer checked
    expect(check({ draft: { name: "a", id: 1 } }).ok).toBe(true);
    // CustomerChanges: every field optional but id, and closed.
    expect(check({ changes: { id: "cus_1" } }).ok).toBe(true);
    expect(errors(check({ changes: { name: "a" } }))).toMatchObject([{ path: "/data/changes", code: "required" }]);
    expect(errors(check({ changes: { id: "cus_1", extra: 1 } }))).toMatchObject([{ path: "/data/changes/extra", code: "additionalProperties" }]);
    expect(paths(check({ changes: { id: "x" } }))).toEqual(["/data/changes/id"]);
    // CustomerRef: CustomerDraft's name only; inline: Customer's id and email.
    expect(check({ ref: { name: "a" }, inline: { id: "cus_1", email: "a@example.com" } }).ok).toBe(true);
    expect(paths(check({ ref: {}, inline: { id: "cus_1", email: "no" } }))).toEqual(["/data/ref", "/data/inline/email"]);
  });

  it("allOf merges its members' fields exactly: required if any member requires it, closed by the allOf itself", () => {
    const vip = { id: "cus_1", name: "a", email: "a@example.com", tier: "gold" };
    expect(check({ vip }).ok).toBe(true);
    expect(paths(check({ vip: { ...vip, email: undefined } }))).toEqual(["/data/vip"]); // optional in Customer, required by member 2
    expect(paths(check({ vip: { ...vip, tier: "silver", name: 1 } }))).toEqual(["/data/vip/name", "/data/vip/tier"]);
    expect(errors(check({ vip: { ...vip, extra: 1 } }))).toMatchObject([{ path: "/data/vip/extra", code: "additionalProperties" }]);
  });
});

describe("numbers", () => {
  const n = validators["numbers.bounds"];
  const ok = { int: 0, num: 0.5 };
  it.each([
    [{ int: 5 }, true],
    [{ int: 6 }, false],
    [{ int: -5 }, true],
    [{ int: 1.5 }, false],
    [{ num: 0 }, false],
    [{ num: 1 }, false],
    [{ num: 0.999 }, true],
    [{ step: 1.5 }, true],
    [{ step: 1.25 }, false],
    [{ int: Number.NaN }, false],
    [{ num: Number.POSITIVE_INFINITY }, false],
    [{ any: { deep: [null] } }, true],
  ])("%j → %s", (patch, valid) => expect(n(body("numbers.bounds", { ...ok, ...patch })).ok).toBe(valid));
});

describe("presence: optional and nullable are independent", () => {
  const p = validators["shapes.presence"];
  it.each([
    [{ required: "a", nullable: null }, []],
    [{ required: "a", nullable: "b", optional: "c", both: null }, []],
    [{ nullable: null }, ["/data"]],
    [{ required: null, nullable: null }, ["/data/required"]],
    [{ required: "a" }, ["/data"]],
    [{ required: "a", nullable: null, optional: null }, ["/data/optional"]],
    // JSON has no undefined; a property holding it counts as absent, as in JSON.stringify.
    [{ required: "a", nullable: null, optional: undefined }, []],
  ])("%j → errors at %j", (data, want) => expect(paths(p(body("shapes.presence", data)))).toEqual(want));

  it("a missing field is reported at its object, naming the field", () => {
    expect(errors(p(body("shapes.presence", { nullable: null })))).toEqual([{ path: "/data", code: "required", message: 'missing required property "required"', expected: 'property "required"' }]);
  });
});

describe("objects, maps, arrays and references", () => {
  const o = validators["shapes.objects"];
  const ok = { nested: { deeper: { leaf: true } }, tags: ["a"] };
  it.each([
    [ok, []],
    [{ ...ok, extra: 1 }, ["/data/extra"]],
    [{ ...ok, nested: { deeper: { leaf: true, more: 1 }, open: 1 } }, ["/data/nested/deeper/more"]],
    [{ ...ok, labels: { a: "short", b: "far too long" } }, ["/data/labels/b"]],
    [{ ...ok, tags: [] }, ["/data/tags"]],
    [{ ...ok, tags: ["a", "b", "c", "d"] }, ["/data/tags"]],
    [{ ...ok, tags: ["a", "a"] }, ["/data/tags"]],
    [{ ...ok, matrix: [[1], [2, "x"]] }, ["/data/matrix/1/1"]],
    [{ ...ok, tree: { name: "a", children: [{ name: "b", children: [{ name: 3 }] }] } }, ["/data/tree/children/0/children/0/name"]],
    [{ ...ok, counts: { "a/b": 1, "c~d": "x" } }, ["/data/counts/c~0d"]],
    [{ ...ok, open: [] }, ["/data/open"]],
  ])("%j → errors at %j", (data, want) => expect(paths(o(body("shapes.objects", data)))).toEqual(want));
});

describe("unions", () => {
  const u = validators["shapes.unions"];
  const ok = { shape: { type: "circle", radius: 1 }, id: 7 };
  it.each([
    [ok, []],
    [{ ...ok, shape: { type: "square", side: 2 } }, []],
    [{ ...ok, shape: { type: "square", side: 0 } }, ["/data/shape/side"]],
    [{ ...ok, shape: { type: "triangle" } }, ["/data/shape/type"]],
    [{ ...ok, shape: { type: "circle", radius: 1, side: 1 } }, ["/data/shape/side"]],
    [{ ...ok, id: "ab" }, []],
    [{ ...ok, id: "a" }, ["/data/id"]],
    [{ ...ok, id: 1.5 }, ["/data/id"]],
    [{ ...ok, exactly: 4 }, []],
    [{ ...ok, exactly: 6 }, ["/data/exactly"]], // oneOf: both variants match
    [{ ...ok, exactly: 5 }, ["/data/exactly"]],
    [{ ...ok, shapes: [{ type: "circle", radius: 1 }, { type: "square" }] }, ["/data/shapes/1"]],
  ])("%j → errors at %j", (data, want) => expect(paths(u(body("shapes.unions", data)))).toEqual(want));
});

describe("dispatch and the runtime API", () => {
  const good = body("shapes.presence", { required: "a", nullable: null });
  it("validateEvent dispatches on the type field and names an unknown type", () => {
    expect(validateEvent(good)).toEqual({ ok: true, value: good });
    expect(errors(validateEvent({ ...good, kind: "shapes.nope" }))).toEqual([expect.objectContaining({ path: "/kind", message: expect.stringContaining("shapes.nope") })]);
    expect(errors(validateEvent({ id: "x" }))).toEqual([{ path: "", code: "required", message: 'missing required property "kind"', expected: 'property "kind"' }]);
    expect(errors(validateEvent({ kind: 1 }))[0]).toMatchObject({ path: "/kind", received: "number" });
    expect(validateEvent("not an object").ok).toBe(false);
  });

  it("isEvent, parseEvent and EventValidationError", () => {
    expect(isEvent(good)).toBe(true);
    expect(isEvent({ ...good, id: "" })).toBe(false);
    expect(parseEvent(good)).toBe(good);
    try {
      parseEvent({ ...good, id: 1 });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(EventValidationError);
      expect((e as EventValidationError).errors).toEqual([expect.objectContaining({ path: "/id" })]);
    }
  });

  it("eventSchema is a Standard Schema v1", async () => {
    const std = eventSchema["~standard"];
    expect(std.version).toBe(1);
    expect(std.vendor).toBe("eventgen");
    expect(await std.validate(good)).toEqual({ value: good });
    const bad = (await std.validate({ ...good, data: { required: 1, nullable: null } })) as { issues: { message: string; path: PropertyKey[] }[] };
    expect(bad.issues).toEqual([expect.objectContaining({ path: ["data", "required"] })]);
  });

  it("schemaValidators check named schemas on their own", () => {
    expect(schemaValidators.TreeNode({ name: "x", children: [] }).ok).toBe(true);
    expect(paths(schemaValidators.TreeNode({ name: "x", children: [{}] }))).toEqual(["/children/0"]);
  });
});

describe("a property named __proto__", () => {
  const s = validators["strings.bounds"];
  const ok = { code: "ABC-12", short: "ab", status: "active", fixed: "auto_closed" };
  // JSON.parse makes "__proto__" an own property, as a delivery would carry it; an object literal
  // would set the prototype instead, which is not a field.
  const parsed = (proto: unknown) => JSON.parse(JSON.stringify(body("strings.bounds", ok)).replace('"data":{', `"data":{"__proto__":${JSON.stringify(proto)},`));

  it("is read as the own field it is in JSON", () => {
    expect(Object.prototype.hasOwnProperty.call(parsed("abc").data, "__proto__")).toBe(true);
    expect(s(parsed("abc")).ok).toBe(true);
    expect(errors(s(parsed("abcd")))).toEqual([expect.objectContaining({ path: "/data/__proto__", received: '"abcd"' })]);
    expect(paths(s(parsed({ polluted: true })))).toEqual(["/data/__proto__"]);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });

  it("an inherited prototype is not the field", () => {
    const data = Object.assign(Object.create({ x: 1 }), ok);
    expect(s(body("strings.bounds", data)).ok).toBe(true);
    expect(s(body("strings.bounds", Object.assign(Object.create(null), ok))).ok).toBe(true);
  });

  it("the JSON Schema and the types carry it as a property", async () => {
    const { readFileSync } = await import("node:fs");
    const schema = JSON.parse(readFileSync("test/cases/constructs/generated/constructs/schemas/strings.bounds.json", "utf8"));
    expect(Object.prototype.hasOwnProperty.call(schema.properties.data.properties, "__proto__")).toBe(true);
    expect(readFileSync("test/cases/constructs/generated/constructs/src/types.ts", "utf8")).toContain("__proto__?: string;");
  });
});

describe("constants of every JSON type, full forms, deep uniqueness", () => {
  const m = validators["shapes.misc"];
  const ok = { three: 3, no: false, nothing: null };
  it.each([
    [ok, []],
    [{ ...ok, three: 3.0, half: 1.5 }, []],
    [{ ...ok, three: "3" }, ["/data/three"]],
    [{ ...ok, no: 0 }, ["/data/no"]],
    [{ ...ok, nothing: undefined }, ["/data"]], // undefined is absent, and `nothing` is required
    [{ ...ok, nothing: false }, ["/data/nothing"]],
    [{ ...ok, half: 1 }, ["/data/half"]],
    [{ ...ok, full: null, tree: null, trees: null, null_only: null }, []],
    [{ ...ok, full: 1 }, ["/data/full"]],
    [{ ...ok, tree: { name: "a", children: [{ name: "b" }] }, trees: [{ name: "c" }] }, []],
    [{ ...ok, tree: { name: "a", extra: 1 } }, ["/data/tree/extra"]],
    [{ ...ok, trees: [null] }, ["/data/trees/0"]],
    [{ ...ok, anything: [1, "a", null, { b: [] }] }, []],
    [{ ...ok, anything: {} }, ["/data/anything"]],
    [{ ...ok, null_only: 0 }, ["/data/null_only"]],
  ])("%j → errors at %j", (data, want) => expect(paths(m(body("shapes.misc", data)))).toEqual(want));

  // uniqueItems compares by JSON value: key order does not matter, 1 and 1.0 are one number, and
  // so are 0 and -0; "1" and 1, {} and [] differ.
  it.each<[unknown[], boolean]>([
    [[1, "1", true, null, {}, [], [1], { a: 1 }], true],
    [[1, 1.0], false],
    [[0, -0], false],
    [[null, null], false],
    [[[1, 2], [1, 2]], false],
    [[[1, 2], [2, 1]], true],
    [[{ a: 1, b: [2, { c: 3 }] }, { b: [2, { c: 3 }], a: 1 }], false],
    [[{ a: 1 }, { a: 1, b: undefined }], false], // an undefined property is absent
    [[{ a: 1 }, { a: 2 }], true],
  ])("uniqueItems %j → %s", (sets, unique) => {
    const r = m(body("shapes.misc", { ...ok, sets }));
    expect(paths(r)).toEqual(unique ? [] : ["/data/sets"]);
  });

  it("uniqueItems on a huge array takes linear time, not quadratic", () => {
    const sets: unknown[] = Array.from({ length: 200_000 }, (_, i) => (i % 2 ? i : { i, tags: [String(i)] }));
    const start = performance.now();
    expect(m(body("shapes.misc", { ...ok, sets })).ok).toBe(true);
    sets.push({ tags: ["8"], i: 8 });
    expect(paths(m(body("shapes.misc", { ...ok, sets })))).toEqual(["/data/sets"]);
    // Quadratic pairwise comparison would take minutes here.
    expect(performance.now() - start).toBeLessThan(5_000);
  });
});

describe("dispatch on names that Object.prototype has", () => {
  it.each(["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf", ""])("type %j is an unknown type, named", (t) => {
    const b = JSON.parse(JSON.stringify({ kind: t, id: "e", data: {} }));
    expect(errors(validateEvent(b))).toEqual([{ path: "/kind", code: "unknown_type", message: `unknown event type ${JSON.stringify(t)}`, expected: "one of the 7 event types", received: JSON.stringify(t) }]);
    expect(isEvent(b)).toBe(false);
    expect(validateEvent({ id: "e" }, t).ok).toBe(false);
  });

  it("a type field that is only inherited is missing", () => {
    const inherited = Object.assign(Object.create({ kind: "shapes.presence" }), { id: "e", data: { required: "a", nullable: null } });
    expect(paths(validateEvent(inherited))).toEqual([""]);
    expect(isEvent(inherited)).toBe(false);
    const viaProto = JSON.parse('{"__proto__":{"kind":"shapes.presence"},"id":"e","data":{"required":"a","nullable":null}}');
    expect(paths(validateEvent(viaProto))).toEqual([""]);
  });
});
