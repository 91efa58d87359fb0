// Synthesized example bodies pass the generated validators: for every event of every catalog we
// have (bundled, the integration cases, the docs fixtures), synthesized even where the catalog
// has an example of its own. And the README's examples, as written, pass too.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { exampleBody } from "../../generator/emit/docs/example-body.ts";
import { regexSample } from "../../generator/emit/docs/regex-sample.ts";
import { modelOf, parseMarkdown, readmeOf, validatorsOf, walk } from "./support.ts";

const yamlIn = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? yamlIn(join(dir, e.name)) : e.name.endsWith(".yaml") ? [join(dir, e.name)] : [],
  );
const catalogs = [
  ...yamlIn("catalog"),
  ...readdirSync("test/cases", { withFileTypes: true }).filter((e) => e.isDirectory()).flatMap((e) => yamlIn(join("test/cases", e.name, "catalog"))),
  "test/docs/fixtures/synth.yaml",
  "test/docs/fixtures/hostile.yaml",
].sort();

describe("synthesized examples", () => {
  it("cover the bundled catalogs and the cases", () => {
    expect(catalogs.filter((c) => c.startsWith("test/cases/")).length).toBeGreaterThanOrEqual(4);
  });

  for (const file of catalogs)
    it(`pass the generated validators: ${file}`, async () => {
      const model = modelOf(file);
      const validators = await validatorsOf(model);
      const failures: string[] = [];
      for (const e of model.events) {
        const body = exampleBody(model, e);
        expect(exampleBody(model, e), "deterministic").toEqual(body);
        const r = validators[e.type]!(body);
        if (!r.ok) failures.push(`${e.type}: ${JSON.stringify(body)}\n  ${r.errors!.map((x) => `${x.path} ${x.message}`).join("\n  ")}`);
      }
      expect(failures).toEqual([]);
    });

  it("carry the envelope: the type, the envelope fields and the payload where the catalog puts it", () => {
    const deck = modelOf("catalog/deck.yaml");
    const e = deck.events.find((x) => x.type === "task_run.failed")!;
    const body = exampleBody(deck, e) as Record<string, unknown>;
    expect(body["type"]).toBe("task_run.failed");
    for (const f of deck.envelope.fields.filter((p) => p.required)) expect(body).toHaveProperty([f.name]);
    expect(body["data"]).toMatchObject({ id: expect.stringMatching(/^trun_/) });
    // An enum offering a word of the event type shows it (a task run's status is an open string).
    const workflow = exampleBody(deck, deck.events.find((x) => x.type === "workflow_run.failed")!) as Record<string, unknown>;
    expect(workflow["data"]).toMatchObject({ status: "failed" });

    const chift = modelOf("catalog/chift.yaml");
    const flat = exampleBody(chift, chift.events[0]!) as Record<string, unknown>;
    expect(flat[chift.envelope.typeField!]).toBe(chift.events[0]!.type);
    expect(Object.keys(flat)).toEqual(expect.arrayContaining(chift.envelope.fields.map((f) => f.name)));

    const header = modelOf("test/cases/header-typed/catalog/header-typed.yaml");
    expect(exampleBody(header, header.events[0]!)).not.toHaveProperty(["X-GitHub-Event"]);
  });

  it("follow formats, patterns, bounds and recursion", () => {
    const model = modelOf("test/docs/fixtures/synth.yaml");
    const data = (type: string) => (exampleBody(model, model.events.find((e) => e.type === type)!) as { data: Record<string, unknown> }).data;
    expect(data("g.strings")).toMatchObject({
      code: "AAA-1",
      hex: expect.stringMatching(/^(foo|bar)_[0-9a-f]{8}$/),
      dated: "2024-05-01",
      id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
      documented: "hello", // the schema's own example, since it fits
      bad_example: expect.not.stringMatching(/^nope$/),
    });
    // 0.3 / 0.1 is not an integer in floating point, but multipleOf is judged on decimal values,
    // so 0.3 is a multiple of 0.1 to the validators (unlike Ajv's default).
    expect(data("g.numbers")).toMatchObject({ tenth: 0.3, neg: -7, big_step: 105, defaulted: 42 });
    expect(data("g.recursion")["tree"]).toEqual({ name: "example_name", children: [expect.objectContaining({ children: [], parent: null })], parent: expect.anything() });
    expect(data("g.unions")).toMatchObject({ either: 0.5, parity: 2, code: expect.stringMatching(/\d/) });
  });
});

describe("regexSample", () => {
  const table: { given: string; want: string | undefined; rich?: boolean }[] = [
    { given: "^abc$", want: "abc" },
    { given: "^[A-Z]{3}-\\d+$", want: "AAA-1" },
    { given: "^(foo|bar)_[0-9a-f]{2,4}$", want: "foo_00" },
    { given: "^(?:x|y)?z*$", want: "" },
    { given: "^(?:x|y)?z*$", want: "xz", rich: true },
    { given: "^a\\.b\\x41\\u0042\\u{43}$", want: "a.bABC" },
    { given: "^[^a-z]$", want: "A" },
    { given: "^\\p{Lu}+$", want: "A" },
    { given: "^(?<year>\\d{4})$", want: "1111" },
    { given: "(?=a)a", want: undefined },
    { given: "^(a)\\1$", want: undefined },
    { given: "[unclosed", want: undefined },
  ];
  for (const { given, want, rich } of table)
    it(`${given}${rich ? " (rich)" : ""} → ${JSON.stringify(want)}`, () => {
      const got = regexSample(given, rich);
      expect(got).toBe(want);
      if (got !== undefined) expect(new RegExp(given, "u").test(got)).toBe(true);
    });
});

describe("README examples", () => {
  for (const file of ["catalog/deck.yaml", "catalog/chift.yaml", "test/docs/fixtures/synth.yaml", "test/cases/header-typed/catalog/header-typed.yaml"])
    it(`each event's example body in ${file}'s README passes its validator`, async () => {
      const model = modelOf(file);
      const validators = await validatorsOf(model);
      const tree = await parseMarkdown(await readmeOf(model));
      // Each event section holds one json block; they come in the order of the event sections.
      const blocks = [...walk(tree)].filter((n) => n.type === "code" && n.lang === "json").map((n) => JSON.parse(n.value!));
      const order = model.groups.flatMap((g) => g.events);
      expect(blocks).toHaveLength(order.length);
      order.forEach((e, i) => {
        expect(validators[e.type]!(blocks[i]).errors ?? []).toEqual([]);
        if (e.examples.length) expect(blocks[i]).toEqual(e.examples[0]);
      });
    });
});
