// Catalog prose is CommonMark, passed through and made safe (generator/emit/escape/commonmark.ts):
// a table of given → want, for block text and for a table cell.
import { describe, expect, it } from "vitest";
import { mdProse, mdProseCell } from "../../generator/emit/escape/markdown.ts";

const block: [string, string][] = [
  ["Plain text stays as it is.", "Plain text stays as it is."],
  ["Events follow an `object.action` convention.", "Events follow an `object.action` convention."],
  ["See [the docs](https://example.com/docs) and *this*.", "See [the docs](https://example.com/docs) and _this_."],
  ["a*b*c and __strong__", "a*b*c and **strong**"],
  ["* one\n* two", "- one\n- two"],
  ["<b>bold</b> and <!-- c -->", "&lt;b>bold&lt;/b> and &lt;!-- c -->"],
  ["<div>\n*x*\n</div>", "&lt;div>\n_x_\n&lt;/div>"],
  ["`<b>` in code stays", "`<b>` in code stays"],
  ["# not a heading", "\\# not a heading"],
  ["Title\n===", "Title\n\\==="],
  ["***", "\\***"],
  ["[x](javascript:alert(1)) <javascript:alert(1)> ![i](data:x)", "\\[x](javascript:alert(1)) &lt;javascript:alert(1)> \\!\\[i](data:x)"],
  ["{{constructor}} and a | b", "\\{\\{constructor\\}\\} and a \\| b"],
  ["From $5 to $10, `$x`", "From \\$5 to \\$10, `$x`"],
  ["```js\nalert(1)", "```js\nalert(1)\n```"],
  ["para\n    indented\n- list", "para\nindented\n\n- list"],
  ["trailing  \nspaces", "trailing\nspaces"],
];

const cell: [string, string][] = [
  ["a | b\nc", "a \\| b<br>c"],
  ["`a|b` and\n`c`", "`a\\|b` and<br>`c`"],
  ["```\ncode\n```", "`code`"],
  ["<script>x</script>", "&lt;script>x&lt;/script>"],
];

describe("mdProse: CommonMark passed through, made safe", () => {
  it.each(block)("%j → %j", (given, want) => {
    expect(mdProse(given)).toBe(want);
    expect(mdProse(want)).toBe(want); // settled: made safe again, it is the same
  });
});

describe("mdProseCell: the same on one line of a table", () => {
  it.each(cell)("%j → %j", (given, want) => expect(mdProseCell(given)).toBe(want));
});

describe("bounded on hostile input", () => {
  it("thousands of tags and nested blocks settle quickly", () => {
    const text = "<div>\n".repeat(2000) + "<b>x</b> ".repeat(2000) + "\n> - > - *a* `b`".repeat(500);
    const t0 = performance.now();
    const out = mdProse(text);
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(out).not.toMatch(/<(?!br>)[a-z!/]/i);
  });
});
