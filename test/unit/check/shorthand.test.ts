// The one-line field shorthand, `TYPE[]…[|null] description`, read by the catalog's schema shape.
import { describe, expect, it } from "vitest";
import { schemaShape } from "../../../generator/check/catalog-shape.ts";
import { brief, checkNode } from "./check-node.ts";

const read = (given: string) => {
  const { value, diagnostics } = checkNode(schemaShape, given);
  if (!value || !value.shorthand) return { diagnostics: brief(diagnostics) };
  const { base, arrays, nullable, description } = value;
  return { base, arrays, nullable, ...(description === undefined ? {} : { description }) };
};

describe("field shorthand", () => {
  it.each([
    { given: "string", want: { base: "string", arrays: 0, nullable: false } },
    { given: "string The name", want: { base: "string", arrays: 0, nullable: false, description: "The name" } },
    { given: "string[]|null desc", want: { base: "string", arrays: 1, nullable: true, description: "desc" } },
    { given: "'string[][] Rows of cells'", want: { base: "string", arrays: 2, nullable: false, description: "Rows of cells" } },
    { given: "date-time|null When it ended", want: { base: "date-time", arrays: 0, nullable: true, description: "When it ended" } },
    { given: "uri-reference", want: { base: "uri-reference", arrays: 0, nullable: false } },
    { given: "Order[]|null The orders, if any", want: { base: "Order", arrays: 1, nullable: true, description: "The orders, if any" } },
    { given: "'  uuid   The   id  '", want: { base: "uuid", arrays: 0, nullable: false, description: "The   id" } },
    { given: "any Whatever the vendor sends", want: { base: "any", arrays: 0, nullable: false, description: "Whatever the vendor sends" } },
    { given: "|-\n  string A description\n  over two lines", want: { base: "string", arrays: 0, nullable: false, description: "A description\nover two lines" } },
    // Not a known type, but the shape only reads it; the rules report it (EG205, EG303).
    { given: "uuidd", want: { base: "uuidd", arrays: 0, nullable: false } },
    { given: "task_run.v2", want: { base: "task_run.v2", arrays: 0, nullable: false } },
  ])("$given", ({ given, want }) => expect(read(given)).toEqual(want));

  it.each([
    { given: "'string|null[]'", want: ["EG204 1:1 'string|null[]' is not a field shorthand: expected TYPE then an optional description"] },
    { given: "'[]string'", want: ["EG204 1:1 '[]string' is not a field shorthand: expected TYPE then an optional description"] },
    { given: "'|null'", want: ["EG204 1:1 '|null' is not a field shorthand: expected TYPE then an optional description"] },
    { given: "''", want: ["EG204 1:1 '' is not a field shorthand: expected TYPE then an optional description"] },
    { given: "'2fa_code string'", want: ["EG204 1:1 '2fa_code string' is not a field shorthand: expected TYPE then an optional description"] },
    { given: "string | null The a", want: ["EG204 1:1 'string | null The a' has a space inside its type"] },
    { given: "'string [] | null'", want: ["EG204 1:1 'string [] | null' has a space inside its type"] },
    { given: "42", want: ["EG201 1:1 expected a type shorthand such as 'string', 'uuid The id', 'Item[] The items' or 'date-time|null When' or a schema, got number 42"] },
    { given: "[string, null]", want: ["EG201 1:1 expected a type shorthand such as 'string', 'uuid The id', 'Item[] The items' or 'date-time|null When' or a schema, got a list"] },
  ])("rejects $given", ({ given, want }) => expect(read(given)).toEqual({ diagnostics: want }));

  it("says how to write a type with spaces in it", () => {
    expect(checkNode(schemaShape, "string [] | null The tags").diagnostics[0]!.hint).toBe("write the type without spaces: 'string[]|null The tags'");
    expect(checkNode(schemaShape, "'Order [] [] x'").diagnostics[0]!.hint).toBe("write the type without spaces: 'Order[][] x'");
  });
});
