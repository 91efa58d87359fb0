// Inputs that throw while being read (getters, proxies, revoked proxies), including throws of
// values that cannot even be turned into a message: every entry point answers with a result.
import { describe, expect, it } from "vitest";
import { eventSchema, isEvent, parseEvent, EventValidationError, validateEvent, validators } from "../cases/constructs/generated/constructs/src/index.ts";

const ok = { nested: { deeper: { leaf: true } }, tags: ["a"] };
const body = (data: unknown) => ({ kind: "shapes.objects", id: "e1", data });
const throwing = (thrower: () => never) => new Proxy({}, { get: thrower, has: thrower, ownKeys: thrower, getOwnPropertyDescriptor: thrower, getPrototypeOf: thrower });
const revoked = () => {
  const r = Proxy.revocable({}, {});
  r.revoke();
  return r.proxy;
};
const nullProto = () => Object.create(null) as never;

const throws: [string, () => never][] = [
  ["an Error", () => { throw new Error("boom"); }],
  ["an object without a prototype", () => { throw nullProto(); }],
  ["an object whose toString throws", () => { throw { toString: () => { throw new Error("again"); } }; }],
  ["an Error whose message getter throws", () => { throw Object.defineProperty(new Error(), "message", { get: () => { throw nullProto(); } }); }],
  ["a proxy whose prototype cannot be read", () => { throw throwing(() => { throw 1; }); }],
];

describe("inputs that throw while read", () => {
  it.each(throws)("a getter throwing %s gives an error result", (_, thrower) => {
    const data = { ...ok, get labels(): never { return thrower(); } };
    const r = validators["shapes.objects"](body(data));
    expect(r.ok).toBe(false);
    expect(r.ok ? [] : r.errors).toEqual([{ path: "", code: "unreadable", message: expect.stringMatching(/^cannot be read/) }]);
    expect(validateEvent(body(data)).ok).toBe(false);
    expect(isEvent(body(data))).toBe(false);
  });

  it.each<[string, () => unknown]>([
    ["a proxy whose every trap throws", () => throwing(() => { throw nullProto(); })],
    ["a revoked proxy", revoked],
  ])("%s, as the body or deep inside it, gives an error result", async (_, make) => {
    for (const input of [make(), body(make()), body({ ...ok, nested: make() })]) {
      expect(validateEvent(input).ok).toBe(false);
      expect(validators["shapes.objects"](input).ok).toBe(false);
      expect(isEvent(input)).toBe(false);
      expect(() => parseEvent(input)).toThrow(EventValidationError);
      expect((await eventSchema["~standard"].validate(input)).issues?.length).toBe(1);
    }
  });

  it("a header-typed source's validateEvent with a hostile body", async () => {
    const { validateEvent: v } = await import("../cases/header-typed/generated/header-typed/src/index.ts");
    expect(v(revoked(), "push").ok).toBe(false);
    expect(v(throwing(() => { throw nullProto(); }), "push").ok).toBe(false);
  });
});
