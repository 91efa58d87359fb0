// model → src/validators.ts: straight-line validator functions with no runtime dependency, no eval
// and no `new Function`, plus the public API around them. Written by the printer in ts/, in
// prettier's layout, so no formatter runs over it.
import type { CatalogModel, Schema } from "../../model/ir.ts";
import { bannerText } from "../banner.ts";
import { arrow, call, id, str, UNDEFINED, type Expr } from "../ts/expr.ts";
import { propertyKeyText } from "../ts/literal.ts";
import { Printer, type Stmt } from "../ts/stmt.ts";
import { dispatch, dtsHead, dtsTail, PRELUDE, RUN } from "./api.ts";
import { collect } from "./collect.ts";
import { ModuleCx } from "./context.ts";
import { fast } from "./fast.ts";
import { helperCode, helperNames } from "./runtime.ts";
import { dispatchJs, HELPERS_JS, RUN_JS } from "./runtime-js.ts";

function writeFunctions(cx: ModuleCx, schema: Schema, fastName: string, collectName: string) {
  cx.functions.push(
    { s: "blank" },
    { s: "function", name: fastName, params: ["v: any"], returns: "boolean", body: [...fast(schema, id("v"), cx), { s: "raw", text: "return true;" }] },
    { s: "blank" },
    { s: "function", name: collectName, params: ["v: any", "p: string", "e: ValidationIssue[]"], returns: "void", body: collect(schema, id("v"), id("p"), cx) },
  );
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
  const cx = new ModuleCx(model, writeFunctions);
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

  /** The module, in TypeScript or (`js`) JavaScript: the fixed pieces come in both. */
  const module = (js: boolean): Stmt[] => [
    verbatim(js ? banner : `${banner}\n/* eslint-disable */\nimport type * as T from "./types.js";`),
    BLANK,
    ...(js ? [] : [verbatim(PRELUDE), BLANK]),
    verbatim(js ? helperCodeJs(cx.helpers) : helperCode(cx.helpers)),
    BLANK,
    ...cx.hoisted,
    ...cx.functions,
    BLANK,
    verbatim(js ? RUN_JS : RUN),
    BLANK,
    verbatim("/** A validator per event type: checks a whole delivery body of that type. */"),
    verbatim(js ? "export const validators = {" : "export const validators: { readonly [K in T.EventType]: Validator<T.EventMap[K]> } = {"),
    indented(events.map(({ e, fast: f, collect: c }) => entry(e.type, runEntry(f, c)))),
    verbatim("};"),
    BLANK,
    verbatim("/** A validator per named schema of the catalog. */"),
    ...(model.schemas.length
      ? [
          ...(js ? [verbatim("export const schemaValidators = {")] : [verbatim("export const schemaValidators: {"), indented(model.schemas.map((s) => member(s.typeName))), verbatim("} = {")]),
          indented(model.schemas.map((s) => entry(s.typeName, runEntry(cx.ref(s.name).fast, cx.ref(s.name).collect)))),
          verbatim("};"),
        ]
      : [verbatim(js ? "export const schemaValidators = {};" : "export const schemaValidators: {} = {};")]),
    BLANK,
    verbatim(js ? "const fastChecks = {" : "const fastChecks: { readonly [K in T.EventType]: Fast } = {"),
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
    verbatim(js ? dispatchJs(where) : dispatch(where)),
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

  return { ts: new Printer().print(module(false)).text(), js: new Printer(true).print(module(true)).text(), dts: new Printer().print(dts).text() };
}

/** The JavaScript of the helpers a module uses, in the same order. */
function helperCodeJs(used: Set<string>): string {
  return helperNames(used).map((n) => HELPERS_JS[n]!).join("\n\n");
}

/** src/validators.ts alone. */
export function emitValidators(model: CatalogModel): string {
  return emitValidatorsModule(model).ts;
}
