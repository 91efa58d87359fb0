// Reading request headers given as a `Headers` or as a plain object (node:http's `req.headers`,
// a test's literal), in any letter case, without ever throwing and with bounded work.

export type HeadersInput = Headers | Record<string, string | readonly string[] | undefined>;

/** At most this many values of one repeated header are considered. */
export const MAX_HEADER_VALUES = 16;
/** At most this many keys of a plain object are scanned for a name in another letter case. */
const MAX_SCANNED_KEYS = 2000;

interface HeadersLike {
  get(name: string): string | null;
}

const isHeadersLike = (h: unknown): h is HeadersLike => typeof (h as { get?: unknown }).get === "function";

/** The header's value as stored (any letter case): a string, an array of repeats, or anything else a caller put there. */
function lookup(headers: HeadersInput, name: string): unknown {
  if (headers === null || typeof headers !== "object") return undefined;
  try {
    if (isHeadersLike(headers)) return headers.get(name) ?? undefined;
    const record = headers as Record<string, unknown>;
    if (Object.hasOwn(record, name)) return record[name];
    const lower = name.toLowerCase();
    if (Object.hasOwn(record, lower)) return record[lower];
    let scanned = 0;
    for (const key in record) {
      if (++scanned > MAX_SCANNED_KEYS) break;
      if (key.length === lower.length && key.toLowerCase() === lower && Object.hasOwn(record, key)) return record[key];
    }
  } catch {
    // a throwing getter or Headers: as if the header were absent
  }
  return undefined;
}

/**
 * Every value of the header `name` (any letter case), strings only: a repeated header in a plain
 * object is an array (at most MAX_HEADER_VALUES are kept); a `Headers` joins repeats into one value
 * itself. Missing → [].
 */
export function getHeaderValues(headers: HeadersInput, name: string): string[] {
  const value = lookup(headers, name);
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.slice(0, MAX_HEADER_VALUES).filter((v): v is string => typeof v === "string");
  return [];
}

/** The header's value (any letter case); for a repeated header, its first value. */
export function getHeader(headers: HeadersInput, name: string): string | undefined {
  const value = lookup(headers, name);
  if (typeof value === "string") return value;
  if (Array.isArray(value)) for (let i = 0; i < value.length && i < MAX_HEADER_VALUES; i++) if (typeof value[i] === "string") return value[i] as string;
  return undefined;
}
