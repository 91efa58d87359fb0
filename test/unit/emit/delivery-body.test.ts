// The test-delivery body (send, example, the testing entry): which envelope fields are refreshed,
// and --set/--data edits, as tables.
import { describe, expect, it } from "vitest";
import { BodyEditError, deliveryBody, parseSet, setPath } from "../../../generator/emit/delivery/body.ts";
import { deliveryFill } from "../../../generator/emit/delivery/fill.ts";
import type { Json } from "../../../generator/model/ir.ts";
import { modelOf } from "../../docs/support.ts";

describe("deliveryFill: the envelope fields a delivery refreshes", () => {
  it.each([
    ["catalog/deck.yaml", { id: { field: "id", prefix: "evt_", uuid: false }, timestamps: [{ field: "created_at", unit: "iso" }] }],
    ["catalog/truto.yaml", { id: { field: "id", prefix: "", uuid: false }, timestamps: [{ field: "created_at", unit: "iso" }] }],
    ["catalog/chift.yaml", { timestamps: [{ field: "created", unit: "seconds" }] }],
  ])("%s", (catalog, want) => {
    expect(deliveryFill(modelOf(catalog))).toEqual(want);
  });
});

describe("deliveryBody", () => {
  const deck = modelOf("catalog/deck.yaml");
  const event = deck.events.find((e) => e.type === "task_run.failed")!;
  const now = new Date("2026-05-06T07:08:09.123Z");
  const uuid = "3f2b8c1e-5a7d-4e9f-8b6a-1c2d3e4f5a6b";

  it("fills the type, a fresh id from the UUID and now; the id is returned for the signature", () => {
    const { body, id } = deliveryBody(deck, event, { uuid, now });
    expect(id).toBe("evt_3f2b8c1e5a7d4e9f8b6a1c2d3e4f5a6b");
    expect(body).toMatchObject({ id, type: "task_run.failed", created_at: "2026-05-06T07:08:09Z" });
  });

  it("--data replaces the payload; --set applies after it, in order", () => {
    const { body } = deliveryBody(deck, event, { uuid, now, data: { a: 1 }, sets: [{ path: "data.b", value: [1] }, { path: "/data/b/-", value: 2 }] });
    expect((body as { data: unknown }).data).toEqual({ a: 1, b: [1, 2] });
  });
});

describe("--set", () => {
  it.each<[string, { path: string; value: Json }]>([
    ["data.status=failed", { path: "data.status", value: "failed" }],
    ["data.count=3", { path: "data.count", value: 3 }],
    ["data.x=null", { path: "data.x", value: null }],
    ['data.o={"a":[1]}', { path: "data.o", value: { a: [1] } }],
    ["data.s=a=b", { path: "data.s", value: "a=b" }],
    ["/data/a~1b=1", { path: "/data/a~1b", value: 1 }],
  ])("parses %s", (text, want) => expect(parseSet(text)).toEqual(want));

  it.each([["=1"], ["nothing"], ["data..x=1"], [`${"a.".repeat(70)}a=1`]])("refuses %s", (text) => expect(() => parseSet(text)).toThrow(BodyEditError));

  it.each<[Json, string, Json, Json]>([
    [{}, "a.b.c", 1, { a: { b: { c: 1 } } }],
    [{ a: [1, 2] }, "a.1", 9, { a: [1, 9] }],
    [{ a: [1] }, "a.-", 2, { a: [1, 2] }],
    [{ a: null }, "a.b", 1, { a: { b: 1 } }],
    [{}, "/a~1b", 1, { "a/b": 1 }],
  ])("sets %j %s", (body, path, value, want) => {
    setPath(body, path, value);
    expect(body).toEqual(want);
  });

  it.each<[Json, string]>([
    [{ a: "text" }, "a.b"],
    [{ a: [1] }, "a.5"],
    [{ a: [1] }, "a.x"],
  ])("refuses to set %j %s", (body, path) => expect(() => setPath(body, path, 1)).toThrow(BodyEditError));

  it("__proto__ is an own field, never the prototype", () => {
    const body: Json = {};
    setPath(body, "__proto__.polluted", true);
    expect(Object.hasOwn(body, "__proto__")).toBe(true);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
    expect(Object.getPrototypeOf(body)).toBe(Object.prototype);
  });
});
