// The docs README in prettier's Markdown layout without running prettier over the whole file (on a
// 10,000-event catalog that takes minutes). The default templates write Markdown that prettier
// leaves alone except for three things, done here: tables get their columns padded, JSON code
// blocks are laid out as prettier lays out JSON, and runs of blank lines become one. A code block
// this cannot vouch for (TypeScript with a long line, say) goes through prettier on its own.
// test/unit/write/format-markdown.test.ts holds the result to prettier's on many catalogs; custom
// templates are formatted by prettier itself (see format.ts).
import { stringLiteral } from "../emit/ts/literal.ts";
import { prettierWidth, printJson, type Width } from "../emit/json-layout.ts";

const WIDTH = 100;

/** A block prettier must format: returns its formatted text. */
type Fallback = (markdown: string) => Promise<string>;

export async function formatMarkdownFast(text: string, prettierBlock: Fallback): Promise<string> {
  const width = prettierWidth;
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const out: string[] = [];
  const blank = () => out.length > 0 && out[out.length - 1] === "";
  for (let i = 0; i < lines.length; ) {
    const line = lines[i]!;
    const first = line.charCodeAt(0);
    const fence = first === 96 ? /^(`{3,})(\S*)\s*$/.exec(line) : null;
    if (fence) {
      let j = i + 1;
      while (j < lines.length && lines[j] !== fence[1]) j++;
      const body = lines.slice(i + 1, j).join("\n");
      const block = lines.slice(i, j + 1).join("\n");
      out.push(...(await codeBlock(fence[1]!, fence[2]!, body, block, width, prettierBlock)).split("\n"));
      i = j + 1;
      continue;
    }
    if (first === 124 && lines[i + 1] !== undefined && /^\|(?:\s*:?-+:?\s*\|)+\s*$/.test(lines[i + 1]!)) {
      let j = i + 2;
      while (j < lines.length && lines[j]!.startsWith("|")) j++;
      out.push(...alignTable(lines.slice(i, j), width));
      i = j;
      continue;
    }
    if (line === "") {
      if (!blank()) out.push("");
    } else out.push(line);
    i++;
  }
  while (out.length && out[0] === "") out.shift();
  while (out.length && out[out.length - 1] === "") out.pop();
  return out.join("\n") + "\n";
}


// ---- tables ----

function cells(row: string): string[] {
  const out: string[] = [];
  // The row starts with `|`; a backslash escapes the next character (`\|` stays in its cell).
  let start = 1;
  for (let i = 1; i < row.length; i++) {
    const c = row.charCodeAt(i);
    if (c === 92) i++;
    else if (c === 124) {
      out.push(row.slice(start, i).trim());
      start = i + 1;
    }
  }
  const rest = row.slice(start).trim();
  if (rest) out.push(rest);
  return out;
}

function alignTable(rows: string[], width: Width): string[] {
  const header = cells(rows[0]!);
  const align = cells(rows[1]!).map((d) => (d.startsWith(":") && d.endsWith(":") ? "center" : d.endsWith(":") ? "right" : d.startsWith(":") ? "left" : ""));
  const body = rows.slice(2).map(cells);
  const all = [header, ...body];
  const columns = Math.max(...all.map((r) => r.length));
  const widths = Array.from({ length: columns }, (_, c) => Math.max(3, ...all.map((r) => width(r[c] ?? ""))));
  const row = (r: string[]) =>
    `| ${widths
      .map((w, c) => {
        const text = r[c] ?? "";
        const spaces = w - width(text);
        const before = align[c] === "right" ? spaces : align[c] === "center" ? Math.floor(spaces / 2) : 0;
        return " ".repeat(before) + text + " ".repeat(spaces - before);
      })
      .join(" | ")} |`;
  const rule = `| ${widths
    .map((w, c) => {
      const a = align[c];
      return `${a === "center" || a === "left" ? ":" : "-"}${"-".repeat(w - 2)}${a === "center" || a === "right" ? ":" : "-"}`;
    })
    .join(" | ")} |`;
  return [row(header), rule, ...body.map(row)];
}

// ---- code blocks ----

async function codeBlock(fence: string, lang: string, body: string, block: string, width: Width, prettierBlock: Fallback): Promise<string> {
  if (lang === "json") {
    const laid = jsonBlock(body, width);
    if (laid !== undefined) return `${fence}${lang}\n${laid}\n${fence}`;
  } else if (lang === "" || stableCode(lang, body, width)) return block;
  return (await prettierBlock(block)).trimEnd();
}

/** TypeScript that prettier leaves as it is: every line fits, no trailing blanks, and every string
 * literal is quoted the way prettier quotes it. Other languages: only plain text ones. */
function stableCode(lang: string, body: string, width: Width): boolean {
  if (!["ts", "typescript", "js", "javascript"].includes(lang)) return ["sh", "bash", "shell", "text", "txt"].includes(lang);
  for (const l of body.split("\n")) if (width(l) > WIDTH || /\s$/.test(l) || l.includes("\t")) return false;
  // A statement without its semicolon (catalog text may hold such code): prettier adds one.
  if (body.split("\n").some((l) => l.trim() && !/^\s*\/\//.test(l) && !/[;{}(,[:]$|=>$/.test(l.trimEnd()))) return false;
  if (/'/.test(body.replace(/\/\/.*$/gm, "").replace(/"(?:[^"\\\n]|\\.)*"/g, '""'))) return false;
  for (const m of body.replace(/\/\/.*$/gm, "").matchAll(/"(?:[^"\\\n]|\\.)*"/g)) {
    let value: unknown;
    try {
      value = JSON.parse(m[0]);
    } catch {
      return false;
    }
    if (stringLiteral(value as string) !== m[0]) return false;
  }
  return true;
}

/** JSON laid out as prettier lays it out: objects always open (they were written open), arrays on
 * one line when they fit, numbers packed. Undefined when the text is not the JSON.stringify
 * layout this expects (prettier then formats it). */
function jsonBlock(body: string, width: Width): string | undefined {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (lineSeparatorsEscaped(JSON.stringify(value, null, 2)) !== body) return undefined;
  return printJson(value, 0, 0, 0, { width, quote: (s) => lineSeparatorsEscaped(JSON.stringify(s)) });
}

/** The docs escape U+2028 and U+2029 inside JSON strings (JSON.stringify leaves them raw). */
const lineSeparatorsEscaped = (s: string) => s.replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");

