// JSON values written as TypeScript/JavaScript literals (objects, arrays, strings, numbers,
// booleans, null), laid out as prettier lays them out, directly: the testing entry holds every
// event's example bodies, megabytes of literals for a large catalog, and building prettier's docs
// for them cost most of that module's time. The rules are those of the docs expr.ts builds
// (objectDoc, arrayDoc, propertyDoc); what they would lay out in a way not handled here (a long
// key, an array of numbers to fill, text of wide characters) answers undefined, and the caller
// uses the doc printer. test/unit/emit/literal-layout.test.ts holds the two to the same text.
import type { Expr } from "./expr.ts";
import { WIDTH } from "./doc.ts";
import { isPlainAscii } from "./literal.ts";

class Unsupported extends Error {}
const no = (): never => {
  throw new Unsupported();
};

type Lit = Extract<Expr, { k: "atom" | "unary" | "array" | "object" }>;

const isNumberish = (x: Expr) => (x.k === "atom" && x.lit === "number") || (x.k === "unary" && x.op === "-" && x.arg.k === "atom" && x.arg.lit === "number");

function flat(e: Expr): string {
  switch (e.k) {
    case "atom":
      return e.text;
    case "unary":
      return e.op === "-" && e.arg.k === "atom" ? `-${e.arg.text}` : no();
    case "array":
      return `[${e.items.map(flat).join(", ")}]`;
    case "object":
      return e.props.length ? `{ ${e.props.map(([k, v]) => `${k}: ${flat(v)}`).join(", ")} }` : "{}";
    default:
      return no();
  }
}

/** An array of several objects (or arrays) with more than one entry each always breaks, as
 * arrayDoc has it; a group that must break breaks every group around it. */
function mustBreak(e: Expr, memo: Map<Expr, boolean>): boolean {
  let out = memo.get(e);
  if (out !== undefined) return out;
  out = false;
  if (e.k === "array") {
    const many = (x: Expr) => (x.k === "object" && x.props.length > 1) || (x.k === "array" && x.items.length > 1);
    out = (e.items.length > 1 && e.items.every((x, i) => many(x) && (i === e.items.length - 1 || e.items[i + 1]!.k === x.k))) || e.items.some((x) => mustBreak(x, memo));
  } else if (e.k === "object") out = e.props.some(([, v]) => mustBreak(v, memo));
  memo.set(e, out);
  return out;
}

class Layout {
  private readonly memo = new Map<Expr, boolean>();
  private readonly flats = new Map<Expr, string>();

  private flat(e: Expr): string {
    let t = this.flats.get(e);
    if (t === undefined) this.flats.set(e, (t = flat(e)));
    return t;
  }

  /** `e` starting at column `col` of a line indented `level` steps, followed by `after` characters
   * that must fit on its last line (a comma). */
  value(e: Expr, level: number, col: number, after: number): string {
    const f = this.flat(e);
    if (!isPlainAscii(f)) no();
    if ((e.k !== "array" && e.k !== "object") || ((col + f.length + after <= WIDTH) && !mustBreak(e, this.memo))) return f;
    return this.broken(e as Lit, level);
  }

  /** An object or array that does not fit: one entry a line, each with its comma. */
  private broken(e: Lit, level: number): string {
    const pad = "  ".repeat(level + 1);
    if (e.k === "array") {
      if (e.items.length > 1 && e.items.every(isNumberish)) no(); // prettier's fill
      const items = e.items.map((x) => `${pad}${this.value(x, level + 1, pad.length, 1)},`);
      return `[\n${items.join("\n")}\n${"  ".repeat(level)}]`;
    }
    if (e.k !== "object") return no();
    const props = e.props.map(([k, v]) => `${pad}${this.property(k, v, level + 1)},`);
    return `{\n${props.join("\n")}\n${"  ".repeat(level)}}`;
  }

  /** `key: value` at the start of a line indented `level` steps, a comma after it. `top`: the
   * statement itself, which the printer writes on one line whenever it fits there. */
  property(key: string, v: Expr, level: number, top = false): string {
    const col = 2 * level;
    const f = this.flat(v);
    if (!isPlainAscii(key) || !isPlainAscii(f)) no();
    const one = `${key}: ${f}`;
    if (col + one.length + 1 <= WIDTH && (top || !mustBreak(v, this.memo))) return one;
    const shortKey = /^[\x20-\x7e]*$/.test(key) && key.length < 5;
    const next = `${key}:\n${"  ".repeat(level + 1)}`;
    switch (v.k) {
      case "atom":
        // Strings (and null) go to the next line unless the key is short; numbers and booleans stay.
        if (v.lit === "number" || v.lit === "boolean" || shortKey) return one;
        return next + f;
      case "unary":
        // A negative number is laid out as a string is (prettier's fluid layout breaks there).
        return shortKey ? one : next + f;
      case "array":
      case "object":
        // The value opens on the key's line when `key: [` fits there.
        if (!shortKey && col + key.length + 3 > WIDTH) no();
        return `${key}: ${this.broken(v, level)}`;
      default:
        return no();
    }
  }
}

/** One entry (`key: value,`) of an object written expanded, at `level`, as lines with their
 * indentation; undefined where the doc printer must lay it out. */
export function literalEntry(key: string, value: Expr, level: number): string | undefined {
  try {
    return `${"  ".repeat(level)}${new Layout().property(key, value, level, true)},`;
  } catch (err) {
    if (err instanceof Unsupported) return undefined;
    throw err;
  }
}
