// What the importer could not carry over, located by file and JSON Pointer. Never dropped
// silently: every approximation the importer makes is one of these.
export const importCodes = {
  IMP100: "a keyword the catalog cannot say; dropped (the catalog accepts more)",
  IMP101: "a type the catalog cannot say exactly; approximated",
  IMP102: "a format the catalog cannot keep (not a format name, or a string format on a number); dropped",
  IMP103: "a reference that cannot be followed; read as any",
  IMP104: "allOf members that cannot be merged exactly; approximated",
  IMP105: "a discriminator that does not tell the variants apart; dropped (oneOf kept)",
  IMP106: "keywords without a type: read as the type they imply",
  IMP200: "the event type does not travel in the body; a header is assumed",
  IMP201: "an event body the envelope cannot say exactly; approximated",
  IMP202: "a header the catalog cannot say exactly; approximated",
  IMP203: "an example that does not match the imported schema; dropped",
  IMP204: "a name or value the catalog does not allow; changed",
  IMP205: "a webhook the importer skipped or read partly",
} as const;

export type ImportCode = keyof typeof importCodes;

export interface ImportWarning {
  code: ImportCode;
  /** The input file as shown to users. */
  file: string;
  /** RFC 6901 JSON Pointer into that file. */
  pointer: string;
  message: string;
}

export type Warn = (w: ImportWarning) => void;

export const formatWarning = (w: ImportWarning) => `${w.file}#${w.pointer}: warning ${w.code}: ${w.message}`;

/** The warnings as `import` prints them by default: one line per code and message, in the order
 * each first occurs, with how many there are and where the first is (a large document's thousands
 * of warnings are mostly a few reasons, many times). A reason met once is printed in full. */
export function summarizeWarnings(warnings: readonly ImportWarning[]): string[] {
  const groups = new Map<string, { first: ImportWarning; count: number }>();
  for (const w of warnings) {
    const key = `${w.code}\u0000${w.message}`;
    const g = groups.get(key);
    if (g) g.count++;
    else groups.set(key, { first: w, count: 1 });
  }
  return [...groups.values()].map(({ first: w, count }) =>
    count === 1 ? formatWarning(w) : `${w.file}: warning ${w.code} ×${count}: ${w.message} (first at #${w.pointer})`,
  );
}

/** RFC 6901: `~` and `/` escaped inside a reference token. */
export const token = (key: string | number) => String(key).replace(/~/g, "~0").replace(/\//g, "~1");
export const unescapeToken = (t: string) => t.replace(/~1/g, "/").replace(/~0/g, "~");

export class ImportError extends Error {}
