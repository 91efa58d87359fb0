// model → src/types.ts (and the same declarations for dist/types.d.ts), written by the printer in
// ts/ in prettier's layout: no syntax tree library, no formatter run.
import type { CatalogModel, EventModel, Schema } from "../../model/ir.ts";
import { bannerText } from "../banner.ts";
import { jsdocText } from "../escape/ts.ts";
import { array, NULL, str, type Expr } from "../ts/expr.ts";
import { propertyKeyText, stringLiteral } from "../ts/literal.ts";
import { Printer, type Stmt } from "../ts/stmt.ts";
import { atom, ref, union, type Member, type TypeNode } from "../ts/type.ts";
import { docLines, propertyMember, typeExpr, type TypeCx } from "./type-expr.ts";
import { sharedShapes } from "../../model/shapes.ts";

/** The longest example (in characters, as JSON with two-space indents) an event's JSDoc shows. */
export const MAX_JSDOC_EXAMPLE = 2000;

export function eventDocs(e: EventModel): string[] {
  const lines = [jsdocText(e.trigger)];
  if (e.description) lines.push(jsdocText(e.description));
  lines.push(jsdocText(`Event type: \`${e.type}\`${e.scope ? ` · scope: ${e.scope}` : ""}`));
  if (e.deprecated) lines.push(`@deprecated${typeof e.deprecated === "string" ? ` ${jsdocText(e.deprecated)}` : ""}`);
  // An editor's hover shows a short example well; a long one (GitHub's run to hundreds of lines)
  // is left to `<package>/testing`'s examples, which hold every one.
  const example = e.examples[0] === undefined ? undefined : JSON.stringify(e.examples[0], null, 2);
  if (example !== undefined && example.length <= MAX_JSDOC_EXAMPLE) lines.push(`@example\n\`\`\`json\n${jsdocText(example)}\n\`\`\``);
  return lines;
}

export function typeCx(model: CatalogModel): TypeCx {
  const names = new Map(model.schemas.map((s) => [s.name, s.typeName]));
  const shapes = sharedShapes(model);
  return { typeName: (n) => names.get(n)!, shapeOf: (s) => shapes.of(s)?.typeName };
}

function isPlainObject(s: Schema): s is Extract<Schema, { kind: "object" }> {
  return s.kind === "object" && !s.nullable && typeof s.additional !== "object" && s.properties.length > 0;
}

const prop = (key: string, type: TypeNode, docs: string[] = []): Member => ({ m: "property", key: propertyKeyText(key), optional: false, readonly: false, type, docs });

export interface TypeModules {
  /** src/types.ts */
  ts: string;
  /** dist/types.d.ts, whose constants have no value (`export declare const eventTypes: …;`). */
  dts: string;
  /** dist/types.js, which holds only the constants. */
  js: string;
}

/** The three files of the types. They differ only in their first declarations (the constants),
 * so everything after those is built and printed once and shared by the .ts and the .d.ts. */
export function emitTypeModules(model: CatalogModel): TypeModules {
  const banner: Stmt = { s: "verbatim", text: `// ${bannerText(model)}` };
  const head = (as: "ts" | "dts" | "js") => typeStatements(model, as, "head");
  // The shared part starts with a blank line, which a printer that has written nothing drops.
  const rest = "\n" + new Printer().print(typeStatements(model, "ts", "rest")).text().replace(/\n+$/, "\n");
  return {
    ts: new Printer().print([banner, ...head("ts")]).text() + rest,
    dts: new Printer().print([banner, ...head("dts")]).text() + rest,
    js: new Printer(true).print([banner, ...head("js")]).text(),
  };
}

/** One of the three files; emitTypeModules makes all three at once. */
export function emitTypes(model: CatalogModel, as: "ts" | "dts" | "js" = "ts"): string {
  return emitTypeModules(model)[as];
}

/** A flat body's PayloadOf: the body without the envelope's keys, taken from each variant of a
 * body that is a union (`Omit` of a union keeps only the keys every variant has). */
function payloadOfText(keys: string, distribute: boolean): string {
  if (distribute) return `export type PayloadOf<T extends EventType> = EventMap[T] extends infer B\n  ? B extends unknown\n    ? Omit<B, ${keys}>\n    : never\n  : never;`;
  const flat = `export type PayloadOf<T extends EventType> = Omit<EventMap[T], ${keys}>;`;
  return flat.length <= 100 ? flat : `export type PayloadOf<T extends EventType> = Omit<\n  EventMap[T],\n  ${keys}\n>;`;
}

/** The statements of the types: the constants and what precedes them (`head`), or the rest. */
function typeStatements(model: CatalogModel, as: "ts" | "dts" | "js", part: "head" | "rest"): Stmt[] {
  const declarations = as === "dts";
  const cx = typeCx(model);
  const { envelope } = model;
  const out: Stmt[] = [];
  // Interfaces stand apart, with a blank line before and after them, as prettier leaves them.
  const alias = (name: string, type: TypeNode, docs: string[], params = "") => out.push({ s: "alias", head: `export type ${name}${params}`, type, docs });
  const iface = (name: string, members: Member[], docs: string[], ext: string[] = []) =>
    out.push({ s: "blank" }, { s: "interface", name, extends: ext, members, docs }, { s: "blank" });
  const constant = (name: string, type: string, value: Expr, docs: string[]) => {
    out.push({ s: "comment", docs });
    out.push(declarations ? { s: "raw", text: `export declare const ${name}: ${type};` } : { s: "decl", kind: "const", exported: true, name, type, init: value });
  };

  if (part === "head") {
    const types = model.events.map((e) => e.type);
    alias("EventType", types.length ? union(types.map((t) => atom(stringLiteral(t)))) : atom("never"), ["Every event type of the catalog, verbatim."]);
    constant("eventTypes", "readonly EventType[]", array(types.map(str)), ["The event types, in catalog order."]);
    const lit = (s: string | undefined) => (s === undefined ? NULL : str(s));
    const litType = (s: string | undefined) => (s === undefined ? "null" : stringLiteral(s));
    constant("typeField", litType(envelope.typeField), lit(envelope.typeField), ["The body field that carries the event type (null when it travels in a header)."]);
    constant("typeHeader", litType(envelope.typeHeader), lit(envelope.typeHeader), ["The header that carries the event type, for sources that send it there."]);
    // JavaScript has only the constants.
    return as === "js" ? out.slice(1) : out;
  }

  iface(
    "EventEnvelope",
    envelope.fields.map((p) => propertyMember(p, cx)),
    [envelope.description ?? "The fields every delivery carries besides the type and the payload.", envelope.notes ?? ""].filter(Boolean).map(jsdocText),
  );

  for (const s of model.schemas) {
    const lines = docLines(s.schema);
    if (isPlainObject(s.schema)) iface(s.typeName, s.schema.properties.map((p) => propertyMember(p, cx)), lines);
    else alias(s.typeName, typeExpr(s.schema, cx), lines);
  }

  // Shapes several places share: declared once, described at each place that uses them.
  for (const shape of sharedShapes(model).made) {
    const lines = [jsdocText(`A shape shared by ${shape.uses} places; the first is ${shape.firstAt}.`)];
    if (isPlainObject(shape.schema)) iface(shape.typeName, shape.schema.properties.map((p) => propertyMember(p, cx)), lines);
    else alias(shape.typeName, typeExpr(shape.schema, cx), lines);
  }

  for (const e of model.events) {
    const lines = eventDocs(e);
    const payloadDocs = [jsdocText(`The payload of \`${e.type}\`: ${e.trigger}`)];
    const typeMembers = envelope.typeField === undefined ? [] : [prop(envelope.typeField, atom(stringLiteral(e.type)), ["The event type."])];
    if (envelope.payloadPath !== undefined) {
      alias(e.names.payload, typeExpr(e.payload, cx), payloadDocs);
      // A nested payload (`data.object`): `data: { object: Payload }`.
      // The event's `outer` fields stand beside the next step: `data: { object: Payload; previous_attributes?: … }`.
      const path = envelope.payloadPath;
      let wrapped: TypeNode = ref(e.names.payload);
      for (let k = path.length - 2; k >= 0; k--) {
        const extra = e.outer?.find((o) => o.path.join(".") === path.slice(0, k + 1).join("."))?.fields ?? [];
        const next: Member = { m: "property", key: propertyKeyText(path[k + 1]!), optional: false, readonly: false, type: wrapped, docs: [] };
        wrapped = { t: "object", expanded: extra.length > 0, members: [next, ...extra.map((p) => propertyMember(p, cx))] };
      }
      iface(e.names.event, [...typeMembers, prop(path[0]!, wrapped)], lines, ["EventEnvelope"]);
    } else if (isPlainObject(e.payload)) {
      iface(e.names.payload, e.payload.properties.map((p) => propertyMember(p, cx)), payloadDocs);
      iface(e.names.event, typeMembers, lines, ["EventEnvelope", e.names.payload]);
    } else {
      const tail: TypeNode[] = typeMembers.map((m) => ({ t: "object", expanded: false, members: [{ ...m, docs: [] }] }));
      alias(e.names.payload, typeExpr(e.payload, cx), payloadDocs);
      alias(e.names.event, { t: "intersection", members: [ref("EventEnvelope"), ref(e.names.payload), ...tail] }, lines);
    }
  }

  alias("Event", model.events.length ? union(model.events.map((e) => ref(e.names.event))) : atom("never"), [
    jsdocText(
      envelope.typeField !== undefined
        ? `Any delivery of the catalog; narrows on \`${envelope.typeField}\`.`
        : `Any delivery of the catalog. The type travels in the \`${envelope.typeHeader}\` header: use EventMap or EventOf to name one.`,
    ),
  ]);
  iface("EventMap", model.events.map((e) => prop(e.type, ref(e.names.event))), ["Event type → its delivery body."]);
  alias("EventOf", atom("EventMap[T]"), ["The delivery body of one event type."], "<T extends EventType>");
  if (envelope.payloadPath !== undefined)
    alias("PayloadOf", atom(`EventMap[T]${envelope.payloadPath.map((s) => `[${stringLiteral(s)}]`).join("")}`), ["The payload of one event type."], "<T extends EventType>");
  else {
    out.push({ s: "comment", docs: ["The payload of one event type."] });
    out.push({
      s: "verbatim",
      text: payloadOfText(envelope.typeField !== undefined ? "keyof EventEnvelope | typeof typeField" : "keyof EventEnvelope", model.events.some((e) => e.body.kind === "union")),
    });
  }
  for (const g of model.groups)
    alias(g.unionName, g.events.length ? union(g.events.map((e) => ref(e.names.event))) : atom("never"), [jsdocText(`${g.title}${g.note ? `: ${g.note}` : ""}`)]);

  return out;
}
