// Sources that name the event in a header (GitHub's X-GitHub-Event): the caller passes the type.
import { describe, expect, it } from "vitest";
import { isEvent, parseEvent, typeHeader, validateEvent, validators } from "./generated/header-typed/src/index.ts";

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
