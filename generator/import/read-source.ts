// Reads the input documents (JSON or YAML) and follows `$ref`s: inside a document, and to files
// beside it. Each object read is remembered with its place (file and JSON Pointer), so a warning
// and a reference inside a merged or moved schema still know where they came from.
import { readFileSync, statSync } from "node:fs";
import { dirname, extname, relative, resolve, sep } from "node:path";
import { parseDocument } from "yaml";
import { ImportError, token, unescapeToken } from "./warnings.ts";

export interface Loc {
  /** Absolute path. */
  file: string;
  pointer: string;
}

const MAX_BYTES = 32 * 1024 * 1024;

export const showPath = (abs: string) => {
  const r = relative(process.cwd(), abs);
  return (r && !r.startsWith("..") ? r : abs).split(sep).join("/");
};

export class Sources {
  private readonly docs = new Map<string, unknown>();
  private readonly places = new WeakMap<object, Loc>();

  /** The parsed document; an ImportError with a located message when it cannot be read. */
  read(file: string): unknown {
    const abs = resolve(file);
    if (this.docs.has(abs)) return this.docs.get(abs);
    const shown = showPath(abs);
    let text: string;
    try {
      if (statSync(abs).size > MAX_BYTES) throw new ImportError(`${shown}: error: file too large (over 32 MiB)`);
      text = readFileSync(abs, "utf8");
    } catch (err) {
      if (err instanceof ImportError) throw err;
      const code = (err as NodeJS.ErrnoException).code;
      throw new ImportError(`${shown}: error: cannot read it (${code === "ENOENT" ? "no such file" : code === "EISDIR" ? "a folder, not a file" : (code ?? String(err))})`);
    }
    const value = parse(shown, abs, text);
    this.docs.set(abs, value);
    this.remember(value, { file: abs, pointer: "" });
    return value;
  }

  /** Where a node read from a file stands; undefined for nodes the importer made. */
  placeOf(node: unknown): Loc | undefined {
    return typeof node === "object" && node !== null ? this.places.get(node) : undefined;
  }

  place(node: object, loc: Loc) {
    if (!this.places.has(node)) this.places.set(node, loc);
  }

  /** Every object inside a value, with its place; iterative, as documents can be deep. */
  private remember(value: unknown, loc: Loc) {
    const stack: [unknown, Loc][] = [[value, loc]];
    while (stack.length) {
      const [v, l] = stack.pop()!;
      if (typeof v !== "object" || v === null) continue;
      this.place(v, l);
      if (Array.isArray(v)) v.forEach((x, i) => stack.push([x, child(l, i)]));
      else for (const k of Object.keys(v)) stack.push([(v as Record<string, unknown>)[k], child(l, k)]);
    }
  }

  /** Follows one `$ref` written at `from`. A string saying why, when it cannot be followed. */
  resolve(ref: string, from: Loc): { node: unknown; loc: Loc } | string {
    if (/^[a-z][a-z0-9+.-]*:/i.test(ref)) return `'${ref}' is a URL; only references to files beside the input are followed`;
    const hash = ref.indexOf("#");
    const path = hash < 0 ? ref : ref.slice(0, hash);
    const fragment = hash < 0 ? "" : ref.slice(hash + 1);
    let pointer: string;
    try {
      pointer = decodeURIComponent(fragment);
    } catch {
      return `'${ref}' has a malformed fragment`;
    }
    if (pointer !== "" && !pointer.startsWith("/")) return `'${ref}' names an anchor, not a JSON Pointer`;
    const file = path === "" ? from.file : resolve(dirname(from.file), path);
    let doc: unknown;
    try {
      doc = this.read(file);
    } catch (err) {
      return err instanceof ImportError ? err.message.replace(/^[^:]*: error: /, `'${ref}': `) : String(err);
    }
    const node = at(doc, pointer);
    if (node === undefined) return `'${ref}' points at nothing`;
    return { node, loc: { file, pointer } };
  }
}

/** The value at a JSON Pointer, or undefined. */
export function at(doc: unknown, pointer: string): unknown {
  if (pointer === "") return doc;
  let cur: unknown = doc;
  for (const raw of pointer.slice(1).split("/")) {
    const key = unescapeToken(raw);
    if (typeof cur !== "object" || cur === null || !Object.hasOwn(cur, key)) return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

function parse(shown: string, abs: string, text: string): unknown {
  if (extname(abs).toLowerCase() === ".json") {
    try {
      return JSON.parse(text);
    } catch (err) {
      const m = /position (\d+)/.exec((err as Error).message);
      const where = m ? lineCol(text, Number(m[1])) : "";
      throw new ImportError(`${shown}${where}: error: invalid JSON: ${(err as Error).message.replace(/ in JSON at position \d+.*$/, "")}`);
    }
  }
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: false });
  const e = doc.errors[0];
  if (e) throw new ImportError(`${shown}${lineCol(text, e.pos[0])}: error: invalid YAML: ${e.message.split("\n")[0]}`);
  try {
    return doc.toJS({ maxAliasCount: 1000 });
  } catch (err) {
    throw new ImportError(`${shown}: error: ${(err as Error).message}`);
  }
}

function lineCol(text: string, offset: number): string {
  const before = text.slice(0, offset).split("\n");
  return `:${before.length}:${before[before.length - 1]!.length + 1}`;
}

export const child = (loc: Loc, ...keys: (string | number)[]): Loc => ({ file: loc.file, pointer: loc.pointer + keys.map((k) => `/${token(k)}`).join("") });

