// Body-level unions: a flat body that is the envelope's fields and one of several objects (a
// discriminated oneOf of named objects, an undiscriminated oneOf of closed inline objects, an
// anyOf of derived objects), with a closed envelope.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { validateEvent, validators } from "./generated/unions/src/index.ts";

const envelope = { id: "evt_1", created: 1 };
const paths = (r: { ok: boolean; errors?: { path: string }[] }) => (r.ok ? [] : r.errors!.map((e) => e.path));
const read = (file: string) => readFileSync(new URL(`./generated/unions/${file}`, import.meta.url), "utf8");

describe("a discriminated union of named objects", () => {
  const circle = { ...envelope, type: "shape.drawn", kind: "circle", radius: 2 };
  const square = { ...envelope, type: "shape.drawn", kind: "square", side: 3 };

  it("accepts each variant with the envelope's fields", () => {
    expect(validateEvent(circle).ok).toBe(true);
    expect(validateEvent(square).ok).toBe(true);
    expect(validateEvent({ ...square, label: null }).ok).toBe(true);
  });

  it("checks the envelope's fields and the type in every variant", () => {
    expect(paths(validateEvent({ ...circle, id: "x" }))).toEqual(["/id"]);
    const { created: _, ...noCreated } = square;
    expect(paths(validators["shape.drawn"](noCreated))).toEqual([""]);
    expect(paths(validators["shape.drawn"]({ ...circle, type: "shape.cleared" }))).toEqual(["/type"]);
  });

  it("routes on the discriminator; a value no variant has is reported there", () => {
    expect(paths(validateEvent({ ...circle, radius: -1 }))).toEqual(["/radius"]);
    expect(paths(validateEvent({ ...circle, kind: "triangle" }))).toEqual(["/kind"]);
    expect(validateEvent({ ...square, radius: 2 }).ok).toBe(false);
  });

  it("a variant's body is closed only when both the envelope and the variant are", () => {
    expect(validateEvent({ ...circle, color: "red" }).ok).toBe(true);
    expect(paths(validateEvent({ ...square, color: "red" }))).toEqual(["/color"]);
  });
});

describe("undiscriminated unions", () => {
  const base = { ...envelope, type: "member.requested" };
  it("oneOf: exactly one closed object", () => {
    expect(validateEvent({ ...base, requested_reviewer: { login: "octo" } }).ok).toBe(true);
    expect(validateEvent({ ...base, requested_team: { slug: "core" } }).ok).toBe(true);
    expect(paths(validateEvent({ ...base, requested_reviewer: { login: "octo" }, requested_team: { slug: "core" } }))).toEqual([""]);
    expect(validateEvent({ ...base }).ok).toBe(false);
  });

  it("anyOf of derived objects: at least one", () => {
    const noted = { ...envelope, type: "member.noted" };
    expect(validateEvent({ ...noted, note_id: "n1", text: "hi" }).ok).toBe(true);
    expect(validateEvent({ ...noted, note_id: "n1", pinned: true }).ok).toBe(true);
    expect(validateEvent({ ...noted, text: "hi" }).ok).toBe(false);
  });
});

describe("the artifacts", () => {
  it("JSON Schema: one whole body per variant, each with the type constant and the envelope", () => {
    const schema = JSON.parse(read("schemas/shape.drawn.json"));
    expect(schema.oneOf).toHaveLength(2);
    for (const v of schema.oneOf) {
      expect(v.properties.type).toEqual({ description: "The event type.", const: "shape.drawn" });
      expect(v.required.slice(0, 3)).toEqual(["type", "id", "created"]);
    }
    expect(schema.oneOf.map((v: { additionalProperties?: boolean }) => v.additionalProperties)).toEqual([undefined, false]);
  });

  it("OpenAPI names the discriminator of a body union", () => {
    const openapi = JSON.parse(read("openapi.json"));
    expect(openapi.components.schemas.ShapeDrawnEvent.discriminator).toEqual({ propertyName: "kind" });
    expect(openapi.components.schemas.MemberNotedEvent.anyOf).toHaveLength(2);
  });

  it("the docs show every variant with its fields", () => {
    const docs = read("README.md");
    const section = docs.slice(docs.indexOf('<a id="event-shape-drawn">'), docs.indexOf('<a id="event-shape-cleared">'));
    expect(section).toContain("exactly one of 2 objects, told apart by `kind`");
    expect(section).toContain('**1.** [Circle](#schema-circle), with `kind` `"circle"`. A round shape.');
    expect(section).toContain('**2.** [Square](#schema-square), with `kind` `"square"`. No other fields are allowed.');
    expect(section).toMatch(/\| `radius` +\| number +\| required/);
    const member = docs.slice(docs.indexOf('<a id="event-member-requested">'));
    expect(member).toContain("**2.** Team request. No other fields are allowed.");
  });
});
