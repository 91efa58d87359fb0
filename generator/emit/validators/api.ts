// The public API a validators module puts around its per-event checks. The code is the runtime's
// (generator/runtime/validate.ts: eventApi, EventValidationError, toStandardSchema); what is
// printed here only names it with the catalog's types, in the layout prettier gives it.
// test/unit/emit asserts prettier leaves the whole module as it is.

/** The runtime's names a module re-exports: values, then types. */
export const REEXPORTED = ["EventValidationError", "toStandardSchema"];
export const REEXPORTED_TYPES = ["IssueCode", "StandardSchemaV1", "ValidateOptions", "ValidationIssue", "ValidationResult", "Validator"];
/** The runtime's types the module's own code names. */
export const USED_TYPES = ["EventApi", "Fast", "StandardSchemaV1", "ValidateOptions", "ValidationIssue", "ValidationResult", "Validator"];

const validateDoc = (where: string) => `/**
 * Validates a delivery of any event type: takes the type from ${where}, and runs that type's
 * validator. Collects at most \`options.maxErrors\` issues (default 100).
 */`;
const IS_DOC = "/** True when the input is a valid delivery of one of the catalog's event types. */";
const PARSE_DOC = "/** Returns the input typed as an Event, or throws EventValidationError. */";
const SCHEMA_DOC = "/** Every event of the catalog as a Standard Schema, for tRPC, Hono and the rest of that ecosystem. */";

/** `where`: a sentence part saying where the event type comes from (inside a JSDoc comment). */
export const apiTs = (where: string) => `${validateDoc(where)}
export function validateEvent(
  input: unknown,
  type?: string,
  options?: ValidateOptions,
): ValidationResult<T.Event> {
  return api.validateEvent(input, type, options);
}

${IS_DOC}
export function isEvent(input: unknown, type?: string): input is T.Event {
  return api.isEvent(input, type);
}

${PARSE_DOC}
export function parseEvent(input: unknown, type?: string): T.Event {
  return api.parseEvent(input, type);
}

${SCHEMA_DOC}
export const eventSchema: StandardSchemaV1<unknown, T.Event> = toStandardSchema((input) =>
  validateEvent(input),
);`;

export const apiJs = (where: string) => `${validateDoc(where)}
export function validateEvent(input, type, options) {
  return api.validateEvent(input, type, options);
}

${IS_DOC}
export function isEvent(input, type) {
  return api.isEvent(input, type);
}

${PARSE_DOC}
export function parseEvent(input, type) {
  return api.parseEvent(input, type);
}

${SCHEMA_DOC}
export const eventSchema = toStandardSchema((input) => validateEvent(input));`;

export const dtsHead = `/** A validator per event type: checks a whole delivery body of that type. */
export declare const validators: { readonly [K in T.EventType]: Validator<T.EventMap[K]> };

/** A validator per named schema of the catalog. */`;

export const dtsTail = (where: string) => `${validateDoc(where)}
export declare function validateEvent(
  input: unknown,
  type?: string,
  options?: ValidateOptions,
): ValidationResult<T.Event>;

${IS_DOC}
export declare function isEvent(input: unknown, type?: string): input is T.Event;

${PARSE_DOC}
export declare function parseEvent(input: unknown, type?: string): T.Event;

${SCHEMA_DOC}
export declare const eventSchema: StandardSchemaV1<unknown, T.Event>;`;
