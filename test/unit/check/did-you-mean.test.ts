// Suggestions for unknown keys, types, groups and schemas.
import { describe, expect, it } from "vitest";
import { FORMATS, PRIMITIVES } from "../../../generator/check/catalog-shape.ts";
import { closest, didYouMean, editDistance } from "../../../generator/check/did-you-mean.ts";

const envelopeKeys = ["typeField", "typeHeader", "payloadField", "flat", "fields", "additionalProperties", "description", "notes"];
const types = [...PRIMITIVES, ...FORMATS];

describe("did you mean", () => {
  it.each([
    { given: ["", ""], want: 0 },
    { given: ["abc", ""], want: 3 },
    { given: ["kitten", "sitting"], want: 3 },
    { given: ["trigger", "triger"], want: 1 },
    { given: ["flaw", "lawn"], want: 2 },
    { given: ["titel", "title"], want: 1 }, // a swap of neighbours is one typo
    { given: ["payloadFeild", "payloadField"], want: 1 },
    { given: ["ca", "abc"], want: 3 }, // no edits on a swapped pair (optimal string alignment)
  ])("edit distance $given is $want", ({ given: [a, b], want }) => {
    expect(editDistance(a!, b!)).toBe(want);
    expect(editDistance(b!, a!)).toBe(want);
  });

  it.each([
    { given: "payloadFeild", among: envelopeKeys, want: "payloadField" },
    { given: "payloadfield", among: envelopeKeys, want: "payloadField" },
    { given: "typefield", among: envelopeKeys, want: "typeField" },
    { given: "note", among: envelopeKeys, want: "notes" },
    { given: "uuidd", among: types, want: "uuid" },
    { given: "strng", among: types, want: "string" },
    { given: "integr", among: types, want: "integer" },
    { given: "datetime", among: types, want: "date-time" },
    { given: "bool", among: types, want: undefined }, // 3 edits from boolean: too far for 4 letters
    { given: "timestamp", among: types, want: undefined },
    { given: "ordr", among: ["order", "refund"], want: "order" },
    { given: "ORDER", among: ["Order", "order"], want: "Order" }, // a case-only difference wins, first one first
    { given: "payment", among: ["order", "refund"], want: undefined },
    { given: "x", among: [], want: undefined },
  ])("$given among $among → $want", ({ given, among, want }) => expect(closest(given, among)).toBe(want));

  it("words the suggestion for a message, or says nothing", () => {
    expect(didYouMean("triger", ["group", "trigger"])).toBe(" (did you mean 'trigger'?)");
    expect(didYouMean("zzz", ["group", "trigger"])).toBe("");
  });

  it("allows at most three edits, however long the word", () => {
    expect(closest("connection_status_changed", ["connection_status_chnged"])).toBe("connection_status_chnged");
    expect(closest("connection_status_changed", ["connection_stat_chang"])).toBe(undefined); // four edits
  });
});
