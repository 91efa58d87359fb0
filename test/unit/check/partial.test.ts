// The semantic rules on a file with shape errors: they run on the parts whose shape is right, and
// a part that is wrong never makes them report a follow-on error (an unknown schema that exists,
// a missing key that is only misspelt, a group with no events because its event was malformed).
import { describe, expect, it } from "vitest";
import { CATALOG_HEAD, loadText } from "../../support/load-text.ts";

/** A catalog that is right; each case replaces one or more of its lines. */
const base = `${CATALOG_HEAD}schemas:
  Order: { properties: { id: uuid } }
  Circle: { properties: { kind: { const: circle } } }
  Square: { properties: { kind: { const: square } } }
events:
  x.happened: { group: g, trigger: X happened, payload: Order }
`;
const edit = (changes: [string, string][]) =>
  changes.reduce((text, [from, to]) => {
    expect(text, from).toContain(from);
    return text.replace(from, to);
  }, base);
const codes = (changes: [string, string][]) => {
  const { model, diagnostics } = loadText("t.yaml", edit(changes));
  expect(model).toBeUndefined();
  return diagnostics.map((d) => d.code).sort();
};
const event = "  x.happened: { group: g, trigger: X happened, payload: Order }";
const envelope = "envelope: { typeField: type, payloadField: data }";

it("the base catalog is right", () => {
  const { model, diagnostics } = loadText("t.yaml", base);
  expect(diagnostics).toEqual([]);
  expect(model).toBeDefined();
});

describe("no follow-on errors from a part whose shape is wrong", () => {
  it.each<{ why: string; changes: [string, string][]; want: string[] }>([
    { why: "a referenced schema with a wrong key", changes: [["{ properties: { id: uuid } }", "{ properties: { id: 12 } }"]], want: ["EG201"] },
    { why: "a referenced schema whose body is unusable", changes: [["Order: { properties: { id: uuid } }", "Order: [id]"]], want: ["EG201"] },
    { why: "a referenced schema whose name is invalid", changes: [["Order: { properties", "Or-der: { properties"], ["payload: Order", "payload: Or-der"]], want: ["EG204"] },
    { why: "a schemas mapping that is not a mapping", changes: [["schemas:\n", "schemas: oops\nx-schemas:\n"]], want: ["EG201", "EG202"] },
    { why: "a misspelt schemas key", changes: [["schemas:", "schemaz:"]], want: ["EG202"] },
    { why: "a referenced group with a wrong title", changes: [["{ title: G }", "{ title: '' }"]], want: ["EG204"] },
    { why: "a misspelt groups key", changes: [["groups:", "gruops:"]], want: ["EG202"] },
    { why: "an event whose group is malformed", changes: [["group: g,", "group: [g],"]], want: ["EG201"] },
    { why: "an event that is not a mapping", changes: [[event, "  x.happened: X happened"]], want: ["EG201"] },
    { why: "an event type that is not valid", changes: [[event, event.replace("x.happened", "'x happened'")]], want: ["EG204"] },
    { why: "an event with a misspelt group key", changes: [["group: g,", "gruop: g,"]], want: ["EG202"] },
    { why: "an events mapping that is not a mapping", changes: [["events:\n" + event, "events: [x]"]], want: ["EG201"] },
    { why: "a misspelt payloadField", changes: [[envelope, "envelope: { typeField: type, payloadFeild: data }"]], want: ["EG202"] },
    { why: "a misspelt typeField", changes: [[envelope, "envelope: { typeFeild: type, payloadField: data }"]], want: ["EG202"] },
    { why: "a malformed payloadField", changes: [[envelope, "envelope: { typeField: type, payloadField: '' }"]], want: ["EG204"] },
    { why: "a malformed flat", changes: [[envelope, "envelope: { typeField: type, flat: yes }"]], want: ["EG201"] },
    { why: "an envelope that is not a mapping", changes: [[envelope, "envelope: flat"]], want: ["EG201"] },
    { why: "a flat payload with a misspelt key", changes: [[envelope, "envelope: { typeField: type, flat: true }"], ["payload: Order", "payload: { propertes: { id: uuid } }"]], want: ["EG202"] },
    { why: "a flat payload naming a malformed schema", changes: [[envelope, "envelope: { typeField: type, flat: true }"], ["{ properties: { id: uuid } }", "{ typ: object }"]], want: ["EG202"] },
    { why: "a flat payload naming an unusable schema", changes: [[envelope, "envelope: { typeField: type, flat: true }"], ["{ properties: { id: uuid } }", "[id]"]], want: ["EG201"] },
    { why: "a discriminator whose variant has a misspelt const", changes: [["payload: Order", "payload: { oneOf: [Circle, Square], discriminator: kind }"], ["{ const: circle }", "{ cnst: circle }"]], want: ["EG202"] },
    { why: "a discriminator whose variant has a malformed property", changes: [["payload: Order", "payload: { oneOf: [Circle, Square], discriminator: kind }"], ["kind: { const: circle }", "kind: 12"]], want: ["EG201"] },
    { why: "a discriminator whose variant is malformed", changes: [["payload: Order", "payload: { oneOf: [Circle, Square], discriminator: kind }"], ["Circle: { properties", "Circle: { propertes"]], want: ["EG202"] },
    { why: "a discriminator whose oneOf is empty", changes: [["payload: Order", "payload: { oneOf: [], discriminator: kind }"]], want: ["EG204"] },
    { why: "a cycle through a malformed schema", changes: [["Order: { properties: { id: uuid } }", "Order: { oneOf: [Loop, string] }\n  Loop: { oneOf: [Order], typo: 1 }"]], want: ["EG202", "EG311"] },
  ])("$why", ({ changes, want }) => expect(codes(changes)).toEqual(want));
});

describe("the rules still run beside shape errors", () => {
  it.each<{ why: string; changes: [string, string][]; want: string[] }>([
    { why: "an event with an unknown key keeps its group and payload checked", changes: [[event, "  x.happened: { group: h, trigger: X, tirgger: x, payload: Ordr }"]], want: ["EG202", "EG302", "EG303"] },
    { why: "an event with a malformed trigger keeps its group checked", changes: [["trigger: X happened", "trigger: ''"], ["group: g,", "group: h,"]], want: ["EG204", "EG302"] },
    { why: "a schema with a misspelt key keeps its refs checked", changes: [["{ properties: { id: uuid } }", "{ propertis: x, properties: { id: uuidd, c: Circel } }"]], want: ["EG202", "EG205", "EG303"] },
    { why: "a schema with a malformed key keeps its bounds checked", changes: [["{ properties: { id: uuid } }", "{ properties: { id: { type: strin, minLength: 3, maxLength: 1 } } }"]], want: ["EG204", "EG312"] },
    { why: "an envelope with a misspelt key keeps its clashes checked", changes: [[envelope, "envelope: { typeField: type, payloadField: type, notez: x }"]], want: ["EG202", "EG308"] },
    { why: "a flat payload that is no object is still one", changes: [[envelope, "envelope: { typeField: type, flat: true, notez: x }"], ["{ properties: { id: uuid } }", "{ type: integer }"]], want: ["EG202", "EG309"] },
    { why: "a flat payload that is no object, in a schema with a misspelt key", changes: [[envelope, "envelope: { typeField: type, flat: true }"], ["{ properties: { id: uuid } }", "{ type: integer, minimun: 1 }"]], want: ["EG202", "EG309"] },
    { why: "a group no event names is still a warning", changes: [["groups: { g: { title: G } }", "groups: { g: { title: G }, h: { title: H } }"], ["trigger: X happened", "trigger: 12"]], want: ["EG201", "EG313"] },
  ])("$why", ({ changes, want }) => expect(codes(changes)).toEqual(want));
});
