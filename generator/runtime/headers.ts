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

/**
 * Every value of the header `name` (any letter case), strings only: a repeated header in a plain
 * object is an array; a `Headers` joins repeats into one value itself. Missing → [].
 */
export function getHeaderValues(headers: HeadersInput, name: string): string[] {
  if (headers === null || typeof headers !== "object") return [];
  try {
    if (isHeadersLike(headers)) {
      const v = headers.get(name);
      return typeof v === "string" ? [v] : [];
    }
    const record = headers as Record<string, unknown>;
    let value: unknown = Object.hasOwn(record, name) ? record[name] : undefined;
    if (value === undefined) {
      const lower = name.toLowerCase();
      if (Object.hasOwn(record, lower)) value = record[lower];
      else {
        let scanned = 0;
        for (const key in record) {
          if (++scanned > MAX_SCANNED_KEYS) break;
          if (key.length === lower.length && key.toLowerCase() === lower && Object.hasOwn(record, key)) {
            value = record[key];
            break;
          }
        }
      }
    }
    if (typeof value === "string") return [value];
    if (Array.isArray(value)) return value.slice(0, MAX_HEADER_VALUES).filter((v): v is string => typeof v === "string");
    return [];
  } catch {
    return [];
  }
}

/** The header's value (any letter case); for a repeated header, its first value. */
export function getHeader(headers: HeadersInput, name: string): string | undefined {
  return getHeaderValues(headers, name)[0];
}
