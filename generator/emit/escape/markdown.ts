// Catalog text inside Markdown: the one place that decides how it is escaped. Prose (descriptions,
// notes, triggers) is CommonMark and renders, made safe (`mdProse`, `mdProseCell`); names and
// titles are data, never markup: every character CommonMark, GFM tables or HTML would read is
// neutralized, so they render as written on GitHub and npm. Handlebars never sees it as template source
// (it arrives as a value), so `{{…}}` needs no treatment beyond being shown.

import { commonmarkBlock, commonmarkInline } from "./commonmark.ts";

/** Catalog prose (descriptions, notes, triggers): CommonMark, rendered, made safe (commonmark.ts);
 * escaped whole, as `mdText`, in the rare case the safe form does not settle. */
export const mdProse = (s: string): string => commonmarkBlock(s) ?? mdText(s);

/** Catalog prose in a table cell or after a label, on one line: as `mdProse`, with line breaks as
 * `<br>` and every `|` escaped. */
export const mdProseCell = (s: string): string => commonmarkInline(s) ?? mdCell(s);

const ENTITY: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;" };

/** One kind of line break, `\n`: CR LF, CR and the Unicode line and paragraph separators. */
const lines = (s: string) => s.replace(/\r\n?|[\u2028\u2029]/g, "\n");

/** Block text (a description, a note): Markdown punctuation is backslash-escaped and HTML's
 * special characters become entities. Line breaks stay, so a blank line still separates
 * paragraphs; use `mdInline` or `mdCell` where the text must stay on one line. */
export function mdText(s: string): string {
  return (
    lines(s)
      // Indentation could open a code block, two trailing spaces a hard break; a paragraph shows
      // neither anyway.
      .replace(/^[ \t]+|[ \t]+$/gm, "")
      // Braces too: prettier's parser reads `{{…}}` at a line's start as a template tag, and
      // escaped braces are plain braces to every renderer.
      .replace(/[\\`*_[\]|~${}]/g, (c) => `\\${c}`)
      .replace(/[&<>]/g, (c) => ENTITY[c]!)
      // At a line's start these open a list, a heading, a setext underline or a break (`>` is
      // already `&gt;`).
      .replace(/^(\d+)([.)])/gm, "$1\\$2")
      .replace(/^([-+#=])/gm, "\\$1")
  );
}

/** Plain text back from Markdown written by `mdText` (or any CommonMark text's backslash escapes
 * and the three entities): what the importer reads out of an OpenAPI description. */
export function mdPlain(s: string): string {
  return s.replace(/\\([!-/:-@[-`{-~])/g, "$1").replace(/&(amp|lt|gt);/g, (_, e: string) => ({ amp: "&", lt: "<", gt: ">" })[e]!);
}

/** Text on one line, for headings and link text: line breaks become spaces, and every `#` is
 * escaped (a heading drops a trailing run of them). */
export function mdInline(s: string): string {
  return mdText(s)
    .trim()
    .replace(/\s*\n\s*/g, " ")
    .replace(/(?<!\\)#/g, "\\#");
}

/** A GFM table cell: no line break may end the row (they become `<br>`) and `|` must not split
 * the cell (`mdText` escapes it). */
export function mdCell(s: string): string {
  return mdText(s).trim().replace(/[ \t]*\n[ \t]*/g, "<br>");
}

/** An inline code span showing `s` verbatim: its fence is longer than any backtick run inside.
 * Line breaks become spaces (a code span has none). In a table cell `|` is escaped, which GFM
 * reads inside code spans too; but a backslash right before a pipe splits the cell in some
 * renderers (marked counts backslashes, cmark-gfm does not) and cannot be escaped in code, so
 * such text is shown as escaped plain text instead. */
export function mdCode(s: string, inTable = false): string {
  const text = lines(s).replace(/\n/g, " ");
  if (inTable && text.includes("\\|")) return mdCell(text);
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((r) => r.length));
  const fence = "`".repeat(longest + 1);
  // A span that starts or ends with a backtick, or is padded with spaces, needs one more space
  // each side: CommonMark strips one.
  const pad = text.startsWith("`") || text.endsWith("`") || /^ .* $/.test(text) ? " " : "";
  const body = `${fence}${pad}${text}${pad}${fence}`;
  return inTable ? body.replace(/\|/g, "\\|") : body;
}

/** A fenced code block whose fence is longer than any backtick run inside it. */
export function mdFence(s: string, lang = ""): string {
  const longest = Math.max(2, ...(s.match(/`+/g) ?? []).map((r) => r.length));
  const fence = "`".repeat(longest + 1);
  return `${fence}${lang}\n${lines(s)}\n${fence}`;
}

/** Link text and target in one: `[text](#anchor)`. The anchor comes from naming.ts and is
 * already URL-safe. */
export const mdLink = (text: string, anchor: string): string => `[${text}](#${anchor})`;

/** Text inside an HTML comment, on one line: `--` could end it early. */
export const htmlComment = (s: string): string => lines(s).replace(/-(?=-)/g, "- ").replace(/\n+/g, " ");

/** A link target from the catalog (a source URL): only http(s), with the characters that could
 * end the link or open HTML percent-encoded. Undefined for anything else, so no `javascript:`. */
export function mdUrl(url: string): string | undefined {
  if (!/^https?:\/\/[^\s]/i.test(url)) return undefined;
  return url.replace(/[\s()<>"'`\\[\]|]/g, (c) =>
    c.charCodeAt(0) < 0x80 ? `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}` : encodeURIComponent(c),
  );
}
