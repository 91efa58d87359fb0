// Each fixture imports to the catalog checked in beside it (golden), with exactly the warnings
// checked in beside that; the catalogs load with no diagnostic, generate, and their validators are
// used (here and in ajv-agreement.test.ts).
import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { generateAll, importInto, scratchDir, type Pkg } from "./support.ts";

export const FIXTURES = "test/import/fixtures";
export const fixtures = [
  { id: "shop-31", kind: "openapi", input: `${FIXTURES}/openapi/shop-31.yaml` },
  { id: "shop-30", kind: "openapi", input: `${FIXTURES}/openapi/shop-30.json` },
  { id: "header-typed", kind: "openapi", input: `${FIXTURES}/openapi/header-typed.yaml` },
  { id: "unsayable", kind: "openapi", input: `${FIXTURES}/openapi/unsayable.yaml` },
  { id: "schemas", kind: "jsonschema", input: `${FIXTURES}/schemas` },
  { id: "shop-26", kind: "asyncapi", input: `${FIXTURES}/asyncapi/shop-26.yaml` },
  { id: "iot-30", kind: "asyncapi", input: `${FIXTURES}/asyncapi/iot-30.yaml` },
] as const;

const scratch = scratchDir("import-fixtures");
afterAll(scratch.done);
const imported = Object.fromEntries(fixtures.map((f) => [f.id, importInto(f.kind, f.input, scratch.dir, f.id)]));
const load = await generateAll(scratch.dir);

describe.each(fixtures)("$id", ({ id }) => {
  it("imports to the golden catalog", async () => {
    await expect(imported[id]!.text).toMatchFileSnapshot(`fixtures/expected/${id}.yaml`);
  });
  it("warns exactly as the golden list says", async () => {
    await expect(imported[id]!.printed.join("\n") + "\n").toMatchFileSnapshot(`fixtures/expected/${id}.warnings.txt`);
  });
});

describe("the imported catalogs in use", () => {
  const read = (id: string) => readFileSync(`${scratch.dir}/catalog/${id}.yaml`, "utf8");

  it("OpenAPI 3.1: shared schemas named, the shorthand used, operationId and deprecation carried", async () => {
    const text = read("shop-31");
    expect(text).toContain("    payload: Order\n");
    expect(text).toContain("      lines?: Line[]\n");
    expect(text).toContain("      id: uuid The order id\n");
    expect(text).toContain("    operationId: newOrder\n");
    expect(text).toMatch(/order\.refunded:\n {4}group: order\n {4}trigger: An order is refunded\n {4}deprecated: true/);
    const pkg = await load("shop-31");
    const order = { id: "0b7c1e9e-3f2a-4c55-8d0e-6f1f2a3b4c5d", status: "paid", total: 3 };
    const refund = { type: "order.refunded", id: "evt_1", created: 0, data: { order, amount: 1.5, shape: { kind: "circle", radius: 1 }, pet: { barks: true }, ref: 7 } };
    expect(pkg.validateEvent(refund).ok).toBe(true);
    expect(pkg.validateEvent({ ...refund, data: { ...refund.data, pet: { barks: true, meows: false } } }).ok).toBe(false);
    expect(pkg.validateEvent({ ...refund, data: { ...refund.data, order: { ...order, extra: 1 } } }).ok).toBe(false);
    const tree = { type: "catalog.changed", id: "evt_2", created: 0, data: { root: { name: "a", children: [{ name: "b", children: [{ name: 1 }] }] } } };
    expect(pkg.validators["catalog.changed"]!(tree).ok).toBe(false);
    expect(pkg.validators["catalog.changed"]!({ ...tree, data: { root: { name: "a" }, labels: { x: "12345678" } } }).ok).toBe(true);
    expect(pkg.validators["catalog.changed"]!({ ...tree, data: { root: { name: "a" }, labels: { x: "123456789" } } }).ok).toBe(false);
  });

  it("OpenAPI 3.0: nullable, boolean exclusive bounds, a flat body typed by `event`", async () => {
    const pkg = await load("shop-30");
    const paid = { event: "invoice.paid", shop: "s", invoice: "i", amount: 1, note: null };
    expect(pkg.validateEvent(paid).ok).toBe(true);
    expect(pkg.validateEvent({ ...paid, amount: 0 }).ok).toBe(false);
    // nullable does not add null to an enum: OpenAPI 3.0.3 says it must be listed there.
    expect(pkg.validateEvent({ ...paid, status: null }).ok).toBe(false);
    expect(pkg.validateEvent({ ...paid, status: "a" }).ok).toBe(true);
    expect(pkg.validateEvent({ event: "invoice.voided", shop: "s", invoice: "i", voided_by: null }).ok).toBe(true);
  });

  it("header-typed: validators[type] as always, validateEvent told the type by its caller", async () => {
    expect(read("header-typed")).toMatch(/envelope:\n {2}typeHeader: X-Hub-Event\n {2}flat: true\n/);
    const pkg = await load("header-typed");
    const star = { action: "created", starred_at: null };
    expect(pkg.validators.star!(star).ok).toBe(true);
    expect(pkg.validateEvent(star, "star").ok).toBe(true);
    expect(pkg.validateEvent(star, "push").ok).toBe(false);
    expect(pkg.validateEvent(star).ok).toBe(false);
  });

  it("AsyncAPI 2.6: channels as event types, message refs and traits, the envelope and signing read off", async () => {
    const text = read("shop-26");
    expect(text).toMatch(/envelope:\n {2}typeField: type\n {2}payloadField: data\n/);
    expect(text).toContain("    X-Shop-Signature: { role: signature");
    expect(text).toContain("    operationId: refundIssued\n");
    expect(text).toContain("  order: { title: order, note: \"Orders, from creation to refund.\" }");
    const pkg = await load("shop-26");
    const created = { id: "0b7c1e9e-3f2a-4c55-8d0e-6f1f2a3b4c5d", type: "order.created", data: { id: "0b7c1e9e-3f2a-4c55-8d0e-6f1f2a3b4c5d", status: "paid" } };
    expect(pkg.validateEvent(created).ok).toBe(true);
    expect(pkg.validateEvent({ ...created, data: { ...created.data, status: "gone" } }).ok).toBe(false);
    expect(pkg.validators["customer.created"]!({ id: created.id, type: "customer.created", data: { id: created.id, name: null } }).ok).toBe(true);
  });

  it("AsyncAPI 3.0 by hand: addresses and message names as types, a multi-format payload, operation keys as operationIds", async () => {
    const text = read("iot-30");
    expect(text).toMatch(/envelope:\n {2}typeField: kind\n {2}flat: true\n/);
    expect(text).toContain("    operationId: sendAlert\n");
    const pkg = await load("iot-30");
    expect(pkg.validateEvent({ kind: "sensor.alert", sensor: "s-1", level: "high" }).ok).toBe(true);
    expect(pkg.validateEvent({ kind: "sensor.alert", sensor: "x-1", level: "high" }).ok).toBe(false);
    expect(pkg.validateEvent({ kind: "sensor.temperature", sensor: "s-1", celsius: -300 }).ok).toBe(false);
  });

  it("a folder of JSON Schemas: one event per file, typed by its path, refs between files", async () => {
    const pkg = (await load("schemas")) as Pkg;
    expect(Object.keys(pkg.validators).sort()).toEqual(["customer/created", "invoice/paid", "invoice/voided", "ping"]);
    const money = { amount: 1, currency: "EUR" };
    expect(pkg.validateEvent({ type: "invoice/voided", id: "evt", reason: "fraud", refund: money }).ok).toBe(true);
    expect(pkg.validateEvent({ type: "invoice/voided", id: "evt", reason: "fraud", refund: { ...money, x: 1 } }).ok).toBe(false);
    const customer = { name: "a", referrer: { name: "b", referrer: { name: 3 } } };
    expect(pkg.validateEvent({ type: "customer/created", id: "evt", customer }).ok).toBe(false);
  });
});
