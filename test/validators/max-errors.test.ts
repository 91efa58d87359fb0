// Validation work is bounded: a body with a million bad values yields maxErrors issues (default
// 100), each with its code, and stops there rather than collecting a million.
import { describe, expect, it } from "vitest";
import { CATALOG_HEAD, loadText } from "../support/load-text.ts";
import { validatorsOf } from "../docs/support.ts";

const text = `${CATALOG_HEAD}events:\n  a.b:\n    group: g\n    trigger: t\n    payload:\n      properties:\n        xs: { type: array, items: integer }\n`;

describe("maxErrors", async () => {
  const { model } = loadText("t.yaml", text);
  const validate = (await validatorsOf(model!))["a.b"]! as (x: unknown, o?: { maxErrors?: number }) => { ok: boolean; errors?: { path: string; code: string }[] };
  const body = (n: number) => ({ type: "a.b", data: { xs: Array.from({ length: n }, () => "no") } });

  it("stops at 100 issues by default, on a million bad values, and says what each is", () => {
    const big = body(1_000_000);
    const r = validate(big);
    expect(r.ok).toBe(false);
    expect(r.errors!.length).toBe(100);
    expect(r.errors![99]).toMatchObject({ path: "/data/xs/99", code: "type" });
  });

  it("takes another limit, or none", () => {
    expect(validate(body(50), { maxErrors: 5 }).errors!.length).toBe(5);
    expect(validate(body(1_000), { maxErrors: 0 }).errors!.length).toBe(1_000);
    expect(validate(body(3)).errors!.map((e) => e.code)).toEqual(["type", "type", "type"]);
  });
});
