// Sources that name the event in a header (GitHub's X-GitHub-Event): the caller passes the type.
import { describe, expect, it } from "vitest";
import { eventSchema, isEvent, parseEvent, toStandardSchema, typeHeader, validateEvent, validators } from "./generated/header-typed/src/index.ts";

describe("type in a header", () => {
  const push = { ref: "refs/heads/main", size: 1, action: "created" };
  it("exports the header's name", () => expect(typeHeader).toBe("X-GitHub-Event"));

  it("validateEvent takes the type from its caller", () => {
    expect(validateEvent(push, "push").ok).toBe(true);
    expect(validateEvent(push, "star").ok).toBe(false);
    expect(isEvent(push, "push")).toBe(true);
    expect(parseEvent(push, "push")).toBe(push);
  });

  it("without a type it says where the type comes from", () => {
    const r = validateEvent(push);
    expect(r.ok ? "" : r.errors[0]!.message).toContain("X-GitHub-Event header");
  });

  it("validators[type] works as always", () => {
    expect(validators.star({ starred_at: null }).ok).toBe(true);
    expect(validators.star({ starred_at: "yesterday" }).ok).toBe(false);
  });
});

describe("type in a header: errors and schemas", () => {
  const paths = (r: { ok: boolean; errors?: { path: string }[] }) => (r.ok ? [] : r.errors!.map((e) => e.path));

  it("an unknown type from the caller is named; paths start at the body", () => {
    const r = validateEvent({ ref: "x", size: 1 }, "fork");
    expect(r.ok ? [] : r.errors).toEqual([expect.objectContaining({ path: "", message: expect.stringContaining('"fork"') })]);
    expect(paths(validateEvent({ ref: 1, size: "2", action: 3 }, "push"))).toEqual(["/action", "/ref", "/size"]);
    expect(paths(validateEvent({ starred_at: "2024-13-01T00:00:00Z" }, "star"))).toEqual(["/starred_at"]);
    expect(paths(validateEvent({}, "star"))).toEqual([""]);
  });

  it("the header's value is not read from the body", () => {
    expect(validateEvent({ ref: "x", size: 1, "X-GitHub-Event": "push" }).ok).toBe(false);
  });

  it("eventSchema cannot know the type, so a per-type Standard Schema is the way", async () => {
    const all = await eventSchema["~standard"].validate({ ref: "x", size: 1 });
    expect(all.issues?.[0]?.message).toContain("X-GitHub-Event");
    const push = toStandardSchema(validators.push);
    expect(await push["~standard"].validate({ ref: "x", size: 1 })).toEqual({ value: { ref: "x", size: 1 } });
    expect(await push["~standard"].validate({ ref: "x" })).toEqual({ issues: [{ message: 'missing required property "size"', path: [] }] });
  });
});
