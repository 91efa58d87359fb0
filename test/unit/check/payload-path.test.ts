import { describe, expect, it } from "vitest";
import { brokenPath, payloadPath } from "../../../generator/check/payload-path.ts";

describe("payload paths", () => {
  it.each([
    ["data", ["data"], false],
    ["data.object", ["data", "object"], false],
    ["a.b-c.d_e", ["a", "b-c", "d_e"], false],
    ["data..object", ["data..object"], true],
    [".data", [".data"], true],
    ["data.", ["data."], true],
    ["p`${globalThis.pwned}`", ["p`${globalThis.pwned}`"], false],
    ["a b.c", ["a b.c"], false],
  ])("%j: steps %j, broken %j", (field, steps, broken) => {
    expect(payloadPath(field)).toEqual(steps);
    expect(brokenPath(field)).toBe(broken);
  });
});
