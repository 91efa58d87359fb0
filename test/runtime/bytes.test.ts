// bytes.ts against Node's Buffer (the reference here, never used by the runtime), and the strict
// decoders' refusals.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { base64Decode, base64Encode, concatBytes, hexDecode, hexEncode, utf8Decode, utf8Encode, utf8Length } from "../../generator/runtime/bytes.ts";

const u8 = (b: Buffer) => new Uint8Array(b.buffer, b.byteOffset, b.length);

describe("bytes", () => {
  it("base64 and hex encode as Buffer does, and decode back", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (bytes) => {
        const b64 = base64Encode(bytes);
        expect(b64).toBe(Buffer.from(bytes).toString("base64"));
        expect(base64Decode(b64)).toEqual(bytes);
        const hex = hexEncode(bytes);
        expect(hex).toBe(Buffer.from(bytes).toString("hex"));
        expect(hexDecode(hex)).toEqual(bytes);
        expect(hexDecode(hex.toUpperCase())).toEqual(bytes);
      }),
    );
  });

  it.each([
    ["no padding", "YQ"],
    ["wrong length", "YWJjZ"],
    ["url-safe alphabet", "-_8="],
    ["padding in the middle", "YQ==YQ=="],
    ["three =", "Y==="],
    ["only padding", "===="],
    ["stray bits before ==", "YR=="],
    ["stray bits before =", "YWJ="],
    ["whitespace", "YWJj ZA=="],
    ["non-ASCII", "YWJjé==="],
  ])("base64 refuses %s", (_, text) => {
    expect(base64Decode(text)).toBeUndefined();
  });

  it.each([["odd length", "abc"], ["non-hex", "zz"], ["0x prefix", "0x00"], ["non-ASCII", "éé"]])("hex refuses %s", (_, text) => {
    expect(hexDecode(text)).toBeUndefined();
  });

  it("UTF-8: encodes as Buffer does; decodes strictly; counts bytes without encoding", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 60 }), (s) => {
        expect(utf8Encode(s)).toEqual(u8(Buffer.from(s, "utf8")));
        expect(utf8Length(s)).toBe(Buffer.byteLength(s, "utf8"));
        expect(utf8Decode(utf8Encode(s))).toBe(s);
      }),
    );
    expect(utf8Length("\ud800x")).toBe(4); // a lone surrogate is written as U+FFFD
    expect(utf8Decode(new Uint8Array([0xff, 0xfe]))).toBeUndefined();
    expect(utf8Decode(new Uint8Array([0xc3]))).toBeUndefined();
    expect(utf8Decode(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]))).toBe("\ufeffA"); // the BOM is kept: it is signed
  });

  it("concatBytes", () => {
    expect(concatBytes([new Uint8Array([1]), new Uint8Array(0), new Uint8Array([2, 3])])).toEqual(new Uint8Array([1, 2, 3]));
  });
});
