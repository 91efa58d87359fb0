// Uses the checked-in generated package of nested.yaml (imported from its TypeScript sources):
// errors many levels down are reported at the exact JSON Pointer, every one of them, in order.
import { describe, expect, it } from "vitest";
import { eventSchema, parseEvent, schemaValidators, validateEvent, validators, EventValidationError, type Department, type Event, type ValidationResult } from "./generated/nested/src/index.ts";

const ID = "3f2b8c1e-5a7d-4e9f-8b6a-1c2d3e4f5a6b";
const money = (amount: string, currency = "EUR") => ({ amount, currency });
const order = () => ({
  id: "o1",
  lines: [
    { sku: "A", price: money("1.50") },
    { sku: "B", price: money("-2"), discounts: [money("0.5")] },
  ],
  totals: { net: money("3"), tax: money("0.57"), "a/b~c": money("1") },
  shipping: { lines: ["1 Main St"], country: "FR" },
});
const completed = () => ({
  event_type: "sync_job_run:completed",
  id: ID,
  meta: { attempt: 1, trace: [{ hop: "eu-1", at: "2024-05-01T12:00:00Z" }] },
  payload: {
    sync_job_run: { id: ID, stats: { records: { contacts: { created: 3, updated: 0 } }, errors: [[{ code: "E1", at: ["x"] }], []] } },
    orders: [order()],
  },
});
const errors = (r: ValidationResult<unknown>) => (r.ok ? [] : r.errors);
const paths = (r: ValidationResult<unknown>) => errors(r).map((e) => e.path);

describe("nested: valid bodies", () => {
  it("a full body is valid and comes back as the same object", () => {
    const body = completed();
    expect(validateEvent(body)).toEqual({ ok: true, value: body });
    const r = validateEvent(body);
    expect(r.ok && r.value).toBe(body);
  });

  it("optional and nullable nested objects may be absent or null", () => {
    const body = completed();
    body.payload.orders[0]!.shipping = null as never;
    expect(paths(validateEvent(body))).toEqual([]);
    delete (body.payload.orders[0] as Partial<ReturnType<typeof order>>).shipping;
    delete (body.payload as { orders?: unknown }).orders;
    delete (body.meta as { trace?: unknown }).trace;
    expect(paths(validateEvent(body))).toEqual([]);
  });
});

describe("nested: error paths", () => {
  it.each<[string, (b: ReturnType<typeof completed>) => void, string[]]>([
    ["pattern three levels into an array of refs", (b) => (b.payload.orders[0]!.lines[1]!.price.currency = "eur"), ["/payload/orders/0/lines/1/price/currency"]],
    ["a map value of a named schema", (b) => (b.payload.orders[0]!.totals.tax.amount = "0.577"), ["/payload/orders/0/totals/tax/amount"]],
    ["a map key with / and ~ is escaped", (b) => (b.payload.orders[0]!.totals["a/b~c"].amount = "x"), ["/payload/orders/0/totals/a~1b~0c/amount"]],
    ["a missing field: at its object", (b) => delete (b.payload.orders[0]!.lines[0] as { sku?: string }).sku, ["/payload/orders/0/lines/0"]],
    ["an array inside an optional array", (b) => (b.payload.orders[0]!.lines[1]!.discounts![0]!.amount = "1.234"), ["/payload/orders/0/lines/1/discounts/0/amount"]],
    ["an extra field on a closed named schema", (b) => Object.assign(b.payload.orders[0]!.lines[0]!.price, { rate: 1 }), ["/payload/orders/0/lines/0/price/rate"]],
    ["an extra field on an open one is fine", (b) => Object.assign(b.payload.orders[0]!.lines[0]!, { note: 1 }), []],
    ["minItems of a nested array", (b) => (b.payload.orders[0]!.lines = []), ["/payload/orders/0/lines"]],
    ["string bounds inside a nullable ref", (b) => (b.payload.orders[0]!.shipping!.country = "FRA"), ["/payload/orders/0/shipping/country"]],
    ["a map of maps", (b) => (b.payload.sync_job_run.stats.records.contacts!.updated = -1), ["/payload/sync_job_run/stats/records/contacts/updated"]],
    ["an array of arrays of objects", (b) => (b.payload.sync_job_run.stats.errors[0]![0]!.at = ["x", 3 as never]), ["/payload/sync_job_run/stats/errors/0/0/at/1"]],
    ["a wrong type in the envelope's nested field", (b) => (b.meta.attempt = 0), ["/meta/attempt"]],
    ["maxItems in the envelope", (b) => (b.meta.trace = Array(5).fill(b.meta.trace[0])), ["/meta/trace"]],
    ["a format inside an envelope array", (b) => (b.meta.trace[0]!.at = "2024-05-01"), ["/meta/trace/0/at"]],
    ["the closed envelope rejects unknown top-level fields", (b) => Object.assign(b, { extra: true }), ["/extra"]],
    ["the closed envelope's nested object too", (b) => Object.assign(b.meta, { retry: true }), ["/meta/retry"]],
  ])("%s", (_, edit, want) => {
    const body = completed();
    edit(body);
    expect(paths(validateEvent(body))).toEqual(want);
  });

  it("reports every error, in document order, with what was expected and received", () => {
    const body = completed();
    body.meta.attempt = 1.5;
    body.payload.orders[0]!.lines[0]!.price.amount = "one";
    body.payload.orders[0]!.shipping = {} as never;
    body.payload.sync_job_run.id = "nope";
    expect(errors(validateEvent(body))).toEqual([
      { path: "/meta/attempt", code: "type", message: "must be an integer", expected: "integer", received: "number" },
      { path: "/payload/sync_job_run/id", code: "format", message: "must be a UUID", expected: "uuid", received: '"nope"' },
      { path: "/payload/orders/0/lines/0/price/amount", code: "pattern", message: "must match the pattern ^-?\\d+(\\.\\d{1,2})?$", expected: "pattern ^-?\\d+(\\.\\d{1,2})?$", received: '"one"' },
      { path: "/payload/orders/0/shipping", code: "required", message: 'missing required property "lines"', expected: 'property "lines"' },
      { path: "/payload/orders/0/shipping", code: "required", message: 'missing required property "country"', expected: 'property "country"' },
    ]);
  });
});

describe("nested: recursion", () => {
  const org = (depth: number): Department => {
    let d: Department = { name: "leaf", teams: {} };
    for (let i = 0; i < depth; i++) d = { name: `d${i}`, head: { name: "h", reports: [{ name: "r" }] }, teams: { core: [d] } };
    return d;
  };
  const changed = (root: unknown, history?: unknown) => ({ event_type: "org:changed", id: ID, meta: { attempt: 1 }, payload: history === undefined ? { root } : { root, history } });

  it("recursion through maps and arrays, with the error path deep inside", () => {
    expect(paths(validators["org:changed"](changed(org(3))))).toEqual([]);
    const root = org(3);
    root.teams["core"]![0]!.teams["core"]![0]!.head!.reports![0]!.email = "not-an-email";
    expect(paths(validators["org:changed"](changed(root)))).toEqual(["/payload/root/teams/core/0/teams/core/0/head/reports/0/email"]);
  });

  it("realistically deep data (500 levels) is validated, not refused", () => {
    const root = org(500);
    expect(validators["org:changed"](changed(root)).ok).toBe(true);
    let leaf = root;
    while (leaf.teams["core"]) leaf = leaf.teams["core"][0]!;
    leaf.name = 1 as never;
    const r = validators["org:changed"](changed(root));
    expect(paths(r)).toEqual(["/payload/root" + "/teams/core/0".repeat(500) + "/name"]);
  });

  it("arrays of arrays of nullable refs", () => {
    expect(paths(validators["org:changed"](changed(org(0), [[[null, { name: "a" }]], []])))).toEqual([]);
    expect(paths(validators["org:changed"](changed(org(0), [[[null, {}]], [[], [1]]])))).toEqual(["/payload/history/0/0/1", "/payload/history/1/1/0"]);
    expect(paths(validators["org:changed"](changed(org(0), [[null]])))).toEqual(["/payload/history/0/0"]);
  });

  it("schemaValidators report paths from the schema's own root", () => {
    expect(paths(schemaValidators.Department({ name: "x", teams: { a: [{ name: 1, teams: {} }] } }))).toEqual(["/teams/a/0/name"]);
    expect(paths(schemaValidators.Order({ ...order(), totals: { net: { amount: "1" } } }))).toEqual(["/totals/net"]);
  });
});

describe("nested: the API around the validators", () => {
  it("Standard Schema issues carry the path as keys and indices", async () => {
    const body = completed();
    body.payload.orders[0]!.totals["a/b~c"].currency = "x";
    const r = await eventSchema["~standard"].validate(body);
    expect(r.issues).toEqual([{ message: expect.any(String), path: ["payload", "orders", 0, "totals", "a/b~c", "currency"] }]);
    expect(await eventSchema["~standard"].validate(completed())).toEqual({ value: completed() });
  });

  it("parseEvent returns the typed event or throws with every error", () => {
    const e: Event = parseEvent(completed());
    expect(e.event_type === "sync_job_run:completed" && e.payload.orders?.[0]?.lines[0]?.price.currency).toBe("EUR");
    const bad = completed();
    bad.payload.orders[0]!.lines[0]!.price.currency = "eur";
    bad.payload.orders[0]!.lines[1]!.price.currency = "usd";
    const thrown = (() => {
      try {
        parseEvent(bad);
      } catch (err) {
        return err;
      }
    })();
    expect(thrown).toBeInstanceOf(EventValidationError);
    expect((thrown as EventValidationError).errors.map((x) => x.path)).toEqual(["/payload/orders/0/lines/0/price/currency", "/payload/orders/0/lines/1/price/currency"]);
  });

  it("the type field decides the validator; a payload of another event is wrong", () => {
    const body = { ...completed(), event_type: "org:changed" };
    expect(paths(validateEvent(body))).toEqual(["/payload"]);
    expect(errors(validateEvent({ ...completed(), event_type: "sync_job_run:started" }))).toEqual([
      expect.objectContaining({ path: "/event_type", message: expect.stringContaining('"sync_job_run:started"') }),
    ]);
  });
});
