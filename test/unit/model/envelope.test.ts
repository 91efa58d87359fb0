// The delivery body each event's validator checks: the envelope's fields, the type as a constant,
// and the payload where the envelope puts it.
import { describe, expect, it } from "vitest";
import { loadText } from "../../support/load-text.ts";

const catalog = (envelope: string, payload: string, extra = "") => `title: T
version: 1.0.0
source: { title: s }
package: { name: t }
envelope: ${envelope}
groups: { g: { title: G } }
schemas:
  Closed: { additionalProperties: false, properties: { n: number } }
  Open: { properties: { n: number } }
${extra}events:
  x.happened: { group: g, trigger: X${payload ? `, payload: ${payload}` : ""} }
`;
const body = (envelope: string, payload: string) => {
  const { model, diagnostics } = loadText("t.yaml", catalog(envelope, payload));
  if (!model) throw new Error(diagnostics.map((d) => d.message).join("\n"));
  const b = model.events[0]!.body;
  if (b.kind !== "object") throw new Error(`the body is a ${b.kind}`);
  return b;
};
const names = (envelope: string, payload: string) => body(envelope, payload).properties.map((p) => `${p.name}${p.required ? "" : "?"}`);

describe("the delivery body", () => {
  it.each([
    { envelope: "{ typeField: type, payloadField: data }", payload: "Open", want: ["type", "data"] },
    { envelope: "{ typeField: type, payloadField: data, fields: { id: string, ts?: integer } }", payload: "Open", want: ["type", "id", "ts?", "data"] },
    { envelope: "{ typeField: event, flat: true, fields: { id: string } }", payload: "Open", want: ["event", "id", "n"] },
    { envelope: "{ typeField: event, flat: true }", payload: "{ properties: { a?: string, b: 'string|null' } }", want: ["event", "a?", "b"] },
    { envelope: "{ typeHeader: X-Event, payloadField: payload }", payload: "Open", want: ["payload"] },
    { envelope: "{ typeHeader: X-Event, flat: true }", payload: "Open", want: ["n"] },
    // No payload: an open, empty object under payloadField.
    { envelope: "{ typeField: type, payloadField: data }", payload: "", want: ["type", "data"] },
  ])("$envelope with payload $payload", ({ envelope, payload, want }) => expect(names(envelope, payload)).toEqual(want));

  it.each([
    { envelope: "{ typeField: t, payloadField: d }", payload: "Closed", want: true },
    { envelope: "{ typeField: t, payloadField: d, additionalProperties: false }", payload: "Open", want: false },
    { envelope: "{ typeField: t, flat: true, additionalProperties: false }", payload: "Open", want: true },
    { envelope: "{ typeField: t, flat: true }", payload: "Closed", want: true },
    { envelope: "{ typeField: t, flat: true, additionalProperties: false }", payload: "Closed", want: false },
  ])("$envelope with $payload accepts unknown top-level fields: $want", ({ envelope, payload, want }) =>
    expect(body(envelope, payload).additional).toBe(want));

  it("types the type field as the event's own constant", () => {
    expect(body("{ typeField: kind, payloadField: data }", "Open").properties[0]).toEqual({
      name: "kind",
      required: true,
      schema: { kind: "literal", values: ["x.happened"], isConst: true, nullable: false, description: "The event type." },
    });
  });

  it("fills the documented defaults", () => {
    const { model } = loadText("t.yaml", catalog("{ typeField: t, payloadField: d }", "Open", "signing:\n  scheme: hmac-sha256\n  headers: { X-Sig: { role: signature } }\n"));
    expect(model!.package.license).toBe("MIT");
    expect(model!.envelope.additional).toBe(true);
    expect(model!.signing).toEqual({
      scheme: "hmac-sha256",
      algorithm: "sha256",
      encoding: "hex",
      signedContent: "{body}",
      timestampUnit: "seconds",
      tolerance: 300,
      secretEncoding: "utf8",
      required: true,
      headers: [{ name: "X-Sig", role: "signature", required: true }],
      verify: { algorithm: "sha256", content: "{body}", secret: { encoding: "utf8" }, signature: { header: "X-Sig", encoding: "hex" } },
    });
  });

  it("makes a flat union payload a union of whole bodies, each the envelope and one variant", () => {
    const { model, diagnostics } = loadText("t.yaml", catalog("{ typeField: t, flat: true, fields: { id: string }, additionalProperties: false }", "{ oneOf: [Open, Closed, { properties: { k: integer } }] }"));
    expect(diagnostics).toEqual([]);
    const b = model!.events[0]!.body;
    if (b.kind !== "union") throw new Error(b.kind);
    expect(b.mode).toBe("oneOf");
    expect(b.variants.map((v) => [v.properties.map((p) => p.name), v.additional])).toEqual([
      [["t", "id", "n"], true],
      [["t", "id", "n"], false],
      [["t", "id", "k"], true],
    ]);
  });

  it("puts an event's outer fields beside the next step of the payload path", () => {
    const { model, diagnostics } = loadText("t.yaml", catalog("{ typeField: t, payloadField: a.b.c }", "Open").replace(
      "payload: Open }",
      "payload: Open, outer: { a: { x?: string }, a.b: { y: integer } } }",
    ));
    expect(diagnostics).toEqual([]);
    const e = model!.events[0]!;
    expect(e.outer?.map((o) => o.path)).toEqual([["a"], ["a", "b"]]);
    const b = e.body;
    if (b.kind !== "object") throw new Error(b.kind);
    const a = b.properties.find((p) => p.name === "a")!.schema;
    if (a.kind !== "object") throw new Error(a.kind);
    expect(a.properties.map((p) => `${p.name}${p.required ? "" : "?"}`)).toEqual(["b", "x?"]);
    const inner = a.properties[0]!.schema;
    expect(inner.kind === "object" && inner.properties.map((p) => p.name)).toEqual(["c", "y"]);
  });
});
