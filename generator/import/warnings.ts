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

/** The warnings as `import` prints them by default: one line per code and reason, in the order
 * each first occurs, with how many there are and where the first is (a large document's thousands
 * of warnings are mostly a few reasons, many times). The reason is the message less its variable
 * parts (quoted names, JSON values, pointers, numbers); a part that differs between the warnings of
 * a line is shown as `…`. A reason met once is printed in full. */
export function summarizeWarnings(warnings: readonly ImportWarning[]): string[] {
  const groups = new Map<string, { first: ImportWarning; count: number; fixed: string[]; slots: string[]; varies: boolean[] }>();
  for (const w of warnings) {
    const { fixed, slots } = reasonOf(w.message);
    const key = `${w.code}\u0000${fixed.join("\u0000")}`;
    const g = groups.get(key);
    if (!g) groups.set(key, { first: w, count: 1, fixed, slots, varies: slots.map(() => false) });
    else {
      g.count++;
      g.varies = g.varies.map((v, i) => v || g.slots[i] !== slots[i]);
    }
  }
  return [...groups.values()].map(({ first: w, count, fixed, slots, varies }) => {
    if (count === 1) return formatWarning(w);
    const message = fixed.map((f, i) => (i === 0 ? f : `${varies[i - 1] ? elided(slots[i - 1]!) : slots[i - 1]}${f}`)).join("");
    return `${w.file}: warning ${w.code} ×${count}: ${message} (first at #${w.pointer})`;
  });
}

/** A part that varies: `…`, in the quotes it had. */
const elided = (v: string) => (v.startsWith("'") ? "'…'" : v.startsWith('"') ? '"…"' : "…");

/** Quoted words that name a keyword are part of a reason (`'not' cannot be said`); other quoted
 * text is a name from the document. */
const KEYWORDS = new Set(
  ("type format enum const properties required additionalProperties items allOf anyOf oneOf not if then else $ref $dynamicRef $recursiveRef " +
    "patternProperties propertyNames minProperties maxProperties dependentRequired dependentSchemas dependencies unevaluatedProperties " +
    "unevaluatedItems contains minContains maxContains prefixItems additionalItems pattern discriminator nullable false subscribe publish").split(" "),
);
/** Quoted texts (a list of them too), a JSON string, array or flat object, a JSON Pointer, a number. */
const VARIABLE = /'[^'\n]*'(?:, '[^'\n]*')*|"(?:[^"\\]|\\.)*"|\[[^\]\n]*\]|\{[^{}\n]*\}|(?<=[\s(]|^)#?\/[^\s()'"]*|\b\d+(?:\.\d+)*\b/g;

/** A message split into its fixed text and, between each two pieces, a variable part. */
export function reasonOf(message: string): { fixed: string[]; slots: string[] } {
  const fixed: string[] = [];
  const slots: string[] = [];
  let last = 0;
  let text = "";
  for (const m of message.matchAll(VARIABLE)) {
    const v = m[0];
    if (v.startsWith("'") && !v.includes("', '") && KEYWORDS.has(v.slice(1, -1))) continue;
    fixed.push(text + message.slice(last, m.index));
    slots.push(v);
    text = "";
    last = m.index + v.length;
  }
  fixed.push(text + message.slice(last));
  return { fixed, slots };
}

/** RFC 6901: `~` and `/` escaped inside a reference token. */
export const token = (key: string | number) => String(key).replace(/~/g, "~0").replace(/\//g, "~1");
export const unescapeToken = (t: string) => t.replace(/~1/g, "/").replace(/~0/g, "~");

export class ImportError extends Error {}
