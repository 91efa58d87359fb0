// The fixed parts of a validators module, written as prettier writes them: the printer copies them
// verbatim. What depends on the catalog is passed in as constants (see validators-module.ts), so
// no line here changes length with the catalog. test/unit/emit asserts prettier leaves the
// whole module as it is.

export const PRELUDE = `/** One problem with an input: where (an RFC 6901 JSON Pointer), and what. */
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
type Collect = (v: unknown, p: string, e: ValidationIssue[]) => void;`;

export const RUN = `function run<V>(fast: Fast, full: Collect, input: unknown): ValidationResult<V> {
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
    return {
      path: "",
      message: "cannot be read: " + (err instanceof Error ? String(err.message) : String(err)),
    };
  } catch {
    return { path: "", message: "cannot be read" };
  }
}`;

/** `where`: a sentence part saying where the event type comes from (inside a JSDoc comment). */
export const dispatch = (where: string) => `function typeOf(input: unknown): unknown {
  if (TYPE_FIELD === undefined) return undefined;
  if (typeof input !== "object" || input === null || Array.isArray(input)) return undefined;
  return hasOwn.call(input, TYPE_FIELD)
    ? (input as Record<string, unknown>)[TYPE_FIELD]
    : undefined;
}

/** The issue for a body whose event type cannot be read. */
function noType(input: unknown, t: unknown): ValidationIssue {
  if (TYPE_FIELD === undefined) return { path: "", message: NO_TYPE, expected: "an event type" };
  if (typeof input !== "object" || input === null || Array.isArray(input))
    return { path: "", message: "must be an object", expected: "object", received: kind(input) };
  // A missing field is reported at its object, as every validator does.
  if (!hasOwn.call(input, TYPE_FIELD))
    return { path: "", message: NO_TYPE, expected: NO_TYPE_EXPECTED };
  return {
    path: TYPE_PATH,
    message: "must be a string naming the event type",
    expected: "string",
    received: kind(t),
  };
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
  if (typeof t !== "string") return { ok: false, errors: [noType(input, t)] };
  if (!hasOwn.call(validators, t))
    return {
      ok: false,
      errors: [
        {
          path: TYPE_PATH,
          message: "unknown event type " + show(t),
          expected: ANY_TYPE,
          received: show(t),
        },
      ],
    };
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
  | {
      readonly issues: ReadonlyArray<{
        readonly message: string;
        readonly path?: ReadonlyArray<PropertyKey> | undefined;
      }>;
    };

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
        return r.ok
          ? { value: r.value }
          : { issues: r.errors.map((e) => ({ message: e.message, path: pathOf(e.path) })) };
      },
    },
  };
}

/** Every event of the catalog as a Standard Schema, for tRPC, Hono and the rest of that ecosystem. */
export const eventSchema: StandardSchemaV1<unknown, T.Event> = toStandardSchema((input) =>
  validateEvent(input),
);`;

/** The declarations of the public API (dist/validators.d.ts), around the schema validators' type. */
export const dtsHead = `/** One problem with an input: where (an RFC 6901 JSON Pointer), and what. */
export interface ValidationIssue {
  /** JSON Pointer to the offending value; for a missing property, to the object that lacks it. */
  path: string;
  message: string;
  expected?: string;
  received?: string;
}

export type ValidationResult<V> = { ok: true; value: V } | { ok: false; errors: ValidationIssue[] };
export type Validator<V> = (input: unknown) => ValidationResult<V>;

/** A validator per event type: checks a whole delivery body of that type. */
export declare const validators: { readonly [K in T.EventType]: Validator<T.EventMap[K]> };

/** A validator per named schema of the catalog. */`;

export const dtsTail = (where: string) => `/**
 * Validates a delivery of any event type: takes the type from ${where}, and runs that type's validator.
 */
export declare function validateEvent(input: unknown, type?: string): ValidationResult<T.Event>;

/** True when the input is a valid delivery of one of the catalog's event types. */
export declare function isEvent(input: unknown, type?: string): input is T.Event;

/** Thrown by parseEvent; carries every problem found. */
export declare class EventValidationError extends Error {
  readonly errors: ValidationIssue[];
  constructor(errors: ValidationIssue[]);
}

/** Returns the input typed as an Event, or throws EventValidationError. */
export declare function parseEvent(input: unknown, type?: string): T.Event;

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
  | {
      readonly issues: ReadonlyArray<{
        readonly message: string;
        readonly path?: ReadonlyArray<PropertyKey> | undefined;
      }>;
    };

/** Wraps any validator of this module as a Standard Schema. */
export declare function toStandardSchema<V>(validate: Validator<V>): StandardSchemaV1<unknown, V>;

/** Every event of the catalog as a Standard Schema, for tRPC, Hono and the rest of that ecosystem. */
export declare const eventSchema: StandardSchemaV1<unknown, T.Event>;

export {};`;
