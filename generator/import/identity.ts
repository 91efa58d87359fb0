// The catalog's title, version, source and package name, from the input's own words where it has
// them.
import type { Warn } from "./warnings.ts";

const SEMVER = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

/** A semver version: as written when it is one, padded (`2.1` → `2.1.0`), else 0.1.0, with a warning. */
export function version(v: unknown, file: string, pointer: string, warn: Warn): string {
  const s = typeof v === "number" ? String(v) : typeof v === "string" ? v.trim().replace(/^v(?=\d)/, "") : undefined;
  if (s !== undefined && SEMVER.test(s)) return s;
  const parts = s !== undefined && /^\d+(?:\.\d+){0,2}$/.test(s) ? s.split(".") : undefined;
  const made = parts ? [...parts, "0", "0"].slice(0, 3).join(".") : "0.1.0";
  if (v !== undefined) warn({ code: "IMP204", file, pointer, message: `version ${JSON.stringify(v)} is not semver; the catalog says ${made}` });
  return made;
}

export const packageName = (id: string) => `@${id}/webhooks`;

/** The first sentence of a text, for a trigger when there is no summary. */
export function firstSentence(text: string): string {
  const line = text.trim().split(/\n\s*\n/)[0]!.replace(/\s+/g, " ");
  const m = /^(.+?[.!?])(?:\s|$)/.exec(line);
  return (m ? m[1]! : line).trim();
}
