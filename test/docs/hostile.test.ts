// Catalog text that is Markdown, HTML, handlebars and table syntax renders as written: the README
// generated from test/docs/fixtures/hostile.yaml is read back with a Markdown parser and every
// catalog string must appear in its text, with no markup of its own, and every table intact.
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { modelOf, OUR_HTML, parseMarkdown, readmeOf, tables, textOf, walk, type MdNode } from "./support.ts";

const FIXTURE = "test/docs/fixtures/hostile.yaml";
let readme: string;
let tree: MdNode;
let nodes: MdNode[];

beforeAll(async () => {
  readme = await readmeOf(modelOf(FIXTURE));
  tree = await parseMarkdown(readme);
  nodes = [...walk(tree)];
});

/** Every string value in the catalog that the docs show as text (keys and examples aside). */
function catalogTexts(): string[] {
  const cat = parse(readFileSync(FIXTURE, "utf8"));
  const out: string[] = [cat.title, cat.description, cat.source.title, cat.source.vendor, cat.envelope.description, cat.envelope.notes, cat.signing.notes];
  for (const g of Object.values<Record<string, string>>(cat.groups)) out.push(g.title!, ...(g.note ? [g.note] : []));
  for (const e of Object.values<Record<string, unknown>>(cat.events)) {
    out.push(e.trigger as string);
    for (const k of ["description", "scope", "deprecated"]) if (typeof e[k] === "string") out.push(e[k] as string);
  }
  out.push(cat.schemas.Thing.description, cat.schemas.Thing.properties["nested?"].description);
  return out;
}

/** Text as a reader compares it: line breaks and runs of spaces as one space. Block text loses
 * each line's indentation, as Markdown shows it. */
const norm = (s: string) =>
  s
    .split(/\r\n?|\n|[\u2028\u2029]/)
    .map((l) => l.trim())
    .join(" ")
    .replace(/\s+/g, " ")
    .trim();

describe("hostile catalog text in the README", () => {
  it("appears literally: each paragraph of each catalog string is the text of some block", () => {
    const blocks = nodes.filter((n) => ["paragraph", "heading", "tableCell", "listItem", "blockquote"].includes(n.type)).map((n) => norm(textOf(n)));
    const missing = catalogTexts()
      .flatMap((s) => s.replace(/\r\n?/g, "\n").split(/\n\s*\n/))
      .map(norm)
      .filter((p) => !blocks.some((b) => b.includes(p)));
    expect(missing).toEqual([]);
  });

  it("adds no markup: only our own emphasis, links, HTML (<br>, anchors, the banner) and code", () => {
    const html = nodes.filter((n) => n.type === "html").map((n) => n.value!);
    expect(html.filter((h) => !OUR_HTML.test(h))).toEqual([]);
    expect(nodes.filter((n) => ["emphasis", "delete", "image", "inlineMath", "math", "imageReference", "linkReference", "footnoteReference", "definition"].includes(n.type))).toEqual([]);
    // The only strong text is the deprecation notice, the only quote holds it.
    expect(nodes.filter((n) => n.type === "strong").map(textOf)).toEqual([expect.stringMatching(/^Deprecated: Use `other` \| <i>now<\/i>\nplease$/)]);
    expect(nodes.filter((n) => n.type === "blockquote")).toHaveLength(1);
    // Headings are ours: the title, sections, groups, events, schemas.
    expect(nodes.filter((n) => n.type === "heading").map((n) => `${n.depth} ${textOf(n)}`)).toEqual([
      "1 Hostile */ ${process.exit(1)} `rm -rf` | <script>alert(1)</script> {{constructor}}",
      "2 Usage",
      "2 Envelope",
      "2 Signing",
      "2 Events",
      "3 G */ `x` | {{y}}",
      "3 {{> group}} [link](#x)",
      "2 Event reference",
      "3 weird.*/event",
      "3 pipe|`tick`",
      "2 Schemas",
      "3 Thing",
    ]);
    // Lists: the contents and the signing facts; code blocks: usage, install, examples.
    expect(nodes.filter((n) => n.type === "list")).toHaveLength(3);
    expect(nodes.filter((n) => n.type === "code").map((n) => n.lang)).toEqual(["sh", "ts", "json", "json"]);
  });

  it("links only to anchors of the document and to the catalog's http(s) source", () => {
    const ids = nodes.flatMap((n) => (n.type === "html" ? [/^<a id="(.*)">$/.exec(n.value!)?.[1]].filter(Boolean) : [])) as string[];
    expect(new Set(ids).size).toBe(ids.length);
    const urls = nodes.filter((n) => n.type === "link").map((n) => n.url!);
    const external = urls.filter((u) => !u.startsWith("#"));
    expect(external).toEqual(["https://example.com/a%20b%29%28%3Cc%3E"]);
    expect(urls.filter((u) => u.startsWith("#") && !ids.includes(u.slice(1)))).toEqual([]);
  });

  it("keeps every table whole: each row has as many cells as its header", () => {
    const found = tables(readme);
    expect(found.length).toBe(6); // envelope, signing headers, two groups, one payload, one schema
    for (const t of found) for (const row of t) expect(row.length, row.join(" | ")).toBe(t[0]!.length);
    const astTables = nodes.filter((n) => n.type === "table");
    expect(astTables.length).toBe(found.length);
    for (const t of astTables) for (const row of t.children!) expect(row.children!.length).toBe(t.children![0]!.children!.length);
  });

  it("shows enum values and patterns as code, pipes and backticks included", () => {
    const code = nodes.filter((n) => n.type === "inlineCode").map((n) => n.value);
    expect(code).toEqual(expect.arrayContaining(['"*/"', '"${x}"', '"`"', '"a\\"b"', '"\\u2028"', '"|"', '"x|y"', "^a|b`c$", "pipe|`tick`", "p|pe", "X-Sig|nature", "{body} | `x` ``y``"]));
  });

  it("puts a group's triggers in its table, line breaks as <br>", () => {
    const cells = nodes.filter((n) => n.type === "tableCell").map(textOf);
    expect(cells).toContain("line one\nline two | three\nfour {{a | b}} {{> x | y}}");
    expect(cells).toContain("fires */ when ${x} `y` | z <script>alert(1)</script> {{constructor}}");
  });
});
