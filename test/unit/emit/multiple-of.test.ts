// multipleOf on decimal steps, judged on the decimal values JSON writes, in the generator's own
// function and in generated validators (fast path and error collection alike).
import { describe, expect, it } from "vitest";
import { decimals, isMultipleOf } from "../../../generator/emit/validators/multiple-of.ts";
import { validatorsOf } from "../../docs/support.ts";
import { CATALOG_HEAD, loadText } from "../../support/load-text.ts";

const table: [value: number, step: number, multiple: boolean][] = [
  [0.3, 0.1, true], // 0.3 / 0.1 = 2.9999999999999996 in floating point
  [0.7, 0.1, true],
  [19.99, 0.01, true],
  [4.35, 0.05, true],
  [0.35, 0.1, false],
  [19.995, 0.01, false],
  [0.30000000000000004, 0.1, false], // 3 * 0.1: not the decimal 0.3
  [1.5, 0.5, true],
  [1.25, 0.5, false],
  [-2.4, 1.2, true],
  [0, 0.01, true],
  [12, 0.25, true],
  [1e21, 0.25, true],
  [3e-8, 1e-8, true],
  [3.5e-8, 1e-8, false],
  [10, 3, false],
  [9, 3, true],
];

describe("multipleOf", () => {
  it("counts the decimals of a number's shortest form", () => {
    expect([0.1, 0.01, 19.99, 1, 1e21, 1.5e-7, 3e-8].map(decimals)).toEqual([1, 2, 2, 0, 0, 8, 8]);
  });

  it.each(table)("%d is a multiple of %d: %s (generator)", (v, step, want) => expect(isMultipleOf(v, step)).toBe(want));

  it("generated validators judge the same, on both paths", async () => {
    const steps = [...new Set(table.map(([, s]) => s))];
    const props = steps.map((s, i) => `        n${i}?: { type: number, multipleOf: ${s} }`).join("\n");
    const text = `${CATALOG_HEAD}events:\n  a.b:\n    group: g\n    trigger: t\n    payload:\n      properties:\n${props}\n`;
    const { model, diagnostics } = loadText("t.yaml", text);
    expect(diagnostics).toEqual([]);
    const validate = (await validatorsOf(model!))["a.b"]!;
    for (const [v, step, want] of table) {
      const r = validate({ type: "a.b", data: { [`n${steps.indexOf(step)}`]: v } });
      expect(r.ok, `${v} / ${step}`).toBe(want);
      if (!r.ok) expect(r.errors).toEqual([{ path: `/data/n${steps.indexOf(step)}`, code: "multipleOf", message: `must be a multiple of ${step}`, received: String(v) }]);
    }
  });
});
