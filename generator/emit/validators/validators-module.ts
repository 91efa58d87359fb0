// model → src/validators.ts: straight-line validator functions with no runtime dependency, no eval
// and no `new Function`, plus the public API around them.
import type { CatalogModel, Schema } from "../../model/ir.ts";
import { bannerText } from "../banner.ts";
import { tsString } from "../escape/ts.ts";
import { collect } from "./collect.ts";
import { ModuleCx } from "./context.ts";
import { fast } from "./fast.ts";
import { helperCode } from "./runtime.ts";

function writeFunctions(cx: ModuleCx, schema: Schema, fastName: string, collectName: string) {
  cx.functions.push(
    `function ${fastName}(v: any): boolean {\n${fast(schema, "v", cx)}\nreturn true;\n}`,
    `function ${collectName}(v: any, p: string, e: ValidationIssue[]): void {\n${collect(schema, "v", "p", cx)}\n}`,
  );
}

export function emitValidators(model: CatalogModel): string {
  const cx = new ModuleCx(model, writeFunctions);
  for (const s of model.schemas) {
    const { fast: f, collect: c } = cx.ref(s.name);
    writeFunctions(cx, s.schema, f, c);
  }
  const events = model.events.map((e) => ({ e, fast: `fe_${e.names.base}`, collect: `ce_${e.names.base}` }));
  for (const { e, fast: f, collect: c } of events) writeFunctions(cx, e.body, f, c);
  cx.use("hasOwn");
  cx.use("kind");
  cx.use("show");

  const { typeField: field, typeHeader: header } = model.envelope;
  const typeField = field === undefined ? "" : tsString(field);
  const typePath = field === undefined ? '""' : tsString(`/${field.replace(/~/g, "~0").replace(/\//g, "~1")}`);
  const typeOfBody =
    field === undefined
      ? `// The type travels in the ${header} header, not in the body.\n  return undefined;`
      : `return typeof input === "object" && input !== null && !Array.isArray(input) && hasOwn.call(input, ${typeField})
    ? (input as Record<string, unknown>)[${typeField}]
    : undefined;`;
  const where = field === undefined ? `the caller (from the \`${header}\` header)` : `the body's \`${field.replace(/[`\\*]/g, "")}\` field (or from the caller, for sources that send it in a header)`;
  const noType =
    field === undefined
      ? `return { ok: false, errors: [{ path: "", message: ${tsString(`the event type travels in the ${header} header: pass it as validateEvent(body, type)`)}, expected: "an event type" }] };`
      : `{
    if (typeof input !== "object" || input === null || Array.isArray(input))
      return { ok: false, errors: [{ path: "", message: "must be an object", expected: "object", received: kind(input) }] };
    // A missing field is reported at its object, as every validator does.
    if (!hasOwn.call(input, ${typeField}))
      return { ok: false, errors: [{ path: "", message: ${tsString(`missing required property ${JSON.stringify(field)}`)}, expected: ${tsString(`property ${JSON.stringify(field)}`)} }] };
    return { ok: false, errors: [{ path: ${typePath}, message: "must be a string naming the event type", expected: "string", received: kind(t) }] };
  }`;
  const validatorEntries = events.map(({ e, fast: f, collect: c }) => `${tsString(e.type)}: (input) => run(${f}, ${c}, input),`).join("\n");
  const fastEntries = events.map(({ e, fast: f }) => `${tsString(e.type)}: ${f},`).join("\n");
  const schemaEntries = model.schemas.map((s) => {
    const { fast: f, collect: c } = cx.ref(s.name);
    return `${tsString(s.typeName)}: (input) => run(${f}, ${c}, input),`;
  }).join("\n");
  const count = model.events.length;

  return `// ${bannerText(model)}
/* eslint-disable */
import type * as T from "./types.js";

/** One problem with an input: where (an RFC 6901 JSON Pointer), and what. */
export interface ValidationIssue {
  /** JSON Pointer to the offending value; for a missing property, to the object that lacks it. */
  path: string;
  message: string;
  expected?: string;
  received?: string;
}

export type ValidationResult<V> = { ok: true; value: V } | { ok: false; errors: ValidationIssue[] };
export type Validator<V> = (input: unknown) => ValidationResult<V>;

type Fast = (v: unknown) => boolean;
type Collect = (v: unknown, p: string, e: ValidationIssue[]) => void;

${helperCode(cx.helpers)}

${cx.hoisted.join("\n")}

${cx.functions.join("\n\n")}

function run<V>(fast: Fast, full: Collect, input: unknown): ValidationResult<V> {
  try {
    if (fast(input)) return { ok: true, value: input as V };
    const errors: ValidationIssue[] = [];
    full(input, "", errors);
    return { ok: false, errors: errors.length ? errors : [{ path: "", message: "is invalid" }] };
  } catch (err) {
    return { ok: false, errors: [thrown(err)] };
  }
}

/** The error result for an input that threw while being read. What it threw is untrusted too. */
function thrown(err: unknown): ValidationIssue {
  try {
    // Only a recursive schema can recurse with the input; absurd depth ends here, not in a crash.
    if (err instanceof RangeError) return { path: "", message: "is nested too deeply to validate" };
    // Not JSON (a getter or proxy that throws): the input is unreadable, which makes it invalid.
    return { path: "", message: "cannot be read: " + (err instanceof Error ? String(err.message) : String(err)) };
  } catch {
    return { path: "", message: "cannot be read" };
  }
}

/** A validator per event type: checks a whole delivery body of that type. */
export const validators: { readonly [K in T.EventType]: Validator<T.EventMap[K]> } = {
${validatorEntries}
};

/** A validator per named schema of the catalog. */
export const schemaValidators: {
${model.schemas.map((s) => `  readonly ${tsString(s.typeName)}: Validator<T.${s.typeName}>;`).join("\n")}
} = {
${schemaEntries}
};

const fastChecks: { readonly [K in T.EventType]: Fast } = {
${fastEntries}
};

function typeOf(input: unknown): unknown {
  ${typeOfBody}
}

/**
 * Validates a delivery of any event type: takes the type from ${where}, and runs that type's validator.
 */
export function validateEvent(input: unknown, type?: string): ValidationResult<T.Event> {
  try {
    return dispatch(input, type);
  } catch (err) {
    // A proxy or getter in the body's top level throws before any validator runs.
    return { ok: false, errors: [thrown(err)] };
  }
}

function dispatch(input: unknown, type: string | undefined): ValidationResult<T.Event> {
  const t = type ?? typeOf(input);
  if (typeof t !== "string") ${noType}
  if (!hasOwn.call(validators, t))
    return { ok: false, errors: [{ path: ${typePath}, message: "unknown event type " + show(t), expected: "one of the ${count} event types", received: show(t) }] };
  return (validators as Record<string, Validator<T.Event>>)[t]!(input);
}

/** True when the input is a valid delivery of one of the catalog's event types. */
export function isEvent(input: unknown, type?: string): input is T.Event {
  try {
    const t = type ?? typeOf(input);
    if (typeof t !== "string" || !hasOwn.call(fastChecks, t)) return false;
    return (fastChecks as Record<string, Fast>)[t]!(input);
  } catch {
    return false;
  }
}

/** Thrown by parseEvent; carries every problem found. */
export class EventValidationError extends Error {
  readonly errors: ValidationIssue[];
  constructor(errors: ValidationIssue[]) {
    const shown = errors.slice(0, 5).map((e) => (e.path || "/") + ": " + e.message);
    const more = errors.length > 5 ? "\\n  ... and " + (errors.length - 5) + " more" : "";
    super("invalid event:\\n  " + shown.join("\\n  ") + more);
    this.name = "EventValidationError";
    this.errors = errors;
  }
}

/** Returns the input typed as an Event, or throws EventValidationError. */
export function parseEvent(input: unknown, type?: string): T.Event {
  const r = validateEvent(input, type);
  if (!r.ok) throw new EventValidationError(r.errors);
  return r.value;
}

/** The Standard Schema v1 interface (https://standardschema.dev), inlined to stay dependency-free. */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
  readonly "~standard": {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (value: unknown) => StandardResult<Output> | Promise<StandardResult<Output>>;
    readonly types?: { readonly input: Input; readonly output: Output } | undefined;
  };
}
type StandardResult<Output> =
  | { readonly value: Output; readonly issues?: undefined }
  | { readonly issues: ReadonlyArray<{ readonly message: string; readonly path?: ReadonlyArray<PropertyKey> | undefined }> };

function pathOf(pointer: string): PropertyKey[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((s) => (/^(0|[1-9][0-9]*)$/.test(s) ? Number(s) : s));
}

/** Wraps any validator of this module as a Standard Schema. */
export function toStandardSchema<V>(validate: Validator<V>): StandardSchemaV1<unknown, V> {
  return {
    "~standard": {
      version: 1,
      vendor: "eventgen",
      validate(value: unknown): StandardResult<V> {
        const r = validate(value);
        return r.ok ? { value: r.value } : { issues: r.errors.map((e) => ({ message: e.message, path: pathOf(e.path) })) };
      },
    },
  };
}

/** Every event of the catalog as a Standard Schema, for tRPC, Hono and the rest of that ecosystem. */
export const eventSchema: StandardSchemaV1<unknown, T.Event> = toStandardSchema((input) => validateEvent(input));
`;
}
