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
