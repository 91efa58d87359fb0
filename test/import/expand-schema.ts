// What a generated JSON Schema requires, whatever names its parts have.
type Rec = Record<string, unknown>;

/** An event's JSON Schema with its `$defs` put in place of the references to them, and without
 * annotations: what it requires, whatever names the parts have. */
export function expand(root: Rec): unknown {
  const defs = (root.$defs ?? {}) as Rec;
  const walk = (v: unknown, seen: string[]): unknown => {
    if (Array.isArray(v)) return v.map((x) => walk(x, seen));
    if (typeof v !== "object" || v === null) return v;
    const o = v as Rec;
    const ref = typeof o.$ref === "string" ? /^#\/\$defs\/(.+)$/.exec(o.$ref)?.[1] : undefined;
    if (ref !== undefined && !seen.includes(ref)) return walk({ ...(defs[ref] as Rec), ...Object.fromEntries(Object.entries(o).filter(([k]) => k !== "$ref")) }, [...seen, ref]);
    const out: Rec = {};
    for (const [k, x] of Object.entries(o)) {
      if (["$defs", "$comment", "$id", "$schema", "description", "title", "examples", "default", "deprecated"].includes(k)) continue;
      out[k] = k === "properties" ? Object.fromEntries(Object.entries(x as Rec).map(([n, p]) => [n, walk(p, seen)])) : k === "required" ? [...(x as string[])].sort() : walk(x, seen);
    }
    return out;
  };
  return walk(root, []);
}
