// model → src/testing.ts: the package's `<package>/testing` entry, kept out of the main bundle.
// `examples` (each type's example bodies: the catalog's own, or one synthesized as the docs show)
// and `testDelivery(type, { secret, data?, id?, timestamp? })`, a signed and valid delivery made as
// `eventgen send` makes it: the envelope's id and timestamps refreshed (emit/delivery/fill.ts),
// the payload replaced by `data`, signed with signPayload. Written by the printer, in prettier's
// layout.
import type { CatalogModel, Json } from "../../model/ir.ts";
import { bannerText } from "../banner.ts";
import { exampleBody } from "../docs/example-body.ts";
import { deliveryFill } from "../delivery/fill.ts";
import { array, json, newCall, type Expr } from "../ts/expr.ts";
import { propertyKeyText, stringLiteral } from "../ts/literal.ts";
import { Printer, type Stmt } from "../ts/stmt.ts";
import { literalEntry } from "../ts/literal-layout.ts";
import { ref, type Member } from "../ts/type.ts";

export interface TestingModule {
  ts: string;
  js: string;
  dts: string;
}

const EXAMPLES_DOC = "Each type's example bodies: the catalog's own, or one synthesized as the docs show it.";
const PAYLOAD_DOC = "The payload of each event type: what `testDelivery`'s `data` replaces.";
const EXAMPLES_ALIAS = "/** Each event type's example bodies. */\nexport type Examples = { readonly [K in T.EventType]: readonly T.EventMap[K][] };";

const OPTIONS = (signed: boolean) => `export interface TestDeliveryOptions<K extends T.EventType> {
  /** The webhook secret the receiver verifies with${signed ? "" : " (not used: this catalog's deliveries are unsigned)"}. */
  secret${signed ? "" : "?"}: string;
  /** Replaces the example's payload. */
  data?: PayloadMap[K];
  /** The delivery's id, in the envelope and the signature (default: a fresh one). */
  id?: string;
  /** When it is sent: a Date, or Unix seconds (default: now). */
  timestamp?: Date | number;
}

export interface TestDelivery {
  /** The exact text to deliver as the request body. */
  body: string;
  /** The headers the vendor sends with it: content type${signed ? ", signature" : ""} and the rest. */
  headers: Record<string, string>;
}`;

const DELIVERY_DOC = `/**
 * A delivery of \`type\` as the vendor sends it, for unit tests of a receiver: the type's first
 * example with a fresh id and now in its envelope, \`data\` as its payload, checked with the
 * package's validators (a TypeError if invalid) and signed. Pass \`body\` and \`headers\` to
 * \`createWebhooks().receive\`, or build a \`Request\` from them for \`handle\`.
 */`;

export function emitTestingModule(model: CatalogModel): TestingModule {
  const banner = `// ${bannerText(model)}`;
  const signed = model.signing?.verify !== undefined;
  const fill = deliveryFill(model);
  const { typeField, typeHeader, payloadField, fields } = model.envelope;
  const head = (ts: boolean) =>
    [banner, ...(ts ? ['import type * as T from "./types.js";'] : []), 'import { validators } from "./validators.js";', ...(signed ? ['import { signPayload } from "./webhooks.js";'] : [])].join("\n");

  const payloads: Member[] = model.events.map((e) => ({ m: "property", key: propertyKeyText(e.type), optional: false, readonly: false, type: ref(`T.${e.names.payload}`), docs: [] }));
  const payloadMap = new Printer().print([{ s: "interface", name: "PayloadMap", extends: [], members: payloads, docs: [PAYLOAD_DOC] }]).text().trimEnd();
  // Synthesized once; printed once when the TypeScript and JavaScript literals are the same (they
  // differ only for number-like keys), which on a large catalog is most of this module's cost.
  const bodies = model.events.map((e) => (e.examples.length ? e.examples : [exampleBody(model, e)]));
  // An entry per line, each laid out alone: the same text as one object literal (which this
  // always breaks), but the layout of one huge literal costs far more than that of its entries.
  const entries = (forJs: boolean): Stmt[] =>
    model.events.map((e, i): Stmt => {
      const key = propertyKeyText(e.type);
      const value = array(bodies[i]!.map((x) => literal(x, forJs)));
      const text = literalEntry(key, value, 1);
      return text !== undefined ? { s: "verbatim", text } : { s: "indented", body: [{ s: "entry", key, value }] };
    });
  const printExamples = (forJs: boolean) =>
    new Printer(forJs)
      .print(model.events.length ? [{ s: "verbatim", text: "const exampleBodies = {" }, ...entries(forJs), { s: "verbatim", text: "};" }] : [{ s: "verbatim", text: "const exampleBodies = {};" }])
      .text()
      .trimEnd();
  const tsExamples = printExamples(false);
  const jsExamples = bodies.some((b) => b.some(hasNumberKey)) ? printExamples(true) : tsExamples;
  // Checked by the validators (EG401), not by tsc: an object literal never satisfies a type with a
  // field named like one of Object.prototype's (`constructor?: number`), whatever its value.
  const examplesDecl = (forJs: boolean) =>
    [
      forJs ? jsExamples : tsExamples,
      "",
      `/** ${EXAMPLES_DOC} */`,
      forJs ? "export const examples = exampleBodies;" : "export const examples = exampleBodies as unknown as Examples;",
    ].join("\n");

  const put = (ts: boolean) => `function put(o${ts ? ": Body" : ""}, key${ts ? ": string" : ""}, value${ts ? ": unknown" : ""})${ts ? ": void" : ""} {
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
}`;
  const fresh = (ts: boolean) => `function freshUuid()${ts ? ": string" : ""} {
  return ${ts ? "(globalThis as unknown as { crypto: { randomUUID(): string } })" : "globalThis"}.crypto.randomUUID();
}`;
  const idValue = fill.id ? (fill.id.uuid ? "freshUuid()" : `${stringLiteral(fill.id.prefix)} + freshUuid().replace(/-/g, "")`) : undefined;
  const stampOf = (unit: string) => (unit === "iso" ? 'now.toISOString().replace(/\\.\\d{3}Z$/, "Z")' : unit === "milliseconds" ? "now.getTime()" : "Math.floor(now.getTime() / 1000)");
  const envelopeNames = [...fields.map((f) => f.name), ...(typeField !== undefined ? [typeField] : [])];
  const body = (ts: boolean) => {
    const lines: string[] = [
      `  const list = Object.prototype.hasOwnProperty.call(examples, type) ? examples[type] : undefined;`,
      "  if (list === undefined) {",
      "    throw new TypeError(`testDelivery: unknown event type ${JSON.stringify(type)}`);",
      "  }",
      `  const event = JSON.parse(JSON.stringify(list[0]))${ts ? " as Body" : ""};`,
      ...(idValue !== undefined ? [`  const id = options.id ?? ${idValue};`, `  put(event, ${stringLiteral(fill.id!.field)}, id);`] : []),
      "  const t = options.timestamp;",
      "  const now = t instanceof Date ? t : new Date(t === undefined ? Date.now() : t * 1000);",
      ...fill.timestamps.map((s) => `  put(event, ${stringLiteral(s.field)}, ${stampOf(s.unit)});`),
      "  if (options.data !== undefined) {",
      ...(payloadField !== undefined
        ? [`    put(event, ${stringLiteral(payloadField)}, options.data);`]
        : [
            `    for (const key of Object.keys(event)) if (!ENVELOPE.has(key)) delete event[key];`,
            "    for (const [key, value] of Object.entries(options.data)) {",
            "      if (!ENVELOPE.has(key)) put(event, key, value);",
            "    }",
          ]),
      "  }",
      "  const checked = validators[type](event);",
      "  if (!checked.ok) {",
      "    const errors = checked.errors.map((e) => `${e.path || \"/\"} ${e.message}`).join(\"; \");",
      "    throw new TypeError(`testDelivery: the ${type} body is invalid: ${errors}`);",
      "  }",
      "  const body = JSON.stringify(event);",
      `  const headers${ts ? ": Record<string, string>" : ""} = { "content-type": "application/json" };`,
      ...(typeHeader !== undefined ? [`  headers[${stringLiteral(typeHeader.toLowerCase())}] = type;`] : []),
      ...(signed
        ? [
            `  const signature = await signPayload(${idValue !== undefined ? "{ body, secret: options.secret, id, timestamp: now }" : "{\n    body,\n    secret: options.secret,\n    ...(options.id !== undefined ? { id: options.id } : {}),\n    timestamp: now,\n  }"});`,
            "  return { body, headers: { ...headers, ...signature } };",
          ]
        : ["  return { body, headers };"]),
    ];
    const signature = ts ? `<K extends T.EventType>(\n  type: K,\n  options: TestDeliveryOptions<K>,\n): Promise<TestDelivery>` : "(type, options)";
    return `${DELIVERY_DOC}\nexport async function testDelivery${signature} {\n${lines.join("\n")}\n}`;
  };

  const both = (ts: string, js: string | null): Stmt => ({ s: "verbatim", text: ts, js });
  const BLANK: Stmt = { s: "blank" };
  const envelopeSet: Stmt[] =
    payloadField === undefined
      ? [
          BLANK,
          { s: "comment", docs: ["The envelope's fields: everything else in a flat body is the payload."] },
          { s: "decl", kind: "const", name: "ENVELOPE", type: "ReadonlySet<string>", init: newCall("Set", array(envelopeNames.map(json))) },
        ]
      : [];
  const module: Stmt[] = [
    both(head(true), head(false)),
    BLANK,
    both(payloadMap, null),
    BLANK,
    both(EXAMPLES_ALIAS, null),
    BLANK,
    both(examplesDecl(false), examplesDecl(true)),
    ...envelopeSet,
    BLANK,
    both(OPTIONS(signed), null),
    BLANK,
    both("type Body = Record<string, unknown>;", null),
    BLANK,
    both(put(true), put(false)),
    ...(idValue !== undefined ? [BLANK, both(fresh(true), fresh(false))] : []),
    BLANK,
    both(body(true), body(false)),
  ];
  const dts: Stmt[] = [
    { s: "verbatim", text: `${banner}\nimport type * as T from "./types.js";` },
    BLANK,
    { s: "verbatim", text: payloadMap },
    BLANK,
    { s: "verbatim", text: EXAMPLES_ALIAS },
    BLANK,
    { s: "verbatim", text: `/** ${EXAMPLES_DOC} */\nexport declare const examples: Examples;` },
    BLANK,
    { s: "verbatim", text: OPTIONS(signed) },
    BLANK,
    { s: "verbatim", text: `${DELIVERY_DOC}\nexport declare function testDelivery<K extends T.EventType>(\n  type: K,\n  options: TestDeliveryOptions<K>,\n): Promise<TestDelivery>;` },
  ];
  const js = new Printer(true);
  const ts = new Printer().printBoth(js, module);
  return { ts: ts.text(), js: js.text(), dts: new Printer().print(dts).text() };
}

/** Some object in `v` has a key that JavaScript's printer writes unquoted (see literal). */
function hasNumberKey(v: Json): boolean {
  if (v === null || typeof v !== "object") return false;
  if (Array.isArray(v)) return v.some(hasNumberKey);
  return Object.entries(v).some(([k, x]) => NUMBER_KEY.test(k) || hasNumberKey(x));
}
const NUMBER_KEY = /^(?:\d+|\d+\.\d+)$/;

/** A JSON value as a literal, as json() makes it, but with a `__proto__` key computed (in an
 * object literal, `__proto__: x` sets the prototype instead of a field) and, in JavaScript,
 * number-like keys unquoted (`"0": x` → `0: x`), as prettier's JavaScript printers write them
 * (its TypeScript one does not). */
function literal(v: Json, forJs: boolean): Expr {
  if (v === null || typeof v !== "object") return json(v);
  if (Array.isArray(v)) return array(v.map((x) => literal(x, forJs)));
  const key = (k: string) => (k === "__proto__" ? '["__proto__"]' : forJs && NUMBER_KEY.test(k) && String(Number(k)) === k ? k : propertyKeyText(k));
  return { k: "object", props: Object.entries(v).map(([k, x]): [string, Expr] => [key(k), literal(x, forJs)]) };
}
