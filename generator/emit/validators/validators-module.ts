// model → src/validators.ts: straight-line validator functions, no eval and no `new Function`,
// calling only the runtime copied into the package (src/runtime/validate.ts), plus the public API
// around them. Written by the printer in ts/, in prettier's layout, so no formatter runs over it.
import type { CatalogModel, Schema } from "../../model/ir.ts";
import { bannerText } from "../banner.ts";
import { arrow, call, id, num, object, str, UNDEFINED, type Expr } from "../ts/expr.ts";
import { namedImport } from "../ts/imports.ts";
import { propertyKeyText } from "../ts/literal.ts";
import { Printer, type Stmt } from "../ts/stmt.ts";
import { apiJs, apiTs, dtsHead, dtsTail, REEXPORTED, REEXPORTED_TYPES, USED_TYPES } from "./api.ts";
import { collect, propertyCollect } from "./collect.ts";
import { ModuleCx } from "./context.ts";
import { fast, propertyFast } from "./fast.ts";
import { VALIDATE_MODULE } from "./runtime.ts";

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
  for (const shape of cx.shapes.made) writeFunctions(cx, shape.schema, shape.fast, shape.collect);
  const events = model.events.map((e) => ({ e, fast: `fe_${e.names.base}`, collect: `ce_${e.names.base}` }));
  for (const { e, fast: f, collect: c } of events) writeFunctions(cx, e.body, f, c);

  const { typeField: field, typeHeader: header } = model.envelope;
  const where =
    field === undefined
      ? `the caller (from the \`${header}\` header)`
      : `the body's \`${field.replace(/[`\\*]/g, "")}\` field (or from the caller, for sources that send it in a header)`;
  const runEntry = (fastName: string, collectName: string) =>
    arrow(["input", "options"], call("run", id(fastName), id(collectName), id("input"), id("options")));
  const entry = (key: string, value: Expr): Stmt => ({ s: "entry", key: propertyKeyText(key), value });
  const banner = `// ${bannerText(model)}`;
  const noType = field === undefined ? `the event type travels in the ${header} header: pass it as validateEvent(body, type)` : `missing required property ${JSON.stringify(field)}`;
  const table = object([
    ["validators", id("validators")],
    ["fastChecks", id("fastChecks")],
    ["typeField", field === undefined ? UNDEFINED : str(field)],
    ["noType", str(noType)],
    ["count", num(model.events.length)],
  ]);

  /** The module: the fixed pieces come in TypeScript and JavaScript (`js`; null: none). */
  const both = (ts: string, js: string | null): Stmt => ({ s: "verbatim", text: ts, js });
  const values = [...[...cx.helpers, "eventApi", "run", "toStandardSchema"].sort()];
  const imports = namedImport("import", [...values, ...USED_TYPES.map((t) => `type ${t}`)], VALIDATE_MODULE)!;
  const reexports = [namedImport("export", REEXPORTED, VALIDATE_MODULE)!, namedImport("export type", REEXPORTED_TYPES, VALIDATE_MODULE)!].join("\n");
  const module: Stmt[] = [
    both(`${banner}\n/* eslint-disable */\nimport type * as T from "./types.js";\n${imports}`, `${banner}\n${namedImport("import", values, VALIDATE_MODULE)}`),
    BLANK,
    both(reexports, namedImport("export", REEXPORTED, VALIDATE_MODULE)!),
    BLANK,
    ...cx.hoisted,
    // Each function pair starts with a blank line; the first one's was dropped by its printer,
    // which had written nothing yet.
    BLANK,
    { s: "printed", ts: cx.functions.ts.out, js: cx.functions.js.out },
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
    { s: "decl", kind: "const", name: "api", type: "EventApi<T.Event>", init: call("eventApi", table) },
    BLANK,
    both(apiTs(where), apiJs(where)),
  ];

  const dts: Stmt[] = [
    verbatim(`${banner}\nimport type * as T from "./types.js";\n${namedImport("import type", ["StandardSchemaV1", "ValidateOptions", "ValidationResult", "Validator"], VALIDATE_MODULE)}`),
    BLANK,
    verbatim(reexports),
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

/** src/validators.ts alone. */
export function emitValidators(model: CatalogModel): string {
  return emitValidatorsModule(model).ts;
}

/**
 * A script whose value is a function of the runtime module (generator/runtime/validate.ts) that
 * returns `{ validators }` for only the events that have examples, cut out of the module's
 * JavaScript: the fixed head (imports read from the runtime, hoisted constants), then just the
 * functions those events reach. What the examples check runs; no printing again, and small however
 * large the catalog is. Undefined when no event has an example.
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
  return scriptOf(`${head}\n${functions.join("\n\n")}`, `{ validators: {\n${table}\n} }`);
}

/** The whole module's JavaScript as a script whose value is a function of the runtime module that
 * returns the module's exports (for running a generated module from memory, without a file). */
export function moduleScript(js: string): string {
  const names = [...js.matchAll(/^export (?:function|const|class) (\w+)/gm)].map((m) => m[1]!);
  return scriptOf(js, `{ ${[...REEXPORTED, ...names].join(", ")} }`);
}

/** `(function (rt) { <module, its runtime import read from rt, exports plain>; return <value>; })`. */
function scriptOf(js: string, value: string): string {
  const imported = new Set<string>();
  const body = js
    .replace(/^import \{([^}]*)\} from "[^"]*";$/m, (_, names: string) => {
      for (const n of names.split(",")) if (n.trim()) imported.add(n.trim());
      return `const {${names}} = rt;`;
    })
    .replace(/^export (?:type )?\{[^}]*\} from "[^"]*";$/gm, "")
    .replace(/^export /gm, "");
  const more = REEXPORTED.filter((n) => !imported.has(n));
  return `(function (rt) {\n${body}\n${more.length ? `const { ${more.join(", ")} } = rt;\n` : ""}return ${value};\n})`;
}
