import { jsonFileText } from "./json-layout.ts";

/** One file of a catalog's output folder; `path` is relative to that folder, with `/`. */
export interface OutputFile {
  path: string;
  content: string;
  /** How the format stage treats it. */
  format: "typescript" | "markdown" | "json" | "yaml" | "verbatim";
  /** The content as UTF-8, once the write stage (or the documents thread) has made it, to hash and
   * write it once. */
  bytes?: Uint8Array;
  /** SHA-256 of `bytes`. */
  hash?: string;
}

/** A JSON file in prettier's layout; package.json as JSON.stringify writes it, which is how
 * prettier formats that one file. */
export const json = (path: string, value: unknown): OutputFile => ({
  path,
  content: path === "package.json" ? JSON.stringify(value, null, 2) + "\n" : jsonFileText(value),
  format: "json",
});
