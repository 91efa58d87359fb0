// Semantic rules: references, patterns, envelope and union consistency, bounds. Each rule reports
// at the key that is wrong. They run on the parts of a file whose shape is right, even when other
// parts are wrong (a LooseCatalog): a rule that would need what a shape error left out stays quiet
// rather than report a follow-on error (a reference to a schema whose body is malformed is not to
// an unknown schema; a key that may be misspelt is not a missing one).
import type { Diagnostic, SourcePos } from "../diagnostics.ts";
import type { LooseCatalog, RawFull, RawSchema } from "./catalog-shape.ts";
import type { Code } from "./codes.ts";
import { closest, didYouMean } from "./did-you-mean.ts";
import { classifyBase, walkSchema } from "./schema-refs.ts";
import { absent, flawOf, namesOf, posOf, type Entry, type Json, type Names, type POS } from "./shape.ts";
import { FORMATS, PRIMITIVES, isCheckedFormat } from "./catalog-shape.ts";
import { checkSigning } from "./signing-rules.ts";
import { extensibleBase } from "./extensible.ts";
import { brokenPath, payloadPath } from "./payload-path.ts";

type SchemaKey = Exclude<keyof RawFull, "shorthand" | typeof POS>;

/** The names a catalog's mapping `key` defines, even those whose body is malformed; incomplete
 * when the mapping could not be read, or is missing and may be misspelt. */
function definedNames(raw: LooseCatalog, key: "schemas" | "groups"): Names {
  const list = raw[key] as Entry<unknown>[] | undefined;
  if (list) return namesOf(list);
  return { names: new Set(), complete: absent(raw, key) };
}

/** An object schema, one that is not, or one that cannot be told (a shape error hides it). */
type ObjectOf = RawFull | "not" | "unknown";

export function checkRules(raw: LooseCatalog, stem: string, file: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const report = (code: Code, pos: SourcePos, message: string, hint?: string, severity: "error" | "warning" = "error") =>
    out.push({ code, severity, message, pos, ...(hint ? { hint } : {}) });

  if (raw.id !== undefined && raw.id !== stem)
    report(
      "EG306",
      posOf(raw, "id"),
      `catalog id '${raw.id}' does not match the file name '${stem}'`,
      // The stem is only worth suggesting as an id when it is one.
      /^[a-z0-9][a-z0-9_-]*$/.test(stem) ? `rename the file to ${raw.id}.yaml or set id: ${stem}` : `rename the file to ${raw.id}.yaml ('${stem}' cannot be an id: use lowercase letters, digits, - and _)`,
    );

  const schemas = new Map((raw.schemas ?? []).map((e) => [e.key, e.value]));
  const definedSchemas = definedNames(raw, "schemas");
  const schemaNames = definedSchemas.names;
  const definedGroups = definedNames(raw, "groups");
  const groups = definedGroups.names;

  const regex = (source: string, pos: SourcePos): RegExp | undefined => {
    try {
      return new RegExp(source, "u");
    } catch (err) {
      report("EG307", pos, `invalid regular expression: ${(err as Error).message.replace(/^Invalid regular expression: /, "")}`);
      return undefined;
    }
  };

  // Every schema in the catalog, with the rules that apply to one schema at a time.
  const checkSchema = (root: RawSchema) =>
    walkSchema(root, (s, propertyName) => {
      if (s.shorthand) {
        const base = classifyBase(s.base, schemaNames);
        if (base.kind === "unknown" && definedSchemas.complete) {
          const looksLikeName = /^[A-Z]/.test(s.base);
          report(
            looksLikeName ? "EG303" : "EG205",
            s.pos,
            looksLikeName
              ? `unknown schema '${s.base}'${didYouMean(s.base, schemaNames)}`
              : `unknown type '${s.base}'${didYouMean(s.base, [...PRIMITIVES, ...FORMATS, ...schemaNames])}`,
            looksLikeName ? "define it under `schemas:`" : `types are ${PRIMITIVES.join(", ")}; formats are ${FORMATS.join(", ")}`,
          );
        }
        return;
      }
      checkFull(s, propertyName);
    });

  const checkFull = (s: RawFull, propertyName?: string) => {
    const has = (k: SchemaKey) => s[k] !== undefined;
    const conflict = (a: string, b: string) =>
      report("EG206", posOf(s, b), `'${b}' cannot be combined with '${a}' in one schema`);
    if (s.ref !== undefined) {
      if (!schemaNames.has(s.ref) && definedSchemas.complete) report("EG303", posOf(s, "ref"), `unknown schema '${s.ref}'${didYouMean(s.ref, schemaNames)}`, "define it under `schemas:`");
      for (const k of ["type", "properties", "items", "values", "enum", "const", "oneOf", "anyOf", "format", "pattern"] as const)
        if (has(k)) conflict("ref", k);
    }
    if (s.oneOf) for (const k of ["type", "properties", "items", "values", "enum", "const", "anyOf"] as const) if (has(k)) conflict("oneOf", k);
    if (s.from !== undefined) checkDerived(s);
    if (s.allOf) checkComposition(s);
    else for (const k of ["partial", "omit", "pick", "require"] as const) if (has(k) && absent(s, "from")) report("EG206", posOf(s, k), `'${k}' needs 'from': it changes the fields of the schema named there`);
    if (s.anyOf) for (const k of ["type", "properties", "items", "values", "enum", "const"] as const) if (has(k)) conflict("anyOf", k);
    if (has("enum") && has("const")) conflict("enum", "const");
    if (has("discriminator") && absent(s, "oneOf")) report("EG206", posOf(s, "discriminator"), "'discriminator' needs 'oneOf'");
    if (has("extensible") && absent(s, "enum")) report("EG206", posOf(s, "extensible"), "'extensible' needs 'enum': it says the enum's values are the known ones");
    if (s.extensible === true && s.enum && !extensibleBase(s.enum.map((x) => x.value), s.type))
      report("EG402", posOf(s, "extensible"), s.type !== undefined
        ? `an extensible enum accepts any value of its type, and type ${s.type} cannot be one`
        : "an extensible enum's values must all be strings or all numbers: any value of that type is accepted", "give it `type: string`, `integer` or `number`, or drop `extensible`");
    if (s.additionalProperties === false && has("values")) conflict("additionalProperties", "values");
    if (s.type) {
      const families: Record<string, SchemaKey[]> = {
        string: ["pattern", "minLength", "maxLength"],
        number: ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"],
        array: ["items", "minItems", "maxItems", "uniqueItems"],
        object: ["properties", "values", "additionalProperties"],
      };
      const family = s.type === "integer" ? "number" : s.type;
      for (const [fam, keys] of Object.entries(families))
        if (fam !== family) for (const k of keys) if (has(k)) conflict(`type: ${s.type}`, k);
      // A checked format is a string's; an annotation may also describe a number (int64, double).
      if (s.format !== undefined && family !== "string" && (family !== "number" || isCheckedFormat(s.format)))
        report("EG206", posOf(s, "format"), family === "number" ? `format '${s.format}' is a string format; it cannot be combined with 'type: ${s.type}'` : `'format' cannot be combined with 'type: ${s.type}': a format describes a string or a number`);
      const literals = [...(s.enum ?? []), ...(s.const ? [s.const] : [])];
      for (const lit of literals)
        if (!fitsType(lit.value, s.type))
          report("EG402", lit.pos, `${JSON.stringify(lit.value)} is not of type ${s.type}`);
    }
    if (s.pattern !== undefined) regex(s.pattern, posOf(s, "pattern"));
    const bound = (lo: SchemaKey, hi: SchemaKey) => {
      const a = s[lo] as number | undefined;
      const b = s[hi] as number | undefined;
      if (a !== undefined && b !== undefined && a > b) report("EG312", posOf(s, lo), `${String(lo)} ${a} is greater than ${String(hi)} ${b}`);
    };
    bound("minLength", "maxLength");
    bound("minimum", "maximum");
    bound("minItems", "maxItems");
    // With an exclusive end, equal bounds leave nothing either.
    const strict = (lo: SchemaKey, hi: SchemaKey) => {
      const a = s[lo] as number | undefined;
      const b = s[hi] as number | undefined;
      if (a !== undefined && b !== undefined && a >= b) report("EG312", posOf(s, lo), `${String(lo)} ${a} and ${String(hi)} ${b} leave no number between them`);
    };
    strict("exclusiveMinimum", "exclusiveMaximum");
    strict("minimum", "exclusiveMaximum");
    strict("exclusiveMinimum", "maximum");
    if (s.multipleOf !== undefined && s.multipleOf <= 0) report("EG312", posOf(s, "multipleOf"), "multipleOf must be greater than 0");
    if (s.optional === false && propertyName?.endsWith("?"))
      report("EG206", posOf(s, "optional"), `property '${propertyName}' ends in '?' (optional) but says optional: false`);
    if (s.oneOf && s.discriminator) checkDiscriminator(s);
  };

  /** The field names of a named schema, through refs and derivations; undefined when a shape error
   * or a cycle hides them, or it is no object. */
  const fieldsOf = (name: string, seen = new Set<string>()): Set<string> | undefined => {
    if (seen.has(name)) return undefined;
    seen.add(name);
    const own = schemas.get(name);
    const target = own && !own.shorthand && own.from !== undefined ? own : named(name, new Set());
    if (typeof target !== "object") return undefined;
    if (target.from !== undefined) {
      const base = fieldsOf(target.from, seen);
      if (!base) return undefined;
      const strs = (l?: { value: Json }[]) => (l ? new Set(l.map((x) => x.value).filter((v): v is string => typeof v === "string")) : undefined);
      const [pick, omit] = [strs(target.pick), strs(target.omit)];
      return new Set([...base].filter((n) => (!pick || pick.has(n)) && !omit?.has(n)));
    }
    if (!target.properties) return absent(target, "properties") ? new Set() : undefined;
    const { names, complete } = namesOf(target.properties);
    return complete ? new Set([...names].map((n) => n.replace(/\?$/, ""))) : undefined;
  };

  const checkDerived = (s: RawFull) => {
    const has = (k: SchemaKey) => s[k] !== undefined;
    const from = s.from!;
    for (const k of ["type", "properties", "items", "values", "enum", "const", "oneOf", "anyOf", "ref", "format", "pattern", "discriminator"] as const)
      if (has(k)) report("EG206", posOf(s, k), `'${k}' cannot be combined with 'from' in one schema`);
    if (s.omit && s.pick) report("EG206", posOf(s, "pick"), "'pick' cannot be combined with 'omit' in one schema", "pick the fields to keep, or omit the ones to leave out");
    if (!schemaNames.has(from)) {
      if (definedSchemas.complete) report("EG303", posOf(s, "from"), `unknown schema '${from}'${didYouMean(from, schemaNames)}`, "define it under `schemas:`");
      return;
    }
    if (named(from, new Set()) === "not") {
      report("EG206", posOf(s, "from"), `'from' needs an object schema, and '${from}' is not one`);
      return;
    }
    const fields = fieldsOf(from);
    for (const k of ["omit", "pick", "require"] as const)
      for (const item of s[k] ?? []) {
        if (typeof item.value !== "string") report("EG201", item.pos, `expected a field name of '${from}', got ${JSON.stringify(item.value)}`);
        else if (fields && !fields.has(item.value)) report("EG204", item.pos, `'${item.value}' is not a field of '${from}'${didYouMean(item.value, fields)}`);
      }
  };

  /** What a schema requires, without positions or annotations (a description, an example): two
   * allOf members that say the same of a field, described differently, agree. */
  const IGNORED = new Set(["pos", "positions", "shorthand", "description", "title", "example", "default", "deprecated"]);
  const canonical = (s: RawSchema): string => JSON.stringify(s, (k, v) => (IGNORED.has(k) ? undefined : v));

  type Fields = { fields: Map<string, { schema: RawSchema; pos: SourcePos }>; closed: boolean; map: boolean };
  /** An allOf member's fields, through refs and nested allOfs; "not" for no object, "unknown"
   * when a shape error, a derivation or a cycle hides them. */
  const membersFields = (s: RawSchema, seen: Set<string>): Fields | "not" | "unknown" => {
    const viaName = (name: string): Fields | "not" | "unknown" => {
      if (seen.has(name)) return "unknown";
      const target = schemas.get(name);
      if (!target) return schemaNames.has(name) || !definedSchemas.complete ? "unknown" : "not";
      return membersFields(target, new Set(seen).add(name));
    };
    if (s.shorthand) {
      if (s.arrays > 0) return "not";
      const b = classifyBase(s.base, schemaNames);
      if (b.kind === "ref") return viaName(b.name);
      if (b.kind === "unknown") return "unknown";
      return b.kind === "primitive" && b.primitive === "object" ? { fields: new Map(), closed: false, map: false } : "not";
    }
    if (s.ref !== undefined) return viaName(s.ref);
    if (s.from !== undefined) return "unknown";
    if (s.allOf) {
      const out: Fields = { fields: new Map(), closed: s.additionalProperties === false, map: false };
      for (const m of s.allOf) {
        const f = membersFields(m, seen);
        if (typeof f !== "object") return f;
        for (const [k, v] of f.fields) if (!out.fields.has(k)) out.fields.set(k, v);
      }
      return out;
    }
    const o = objectOf(s);
    if (typeof o !== "object") return o;
    if (o.properties && !namesOf(o.properties).complete) return "unknown";
    const fields = new Map((o.properties ?? []).map((e) => [e.key.replace(/\?$/, ""), { schema: e.value, pos: e.pos }]));
    return { fields, closed: o.additionalProperties === false, map: o.values !== undefined };
  };

  const checkComposition = (s: RawFull) => {
    const has = (k: SchemaKey) => s[k] !== undefined;
    for (const k of ["properties", "items", "values", "enum", "const", "oneOf", "anyOf", "ref", "from", "format", "pattern", "discriminator"] as const)
      if (has(k)) report("EG206", posOf(s, k), `'${k}' cannot be combined with 'allOf' in one schema`, k === "properties" ? "make the fields one more member of allOf" : undefined);
    if (s.type !== undefined && s.type !== "object") report("EG206", posOf(s, "type"), `'allOf' makes an object; it cannot be combined with 'type: ${s.type}'`);
    const seen = new Map<string, { schema: string; member: number }>();
    for (const [i, m] of s.allOf!.entries()) {
      const at = m.shorthand ? m.pos : posOf(m);
      const f = membersFields(m, new Set());
      if (f === "unknown") continue;
      if (f === "not") {
        report("EG314", at, `member ${i + 1} of allOf is not an object schema; allOf merges the fields of objects`);
        continue;
      }
      if (f.map) report("EG314", at, `member ${i + 1} of allOf is a map (values); its fields cannot be merged with the others'`);
      if (f.closed) report("EG314", at, `member ${i + 1} of allOf is closed (additionalProperties: false), so it would reject the other members' fields`, "close the allOf itself: `additionalProperties: false` beside `allOf`");
      const inline = !m.shorthand && m.ref === undefined;
      for (const [name, { schema, pos }] of f.fields) {
        const c = canonical(schema);
        const first = seen.get(name);
        if (!first) seen.set(name, { schema: c, member: i });
        else if (first.schema !== c)
          report("EG314", inline ? pos : at, `allOf members ${first.member + 1} and ${i + 1} disagree on field '${name}'`, "say the field the same way in both, or in one of them only");
      }
    }
  };

  /** Resolves refs: the object schema, "not" when it is no object (or an unknown schema), or
   * "unknown" when a shape error hides the answer. */
  const named = (name: string, seen: Set<string>): ObjectOf => {
    if (seen.has(name)) return "not";
    const target = schemas.get(name);
    if (target) return objectOf(target, seen.add(name));
    // Defined with a malformed body, or perhaps in a `schemas` that could not be read.
    return schemaNames.has(name) || !definedSchemas.complete ? "unknown" : "not";
  };
  const objectOf = (s: RawSchema, seen = new Set<string>()): ObjectOf => {
    if (s.shorthand) {
      if (s.arrays > 0) return "not";
      const b = classifyBase(s.base, schemaNames);
      if (b.kind === "ref" || b.kind === "unknown") return named(s.base, seen);
      return b.kind === "primitive" && b.primitive === "object" ? ({} as RawFull) : "not";
    }
    if (s.ref !== undefined) return named(s.ref, seen);
    // Derived or composed: an object, whose fields the rules do not compute here.
    if (s.from !== undefined || s.allOf) return "unknown";
    // As the model reads it: const or enum makes a literal, whatever the other keys say.
    if (s.const !== undefined || s.enum !== undefined) return "not";
    const isObject = s.type === "object" || (!s.type && (s.properties || s.values || s.additionalProperties !== undefined));
    // As the model reads it: `{}` or `{ description: … }` alone is `any`, not an object.
    if (isObject) return s;
    if (s.type !== undefined) return "not";
    // No key says object, but a shape error may have left one out.
    const hidden = (["type", "ref", "properties", "values", "additionalProperties"] as const).some((k) => !absent(s, k));
    return hidden ? "unknown" : "not";
  };

  const checkDiscriminator = (s: RawFull) => {
    const d = s.discriminator!;
    /** Whether a shape error may hide an object variant's discriminator property, or its const or enum. */
    const tagMayBeHidden = (o: RawFull, p: Entry<RawSchema> | undefined): boolean => {
      if (p) return !p.value.shorthand && (!absent(p.value, "const") || !absent(p.value, "enum"));
      if (!o.properties) return !absent(o, "properties");
      const { names, complete } = namesOf(o.properties);
      return !complete || names.has(d) || names.has(`${d}?`);
    };
    const seen = new Map<string, { pos: SourcePos; variant: string }>();
    for (const [i, v] of s.oneOf!.entries()) {
      const at = v.shorthand ? v.pos : posOf(v);
      const variant = v.shorthand && v.arrays === 0 ? `'${v.base}'` : !v.shorthand && v.ref !== undefined ? `'${v.ref}'` : `${i + 1}`;
      const o = objectOf(v);
      if (o === "unknown") continue;
      const props = o === "not" ? undefined : o.properties;
      const p = props?.find((e) => e.key === d || e.key === `${d}?`);
      const lits = p && !p.value.shorthand ? (p.value.const ? [p.value.const] : p.value.enum) : undefined;
      if (o === "not" || !p || !lits) {
        if (o !== "not" && tagMayBeHidden(o, p)) continue;
        report("EG310", at, `every variant of a union with discriminator '${d}' must be an object with a '${d}' property that has const or enum`);
        continue;
      }
      if (p.key.endsWith("?") || (!p.value.shorthand && p.value.optional)) report("EG310", p.pos, `discriminator property '${d}' must be required`);
      if (!p.value.shorthand && p.value.extensible === true)
        report("EG310", posOf(p.value, "extensible"), `discriminator property '${d}' cannot be an extensible enum: a value the union does not know matches no variant`, "drop `extensible` here");
      for (const l of lits) {
        const key = JSON.stringify(l.value);
        const first = seen.get(key);
        if (first)
          report("EG310", l.pos, `discriminator value ${key} of variant ${variant} is also the value of variant ${first.variant} (line ${first.pos.line}:${first.pos.col})`, "each variant needs its own value, or the union cannot tell them apart");
        else seen.set(key, { pos: l.pos, variant });
      }
    }
  };

  for (const e of raw.schemas ?? []) {
    // A shorthand reads a built-in name as the type or format, so such a schema could only be
    // reached through `ref`: almost certainly not what was meant.
    if ((PRIMITIVES as readonly string[]).includes(e.key) || (FORMATS as readonly string[]).includes(e.key))
      report("EG204", e.pos, `'${e.key}' is a built-in ${(PRIMITIVES as readonly string[]).includes(e.key) ? "type" : "format"}; a schema of that name would be hidden by it`, "rename the schema, e.g. to a PascalCase name");
    checkSchema(e.value);
  }
  checkRefCycles(raw.schemas ?? [], schemas, schemaNames, report);

  // Envelope: when it is missing or malformed, EG203/EG201 said so.
  const env = raw.envelope ?? {};
  if (raw.envelope) {
    if (env.flat && env.payloadField !== undefined)
      report("EG308", posOf(env, "flat"), "an envelope is either flat or has a payloadField, not both");
    const both = env.typeField !== undefined && env.typeHeader !== undefined;
    if (both || (absent(env, "typeField") && absent(env, "typeHeader")))
      report("EG308", posOf(env), "the envelope needs exactly one of typeField (the body field with the event type) and typeHeader (the header with it)", "for example `typeField: type`");
    if (!env.flat && absent(env, "payloadField") && (env.flat === false || absent(env, "flat")))
      report("EG308", posOf(env), "the envelope needs payloadField (the field holding the payload) or flat: true", "for example `payloadField: data`");
    if (env.payloadField !== undefined && brokenPath(env.payloadField))
      report("EG308", posOf(env, "payloadField"), `payloadField '${env.payloadField}' has an empty step: a nested payload is written as field names joined by dots`, "for example `payloadField: data.object`");
    else if (env.typeField !== undefined && env.payloadField !== undefined && env.typeField === payloadPath(env.payloadField)[0])
      report("EG308", posOf(env, "payloadField"), env.payloadField === env.typeField ? `the payload field and the type field are both '${env.typeField}'` : `the payload path '${env.payloadField}' starts at the type field '${env.typeField}'`);
  }
  if (raw.signing) checkSigning(raw.signing, (pos, message, hint) => report("EG320", pos, message, hint));

  const envNames = new Set<string>();
  const payloadTop = env.payloadField === undefined ? undefined : payloadPath(env.payloadField)[0];
  for (const f of env.fields ?? []) {
    const name = f.key.replace(/\?$/, "");
    if (name === env.typeField || name === env.payloadField)
      report("EG308", f.pos, `envelope field '${name}' is the ${name === env.typeField ? "type" : "payload"} field; it is added by eventgen, leave it out of fields`);
    else if (name === payloadTop)
      report("EG308", f.pos, `envelope field '${name}' is where the payload path '${env.payloadField}' starts; eventgen adds it, leave it out of fields`);
    envNames.add(name);
    checkSchema(f.value);
  }

  /** The fields a flat body gets from a payload (or one variant of it), each where it is said: a
   * derived object's at its `from`. Undefined when a shape error or a cycle hides them. */
  const flatFields = (s: RawSchema, seen = new Set<string>()): { name: string; pos: SourcePos }[] | undefined => {
    const via = (name: string) => {
      const t = schemas.get(name);
      return t && !seen.has(name) ? flatFields(t, new Set(seen).add(name)) : undefined;
    };
    if (s.shorthand) return s.arrays ? undefined : classifyBase(s.base, schemaNames).kind === "ref" ? via(s.base) : [];
    if (s.ref !== undefined) return via(s.ref);
    if (s.from !== undefined) {
      const base = fieldsOf(s.from);
      const strs = (l?: { value: Json }[]) => (l ? new Set(l.map((x) => x.value)) : undefined);
      const [pick, omit] = [strs(s.pick), strs(s.omit)];
      return base && [...base].filter((n) => (!pick || pick.has(n)) && !omit?.has(n)).map((name) => ({ name, pos: posOf(s, "from") }));
    }
    if (s.allOf) return s.allOf.flatMap((m) => flatFields(m, seen) ?? []);
    return (s.properties ?? []).map((p) => ({ name: p.key.replace(/\?$/, ""), pos: p.pos }));
  };
  /** The oneOf or anyOf a payload is, through refs; undefined when it is none. */
  const unionOf = (s: RawSchema, seen = new Set<string>()): RawFull | undefined => {
    const name = s.shorthand ? (s.arrays === 0 ? s.base : undefined) : s.ref;
    if (name !== undefined) {
      const t = schemas.get(name);
      return t && !seen.has(name) ? unionOf(t, seen.add(name)) : undefined;
    }
    return !s.shorthand && (s.oneOf || s.anyOf) ? s : undefined;
  };
  const nullableSchema = (s: RawSchema) => (s.shorthand ? s.nullable : s.nullable === true);
  /** A flat payload: an object, or a oneOf/anyOf of objects (the body is the envelope and one of
   * them), whose fields do not clash with the envelope's. */
  const checkFlatPayload = (payload: RawSchema, envNames: ReadonlySet<string>) => {
    const at = (s: RawSchema) => (s.shorthand ? s.pos : posOf(s));
    const union = unionOf(payload);
    if (nullableSchema(payload) || (union && nullableSchema(union)))
      report("EG309", at(payload), "with a flat envelope the payload cannot be null: its fields stand beside the envelope's");
    const mode = union?.oneOf ? "oneOf" : "anyOf";
    for (const [i, part] of (union ? (union.oneOf ?? union.anyOf)! : [payload]).entries()) {
      if (objectOf(part) === "not")
        report("EG309", at(part), union
          ? `variant ${i + 1} of the payload's ${mode} is not an object: with a flat envelope each variant's fields stand beside the envelope's`
          : "with a flat envelope the payload must be an object: its fields stand beside the envelope's", union ? "make every variant an object schema" : "e.g. `payload: { properties: { … } }`, the name of an object schema, or a oneOf of objects");
      else if (union && nullableSchema(part)) report("EG309", at(part), `variant ${i + 1} of the payload's ${mode} cannot be null: its fields stand beside the envelope's`);
      for (const { name, pos } of flatFields(part) ?? [])
        if (name === env.typeField || envNames.has(name))
          report("EG308", pos, name === env.typeField
            ? `payload field '${name}' is the envelope's type field (the envelope is flat)`
            : `payload field '${name}' clashes with the envelope's field of that name (the envelope is flat)`);
    }
  };
  /** `outer: { data: { previous_attributes?: … } }`: fields of the objects around a nested payload. */
  const checkOuter = (outer: Entry<Entry<RawSchema>[]>[], at: SourcePos) => {
    const path = env.payloadField === undefined || env.flat ? undefined : payloadPath(env.payloadField);
    if (!path || path.length < 2) {
      if (raw.envelope && !flawOf(raw.envelope))
        report("EG308", at, env.payloadField === undefined || env.flat
          ? "'outer' describes the objects around a nested payload, and this envelope has no payload path"
          : `'outer' describes the objects around a nested payload, and the payload field '${env.payloadField}' is not a path`, "for example `payloadField: data.object`, then `outer: { data: { previous_attributes?: … } }`");
    }
    const objects = path ? path.slice(0, -1).map((_, i) => path.slice(0, i + 1).join(".")) : [];
    for (const o of outer) {
      const depth = objects.indexOf(o.key);
      if (path && path.length >= 2 && depth < 0)
        report("EG308", o.pos, o.key === env.payloadField
          ? `'${o.key}' is the payload itself, not an object around it`
          : `'${o.key}' is not an object around the payload: the objects around '${env.payloadField}' are ${objects.map((x) => `'${x}'`).join(", ")}${didYouMean(o.key, objects)}`, o.key === env.payloadField ? "the event's payload says the payload's fields" : undefined);
      for (const f of o.value) {
        const name = f.key.replace(/\?$/, "");
        if (depth >= 0 && name === path![depth + 1])
          report("EG308", f.pos, `field '${name}' of '${o.key}' is the payload path's next step ('${env.payloadField}'): the payload is there`, "leave it out; the payload's schema says what it holds");
        checkSchema(f.value);
      }
    }
  };

  // Events.
  let typePattern: RegExp | undefined;
  if (raw.typePattern !== undefined) typePattern = regex(raw.typePattern, posOf(raw, "typePattern"));
  const used = new Set<string>();
  // Whether every event's group is known: an event that could not be read, or whose group is
  // malformed, may be the one a group is waiting for (EG313).
  let allUsesKnown = raw.events !== undefined && !flawOf(raw.events);
  for (const e of raw.events ?? []) {
    const ev = e.value;
    if (typePattern && !typePattern.test(e.key))
      report("EG305", e.pos, `event type '${e.key}' does not match the catalog's typePattern ${raw.typePattern}`);
    if (ev.group === undefined) {
      if (!absent(ev, "group")) allUsesKnown = false;
    } else {
      if (!groups.has(ev.group) && definedGroups.complete) {
        report("EG302", posOf(ev, "group"), `unknown group '${ev.group}'${didYouMean(ev.group, groups)}`, "define it under `groups:`");
        // A misspelt reference to a group is not news that the group is empty (EG313).
        const meant = closest(ev.group, groups);
        if (meant !== undefined) used.add(meant);
      }
      used.add(ev.group);
    }
    if (ev.payload) {
      checkSchema(ev.payload);
      if (env.flat) checkFlatPayload(ev.payload, envNames);
    }
    if (ev.outer) checkOuter(ev.outer, posOf(ev, "outer"));
  }
  if (allUsesKnown) for (const g of raw.groups ?? []) if (!used.has(g.key)) report("EG313", g.pos, `group '${g.key}' has no events`, undefined, "warning");
  // A named schema shared by several flat events clashes once, not once per event.
  const seen = new Set<string>();
  return out.filter((d) => {
    const key = `${d.code} ${d.pos.line}:${d.pos.col} ${d.message}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

function fitsType(v: Json, type: string): boolean {
  switch (type) {
    case "string": return typeof v === "string";
    case "integer": return Number.isInteger(v);
    case "number": return typeof v === "number";
    case "boolean": return typeof v === "boolean";
    case "null": return v === null;
    case "array": return Array.isArray(v);
    case "object": return typeof v === "object" && v !== null && !Array.isArray(v);
    default: return true;
  }
}

/** A named schema that reaches itself through refs and unions alone describes no finite value. */
function checkRefCycles(
  entries: readonly Entry<RawSchema>[],
  schemas: Map<string, RawSchema>,
  names: ReadonlySet<string>,
  report: (code: Code, pos: SourcePos, message: string) => void,
) {
  // Only through schemas whose body was read (a malformed one ends the path).
  const direct = (s: RawSchema): string[] => {
    if (s.shorthand) {
      const b = classifyBase(s.base, names);
      return b.kind === "ref" && s.arrays === 0 && schemas.has(b.name) ? [b.name] : [];
    }
    if (s.ref !== undefined) return schemas.has(s.ref) ? [s.ref] : [];
    // A derived schema is made from its base's fields: a base derived from it is a cycle too.
    if (s.from !== undefined) return schemas.has(s.from) ? [s.from] : [];
    return [...(s.oneOf ?? []), ...(s.anyOf ?? []), ...(s.allOf ?? [])].flatMap(direct);
  };
  const state = new Map<string, 1 | 2>();
  const visit = (name: string, path: string[]): void => {
    if (state.get(name) === 2) return;
    if (state.get(name) === 1) {
      const cycle = [...path.slice(path.indexOf(name)), name];
      const entry = entries.find((e) => e.key === name)!;
      report("EG311", entry.pos, `schema '${name}' refers to itself with no object or array in between: ${cycle.join(" → ")}`);
      return;
    }
    state.set(name, 1);
    for (const next of direct(schemas.get(name)!)) visit(next, [...path, name]);
    state.set(name, 2);
  };
  for (const name of schemas.keys()) visit(name, []);
}
