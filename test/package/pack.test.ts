// Each bundled package as a consumer gets it: packed by `npm pack`, installed from the tarball into
// a scratch ESM project with npm offline (a dead registry address proves it never asks), imported
// by name under Node, and type-checked against by a consumer under nodenext and bundler resolution.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exampleBody } from "../../generator/emit/docs/example-body.ts";
import { modelOf } from "../docs/support.ts";
import { BUNDLED } from "../support/packages.ts";
import { BUNDLER, diagnostics, show, STRICT } from "../support/typecheck.ts";

/** npm with no way to reach a registry: offline, and pointed at a port nothing listens on. */
function npm(args: string[], cwd: string, cache: string): string {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k)) env[k] = v;
  Object.assign(env, {
    npm_config_offline: "true",
    npm_config_registry: "http://127.0.0.1:9/",
    npm_config_cache: cache,
    npm_config_audit: "false",
    npm_config_fund: "false",
    npm_config_update_notifier: "false",
  });
  return execFileSync("npm", args, { cwd, env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split("\\").join("/"))
    .sort();

/** Runs in the scratch project: the package's runtime API on one valid and one invalid body. */
const CONSUMER_MJS = (name: string) => `import { validateEvent, parseEvent, isEvent, validators, eventSchema, EventValidationError, eventTypes, createWebhooks, signPayload, verifySignature } from ${JSON.stringify(name)};
import openapi from ${JSON.stringify(`${name}/openapi.json`)} with { type: "json" };
import manifest from ${JSON.stringify(`${name}/package.json`)} with { type: "json" };
const [valid, invalid] = [JSON.parse(process.argv[2]), JSON.parse(process.argv[3])];
const type = process.argv[4];
const v = validateEvent(valid), w = validateEvent(invalid);
let thrown;
try { parseEvent(invalid); } catch (e) { thrown = { isEventValidationError: e instanceof EventValidationError, paths: e.errors.map((x) => x.path) }; }
const s = await eventSchema["~standard"].validate(valid), t = await eventSchema["~standard"].validate(invalid);
// Signed and received through the package's own receiver, as a sender and a consumer would.
const raw = JSON.stringify(valid);
const headers = await signPayload({ body: raw, secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw" });
const seen = [];
const webhooks = createWebhooks({ secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw" }).on(type, (event) => void seen.push(event));
const good = await webhooks.receive({ body: raw, headers, method: "POST" });
const forged = await webhooks.receive({ body: raw.replace("{", "{ "), headers, method: "POST" });
const response = await webhooks.handle(new Request("http://localhost/", { method: "POST", body: raw, headers }));
console.log(JSON.stringify({
  validateEvent: [v.ok && v.value === valid, w.ok, w.ok ? [] : w.errors.map((x) => x.path)],
  parseEvent: [parseEvent(valid) === valid, thrown],
  isEvent: [isEvent(valid), isEvent(invalid)],
  validators: [validators[type](valid).ok, validators[type](invalid).ok],
  standard: [s.value === valid && s.issues === undefined, (t.issues ?? []).length > 0, eventSchema["~standard"].version],
  eventTypes: eventTypes.length,
  webhooks: Object.keys(openapi.webhooks).length,
  name: manifest.name,
  receive: [good.status, seen.length, forged.status, response.status, (await verifySignature({ body: raw, headers, secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw" })).ok],
}));
`;

/** Type-checked against the installed package: narrowing, EventMap, parseEvent's type, misuses. */
const CONSUMER_TS = (name: string, typeField: string, type: string, other: string) => {
  const tf = JSON.stringify(typeField);
  const t = JSON.stringify(type);
  return `import { createWebhooks, isEvent, parseEvent, validateEvent, validators, type Event, type EventMap, type EventType } from ${JSON.stringify(name)};

// The router's handlers are typed by their event.
export const webhooks = createWebhooks({ secret: "s" }).on(${t}, (event, delivery) => {
  const narrowed: EventMap[${t}] = event;
  // @ts-expect-error: the handler of ${type} does not get the ${other} event
  const other: EventMap[${JSON.stringify(other)}] & { never: true } = event;
  return [narrowed, other, delivery.rawBody.length];
});
export const answer: Promise<Response> = webhooks.handle(new Request("http://localhost/", { method: "POST", body: "{}" }));
// @ts-expect-error: not an event type of the catalog
webhooks.on("no.such:type", () => {});

export function handle(body: unknown): EventType | undefined {
  const r = validateEvent(body);
  if (!r.ok) return r.errors[0]?.path as undefined;
  const e: Event = r.value;
  if (e[${tf}] === ${t}) {
    const narrowed: EventMap[${t}] = e;
    return narrowed[${tf}];
  }
  // @ts-expect-error: after the check above, e is not the ${type} event
  const wrong: EventMap[${t}] = e;
  return wrong[${tf}];
}

export const parsed: Event = parseEvent({});
// @ts-expect-error: parseEvent returns any event, not one type's
export const tooNarrow: EventMap[${t}] = parseEvent({});
export const one = validators[${t}]({});
export const typed: EventMap[${t}] | undefined = one.ok ? one.value : undefined;
// @ts-expect-error: not an event type of the catalog
export const unknown = validators["no.such:type"];
// @ts-expect-error: the type field of ${type} is that type, not ${other}
export const mislabelled: EventMap[${t}][${tf}] = ${JSON.stringify(other)};
export function guard(x: unknown): EventType | null {
  return isEvent(x) ? x[${tf}] : null;
}
`;
};

/** The `testing` entry as a consumer's unit test uses it: a delivery of one type, typed by it, made
 * with the package's own secret handling and fed to the package's own createWebhooks().receive. */
const TESTING_TS = (name: string, type: string, payloadField: string | undefined, secret: string) => {
  const t = JSON.stringify(type);
  return `import { createWebhooks, type EventMap } from ${JSON.stringify(name)};
import { examples, testDelivery, type PayloadMap, type TestDelivery } from ${JSON.stringify(`${name}/testing`)};

const secret = ${JSON.stringify(secret)};
const example: EventMap[${t}] | undefined = examples[${t}][0];
${payloadField !== undefined ? `const data: PayloadMap[${t}] = example![${JSON.stringify(payloadField)}];` : `const data: PayloadMap[${t}] | undefined = undefined;`}

export async function run(): Promise<unknown[]> {
  const webhooks = createWebhooks({ secret });
  const delivery: TestDelivery = await testDelivery(${t}, data === undefined ? { secret } : { secret, data });
  const ok = await webhooks.receive({ body: delivery.body, headers: delivery.headers });
  const at = await testDelivery(${t}, { secret, id: example && "id" in example ? String(example.id) : "evt_0123456789abcdef0123456789abcdef", timestamp: 1_700_000_000 });
  const stale = await webhooks.receive({ body: at.body, headers: at.headers });
  const tampered = await webhooks.receive({ body: delivery.body.replace(/}$/, " }"), headers: delivery.headers });
  const otherSecret = await createWebhooks({ secret: secret.replace("MfKQ", "AAAA") }).receive(delivery);
  let refused = "";
  try {
    await testDelivery(${t}, { secret, data: 42 as never });
  } catch (err) {
    refused = (err as Error).message.split(":")[0] ?? "";
  }
  return [ok.status, stale.status, tampered.status, otherSecret.status, refused, Object.keys(examples).length];
}

export function typeOnly(): void {
  // @ts-expect-error: not an event type of the catalog
  void testDelivery("no.such:type", { secret });
  // @ts-expect-error: a signed catalog's delivery needs the secret
  void testDelivery(${t}, {});
  // @ts-expect-error: data is the type's payload
  void testDelivery(${t}, { secret, data: 42 });
}
`;
};

describe.each(BUNDLED)("$dir: packed, installed offline, imported and type-checked", ({ id, dir, catalog }) => {
  const model = modelOf(catalog);
  const name = model.package.name;
  let tmp: string;
  let project: string;
  let packed: { filename: string; files: { path: string }[] };
  let installLog: string;

  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), `eventgen-pack-${id}-`));
    const cache = join(tmp, "cache");
    project = join(tmp, "project");
    mkdirSync(project);
    [packed] = JSON.parse(npm(["pack", `./${dir}`, "--pack-destination", tmp, "--json"], process.cwd(), cache));
    writeFileSync(join(project, "package.json"), JSON.stringify({ name: "scratch", private: true, type: "module" }));
    installLog = npm(["install", "--offline", "--prefer-offline", "--no-audit", "--no-fund", join(tmp, packed.filename)], project, cache);
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  // Everything in the folder but eventgen's own manifest, which only generate --check reads.
  const published = () => filesUnder(dir).filter((f) => f !== ".eventgen-manifest.json");

  it("packs exactly the package's files: manifest, built code, sources, schemas, OpenAPI, docs", () => {
    const files = packed.files.map((f) => f.path).sort();
    expect(filesUnder(dir)).toContain(".eventgen-manifest.json");
    expect(files).toEqual(published());
    for (const f of ["package.json", "README.md", "openapi.json", "openapi.yaml", "dist/index.js", "dist/index.d.ts", "dist/validators.js", "dist/types.d.ts", "src/index.ts"]) expect(files).toContain(f);
    expect(files.filter((f) => f.startsWith("schemas/")).length).toBe(model.events.length + model.schemas.length);
    expect(files.filter((f) => /(^|\/)(tests?|__tests__)\/|\.(test|spec)\.[cm]?[jt]s$/.test(f))).toEqual([]);
  });

  it("installs from the tarball with no registry: no dependencies to fetch", () => {
    expect(installLog).toMatch(/added 1 package/);
    const lock = JSON.parse(readFileSync(join(project, "package-lock.json"), "utf8"));
    expect(Object.keys(lock.packages)).toEqual(["", `node_modules/${name}`]);
    expect(filesUnder(join(project, "node_modules", name))).toEqual(published());
  });

  it("runs under Node ESM, imported by name", () => {
    const e = model.events.find((x) => x.examples.length) ?? model.events[0]!;
    const valid = (e.examples[0] ?? exampleBody(model, e)) as Record<string, unknown>;
    const field = model.envelope.fields.find((f) => f.required && f.schema.kind === "string")!.name;
    const invalid = { ...valid, [field]: 12345 };
    writeFileSync(join(project, "consumer.mjs"), CONSUMER_MJS(name));
    const out = JSON.parse(execFileSync(process.execPath, ["consumer.mjs", JSON.stringify(valid), JSON.stringify(invalid), e.type], { cwd: project, encoding: "utf8" }));
    expect(out).toEqual({
      validateEvent: [true, false, [`/${field}`]],
      parseEvent: [true, { isEventValidationError: true, paths: [`/${field}`] }],
      isEvent: [true, false],
      validators: [true, false],
      standard: [true, true, 1],
      eventTypes: model.events.length,
      webhooks: model.events.length,
      name,
      receive: [200, 2, 401, 200, true], // receive and handle each ran the handler once
    });
  });

  it.each([
    ["nodenext", STRICT],
    ["bundler", BUNDLER],
  ])("type-checks a consumer under %s resolution", (_, options) => {
    const [first, second] = model.events;
    const file = join(project, "consumer.ts");
    writeFileSync(file, CONSUMER_TS(name, model.envelope.typeField!, first!.type, second!.type));
    expect(diagnostics([file], { ...options, types: [], lib: ["lib.es2022.d.ts", "lib.dom.d.ts"] }).map(show)).toEqual([]);
  });

  it("its testing entry type-checks under strict tsc and its deliveries pass the package's own receiver", () => {
    const secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    const source = TESTING_TS(name, model.events[0]!.type, model.envelope.payloadField, secret);
    const file = join(project, "testing-consumer.ts");
    writeFileSync(file, source);
    for (const options of [STRICT, BUNDLER]) expect(diagnostics([file], { ...options, types: [] }).map(show)).toEqual([]);
    const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
    writeFileSync(join(project, "testing-consumer.mjs"), `${js}\nconsole.log(JSON.stringify(await run()));\n`);
    const out = JSON.parse(execFileSync(process.execPath, ["testing-consumer.mjs"], { cwd: project, encoding: "utf8" }));
    // A timestamp far in the past fails the replay window where the scheme signs one.
    const stale = model.signing?.verify?.timestamp ? 401 : 200;
    expect(out.slice(0, 4)).toEqual([200, stale, 401, 401]);
    expect(out.slice(4)).toEqual(["testDelivery", model.events.length]);
    // The main bundle does not load the testing entry.
    for (const f of ["dist/index.js", "dist/index.d.ts", "dist/webhooks.js", "dist/validators.js"]) expect(readFileSync(join(dir, f), "utf8")).not.toMatch(/testing/);
  });
});
