// `allOf` → one schema: the members (references followed, nested allOfs flattened) merged keyword
// by keyword where the merge says exactly what the intersection says. Properties both members
// define become an allOf of the two, merged again when converted. Whatever cannot be merged
// exactly is a warning, and the merge keeps the first member's word.
import { child, type Loc, type Sources } from "./read-source.ts";
import type { Warn } from "./warnings.ts";

type Rec = Record<string, unknown>;
export const isRec = (v: unknown): v is Rec => typeof v === "object" && v !== null && !Array.isArray(v);
export const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

const LOWER = new Set(["minimum", "exclusiveMinimum", "minLength", "minItems"]);
const UPPER = new Set(["maximum", "exclusiveMaximum", "maxLength", "maxItems"]);
/** The outer schema's words win; a member's are only taken where the outer says nothing. */
const ANNOTATIONS = new Set(["title", "description", "example", "examples", "default", "deprecated", "readOnly", "writeOnly", "$comment", "$id", "$schema", "externalDocs", "xml", "nullable"]);

interface Member {
  node: Rec;
  loc: Loc;
}

export function mergeAllOf(node: Rec, loc: Loc, sources: Sources, warn: Warn): Rec {
  const members: Member[] = [];
  const seen = new Set<object>();
  const flatten = (n: unknown, l: Loc, depth: number) => {
    if (n === true) return;
    if (!isRec(n) || seen.has(n) || depth > 50) {
      if (n === false) warn({ code: "IMP104", file: l.file, pointer: l.pointer, message: "an allOf member that accepts nothing; left out (the merged schema accepts more)" });
      return;
    }
    seen.add(n);
    const { allOf, $ref, ...rest } = n;
    if (Object.keys(rest).length) members.push({ node: rest, loc: l });
    if (typeof $ref === "string") {
      const r = sources.resolve($ref, l);
      if (typeof r === "string") warn({ code: "IMP103", file: l.file, pointer: `${l.pointer}/$ref`, message: `${r}; that member is read as any` });
      else flatten(r.node, sources.placeOf(r.node) ?? r.loc, depth + 1);
    }
    if (Array.isArray(allOf)) allOf.forEach((m, i) => flatten(m, sources.placeOf(m) ?? child(l, "allOf", i), depth + 1));
  };
  flatten(node, loc, 0);

  const out: Rec = {};
  const at = (m: Member, key: string) => ({ file: m.loc.file, pointer: `${m.loc.pointer}/${key}` });
  const conflict = (m: Member, key: string, what: string) =>
    warn({ code: "IMP104", ...at(m, key), message: `allOf members disagree on '${key}' (${what}); the first member's is kept, so the catalog accepts more` });

  for (const m of members) {
    for (const [k, v] of Object.entries(m.node)) {
      const has = Object.hasOwn(out, k);
      if (k === "properties" && isRec(v)) {
        const props = (out.properties ??= {}) as Rec;
        for (const [p, s] of Object.entries(v)) {
          if (!Object.hasOwn(props, p)) Object.defineProperty(props, p, { value: s, enumerable: true, writable: true, configurable: true });
          else if (!same(props[p], s)) {
            const both = { allOf: [props[p], s] };
            sources.place(both, child(m.loc, "properties", p));
            props[p] = both;
          }
        }
      } else if (k === "required" && Array.isArray(v)) out.required = [...new Set([...((out.required as string[]) ?? []), ...v])];
      else if (k === "type" && has) {
        const a = ([] as unknown[]).concat(out.type);
        const b = ([] as unknown[]).concat(v);
        const both = a.flatMap((t) => (b.includes(t) ? [t] : t === "number" && b.includes("integer") ? ["integer"] : t === "integer" && b.includes("number") ? ["integer"] : []));
        if (!both.length) conflict(m, k, `${JSON.stringify(out.type)} and ${JSON.stringify(v)} leave nothing`);
        else out.type = both.length === 1 ? both[0] : both;
      } else if (k === "enum" && has && Array.isArray(v)) {
        const both = (out.enum as unknown[]).filter((x) => v.some((y) => same(x, y)));
        if (!both.length) conflict(m, k, "no value is in both");
        else out.enum = both;
      } else if (LOWER.has(k) && has && typeof v === "number" && typeof out[k] === "number") out[k] = Math.max(out[k] as number, v);
      else if (UPPER.has(k) && has && typeof v === "number" && typeof out[k] === "number") out[k] = Math.min(out[k] as number, v);
      else if (k === "items" && has && isRec(v) && isRec(out.items)) {
        const both = { allOf: [out.items, v] };
        sources.place(both, at(m, k));
        out.items = both;
      } else if (k === "additionalProperties") continue;
      else if (!has) out[k] = v;
      else if (!ANNOTATIONS.has(k) && !same(out[k], v)) conflict(m, k, `${JSON.stringify(out[k])} and ${JSON.stringify(v)}`);
    }
  }

  // additionalProperties is about the member's own properties: closing one member closes the
  // merge over every member's properties, which accepts the fields the others add (JSON Schema
  // would reject them).
  const props = Object.keys((out.properties as Rec | undefined) ?? {});
  for (const m of members) {
    const extra = m.node.additionalProperties;
    if (extra === undefined || extra === true) continue;
    const own = Object.keys(isRec(m.node.properties) ? m.node.properties : {});
    const added = props.filter((p) => !own.includes(p));
    if (added.length && members.length > 1)
      warn({ code: "IMP104", ...at(m, "additionalProperties"), message: `this allOf member closes its object, which in JSON Schema rejects ${added.map((p) => `'${p}'`).join(", ")} from the other members; the merge accepts them` });
    if (out.additionalProperties === undefined) out.additionalProperties = extra;
    else if (!same(out.additionalProperties, extra)) conflict(m, "additionalProperties", "two different rules");
  }
  if (isRec(node) && node.nullable !== true && members.length > 1 && !members.every((m) => m.node.nullable === true)) delete out.nullable;
  sources.place(out, loc);
  return out;
}
