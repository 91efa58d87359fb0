// Synthesized example bodies pass the generated validators: for every event of every catalog we
// have (bundled, the integration cases, the docs fixtures), synthesized even where the catalog
// has an example of its own. And the README's examples, as written, pass too.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { exampleBody } from "../../generator/emit/docs/example-body.ts";
import { regexSample } from "../../generator/emit/docs/regex-sample.ts";
import { modelOf, parseMarkdown, readmeOf, validatorsOf, walk } from "./support.ts";
import { CATALOG_HEAD, loadText } from "../support/load-text.ts";

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
      code: "TQB-1", // the class's characters varied, as a person writes them
      hex: expect.stringMatching(/^(foo|bar)_[0-9a-f]{8}$/),
      dated: "2024-05-01",
      id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
      documented: "hello", // the schema's own example, since it fits
      bad_example: expect.not.stringMatching(/^nope$/),
    });
    // 0.3 / 0.1 is not an integer in floating point, but multipleOf is judged on decimal values,
    // so 0.3 is a multiple of 0.1 to the validators (unlike Ajv's default).
    expect(data("g.numbers")).toMatchObject({ tenth: 0.3, neg: -7, big_step: 105, defaulted: 42 });
    expect(data("g.recursion")["tree"]).toEqual({ name: "Jane Doe", children: [expect.objectContaining({ children: [], parent: null })], parent: expect.anything() });
    expect(data("g.unions")).toMatchObject({ either: 0.5, parity: 2, code: expect.stringMatching(/\d/) });
  });
});

describe("synthesized examples look real", () => {
  const { model } = loadText(
    "real.yaml",
    `${CATALOG_HEAD}events:
  user.created:
    group: g
    trigger: A user signs up
    payload:
      properties:
        id: { type: string, pattern: '^usr_[A-Za-z0-9]+$' }
        email: { type: string, format: email, example: ada@lovelace.dev }
        signed_up_at: { type: string, format: date-time, example: "2023-11-02T08:15:00Z" }
        birthday: { type: string, format: date, example: "2023-02-30" }
        website: uri
        contact: email
        currency: { type: string, pattern: '^[A-Z]{3}$' }
        country: { type: string, pattern: '^[A-Z]{2}$' }
        name: string
        plan_id: string
        sku: { type: string, pattern: '^[A-Z]{2}-[0-9]{4}$' }
        amount: { type: integer, minimum: 1, example: 1999 }
`,
  );
  const data = () => (exampleBody(model!, model!.events[0]!) as { data: Record<string, unknown> }).data;

  it("use each field's own example, a formatted one when it plainly has its format", () => {
    expect(data()).toMatchObject({ email: "ada@lovelace.dev", signed_up_at: "2023-11-02T08:15:00Z", amount: 1999 });
    // February 30th is not a date: the format's sample is shown instead.
    expect(data()["birthday"]).toBe("2024-05-01");
  });

  it("follow the format, the field's name and the pattern as a person would", () => {
    expect(data()).toMatchObject({ website: "https://example.com/resource", contact: "user@example.com", currency: "USD", country: "US", name: "Jane Doe", plan_id: "plan_k3Tn9xQ2mB", sku: "TQ-3927" });
    expect(data()["id"]).toMatch(/^usr_[A-Za-z0-9]{6,}$/);
    expect(JSON.stringify(data())).not.toMatch(/example_|"aaa"|"AAA"/i);
  });

  it("pass the generated validators", async () => {
    const validators = await validatorsOf(model!);
    expect(validators["user.created"]!(exampleBody(model!, model!.events[0]!)).ok).toBe(true);
  });
});

describe("regexSample", () => {
  const table: { given: string; want: string | undefined; rich?: boolean }[] = [
    { given: "^abc$", want: "abc" },
    { given: "^[A-Z]{3}-\\d+$", want: "TQB-1" },
    { given: "^[A-Z]{3}-\\d+$", want: "TQB-39274856", rich: true },
    { given: "^(foo|bar)_[0-9a-f]{2,4}$", want: "foo_39" },
    { given: "^(?:x|y)?z*$", want: "" },
    { given: "^(?:x|y)?z*$", want: "xz", rich: true },
    { given: "^a\\.b\\x41\\u0042\\u{43}$", want: "a.bABC" },
    { given: "^[^a-z]$", want: "A" },
    { given: "^\\p{Lu}+$", want: "A" },
    { given: "^(?<year>\\d{4})$", want: "3927" },
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
