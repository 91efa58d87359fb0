// A flat body (Chift's shape): envelope and payload fields side by side, the type in `event`.
import { describe, expect, it } from "vitest";
import { validateEvent, validators } from "./generated/flat/src/index.ts";

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
