// `payloadField: data.object`: a payload nested in objects. Shared by the rules and the model.
// A dotted name is a path when its steps are plain names (letters, digits, _ and -), as vendors'
// field names are; any other text (a field name with spaces, quotes or `${…}`) is one field's name.

const PATH = /^[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)+$/;
/** Plain names and dots, but an empty step: a path written wrong. */
const BROKEN = /^(?:\.|[A-Za-z0-9_-]*\.\.|[A-Za-z0-9_.-]*\.$)[A-Za-z0-9_.-]*$/;

/** The steps of a payload field, outermost first: one for a plain field name. */
export const payloadPath = (field: string): string[] => (PATH.test(field) ? field.split(".") : [field]);

/** Whether a payload field looks like a path with an empty step (`data..object`, `.data`). */
export const brokenPath = (field: string): boolean => BROKEN.test(field);
