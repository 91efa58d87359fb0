// Markdown escaping (generator/emit/escape/markdown.ts): a table of cases, then properties over
// arbitrary text read back with a Markdown parser: whatever the catalog says is what a reader sees.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { htmlComment, mdCell, mdCode, mdFence, mdInline, mdPlain, mdText, mdUrl } from "../../generator/emit/escape/markdown.ts";
import { parseMarkdown, tables, textOf, walk, type MdNode } from "./support.ts";

const cases: { fn: (s: string) => string | undefined; given: string; want: string | undefined }[] = [
  { fn: mdText, given: "plain text", want: "plain text" },
  { fn: mdText, given: "a | b", want: "a \\| b" },
  { fn: mdText, given: "*/ `x` _y_ [z] ~s~ $m$ \\", want: "\\*/ \\`x\\` \\_y\\_ \\[z\\] \\~s\\~ \\$m\\$ \\\\" },
  { fn: mdText, given: "<script>alert(1)</script> & &amp;", want: "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &amp;amp;" },
  { fn: mdText, given: "{{constructor}} {{> partial}} ${x}", want: "\\{\\{constructor\\}\\} \\{\\{&gt; partial\\}\\} \\$\\{x\\}" },
  { fn: mdText, given: "# h\n- l\n+ l\n1. n\n2) n\n= u", want: "\\# h\n\\- l\n\\+ l\n1\\. n\n2\\) n\n\\= u" },
  { fn: mdText, given: "a\n    indented\n\tcode", want: "a\nindented\ncode" },
  { fn: mdText, given: "a\r\nb\rc\u2028d", want: "a\nb\nc\nd" },
  { fn: mdText, given: "p1\n\np2", want: "p1\n\np2" },
  { fn: mdInline, given: " a\n\n b \n c ", want: "a b c" },
  { fn: mdInline, given: "# not a heading", want: "\\# not a heading" },
  { fn: mdCell, given: "a | b\nc", want: "a \\| b<br>c" },
  { fn: mdCell, given: "  a  \n\n  b  ", want: "a<br><br>b" },
  { fn: mdCell, given: "x\r\ny", want: "x<br>y" },
  { fn: mdCode, given: "plain", want: "`plain`" },
  { fn: mdCode, given: "a`b", want: "``a`b``" },
  { fn: mdCode, given: "`a``", want: "``` `a`` ```" },
  { fn: mdCode, given: " padded ", want: "`  padded  `" },
  { fn: mdCode, given: "a|b", want: "`a|b`" },
  { fn: (s) => mdCode(s, true), given: "a|b", want: "`a\\|b`" },
  { fn: (s) => mdCode(s, true), given: "^a\\|b$", want: "^a\\\\\\|b\\$" },
  { fn: mdInline, given: "a #", want: "a \\#" },
  { fn: mdCode, given: "two\nlines", want: "`two lines`" },
  { fn: (s) => mdFence(s, "json"), given: '{"a": 1}', want: '```json\n{"a": 1}\n```' },
  { fn: (s) => mdFence(s), given: "has ``` inside", want: "````\nhas ``` inside\n````" },
  { fn: htmlComment, given: "a -- b --> c\nd", want: "a - - b - -> c d" },
  { fn: htmlComment, given: "a --- b", want: "a - - - b" },
  { fn: mdUrl, given: "https://example.com/a b)(<c>", want: "https://example.com/a%20b%29%28%3Cc%3E" },
  { fn: mdUrl, given: "http://x.test/?q=[1]|'\"`", want: "http://x.test/?q=%5B1%5D%7C%27%22%60" },
  { fn: mdUrl, given: "javascript:alert(1)", want: undefined },
  { fn: mdUrl, given: "data:text/html,x", want: undefined },
  { fn: mdUrl, given: "//example.com", want: undefined },
];

describe("escape/markdown", () => {
  for (const { fn, given, want } of cases)
    it(`${fn.name || "mdCode/mdFence"}(${JSON.stringify(given)}) → ${JSON.stringify(want)}`, () => {
      expect(fn(given)).toBe(want);
    });
});

// Text made of the characters that matter to Markdown, HTML, GFM tables and handlebars.
const hostile = fc
  .array(fc.constantFrom(..."ab1 \t\n\r|`*_[]()!#<>&;~$\\{}/-+=.:\"'", "{{", "}}", "```", "<br>", "&amp;", "-->", "\u2028", "1.", "    ", "é", "😀"), { maxLength: 30 })
  .map((parts) => parts.join(""));
const runs = { numRuns: 200 };

/** The text a reader sees for a block: soft line breaks and runs of spaces as one space. */
const seen = (s: string) => s.replace(/\s+/g, " ").trim();
/** The catalog text as it should be seen: line breaks of any kind as one space. */
const meant = (s: string) => s.split(/\r\n?|\n|[\u2028\u2029]/).map((l) => l.trim()).join(" ").replace(/\s+/g, " ").trim();
const only = (tree: MdNode, types: string[]) => [...walk(tree)].filter((n) => !types.includes(n.type)).map((n) => n.type);

describe("escaped text reads back as written", () => {
  it("mdInline in a heading: one heading, no markup, the same text", async () => {
    await fc.assert(
      fc.asyncProperty(hostile, async (s) => {
        fc.pre(meant(s) !== "");
        const tree = await parseMarkdown(`### ${mdInline(s)}\n`);
        expect(tree.children!.map((n) => n.type)).toEqual(["heading"]);
        expect(only(tree, ["root", "heading", "text", "liquidNode"])).toEqual([]);
        expect(seen(textOf(tree))).toBe(meant(s));
      }),
      { ...runs, examples: [["  #  a  "], ["a\n\nb"], ["=\n-"], ["<br>"]] },
    );
  });

  it("mdCell in a table: one row of two cells, line breaks as <br>, the same text", async () => {
    await fc.assert(
      fc.asyncProperty(hostile, hostile, async (a, b) => {
        const md = `| x | y |\n|---|---|\n| ${mdCell(a)} | ${mdCell(b)} |\n`;
        expect(tables(md).map((t) => t.map((r) => r.length))).toEqual([[2, 2, 2]]);
        const tree = await parseMarkdown(md);
        const rows = [...walk(tree)].filter((n) => n.type === "tableRow");
        expect(rows.map((r) => r.children!.length)).toEqual([2, 2]);
        const cellText = (c: MdNode) => seen(textOf(c).replace(/\n/g, " "));
        expect(rows[1]!.children!.map(cellText)).toEqual([meant(a), meant(b)]);
        expect(only(tree, ["root", "table", "tableRow", "tableCell", "text", "html", "liquidNode"])).toEqual([]);
        for (const n of walk(tree)) if (n.type === "html") expect(n.value).toBe("<br>");
      }),
      { ...runs, examples: [["a\n\nb", "|"], ["\\|", "\\"], ["`|`", "{{a | b}}"]] },
    );
  });

  it("mdText as a block: paragraphs only, no markup, the same text", async () => {
    await fc.assert(
      fc.asyncProperty(hostile, async (s) => {
        const tree = await parseMarkdown(`${mdText(s)}\n`);
        expect(only(tree, ["root", "paragraph", "text", "liquidNode"])).toEqual([]);
        const paragraphs = s.replace(/\r\n?|[\u2028\u2029]/g, "\n").split(/\n[ \t]*\n/).map(meant).filter(Boolean);
        expect(tree.children!.map((p) => seen(textOf(p)))).toEqual(paragraphs);
      }),
      { ...runs, examples: [["    code"], ["a\n\n    b"], ["1. x\n2) y"], ["a  \nb\\\nc"], ["```js\nx\n```"], ["---"], ["***"], ["a\n==="]] },
    );
  });

  it("mdCode in a table cell: one code span holding the text", async () => {
    await fc.assert(
      fc.asyncProperty(hostile, async (s) => {
        const text = s.replace(/\r\n?|\n|[\u2028\u2029]/g, " ");
        fc.pre(text.trim() !== "");
        const tree = await parseMarkdown(`| x |\n|---|\n| ${mdCode(s, true)} |\n`);
        const code = [...walk(tree)].filter((n) => n.type === "inlineCode");
        const cell = [...walk(tree)].filter((n) => n.type === "tableCell")[1]!;
        // A backslash before a pipe cannot be shown in code in every renderer: plain text then.
        if (text.includes("\\|")) expect(seen(textOf(cell))).toBe(meant(text));
        else expect(code.map((n) => n.value)).toEqual([text]);
      }),
      { ...runs, examples: [[" a "], ["` a"], ["\ta |"], ["\\|"], ["a\\\\|b"]] },
    );
  });
});

describe("mdPlain (what the importer reads back out of an OpenAPI description)", () => {
  it("undoes mdText on any text mdText keeps (no line indentation or CR to lose)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme-ascii" }).map((s) => s.replace(/\r/g, "").replace(/^[ \t]+|[ \t]+$/gm, "")), (s) => {
        expect(mdPlain(mdText(s))).toBe(s);
      }),
      { numRuns: 500, examples: [["*/ `x` _y_ [z] ~s~ $m$ \\"], ["<b> &amp; {{x}}"], ["1. a\n# b\n- c"]] },
    );
  });
});
