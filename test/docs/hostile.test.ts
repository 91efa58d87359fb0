// Catalog text that is Markdown, HTML, handlebars and table syntax stays inert: the README generated
// from test/docs/fixtures/hostile.yaml is read back with a Markdown parser. Catalog prose renders as
// CommonMark (emphasis, lists, quotes, code), but its HTML shows as text, its headings are not
// headings, its links go nowhere but http(s), no `{{…}}` tag and no table come out of it, and
// every word of every catalog string is in the README's text, in order.
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

/** The words of a text, in order: what a reader sees whatever the markup. */
const words = (s: string) => s.match(/[\p{L}\p{N}]+/gu) ?? [];

/** The visible text of a catalog string, as CommonMark renders it with its HTML shown as text and
 * link targets that are not http(s) shown too (those links are text in the README). */
async function visible(s: string): Promise<string> {
  const seen = (n: MdNode): string =>
    n.type === "html" ? n.value! : n.type === "link" && !/^https?:/.test(n.url!) ? `${(n.children ?? []).map(seen).join("")} ${n.url}` : n.type === "image" ? `${(n as { alt?: string }).alt ?? ""} ${n.url}` : n.value ?? (n.children ?? []).map(seen).join(" ");
  return seen(await parseMarkdown(s));
}

/** Whether `want` appears in `have` in order (other words may stand between). */
function inOrder(want: string[], have: string[]): boolean {
  let i = 0;
  for (const w of have) if (w === want[i]) i++;
  return i === want.length;
}

describe("hostile catalog text in the README", () => {
  it("keeps every word: each catalog string's words are in the README's text, in order", async () => {
    const readmeWords = words(
      nodes
        .map((n) => (n.type === "image" ? `${(n as { alt?: string }).alt ?? ""} ${n.url}` : n.type === "link" && n.url!.startsWith("#") ? "" : n.children ? "" : textOf(n)))
        .join(" "),
    );
    const missing: string[] = [];
    for (const s of catalogTexts()) if (!inOrder(words(await visible(s)), readmeWords)) missing.push(s);
    expect(missing).toEqual([]);
  });

  it("adds no HTML, heading, template tag or table: only ours", () => {
    const html = nodes.filter((n) => n.type === "html").map((n) => n.value!);
    expect(html.filter((h) => !OUR_HTML.test(h))).toEqual([]);
    expect(nodes.filter((n) => ["liquidNode", "inlineMath", "math", "definition", "linkReference", "imageReference", "footnoteReference"].includes(n.type))).toEqual([]);
    // Headings are ours: the title, sections, groups, events, schemas.
    expect(nodes.filter((n) => n.type === "heading").map((n) => `${n.depth} ${textOf(n)}`)).toEqual([
      "1 Hostile */ ${process.exit(1)} `rm -rf` | <script>alert(1)</script> {{constructor}}",
      "2 Usage",
      "2 Envelope",
      "2 Signing",
      "2 Receiving",
      "2 Events",
      "3 G */ `x` | {{y}}",
      "3 {{> group}} [link](#x)",
      "2 Event reference",
      "3 weird.*/event",
      "3 pipe|`tick`",
      "2 Schemas",
      "3 Thing",
    ]);
    // The catalog's Markdown renders: its emphasis, strong text, list, quote and code block (and the
    // Receiving section's own strong "Replay window").
    expect(nodes.filter((n) => n.type === "strong").map(textOf)).toEqual(["bold", "Replay window", "Deprecated: Use other | <i>now</i>\nplease"]);
    expect(nodes.filter((n) => n.type === "blockquote").map(textOf)).toEqual(["nor a quote", expect.stringMatching(/^Deprecated/)]);
    // Code blocks: install, usage, the notes' own (closed, so it swallows nothing), the signing
    // calls, the receiver, the examples.
    expect(nodes.filter((n) => n.type === "code").map((n) => n.lang)).toEqual(["sh", "ts", "js", "ts", "ts", "json", "json"]);
  });

  it("links only to anchors of the document and to the catalog's http(s) source; images stay relative", () => {
    const ids = nodes.flatMap((n) => (n.type === "html" ? [/^<a id="(.*)">$/.exec(n.value!)?.[1]].filter(Boolean) : [])) as string[];
    expect(new Set(ids).size).toBe(ids.length);
    const urls = nodes.filter((n) => n.type === "link").map((n) => n.url!);
    const external = urls.filter((u) => !u.startsWith("#"));
    expect(external).toEqual(["https://example.com/a%20b%29%28%3Cc%3E"]);
    expect(urls.filter((u) => u.startsWith("#") && !ids.includes(u.slice(1)))).toEqual([]);
    expect(nodes.filter((n) => n.type === "image").map((n) => n.url)).toEqual(["x.png"]);
  });

  it("keeps every table whole: each row has as many cells as its header", () => {
    const found = tables(readme);
    expect(found.length).toBe(8); // envelope, signing headers, receiving statuses, two groups, two payloads, one schema
    for (const t of found) for (const row of t) expect(row.length, row.join(" | ")).toBe(t[0]!.length);
    const astTables = nodes.filter((n) => n.type === "table");
    expect(astTables.length).toBe(found.length);
    for (const t of astTables) for (const row of t.children!) expect(row.children!.length).toBe(t.children![0]!.children!.length);
  });

  it("shows enum values and patterns as code, pipes and backticks included", () => {
    const code = nodes.filter((n) => n.type === "inlineCode").map((n) => n.value);
    expect(code).toEqual(expect.arrayContaining(['"*/"', '"${x}"', '"`"', '"a\\"b"', '"\\u2028"', '"|"', '"x|y"', "^a|b`c$", "pipe|`tick`", "p|pe", "X-Sig|nature", "{body} | `x` ``y``"]));
  });

  it("puts a group's triggers in its table, line breaks as <br>, HTML as text", () => {
    const cells = nodes.filter((n) => n.type === "tableCell").map(textOf);
    expect(cells).toContain("line one\nline two | three\nfour {{a | b}} {{> x | y}}");
    expect(cells).toContain("fires */ when ${x} y | z <script>alert(1)</script> {{constructor}}");
  });
});
