// Shape sharing at real scale: GitHub's webhooks document (@octokit/openapi-webhooks 12.1.0, a dev
// dependency), imported in memory, whose pull request, repository and user objects stand inline in
// dozens of webhooks. With one validator per distinct shape, the generated validators and Ajv on
// the emitted JSON Schemas must still judge every body the same, and the error path (collect) must
// find a real issue wherever the fast path says no. A fixed sample of events keeps it quick.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { importCatalog } from "../../generator/import/import-catalog.ts";
import { emitSchemaJson } from "../../generator/emit/emit-catalog.ts";
import { emitValidatorsModule } from "../../generator/emit/validators/validators-module.ts";
import { loadCompiledValidators } from "../../generator/check/examples.ts";
import { sharedShapes } from "../../generator/model/shapes.ts";
import { makeAjv, PROTO_STAND_IN } from "../support/ajv.ts";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { emitCode } from "../../generator/emit/emit-catalog.ts";
import { diagnostics, show, STRICT } from "../support/typecheck.ts";
import { mutatedArb, validArb } from "./arbitrary.ts";

const SEED = Number(process.env["EVENTGEN_FUZZ_SEED"] ?? 16);

describe("GitHub's webhooks document, shapes shared", async () => {
  const { model } = importCatalog("openapi", "node_modules/owh-new/generated/api.github.com.json", { path: "owh-new/github.yaml", id: "github", schemaPath: "catalog.schema.json" });
  const shapes = sharedShapes(model);
  const js = emitValidatorsModule(model).js;
  const { validators } = await loadCompiledValidators<{ validators: Record<string, (b: unknown) => { ok: boolean; errors?: { code: string; message: string }[] }> }>(js);
  const files = new Map(emitSchemaJson(model).map((f) => [f.path, f.content]));
  const ajv = makeAjv();
  // Every sixth event, in catalog order.
  const sample = model.events.filter((_, i) => i % 6 === 0);

  it("shares the shapes it repeats", () => {
    expect(model.events.length).toBeGreaterThan(250);
    expect(shapes.made.length).toBeGreaterThan(50);
    // Each shape's functions are written once.
    for (const s of shapes.made) expect(js.split(`function ${s.fast}(`).length - 1, s.typeName).toBe(1);
  });

  it("its package's sources compile under strict tsc (the shapes' names clash with nothing it exports)", () => {
    const dir = mkdtempSync(join(tmpdir(), "eventgen-github-"));
    try {
      const files: string[] = [];
      for (const f of emitCode(model).filter((f) => f.path.startsWith("src/"))) {
        const path = join(dir, f.path);
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, f.content);
        files.push(path);
      }
      mkdirSync(join(dir, "src/runtime"), { recursive: true });
      for (const name of readdirSync("generator/runtime").filter((n) => n.endsWith(".ts"))) copyFileSync(join("generator/runtime", name), join(dir, "src/runtime", name));
      writeFileSync(join(dir, "package.json"), JSON.stringify({ type: "module" }));
      expect(diagnostics(files, STRICT).map(show)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it.each(sample.map((e) => [e.type, e] as const))("%s: same verdicts as Ajv, and the error path finds the issue", (_, e) => {
    const text = files.get(`${e.names.schemaFile}.json`)!;
    const schema = JSON.parse(text);
    const proto = PROTO_STAND_IN.needed(text);
    const validate = ajv.compile(proto ? (PROTO_STAND_IN.apply(text) as object) : schema);
    const ours = validators[e.type]!;
    const agree = (body: unknown) => {
      const want = validate(proto ? PROTO_STAND_IN.apply(JSON.stringify(body)) : body) as boolean;
      const got = ours(body);
      expect(got.ok, JSON.stringify(body).slice(0, 2000)).toBe(want);
      if (!got.ok) expect(got.errors!.some((x) => x.message !== "is invalid"), JSON.stringify(got.errors)).toBe(true);
    };
    fc.assert(fc.property(validArb(schema), agree), { numRuns: 25, seed: SEED });
    fc.assert(fc.property(mutatedArb(schema), agree), { numRuns: 25, seed: SEED });
  }, 60_000);
});
