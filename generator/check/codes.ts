// Every diagnostic code in one table: the README's list is generated from it, and a code is never
// reused for a different problem.
export const codes = {
  EG100: "the file cannot be read",
  EG101: "YAML syntax error",
  EG102: "duplicate key in a mapping",
  EG103: "too many aliases (a possible alias bomb)",
  EG104: "file too large",
  EG105: "no catalog files found",
  EG106: "the file is not UTF-8 text",
  EG201: "wrong shape: a value of the wrong type",
  EG202: "unknown key",
  EG203: "missing required key",
  EG204: "value not allowed (not one of the listed values, or fails a pattern)",
  EG205: "unknown type in a field shorthand",
  EG206: "conflicting keys in one schema",
  EG301: "duplicate event type",
  EG302: "reference to an unknown group",
  EG303: "reference to an unknown schema",
  EG304: "identifiers collide once names are made",
  EG305: "event type breaks the catalog's typePattern",
  EG306: "catalog id does not match the file name",
  EG307: "invalid regular expression",
  EG308: "envelope fields clash with the type or payload field",
  EG309: "a flat payload must be an object",
  EG310: "discriminator problem in a union",
  EG311: "a reference cycle with no object or array in between",
  EG312: "bounds contradict each other",
  EG313: "a group has no events",
  EG401: "an example body does not match its event's schema",
  EG402: "an enum or const value does not match the declared type",
} as const;

export type Code = keyof typeof codes;
