// A flat body (Chift's shape): envelope and payload fields side by side, the type in `event`.
import { describe, expect, it } from "vitest";
import { EventValidationError, eventSchema, isEvent, parseEvent, validateEvent, validators } from "./generated/flat/src/index.ts";

const envelope = { accountid: "3f2b8c1e-5a7d-4e9f-8b6a-1c2d3e4f5a6b", created: 1718035200 };
const uuid = "9c8b7a69-5847-4362-9150-f1e2d3c4b5a6";

describe("flat envelope", () => {
  it("validates envelope and payload fields at the top level", () => {
    expect(validateEvent({ event: "conn.created", ...envelope, connectionid: uuid }).ok).toBe(true);
    const r = validateEvent({ event: "conn.created", ...envelope, connectionid: "x", created: "now" });
    expect(r.ok ? [] : r.errors.map((e) => e.path)).toEqual(["/created", "/connectionid"]);
  });

  it("a closed payload does not close the body: envelope fields may come and go", () => {
    expect(validators["conn.closed"]({ event: "conn.closed", ...envelope, connectionid: uuid, reason: null, extra: 1 }).ok).toBe(true);
  });
});

describe("flat envelope: dispatch and paths", () => {
  const created = { event: "conn.created", ...envelope, connectionid: uuid };
  const paths = (r: { ok: boolean; errors?: { path: string }[] }) => (r.ok ? [] : r.errors!.map((e) => e.path));

  it("dispatches on `event` and names an unknown type at /event", () => {
    expect(validateEvent({ ...created, event: "conn.closed" }).ok).toBe(true);
    const r = validateEvent({ ...created, event: "conn.opened" });
    expect(r.ok ? [] : r.errors).toEqual([expect.objectContaining({ path: "/event", message: expect.stringContaining('"conn.opened"') })]);
    expect(paths(validateEvent({ ...envelope, connectionid: uuid }))).toEqual([""]);
  });

  it("envelope and payload errors sit at the top level; a missing field at the body", () => {
    expect(paths(validateEvent({ ...created, accountid: "nope", status: "paused" }))).toEqual(["/accountid", "/status"]);
    const { connectionid: _, ...without } = created;
    expect(validateEvent(without)).toEqual({ ok: false, errors: [{ path: "", code: "required", message: 'missing required property "connectionid"', expected: 'property "connectionid"' }] });
    expect(paths(validateEvent({ event: "conn.closed", ...envelope, connectionid: uuid, reason: 1 }))).toEqual(["/reason"]);
  });

  it("isEvent, parseEvent and eventSchema", async () => {
    expect(isEvent(created)).toBe(true);
    expect(isEvent({ ...created, created: "x" })).toBe(false);
    expect(parseEvent(created)).toBe(created);
    expect(() => parseEvent({ ...created, created: 1.5 })).toThrow(EventValidationError);
    expect(await eventSchema["~standard"].validate({ ...created, status: 1 })).toEqual({ issues: [{ message: expect.any(String), path: ["status"] }] });
  });
});
