// Catalog text inside Markdown: the one place that decides how it is escaped. Catalog text is
// data, never markup: every character Markdown, GFM tables or HTML would read is neutralized, so
// the text renders as written on GitHub and npm. Handlebars never sees it as template source (it
// arrives as a value), so `{{…}}` needs no treatment beyond being shown.

const HTML: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

/** Inline text: Markdown punctuation is backslash-escaped, HTML's special characters become
 * entities. Newlines stay (a paragraph may span lines); use `mdCell` inside tables. */
export function mdText(s: string): string {
  return s
    .replace(/\r\n?/g, "\n")
    .replace(/[\\`*_[\]|~$]/g, (c) => `\\${c}`)
    .replace(/[&<>"]/g, (c) => HTML[c]!)
    // Only at a line's start do these open a heading, a list or a quote (`>` is already `&gt;`).
    .replace(/^(\s*)(\d+)([.)])/gm, "$1$2\\$3")
    .replace(/^(\s*)([-+#=!])/gm, "$1\\$2")
    .replace(/[\u2028\u2029]/g, "\n");
}

/** A GFM table cell: no newline may end the row, and `|` must not split the cell. */
export function mdCell(s: string): string {
  return mdText(s).trim().replace(/\n+/g, "<br>");
}

/** An inline code span holding `s` verbatim; in a table, `|` is escaped, which GFM allows even
 * inside code. */
export function mdCode(s: string, inTable = false): string {
  const text = s.replace(/[\r\n\u2028\u2029]+/g, " ");
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((r) => r.length));
  const fence = "`".repeat(longest + 1);
  const pad = text.startsWith("`") || text.endsWith("`") || /^ .* $/.test(text) ? " " : "";
  const body = `${fence}${pad}${text}${pad}${fence}`;
  return inTable ? body.replace(/\|/g, "\\|") : body;
}

/** A fenced code block whose fence is longer than any backtick run inside it. */
export function mdFence(s: string, lang = ""): string {
  const longest = Math.max(2, ...(s.match(/`+/g) ?? []).map((r) => r.length));
  const fence = "`".repeat(longest + 1);
  return `${fence}${lang}\n${s}\n${fence}`;
}

/** Text inside an HTML comment: `--` could end it early. */
export const htmlComment = (s: string): string => s.replace(/--/g, "- -").replace(/[\r\n]+/g, " ");

/** A link target built by eventgen (URLs from the catalog): only http(s), with spaces and
 * parentheses encoded so the link cannot break out. */
export function mdUrl(url: string): string | undefined {
  if (!/^https?:\/\//i.test(url)) return undefined;
  return url.replace(/[\s()<>]/g, (c) => encodeURIComponent(c));
}
