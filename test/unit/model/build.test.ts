// The model the emitters read: shorthands expanded, optional and nullable independent, the body
// assembled from the envelope, names assigned.
import { describe, expect, it } from "vitest";
import type { EventModel, Property, SchemaOf } from "../../../generator/model/ir.ts";
import { loadText } from "../../support/load-text.ts";

const catalog = (envelope: string, payload = "{ properties: { a: string, b?: string, c: string|null, d?: 'integer[]|null' } }") => `
title: T
version: 1.0.0
source: { title: s }
package: { name: t }
envelope:
${envelope}
groups: { g: { title: G } }
schemas:
  Thing: { properties: { n: number } }
events:
  x.happened: { group: g, trigger: X happened, payload: ${payload} }
`;

/** The body of an event whose body is one object. */
const objectBody = (e: EventModel): SchemaOf<"object"> => {
  if (e.body.kind !== "object") throw new Error(`the body is a ${e.body.kind}`);
  return e.body;
};
const props = (ps: Property[]) => ps.map((p) => [p.name, p.required, p.schema.nullable, p.schema.kind]);

describe("model", () => {
  it("keeps optional and nullable independent", () => {
    const { model } = loadText("t.yaml", catalog("  typeField: type\n  payloadField: data"));
    const payload = model!.events[0]!.payload;
    expect(payload.kind).toBe("object");
    expect(props((payload as { properties: Property[] }).properties)).toEqual([
      ["a", true, false, "string"],
      ["b", false, false, "string"],
      ["c", true, true, "string"],
      ["d", false, true, "array"],
    ]);
  });

  it("puts the type as a constant and the payload under payloadField", () => {
    const { model } = loadText("t.yaml", catalog("  typeField: type\n  payloadField: data\n  fields: { id: string }"));
    const body = objectBody(model!.events[0]!);
    expect(props(body.properties)).toEqual([
      ["type", true, false, "literal"],
      ["id", true, false, "string"],
      ["data", true, false, "object"],
    ]);
    expect(body.properties[0]!.schema).toMatchObject({ values: ["x.happened"], isConst: true });
  });

  it("spreads a flat payload, through a reference, beside the envelope's fields", () => {
    const { model } = loadText("t.yaml", catalog("  typeField: event\n  flat: true\n  fields: { created: integer }", "Thing"));
    expect(props(objectBody(model!.events[0]!).properties).map((p) => p[0])).toEqual(["event", "created", "n"]);
  });

  it("has no type field in the body when the type travels in a header", () => {
    const { model } = loadText("t.yaml", catalog("  typeHeader: X-Event\n  flat: true"));
    expect(model!.envelope).toMatchObject({ typeHeader: "X-Event" });
    expect(props(objectBody(model!.events[0]!).properties).map((p) => p[0])).toEqual(["a", "b", "c", "d"]);
  });

  it("assigns every name once", () => {
    const { model } = loadText("t.yaml", catalog("  typeField: type\n  payloadField: data"));
    expect(model!.events[0]!.names).toEqual({
      base: "XHappened",
      event: "XHappenedEvent",
      payload: "XHappenedPayload",
      checkName: "e_XHappened",
      operationId: "xHappened",
      schemaFile: "schemas/x.happened",
      anchor: "event-x-happened",
    });
    expect(model!.schemas[0]).toMatchObject({ typeName: "Thing", schemaFile: "schemas/shared/Thing", anchor: "schema-thing" });
    expect(model!.groups[0]).toMatchObject({ unionName: "GEvents", anchor: "group-g" });
  });
});
