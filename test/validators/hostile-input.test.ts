// Validators run on untrusted deliveries: they must answer, not crash or be fooled, whatever the
// input holds.
import { describe, expect, it } from "vitest";
import { isEvent, validateEvent, validators } from "../cases/constructs/generated/constructs/dist/index.js";

const objects = validators["shapes.objects"];
const body = (data: unknown) => ({ kind: "shapes.objects", id: "e1", data });
const ok = { nested: { deeper: { leaf: true } }, tags: ["a"] };

describe("hostile input", () => {
  it("__proto__ and constructor keys are data, and never pollute", () => {
    const parsed = JSON.parse('{"kind":"shapes.objects","id":"e1","data":{"nested":{"deeper":{"leaf":true}},"tags":["a"],"counts":{"__proto__":{"polluted":1},"constructor":2}}}');
    const r = objects(parsed);
    expect(r.ok ? [] : r.errors.map((e) => e.path)).toEqual(["/data/counts/__proto__"]);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
    // A closed object rejects an own __proto__ key as an unknown field.
    const closed = JSON.parse('{"kind":"shapes.objects","id":"e1","data":{"nested":{"deeper":{"leaf":true}},"tags":["a"],"__proto__":{}}}');
    expect(objects(closed).ok).toBe(false);
  });

  it("absurdly deep nesting is an error result, not a stack overflow", () => {
    let tree: Record<string, unknown> = { name: "leaf" };
    for (let i = 0; i < 100_000; i++) tree = { name: "n", children: [tree] };
    const r = objects(body({ ...ok, tree }));
    expect(r.ok).toBe(false);
    expect(isEvent(body({ ...ok, tree }))).toBe(false);
    // Deep data under a schema that does not look inside (`object`) is no problem at all.
    let arr: unknown = 1;
    for (let i = 0; i < 100_000; i++) arr = [arr];
    expect(objects(body({ ...ok, open: { a: arr } })).ok).toBe(true);
  });

  it("huge arrays are checked without trouble", () => {
    const matrix = Array.from({ length: 200_000 }, (_, i) => [i]);
    expect(objects(body({ ...ok, matrix })).ok).toBe(true);
    matrix[199_999] = ["x" as unknown as number];
    const r = objects(body({ ...ok, matrix }));
    expect(r.ok ? [] : r.errors.map((e) => e.path)).toEqual(["/data/matrix/199999/0"]);
  });

  it.each([
    ["undefined", undefined],
    ["a function", () => 1],
    ["a symbol", Symbol("x")],
    ["a bigint", 10n],
    ["a Date", new Date(0)],
    ["a Map", new Map([["leaf", true]])],
    ["NaN", Number.NaN],
    ["Infinity", Number.POSITIVE_INFINITY],
  ])("%s where JSON is expected is an error", (_, value) => {
    expect(objects(body({ ...ok, nested: { deeper: { leaf: value } } })).ok).toBe(false);
    expect(validateEvent(value).ok).toBe(false);
  });

  it("a class instance or an array is not a plain JSON object", () => {
    class Leaf {
      leaf = true;
    }
    expect(objects(body({ ...ok, nested: { deeper: [true] } })).ok).toBe(false);
    // Own enumerable fields are what JSON would carry; an instance with them is judged by them.
    expect(objects(body({ ...ok, nested: { deeper: new Leaf() } })).ok).toBe(true);
  });

  it("sparse arrays: holes are not values", () => {
    const tags = ["a", , "b"] as unknown[]; // eslint-disable-line no-sparse-arrays
    expect(objects(body({ ...ok, tags })).ok).toBe(false);
  });

  it("getters that throw do not escape", () => {
    const data = { ...ok, get labels(): never { throw new Error("boom"); } };
    expect(objects(body(data))).toEqual({ ok: false, errors: [{ path: "", code: "unreadable", message: "cannot be read: boom" }] });
    expect(isEvent(body(data))).toBe(false);
  });
});
