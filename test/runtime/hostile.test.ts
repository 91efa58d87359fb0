// What a sender controls cannot make verify() throw or work without bound: huge, repeated,
// non-ASCII and wrongly encoded headers, wrong types, throwing header objects. Both crypto paths.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setCryptoBackend } from "../../generator/runtime/hmac.ts";
import { MAX_SIGNATURES, sign, verify, type VerifyFailure } from "../../generator/runtime/signing.ts";
import { github, SECRETS, standardWebhooks, stripe } from "./schemes.ts";

const secret = SECRETS["standardWebhooks"]!;
const body = '{"type":"x"}';
const TEN_MB = "A".repeat(10 * 1024 * 1024);

async function timed(run: () => Promise<unknown>): Promise<{ value: unknown; ms: number }> {
  const t0 = performance.now();
  const value = await run();
  return { value, ms: performance.now() - t0 };
}

describe.each(["node", "webcrypto"] as const)("hostile input through %s", (backend) => {
  beforeAll(() => setCryptoBackend(backend));
  afterAll(() => setCryptoBackend("auto"));

  let good: Record<string, string>;
  beforeAll(async () => {
    good = await sign(standardWebhooks, { body, secret, id: "msg_1" });
  });

  const cases: [string, VerifyFailure, () => Record<string, unknown>][] = [
    ["a 10 MB signature header", "malformed_header", () => ({ ...good, "webhook-signature": "v1," + TEN_MB })],
    ["a 10 MB id header", "malformed_header", () => ({ ...good, "webhook-id": TEN_MB })],
    ["a 10 MB timestamp header", "malformed_header", () => ({ ...good, "webhook-timestamp": TEN_MB })],
    ["16,000 characters of short entries", "bad_signature", () => ({ ...good, "webhook-signature": "v1,AAAA ".repeat(2000) })],
    ["1,000 repeated signature headers", "bad_signature", () => ({ ...good, "webhook-signature": Array.from({ length: 1000 }, () => "v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=") })],
    ["a non-ASCII signature", "bad_signature", () => ({ ...good, "webhook-signature": "v1," + "é".repeat(44) })],
    ["non-ASCII digits as the timestamp", "malformed_header", () => ({ ...good, "webhook-timestamp": "١٧٠٠٠٠٠٠٠٠" })],
    ["a negative timestamp", "malformed_header", () => ({ ...good, "webhook-timestamp": "-5" })],
    ["a fractional timestamp", "malformed_header", () => ({ ...good, "webhook-timestamp": "1700000000.5" })],
    ["a far-future timestamp", "bad_signature", () => ({ ...good, "webhook-timestamp": "999999999999999" })],
    ["url-safe base64 in the signature", "bad_signature", () => ({ ...good, "webhook-signature": "v1," + "-_".repeat(21) + "A=" })],
    ["a number where a string goes", "missing_signature", () => ({ ...good, "webhook-signature": 12345 })],
    ["an object where a string goes", "missing_signature", () => ({ ...good, "webhook-signature": { toString: () => good["webhook-signature"] } })],
    ["null values", "missing_signature", () => ({ "webhook-id": null, "webhook-timestamp": null, "webhook-signature": null })],
    ["an array of non-strings", "missing_signature", () => ({ ...good, "webhook-signature": [1, null, {}] })],
    ["a throwing getter", "missing_signature", () => Object.defineProperty({ ...good }, "webhook-signature", { get: () => { throw new Error("boom"); }, enumerable: true })],
    ["a Headers-like whose get throws", "missing_signature", () => ({ get: () => { throw new Error("boom"); } })],
    ["100,000 unrelated headers", "missing_signature", () => Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`X-${i}`, "v"]))],
  ];

  it.each(cases)("%s → %s, quickly", async (_, reason, headers) => {
    const h = headers();
    const { value, ms } = await timed(() => verify(standardWebhooks, { body, headers: h as never, secret }));
    expect(value).toMatchObject({ ok: false, reason });
    expect(ms).toBeLessThan(1000);
  });

  it("headers that are not an object at all", async () => {
    for (const headers of [null, undefined, "webhook-signature: v1,x", 42, []]) {
      const r = await verify(standardWebhooks, { body, headers: headers as never, secret });
      expect(r).toMatchObject({ ok: false });
    }
  });

  it(`at most ${MAX_SIGNATURES} signatures are checked: a valid one after them is not reached`, async () => {
    const junk = Array.from({ length: MAX_SIGNATURES }, () => "v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=").join(" ");
    expect(await verify(standardWebhooks, { body, headers: { ...good, "webhook-signature": `${junk} ${good["webhook-signature"]}` }, secret })).toMatchObject({ ok: false, reason: "bad_signature" });
    expect(await verify(standardWebhooks, { body, headers: { ...good, "webhook-signature": `${good["webhook-signature"]} ${junk}` }, secret })).toMatchObject({ ok: true });
  });

  it("Stripe: a header of only commas and equals signs; duplicated t parts; hex of the wrong length", async () => {
    for (const [header, reason] of [
      [",,,,=,=,==,", "malformed_header"],
      ["t=1,t=2,v1=" + "0".repeat(64), "timestamp_out_of_range"],
      ["t=1700000000,v1=" + "0".repeat(63), "bad_signature"],
      ["t=1700000000,v1=" + "g".repeat(64), "bad_signature"],
    ] as const) {
      const r = await verify(stripe, { body, headers: { "Stripe-Signature": header }, secret: "whsec_x", now: new Date(1_700_000_000_000) });
      if (reason === "timestamp_out_of_range") expect(r).toMatchObject({ ok: false, reason: "bad_signature" }); // the signature is checked before the window
      else expect(r).toMatchObject({ ok: false, reason });
    }
  });

  it("GitHub: a prefix in another case or a bare hex is not a signature", async () => {
    const h = await sign(github, { body, secret: "s" });
    const hex = h["X-Hub-Signature-256"]!.slice("sha256=".length);
    expect(await verify(github, { body, headers: { "X-Hub-Signature-256": "SHA256=" + hex }, secret: "s" })).toMatchObject({ ok: false, reason: "malformed_header" });
    expect(await verify(github, { body, headers: { "X-Hub-Signature-256": hex }, secret: "s" })).toMatchObject({ ok: false, reason: "malformed_header" });
    expect(await verify(github, { body, headers: { "X-Hub-Signature-256": "sha256=" + hex.toUpperCase() }, secret: "s" })).toMatchObject({ ok: true }); // hex is case-blind
  });

  it("a body of invalid UTF-8 bytes is still verified as bytes", async () => {
    const bytes = new Uint8Array([0xff, 0xfe, 0x00, 0x80]);
    const h = await sign(github, { body: bytes, secret: "s" });
    expect(await verify(github, { body: bytes, headers: h, secret: "s" })).toMatchObject({ ok: true });
    expect(await verify(github, { body: "\ufffd\ufffd\u0000\ufffd", headers: h, secret: "s" })).toMatchObject({ ok: false, reason: "bad_signature" });
  });
});
