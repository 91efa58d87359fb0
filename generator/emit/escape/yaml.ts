// JSON data as YAML, exactly as the `yaml` package's stringify writes it with
// `{ aliasDuplicateObjects: false, lineWidth: 0 }`, at a fraction of its cost on large documents
// (it builds a node for every value first). The layout is written here; a string that is not
// plainly safe is rendered by `yaml` itself, in the same position, and remembered, so the rules for
// quoting, escapes and block scalars stay the library's. test/unit/emit/yaml.test.ts compares the
// two on the bundled catalogs' OpenAPI documents and on random data with hostile strings.
import { stringify } from "yaml";

const OPTIONS = { aliasDuplicateObjects: false, lineWidth: 0 } as const;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** A string that is a plain scalar as it is: no indicator in front, no `: ` or ` #`, nothing
 * that reads as another type, nothing unusual. Anything else is asked of `yaml`. */
const PLAIN = /^[A-Za-z_/(][\x20-\x7e]*$/;
/** An indicator in front (`#/components/…`) and nothing else special: `yaml` double-quotes it, as JSON. */
const QUOTED = /^[#&*!|>%@`][\x20-\x21\x23-\x26\x28-\x5b\x5d-\x7e]*$/;
const RISKY = /: |:$| #|\s$|^(?:null|Null|NULL|true|True|TRUE|false|False|FALSE|y|Y|n|N|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF)$/;

export function toYaml(value: Json): string {
  const out: string[] = [];
  const cache = new Map<string, string>();

  /** The rendering of `s` as a mapping value (or key, or sequence item) at `depth`. */
  const scalar = (s: string, kind: "value" | "key" | "item", depth: number): string => {
    if (PLAIN.test(s) && !RISKY.test(s)) return s;
    if (QUOTED.test(s)) return JSON.stringify(s);
    const cacheKey = `${kind}${depth}\u0000${s}`;
    let text = cache.get(cacheKey);
    if (text === undefined) cache.set(cacheKey, (text = probe(s, kind, depth)));
    return text;
  };

  const atom = (v: Json, kind: "value" | "item", depth: number): string | undefined => {
    if (v === null) return "null";
    if (typeof v === "boolean") return String(v);
    if (typeof v === "number") return Number.isSafeInteger(v) && !Object.is(v, -0) ? String(v) : number(v, kind, depth);
    if (typeof v === "string") return scalar(v, kind, depth);
    if (Array.isArray(v)) return v.length ? undefined : "[]";
    return Object.keys(v).length ? undefined : "{}";
  };

  const numbers = new Map<string, string>();
  const number = (n: number, kind: "value" | "item", depth: number): string => {
    const key = `${kind}${depth}\u0000${Object.is(n, -0) ? "-0" : n}`;
    let text = numbers.get(key);
    if (text === undefined) numbers.set(key, (text = probe(n, kind, depth)));
    return text;
  };

  const mapping = (o: { [k: string]: Json }, depth: number, first: string) => {
    let lead = first;
    const pad = "  ".repeat(depth);
    for (const k of Object.keys(o)) {
      const v = o[k]!;
      const key = scalar(k, "key", depth);
      const a = atom(v, "value", depth);
      if (a !== undefined) out.push(`${lead}${key}: ${a}`);
      else {
        out.push(`${lead}${key}:`);
        if (Array.isArray(v)) sequence(v, depth + 1, `${pad}  `);
        else mapping(v as { [k: string]: Json }, depth + 1, `${pad}  `);
      }
      lead = pad;
    }
  };

  const sequence = (a: Json[], depth: number, first: string) => {
    let lead = first;
    const pad = "  ".repeat(depth);
    for (const v of a) {
      const s = atom(v, "item", depth);
      if (s !== undefined) out.push(`${lead}- ${s}`);
      else if (Array.isArray(v)) sequence(v, depth + 1, `${lead}- `);
      else mapping(v as { [k: string]: Json }, depth + 1, `${lead}- `);
      lead = pad;
    }
  };

  const top = atom(value, "value", 0);
  if (top !== undefined) return stringify(value, OPTIONS);
  if (Array.isArray(value)) sequence(value, 0, "");
  else mapping(value as { [k: string]: Json }, 0, "");
  return out.join("\n") + "\n";
}

/** Renders one scalar with `yaml` inside mappings (or a sequence) nested as deep as it stands,
 * then takes it out: identical context, identical decisions. */
function probe(s: string | number, kind: "value" | "key" | "item", depth: number): string {
  let doc: unknown = kind === "key" ? { [s as string]: null } : kind === "item" ? [s] : { k: s };
  for (let i = 0; i < depth; i++) doc = { k: doc };
  const text = stringify(doc, OPTIONS);
  const lines = text.slice(0, -1).split("\n").slice(depth);
  const pad = "  ".repeat(depth);
  const head = lines[0]!.slice(pad.length);
  const first = kind === "key" ? head.slice(0, -": null".length) : kind === "item" ? head.slice(2) : head.slice(3);
  return [first, ...lines.slice(1)].join("\n");
}
