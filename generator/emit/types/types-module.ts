// model → src/types.ts, built from ts-morph structures in one batch (no node manipulation).
import {
  Project, StructureKind, VariableDeclarationKind,
  type OptionalKind, type PropertySignatureStructure, type StatementStructures,
} from "ts-morph";
import type { CatalogModel, EventModel, Property, Schema } from "../../model/ir.ts";
import { propertyKey } from "../../model/naming.ts";
import { bannerText } from "../banner.ts";
import { jsdocText, tsString } from "../escape/ts.ts";
import { docLines, typeExpr, type TypeCx } from "./type-expr.ts";

const project = new Project({ useInMemoryFileSystem: true, skipLoadingLibFiles: true });

/** JSDoc from lines that are already escaped: catalog text goes through jsdocText where it enters,
 * so the tags eventgen writes itself (@deprecated, @example) stay tags. */
const docs = (lines: string[]) => (lines.length ? [{ description: lines.join("\n\n") }] : []);

export function eventDocs(e: EventModel): string[] {
  const lines = [jsdocText(e.trigger)];
  if (e.description) lines.push(jsdocText(e.description));
  lines.push(jsdocText(`Event type: \`${e.type}\`${e.scope ? ` · scope: ${e.scope}` : ""}`));
  if (e.deprecated) lines.push(`@deprecated${typeof e.deprecated === "string" ? ` ${jsdocText(e.deprecated)}` : ""}`);
  if (e.examples[0] !== undefined) lines.push(`@example\n\`\`\`json\n${jsdocText(JSON.stringify(e.examples[0], null, 2))}\n\`\`\``);
  return lines;
}

export function typeCx(model: CatalogModel): TypeCx {
  const names = new Map(model.schemas.map((s) => [s.name, s.typeName]));
  return { typeName: (n) => names.get(n)! };
}

function isPlainObject(s: Schema): s is Extract<Schema, { kind: "object" }> {
  return s.kind === "object" && !s.nullable && typeof s.additional !== "object" && s.properties.length > 0;
}

const property = (p: Property, cx: TypeCx): OptionalKind<PropertySignatureStructure> => ({
  name: propertyKey(p.name),
  type: typeExpr(p.schema, cx),
  hasQuestionToken: !p.required,
  docs: docs(docLines(p.schema)),
});

export function emitTypes(model: CatalogModel): string {
  const cx = typeCx(model);
  const { envelope } = model;
  const statements: StatementStructures[] = [];
  const alias = (name: string, type: string, lines: string[], typeParameters: string[] = []) =>
    statements.push({ kind: StructureKind.TypeAlias, name, type, isExported: true, docs: docs(lines), typeParameters });
  const iface = (name: string, properties: OptionalKind<PropertySignatureStructure>[], lines: string[], ext: string[] = []) =>
    statements.push({ kind: StructureKind.Interface, name, isExported: true, extends: ext, docs: docs(lines), properties });
  const constant = (name: string, type: string, initializer: string, lines: string[]) =>
    statements.push({
      kind: StructureKind.VariableStatement,
      declarationKind: VariableDeclarationKind.Const,
      isExported: true,
      docs: docs(lines),
      declarations: [{ name, type, initializer }],
    });

  const types = model.events.map((e) => tsString(e.type));
  alias("EventType", types.join(" | ") || "never", ["Every event type of the catalog, verbatim."]);
  constant("eventTypes", "readonly EventType[]", `[${types.join(", ")}]`, ["The event types, in catalog order."]);
  const lit = (s: string | undefined) => (s === undefined ? "null" : tsString(s));
  constant("typeField", lit(envelope.typeField), lit(envelope.typeField), ["The body field that carries the event type (null when it travels in a header)."]);
  constant("typeHeader", lit(envelope.typeHeader), lit(envelope.typeHeader), ["The header that carries the event type, for sources that send it there."]);

  iface(
    "EventEnvelope",
    envelope.fields.map((p) => property(p, cx)),
    [envelope.description ?? "The fields every delivery carries besides the type and the payload.", envelope.notes ?? ""].filter(Boolean).map(jsdocText),
  );

  for (const s of model.schemas) {
    const lines = docLines(s.schema);
    if (isPlainObject(s.schema)) iface(s.typeName, s.schema.properties.map((p) => property(p, cx)), lines);
    else alias(s.typeName, typeExpr(s.schema, cx), lines);
  }

  for (const e of model.events) {
    const lines = eventDocs(e);
    const payloadDocs = [jsdocText(`The payload of \`${e.type}\`: ${e.trigger}`)];
    const typeMembers =
      envelope.typeField === undefined ? [] : [{ name: propertyKey(envelope.typeField), type: tsString(e.type), docs: docs(["The event type."]) }];
    if (envelope.payloadField !== undefined) {
      alias(e.names.payload, typeExpr(e.payload, cx), payloadDocs);
      iface(e.names.event, [...typeMembers, { name: propertyKey(envelope.payloadField), type: e.names.payload }], lines, ["EventEnvelope"]);
    } else if (isPlainObject(e.payload)) {
      iface(e.names.payload, e.payload.properties.map((p) => property(p, cx)), payloadDocs);
      iface(e.names.event, typeMembers, lines, ["EventEnvelope", e.names.payload]);
    } else {
      alias(e.names.payload, typeExpr(e.payload, cx), payloadDocs);
      alias(e.names.event, [`EventEnvelope`, e.names.payload, ...typeMembers.map((m) => `{ ${m.name}: ${m.type} }`)].join(" & "), lines);
    }
  }

  alias("Event", model.events.map((e) => e.names.event).join(" | ") || "never", [
    jsdocText(
      envelope.typeField !== undefined
        ? `Any delivery of the catalog; narrows on \`${envelope.typeField}\`.`
        : `Any delivery of the catalog. The type travels in the \`${envelope.typeHeader}\` header: use EventMap or EventOf to name one.`,
    ),
  ]);
  iface("EventMap", model.events.map((e) => ({ name: tsString(e.type), type: e.names.event })), ["Event type → its delivery body."]);
  alias("EventOf", "EventMap[T]", ["The delivery body of one event type."], ["T extends EventType"]);
  alias(
    "PayloadOf",
    envelope.payloadField !== undefined
      ? `EventMap[T][${tsString(envelope.payloadField)}]`
      : `Omit<EventMap[T], keyof EventEnvelope${envelope.typeField !== undefined ? " | typeof typeField" : ""}>`,
    ["The payload of one event type."],
    ["T extends EventType"],
  );
  for (const g of model.groups)
    alias(g.unionName, g.events.map((e) => e.names.event).join(" | ") || "never", [jsdocText(`${g.title}${g.note ? `: ${g.note}` : ""}`)]);

  const file = project.createSourceFile("types.ts", { statements: [`// ${bannerText(model)}`, ...statements] }, { overwrite: true });
  const text = file.getFullText();
  project.removeSourceFile(file);
  return text;
}
