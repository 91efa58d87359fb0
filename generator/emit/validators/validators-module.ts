// model → src/validators.ts: straight-line validator functions with no runtime dependency, no eval
// and no `new Function`, plus the public API around them. Written by the printer in ts/, in
// prettier's layout, so no formatter runs over it.
import type { CatalogModel, Schema } from "../../model/ir.ts";
import { bannerText } from "../banner.ts";
import { arrow, call, id, str, UNDEFINED, type Expr } from "../ts/expr.ts";
import { propertyKeyText } from "../ts/literal.ts";
import { Printer, type Stmt } from "../ts/stmt.ts";
import { dispatch, dtsHead, dtsTail, PRELUDE, RUN } from "./api.ts";
import { collect, propertyCollect } from "./collect.ts";
import { ModuleCx } from "./context.ts";
import { fast, propertyFast } from "./fast.ts";
import { helperCode, helperNames } from "./runtime.ts";
import { dispatchJs, HELPERS_JS, RUN_JS } from "./runtime-js.ts";

function writeFunctions(cx: ModuleCx, schema: Schema, fastName: string, collectName: string) {
  const fastBody = cx.inFunction(() => fast(schema, id("v"), cx));
  const collectBody = cx.inFunction(() => collect(schema, id("v"), id("p"), cx));
  cx.functions.ts.printBoth(cx.functions.js, [
    { s: "blank" },
    { s: "function", name: fastName, params: ["v: any"], returns: "boolean", body: [...fastBody, { s: "raw", text: "return true;" }] },
    { s: "blank" },
    { s: "function", name: collectName, params: ["v: any", "p: string", "e: ValidationIssue[]"], returns: "void", body: collectBody },
  ]);
}

/** The envelope's fields, checked once for every event type's body. */
function writeEnvelope(cx: ModuleCx, fastName: string, collectName: string) {
  const fastBody = cx.inFunction(() => cx.envelopeFields.flatMap((p) => propertyFast(p, id("v"), cx)));
  const collectBody = cx.inFunction(() => cx.envelopeFields.flatMap((p) => propertyCollect(p, id("v"), id("p"), cx)));
  cx.functions.ts.printBoth(cx.functions.js, [
    { s: "blank" },
    { s: "comment", docs: ["The envelope's fields, which every delivery carries besides the type and the payload."] },
    { s: "function", name: fastName, params: ["v: any"], returns: "boolean", body: [...fastBody, { s: "raw", text: "return true;" }] },
    { s: "blank" },
    { s: "function", name: collectName, params: ["v: any", "p: string", "e: ValidationIssue[]"], returns: "void", body: collectBody },
  ]);
}

const verbatim = (text: string): Stmt => ({ s: "verbatim", text });
const BLANK: Stmt = { s: "blank" };
const indented = (body: Stmt[]): Stmt => ({ s: "indented", body });

/** `{ readonly Name: Validator<T.Name> }` members, one per line. */
function member(name: string): Stmt {
  const key = propertyKeyText(name);
  return {
    s: "custom",
    flat: `readonly ${key}: Validator<T.${name}>;`,
    // prettier keeps a lone simple type argument on the line, however long.
    doc: () => `readonly ${key}: Validator<T.${name}>;`,
  };
}

export interface ValidatorsModule {
  /** src/validators.ts */
  ts: string;
  /** dist/validators.js: the same statements without types. */
  js: string;
  /** dist/validators.d.ts: the public API. */
  dts: string;
}

export function emitValidatorsModule(model: CatalogModel): ValidatorsModule {
  const cx = new ModuleCx(model, writeFunctions, writeEnvelope);
  for (const s of model.schemas) {
    const { fast: f, collect: c } = cx.ref(s.name);
    writeFunctions(cx, s.schema, f, c);
  }
  const events = model.events.map((e) => ({ e, fast: `fe_${e.names.base}`, collect: `ce_${e.names.base}` }));
  for (const { e, fast: f, collect: c } of events) writeFunctions(cx, e.body, f, c);
  cx.use("hasOwn");
  cx.use("kind");
  cx.use("show");

  const { typeField: field, typeHeader: header } = model.envelope;
  const where =
    field === undefined
      ? `the caller (from the \`${header}\` header)`
      : `the body's \`${field.replace(/[`\\*]/g, "")}\` field (or from the caller, for sources that send it in a header)`;
  const runEntry = (fastName: string, collectName: string) => arrow(["input"], call("run", id(fastName), id(collectName), id("input")));
  const entry = (key: string, value: Expr): Stmt => ({ s: "entry", key: propertyKeyText(key), value });
  const constant = (name: string, value: Expr, type?: string): Stmt => ({ s: "decl", kind: "const", name, type, init: value });
  const banner = `// ${bannerText(model)}`;

  /** The module: the fixed pieces come in TypeScript and JavaScript (`js`; null: none). */
  const both = (ts: string, js: string | null): Stmt => ({ s: "verbatim", text: ts, js });
  const module: Stmt[] = [
    both(`${banner}\n/* eslint-disable */\nimport type * as T from "./types.js";`, banner),
    BLANK,
    both(PRELUDE, null),
    BLANK,
    both(helperCode(cx.helpers), helperCodeJs(cx.helpers)),
    BLANK,
    ...cx.hoisted,
    // Each function pair starts with a blank line; the first one's was dropped by its printer,
    // which had written nothing yet.
    BLANK,
    { s: "printed", ts: cx.functions.ts.out, js: cx.functions.js.out },
    BLANK,
    both(RUN, RUN_JS),
    BLANK,
    verbatim("/** A validator per event type: checks a whole delivery body of that type. */"),
    both("export const validators: { readonly [K in T.EventType]: Validator<T.EventMap[K]> } = {", "export const validators = {"),
    indented(events.map(({ e, fast: f, collect: c }) => entry(e.type, runEntry(f, c)))),
    verbatim("};"),
    BLANK,
    verbatim("/** A validator per named schema of the catalog. */"),
    ...(model.schemas.length
      ? [
          both("export const schemaValidators: {", "export const schemaValidators = {"),
          indented(model.schemas.map((s) => member(s.typeName))),
          both("} = {", null),
          indented(model.schemas.map((s) => entry(s.typeName, runEntry(cx.ref(s.name).fast, cx.ref(s.name).collect)))),
          verbatim("};"),
        ]
      : [both("export const schemaValidators: {} = {};", "export const schemaValidators = {};")]),
    BLANK,
    both("const fastChecks: { readonly [K in T.EventType]: Fast } = {", "const fastChecks = {"),
    indented(events.map(({ e, fast: f }) => entry(e.type, id(f)))),
    verbatim("};"),
    BLANK,
    verbatim("/** The body field that carries the event type; undefined when it travels in a header. */"),
    constant("TYPE_FIELD", field === undefined ? UNDEFINED : str(field), "string | undefined"),
    constant("TYPE_PATH", str(field === undefined ? "" : `/${field.replace(/~/g, "~0").replace(/\//g, "~1")}`)),
    constant(
      "NO_TYPE",
      str(field === undefined ? `the event type travels in the ${header} header: pass it as validateEvent(body, type)` : `missing required property ${JSON.stringify(field)}`),
    ),
    constant("NO_TYPE_EXPECTED", str(field === undefined ? "an event type" : `property ${JSON.stringify(field)}`)),
    constant("ANY_TYPE", str(`one of the ${model.events.length} event types`)),
    BLANK,
    both(dispatch(where), dispatchJs(where)),
  ];

  const dts: Stmt[] = [
    verbatim(`${banner}\nimport type * as T from "./types.js";`),
    BLANK,
    verbatim(dtsHead),
    ...(model.schemas.length
      ? [verbatim("export declare const schemaValidators: {"), indented(model.schemas.map((s) => member(s.typeName))), verbatim("};")]
      : [verbatim("export declare const schemaValidators: {};")]),
    BLANK,
    verbatim(dtsTail(where)),
  ];

  const js = new Printer(true);
  const ts = new Printer().printBoth(js, module);
  return { ts: ts.text(), js: js.text(), dts: new Printer().print(dts).text() };
}

/** The JavaScript of the helpers a module uses, in the same order. */
function helperCodeJs(used: Set<string>): string {
  return helperNames(used).map((n) => HELPERS_JS[n]!).join("\n\n");
}

/** src/validators.ts alone. */
export function emitValidators(model: CatalogModel): string {
  return emitValidatorsModule(model).ts;
}

/**
 * A script that returns `{ validators }` for only the events that have examples, cut out of the
 * module's JavaScript: the fixed head (helpers, hoisted constants), then just the functions those
 * events reach. What the examples check runs; no printing again, and small however large the
 * catalog is. Undefined when no event has an example.
 */
export function examplesScript(model: CatalogModel, js: string): string | undefined {
  const events = model.events.filter((e) => e.examples.length);
  if (!events.length) return undefined;
  // Every generated function starts at a line's start and ends with a lone `}`.
  const starts = [...js.matchAll(/^function ((?:f|c)(?:s|e|v)?_\w+)\(/gm)];
  if (!starts.length) return undefined;
  const bodies = new Map<string, string>();
  for (const m of starts) {
    const end = js.indexOf("\n}", m.index);
    bodies.set(m[1]!, js.slice(m.index, end + 2));
  }
  const head = js.slice(0, starts[0]!.index);
  const wanted = new Set<string>();
  const visit = (name: string) => {
    if (wanted.has(name) || !bodies.has(name)) return;
    wanted.add(name);
    for (const m of bodies.get(name)!.matchAll(/\b((?:f|c)(?:s|e|v)?_\w+)\(/g)) visit(m[1]!);
  };
  for (const e of events) for (const prefix of ["fe_", "ce_"]) visit(prefix + e.names.base);
  const table = events.map((e) => `  ${JSON.stringify(e.type)}: (input) => run(fe_${e.names.base}, ce_${e.names.base}, input),`).join("\n");
  const functions = [...bodies.keys()].filter((n) => wanted.has(n)).map((n) => bodies.get(n));
  return `(function () {\n${head.replace(/^export /gm, "")}\n${functions.join("\n\n")}\n\n${RUN_JS}\n\nreturn { validators: {\n${table}\n} };\n})()`;
}
