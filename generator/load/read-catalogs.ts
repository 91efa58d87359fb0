// Duplicate keys are left to the checker, which knows whether a key is an event type (EG301) or
// any other key (EG102) and can point at the first definition.
// Finds catalog files and parses them with the `yaml` package, keeping a LineCounter so every later
// stage can turn a node's offset into `line:col`. Reading is the only disk access before `write/`.
import { readFileSync, readdirSync, realpathSync, statSync } from "node:fs";
import { basename, extname, join, relative, resolve, sep } from "node:path";
import { LineCounter, parseDocument, type Document } from "yaml";
import { hasErrors, type Diagnostic } from "../diagnostics.ts";
import { yamlHint } from "./yaml-hints.ts";

/** Files larger than this are refused before parsing: a catalog of 10,000 events is about 6 MiB. */
export const MAX_CATALOG_BYTES = 32 * 1024 * 1024;

export interface LoadedFile {
  /** Path as shown in diagnostics: relative to the working directory, with `/`. */
  file: string;
  /** Absolute path. */
  path: string;
  /** The file's stem: the catalog id. */
  stem: string;
  text: string;
  doc: Document.Parsed;
  lines: LineCounter;
}

export interface ReadResult {
  files: LoadedFile[];
  diagnostics: Diagnostic[];
}

export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  const shown = rel && !rel.startsWith("..") ? rel : path;
  return shown.split(sep).join("/");
}

const isCatalogFile = (name: string) => /\.ya?ml$/i.test(name);

/** Expands directories (recursively, sorted) into catalog files; plain files are taken as given.
 * A folder is walked once even when symlinks lead back into it, and only regular files are taken
 * from it (a FIFO named x.yaml would block the read forever). */
export function findCatalogFiles(inputs: readonly string[]): { paths: string[]; diagnostics: Diagnostic[] } {
  const paths: string[] = [];
  const diagnostics: Diagnostic[] = [];
  let walked = new Set<string>();
  const walk = (dir: string) => {
    let names: string[];
    try {
      const real = realpathSync(dir);
      if (walked.has(real)) return;
      walked.add(real);
      names = readdirSync(dir).sort();
    } catch (err) {
      diagnostics.push(unreadable(dir, err));
      return;
    }
    for (const name of names) {
      const full = join(dir, name);
      let stat;
      try {
        stat = statSync(full);
      } catch (err) {
        // A dangling symlink, or one that loops: worth a word only if it looked like a catalog.
        if (isCatalogFile(name)) diagnostics.push(unreadable(full, err));
        continue;
      }
      if (stat.isDirectory()) walk(full);
      else if (stat.isFile() && isCatalogFile(name)) paths.push(full);
    }
  };
  for (const input of inputs) {
    let isDir: boolean;
    try {
      isDir = statSync(input).isDirectory();
    } catch {
      diagnostics.push(missing(input, `no such file or directory: ${input}`));
      continue;
    }
    if (!isDir) {
      paths.push(input);
      continue;
    }
    const before = paths.length;
    const problems = diagnostics.length;
    walked = new Set();
    walk(input);
    if (paths.length === before && diagnostics.length === problems)
      diagnostics.push({ ...missing(input, `no catalog files (*.yaml, *.yml) in ${displayPath(input)}`), code: "EG105" });
  }
  // `catalog`, `catalog/` and `./catalog/deck.yaml` name the same files: each is read once.
  const seen = new Set<string>();
  const unique = paths.filter((p) => {
    let key: string;
    try {
      key = realpathSync(p);
    } catch {
      key = resolve(p);
    }
    return seen.has(key) ? false : (seen.add(key), true);
  });
  return { paths: unique, diagnostics };
}

function missing(input: string, message: string): Diagnostic {
  return {
    code: "EG100",
    severity: "error",
    message,
    pos: { file: displayPath(input), line: 1, col: 1 },
    hint: "pass a catalog file or a folder of them, e.g. `eventgen lint catalog/`",
  };
}

function unreadable(path: string, err: unknown): Diagnostic {
  const file = displayPath(path);
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  const why = code === "ENOENT" ? "it is a symlink to nothing" : code === "ELOOP" ? "its symlinks loop" : code ?? String(err);
  return { code: "EG100", severity: "error", message: `cannot read ${file}: ${why}`, pos: { file, line: 1, col: 1 } };
}

export function parseCatalogText(path: string, text: string): { file?: LoadedFile; diagnostics: Diagnostic[] } {
  const file = displayPath(path);
  const lines = new LineCounter();
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: false, strict: true });
  } catch (err) {
    // The parser recurses; absurd nesting can exhaust the stack. Report it, never a stack trace.
    return {
      diagnostics: [
        {
          code: "EG101",
          severity: "error",
          message: `cannot parse YAML: ${err instanceof RangeError ? "nesting too deep" : String(err)}`,
          pos: { file, line: 1, col: 1 },
        },
      ],
    };
  }
  const diagnostics: Diagnostic[] = [];
  const linesWithErrors = new Set<number>();
  for (const e of [...doc.errors, ...doc.warnings]) {
    const { line, col } = lines.linePos(e.pos[0]);
    // One mistake in a line (an unclosed bracket) makes the parser stumble over the rest of it.
    if (linesWithErrors.has(line)) continue;
    linesWithErrors.add(line);
    diagnostics.push({
      code: "EG101",
      severity: doc.errors.includes(e as never) ? "error" : "warning",
      // The parser turns its own stack overflow on absurd nesting into an error of that name.
      message: /Maximum call stack/.test(e.message) ? "nesting too deep to parse" : firstLine(e.message),
      pos: { file, line, col },
      ...(yamlHint(e) ? { hint: yamlHint(e) } : {}),
    });
  }
  return { file: { file, path, stem: basename(path, extname(path)), text, doc, lines }, diagnostics };
}

function firstLine(s: string): string {
  return s.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
}

export function readCatalogs(inputs: readonly string[]): ReadResult {
  const found = findCatalogFiles(inputs);
  const files: LoadedFile[] = [];
  const diagnostics = [...found.diagnostics];
  for (const path of found.paths) {
    const pos = { file: displayPath(path), line: 1, col: 1 };
    let size: number;
    try {
      size = statSync(path).size;
    } catch (err) {
      diagnostics.push(unreadable(path, err));
      continue;
    }
    if (size > MAX_CATALOG_BYTES) {
      diagnostics.push({
        code: "EG104",
        severity: "error",
        message: `file is ${size} bytes; catalogs are limited to ${MAX_CATALOG_BYTES} bytes`,
        pos,
        hint: "split the catalog into several files, one per documented source",
      });
      continue;
    }
    let text: string;
    try {
      text = readFileSync(path, "utf8");
    } catch (err) {
      diagnostics.push(unreadable(path, err));
      continue;
    }
    const parsed = parseCatalogText(path, text);
    diagnostics.push(...parsed.diagnostics);
    // A document with syntax errors is only partly parsed; checking it would report the same
    // mistake again as wrong types and unknown keys, so its syntax errors stand alone.
    if (parsed.file && !hasErrors(parsed.diagnostics)) files.push(parsed.file);
  }
  return { files, diagnostics };
}
