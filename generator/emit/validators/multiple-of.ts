// multipleOf on decimal steps. JSON numbers are decimal, and 19.99 is a multiple of 0.01; dividing
// their binary approximations (19.99 / 0.01 = 1998.9999999999998) says it is not. A step with d
// decimals is k / 10^d for an integer k, so the check is done on integers: v · 10^d must be a whole
// multiple of k, and v may not have more decimals than the step. The check itself is the runtime's
// `multipleOf` (generator/runtime/validate.ts), which generated modules call and docs and examples
// use through isMultipleOf.
import { multipleOf } from "../../runtime/validate.ts";

/** A step as d decimals and the integer k = step · 10^d. */
export function decimalStep(step: number): { d: number; k: number } {
  const d = decimals(step);
  return { d, k: Math.round(step * 10 ** d) };
}

/** Decimals in the shortest decimal form of x (1.5e-7 has 8). */
export function decimals(x: number): number {
  const s = String(x);
  const e = s.indexOf("e");
  const dot = s.indexOf(".");
  const frac = dot < 0 ? 0 : (e < 0 ? s.length : e) - dot - 1;
  return Math.max(0, frac - (e < 0 ? 0 : Number(s.slice(e + 1))));
}

export function isMultipleOf(v: number, step: number): boolean {
  if (Number.isInteger(step)) return Number.isInteger(v / step);
  const { d, k } = decimalStep(step);
  return multipleOf(v, d, k);
}
