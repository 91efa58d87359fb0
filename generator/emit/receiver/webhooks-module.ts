// model → src/webhooks.ts: the catalog's receiver and signer. The code is the runtime's
// (generator/runtime/signing.ts and router.ts); this module names it with the catalog's signing
// scheme, its validators and its EventMap, so `createWebhooks().on("task_run.completed", …)` is
// typed by the event. Written by the printer, in prettier's layout.
import type { CatalogModel } from "../../model/ir.ts";
import { bannerText } from "../banner.ts";
import { jsdocText } from "../escape/ts.ts";
import { json } from "../ts/expr.ts";
import { stringLiteral } from "../ts/literal.ts";
import { namedImport } from "../ts/imports.ts";
import { Printer, type Stmt } from "../ts/stmt.ts";

export interface WebhooksModule {
  ts: string;
  js: string;
  dts: string;
}

const ROUTER = "./runtime/router.js";
const SCHEME_DOC = "How deliveries are signed: the catalog's `signing`, as the runtime reads it.";
const SIGNING = "./runtime/signing.js";

const SIGN_DOCS = `/**
 * The headers a sender attaches to a delivery of \`body\` (the exact text sent): the signature, and
 * the timestamp and id where the scheme has them (a fresh id and now unless given).
 */`;
const VERIFY_DOCS = `/**
 * Checks a delivery's signature against the raw body, in constant time, with the replay window.
 * Any one of several secrets may match (for rotation). Never throws on hostile headers.
 */`;
const ROUTER_DOCS = (model: CatalogModel) => `/**
 * A receiver for ${jsdocText(model.title)} deliveries: verifies, validates and dispatches each one to the
 * handlers registered for its type. Use it as \`receive({ body, headers })\`, \`handle(request)\`
 * (Fetch API: Hono, Next.js, Workers, Deno, Bun) or \`node(req, res)\` (node:http, Express).
 */`;

export function emitWebhooksModule(model: CatalogModel): WebhooksModule {
  const banner = `// ${bannerText(model)}`;
  const scheme = model.signing?.verify;
  const signed = scheme !== undefined;
  const { typeField, typeHeader } = model.envelope;
  const routeBy = typeField !== undefined ? `typeField: ${stringLiteral(typeField)},` : `typeHeader: ${stringLiteral(typeHeader!)},`;
  const signingTypes = signed ? ["SignOptions", "SigningScheme", "VerifyOptions", "VerifyResult"] : [];
  const head = (ts: boolean) =>
    [
      banner,
      ...(ts ? ['import type * as T from "./types.js";'] : []),
      namedImport("import", ["validateEvent", "validators"], "./validators.js")!,
      namedImport("import", ["createRouter", ...(ts ? ["type Webhooks", "type WebhooksOptions"] : [])], ROUTER)!,
      ...(signed ? [namedImport("import", ["sign", "verify", ...(ts ? signingTypes.map((t) => `type ${t}`) : [])], SIGNING)!] : []),
    ].join("\n");
  const reexports = [
    namedImport("export type", ["Delivery", "Handler", "ReceiveInput", "ReceiveResult", "Webhooks", "WebhooksOptions"], ROUTER)!,
    ...(signed ? [namedImport("export type", ["Body", "HeadersInput", ...signingTypes, "VerifyFailure"], SIGNING)!] : []),
  ].join("\n");

  const config = (ts: boolean) => `{
${signed ? "      signing: signingScheme,\n" : ""}      unsignedAllowed: ${signed ? String(!model.signing!.required) : "true"},
      validate: validateEvent,
      isKnown: (type${ts ? ": string" : ""}) => Object.prototype.hasOwnProperty.call(validators, type),
      ${routeBy}
    }`;
  const router = (ts: boolean) => `${ROUTER_DOCS(model)}
export function createWebhooks(${ts ? "options: WebhooksOptions = {}" : "options = {}"})${ts ? ": Webhooks<T.EventMap>" : ""} {
  return createRouter${ts ? "<T.EventMap>" : ""}(
    ${config(ts)},
    options,
  );
}`;
  const functions = (ts: boolean) => `${VERIFY_DOCS}
export function verifySignature(options${ts ? ": VerifyOptions" : ""})${ts ? ": Promise<VerifyResult>" : ""} {
  return verify(signingScheme, options);
}

${SIGN_DOCS}
export function signPayload(options${ts ? ": SignOptions" : ""})${ts ? ": Promise<Record<string, string>>" : ""} {
  return sign(signingScheme, options);
}`;

  const both = (ts: string, js: string | null): Stmt => ({ s: "verbatim", text: ts, js });
  const BLANK: Stmt = { s: "blank" };
  const module: Stmt[] = [
    both(head(true), head(false)),
    BLANK,
    both(reexports, null),
    ...(signed
      ? [
          BLANK,
          { s: "comment", docs: [SCHEME_DOC] } as Stmt,
          { s: "decl", kind: "const", name: "signingScheme", type: "SigningScheme", init: json(scheme), exported: true } as Stmt,
          BLANK,
          both(functions(true), functions(false)),
        ]
      : []),
    BLANK,
    both(router(true), router(false)),
  ];
  const dtsHead = [
    banner,
    'import type * as T from "./types.js";',
    namedImport("import type", ["Webhooks", "WebhooksOptions"], ROUTER)!,
    ...(signed ? [namedImport("import type", signingTypes, SIGNING)!] : []),
  ].join("\n");
  const dts: Stmt[] = [
    { s: "verbatim", text: dtsHead },
    BLANK,
    { s: "verbatim", text: reexports },
    ...(signed
      ? [
          BLANK,
          { s: "comment", docs: [SCHEME_DOC] } as Stmt,
          { s: "verbatim", text: "export declare const signingScheme: SigningScheme;" } as Stmt,
          BLANK,
          { s: "verbatim", text: `${VERIFY_DOCS}\nexport declare function verifySignature(options: VerifyOptions): Promise<VerifyResult>;\n\n${SIGN_DOCS}\nexport declare function signPayload(options: SignOptions): Promise<Record<string, string>>;` } as Stmt,
        ]
      : []),
    BLANK,
    { s: "verbatim", text: `${ROUTER_DOCS(model)}\nexport declare function createWebhooks(options?: WebhooksOptions): Webhooks<T.EventMap>;` },
  ];
  const js = new Printer(true);
  const ts = new Printer().printBoth(js, module);
  return { ts: ts.text(), js: js.text(), dts: new Printer().print(dts).text() };
}
