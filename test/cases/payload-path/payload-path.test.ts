// A nested payload (Stripe's `data.object`), with an extensible enum and annotation-only formats:
// the payload is found and checked where the path says, the objects around it stay open.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { validateEvent, validators } from "./generated/payload-path/src/index.ts";

const envelope = { id: "evt_1", object: "event", created: 1718035200 };
const customer = { id: "cus_1", object: "customer", tax_exempt: "none", balance: 0 };
const created = { ...envelope, type: "customer.created", data: { object: customer, previous_attributes: { balance: 5 } } };
const paths = (r: { ok: boolean; errors?: { path: string }[] }) => (r.ok ? [] : r.errors!.map((e) => e.path));

describe("payloadField: data.object", () => {
  it("checks the payload under data.object, and accepts other fields of data", () => {
    expect(validateEvent(created).ok).toBe(true);
    expect(paths(validateEvent({ ...created, data: { object: { ...customer, id: "x" } } }))).toEqual(["/data/object/id"]);
    expect(paths(validateEvent({ ...created, data: {} }))).toEqual(["/data"]);
    // The payload itself where data should be: its own `object` field is no customer.
    expect(paths(validateEvent({ ...created, data: customer }))).toEqual(["/data/object"]);
    expect(paths(validateEvent({ ...created, data: null }))).toEqual(["/data"]);
    expect(validators["customer.deleted"]({ ...envelope, type: "customer.deleted", data: { object: { id: "cus_1", deleted: true } } }).ok).toBe(true);
  });

  it("extensibleEnums opens the catalog's enums; formats it does not know are not checked", () => {
    expect(validateEvent({ ...created, data: { object: { ...customer, tax_exempt: "partial", balance: 2 ** 60 } } }).ok).toBe(true);
    expect(paths(validateEvent({ ...created, data: { object: { ...customer, tax_exempt: 1 } } }))).toEqual(["/data/object/tax_exempt"]);
  });

  it("the JSON Schema nests the payload the same way", () => {
    const schema = JSON.parse(readFileSync(new URL("./generated/payload-path/schemas/customer.created.json", import.meta.url), "utf8"));
    expect(schema.properties.data).toEqual({ type: "object", properties: { object: { $ref: "#/$defs/Customer" } }, required: ["object"] });
    expect(schema.required).toContain("data");
  });
});

describe("outer: an event's other fields of data (previous_attributes)", () => {
  const updated = { ...envelope, type: "customer.updated", data: { object: customer, previous_attributes: { balance: 5 } } };

  it("checks them beside data.object, as a partial Customer; other fields of data stay accepted", () => {
    expect(validateEvent(updated).ok).toBe(true);
    expect(validateEvent({ ...updated, data: { object: customer } }).ok).toBe(true);
    expect(validateEvent({ ...updated, data: { ...updated.data, previous_attributes: {}, livemode: false } }).ok).toBe(true);
    expect(paths(validateEvent({ ...updated, data: { object: customer, previous_attributes: { balance: "5" } } }))).toEqual(["/data/previous_attributes/balance"]);
    expect(paths(validateEvent({ ...updated, data: { object: customer, previous_attributes: [] } }))).toEqual(["/data/previous_attributes"]);
    // Another event's data says nothing of previous_attributes: anything goes there.
    expect(validators["customer.created"]({ ...created, data: { object: customer, previous_attributes: [] } }).ok).toBe(true);
  });

  it("the JSON Schema and OpenAPI say them beside the payload", () => {
    const schema = JSON.parse(readFileSync(new URL("./generated/payload-path/schemas/customer.updated.json", import.meta.url), "utf8"));
    expect(Object.keys(schema.properties.data.properties)).toEqual(["object", "previous_attributes"]);
    expect(schema.properties.data.required).toEqual(["object"]);
    expect(schema.properties.data.properties.previous_attributes).toMatchObject({ type: "object", description: "The changed fields' earlier values" });
    expect(schema.properties.data.properties.previous_attributes.required).toBeUndefined();
    const openapi = JSON.parse(readFileSync(new URL("./generated/payload-path/openapi.json", import.meta.url), "utf8"));
    expect(openapi.components.schemas.CustomerUpdatedEvent.properties.data).toEqual({ ...schema.properties.data, properties: { ...schema.properties.data.properties, object: { $ref: "#/components/schemas/Customer" } } });
  });

  it("the docs list them under the payload's fields", () => {
    const docs = readFileSync(new URL("./generated/payload-path/README.md", import.meta.url), "utf8");
    const section = docs.slice(docs.indexOf('<a id="event-customer-updated">'));
    expect(section).toContain("Beside the payload, `data` carries:");
    expect(section).toMatch(/\| `data\.previous_attributes\.balance` +\| integer \(int64, not checked\) +\| optional/);
  });
});
