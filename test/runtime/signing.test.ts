// verify() and sign() on both crypto paths (node:crypto and WebCrypto), with the same tests:
// the vendors' published vectors, round trips against the reference libraries in both
// directions, every scheme's sign → verify, rotation, the timestamp window and each failure reason.
import { sign as octokitSign, verify as octokitVerify } from "@octokit/webhooks-methods";
import { Webhook } from "standardwebhooks";
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cryptoBackend, MAX_CACHED_KEYS, setCryptoBackend } from "../../generator/runtime/hmac.ts";
import { getHeader, sign, verify, verifyNow, type SigningScheme } from "../../generator/runtime/signing.ts";
import { github, SCHEMES, SECRETS, slack, standardWebhooks, stripe as stripeScheme } from "./schemes.ts";

const stripeLib = new Stripe("sk_test_unused");
const at = (unixSeconds: number) => new Date(unixSeconds * 1000);

describe.each(["node", "webcrypto"] as const)("signing through %s", (backend) => {
  beforeAll(() => setCryptoBackend(backend));
  afterAll(() => setCryptoBackend("auto"));

  it("uses that path", () => {
    expect(cryptoBackend()).toBe(backend);
  });

  describe("published vectors", () => {
    // standard-webhooks/standard-webhooks, libraries/javascript/src/webhook.test.ts ("sign function works"), also in the Python tests
    const sw = { secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", id: "msg_p5jXN8AQM9LWM0D4loKWxJek", timestamp: 1614265330, body: '{"test": 2432232314}', signature: "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=" };

    it("Standard Webhooks: sign gives the libraries' signature, verify accepts it", async () => {
      const headers = await sign(standardWebhooks, { body: sw.body, secret: sw.secret, id: sw.id, timestamp: sw.timestamp });
      expect(headers).toEqual({ "webhook-id": sw.id, "webhook-timestamp": "1614265330", "webhook-signature": sw.signature });
      const r = await verify(standardWebhooks, { body: sw.body, headers, secret: sw.secret, now: at(sw.timestamp + 10) });
      expect(r).toEqual({ ok: true, id: sw.id, timestamp: at(sw.timestamp) });
      // the libraries also accept the secret without its prefix
      expect((await verify(standardWebhooks, { body: sw.body, headers, secret: "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", now: at(sw.timestamp) })).ok).toBe(true);
    });

    it("Standard Webhooks: the libraries' multi-signature header (v2 entries skipped, one valid v1)", async () => {
      const headers = { "webhook-id": sw.id, "webhook-timestamp": String(sw.timestamp), "webhook-signature": ["v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=", "v2,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=", sw.signature, "v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc="].join(" ") };
      expect((await verify(standardWebhooks, { body: sw.body, headers, secret: sw.secret, now: at(sw.timestamp) })).ok).toBe(true);
      // the libraries' invalid and partial signatures
      for (const bad of ["v1,dawfeoifkpqwoekfpqoekf", "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OA=", sw.signature.slice(0, 8)]) {
        const r = await verify(standardWebhooks, { body: sw.body, headers: { ...headers, "webhook-signature": bad }, secret: sw.secret, now: at(sw.timestamp) });
        expect(r).toMatchObject({ ok: false, reason: "bad_signature" });
      }
      const empty = await verify(standardWebhooks, { body: sw.body, headers: { ...headers, "webhook-signature": "v1," }, secret: sw.secret, now: at(sw.timestamp) });
      expect(empty).toMatchObject({ ok: false, reason: "malformed_header" });
    });

    it("GitHub's documented example", async () => {
      // docs.github.com, "Validating webhook deliveries": secret, payload and expected signature
      const headers = await sign(github, { body: "Hello, World!", secret: "It's a Secret to Everybody" });
      expect(headers["X-Hub-Signature-256"]).toBe("sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17");
      const r = await verify(github, { body: "Hello, World!", headers: { "x-hub-signature-256": headers["X-Hub-Signature-256"]! }, secret: "It's a Secret to Everybody" });
      expect(r.ok).toBe(true);
    });

    it("Slack's documented example", async () => {
      // api.slack.com, "Verifying requests from Slack"
      const body =
        "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
      const expected = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";
      const secret = "8f742231b10e8888abcd99yyyzzz85a5";
      expect((await sign(slack, { body, secret, timestamp: 1531420618 }))["X-Slack-Signature"]).toBe(expected);
      const headers = { "X-Slack-Request-Timestamp": "1531420618", "X-Slack-Signature": expected };
      expect(await verify(slack, { body, headers, secret, now: at(1531420618 + 60) })).toEqual({ ok: true, timestamp: at(1531420618) });
      expect(await verify(slack, { body, headers, secret, now: at(1531420618 + 301) })).toMatchObject({ ok: false, reason: "timestamp_out_of_range" });
    });
  });

  describe("round trips with the reference libraries", () => {
    const body = JSON.stringify({ type: "task_run.completed", data: { id: "tr_1", status: "completed", note: "é ✓ 😀" } });

    it("standardwebhooks signs, we verify; we sign, standardwebhooks verifies", async () => {
      const secret = SECRETS["standardWebhooks"]!;
      const wh = new Webhook(secret);
      const now = new Date();
      const theirs = { "webhook-id": "msg_1", "webhook-timestamp": String(Math.floor(now.getTime() / 1000)), "webhook-signature": wh.sign("msg_1", now, body) };
      expect(await verify(standardWebhooks, { body, headers: theirs, secret })).toMatchObject({ ok: true, id: "msg_1" });
      const ours = await sign(standardWebhooks, { body, secret });
      expect(ours["webhook-id"]).toMatch(/^msg_[A-Za-z0-9_-]{24}$/);
      expect(wh.verify(body, ours)).toEqual(JSON.parse(body));
    });

    it("@octokit/webhooks-methods signs, we verify; we sign, it verifies", async () => {
      const secret = SECRETS["github"]!;
      const theirs = await octokitSign(secret, body);
      expect(await verify(github, { body, headers: { "X-Hub-Signature-256": theirs }, secret })).toEqual({ ok: true });
      const ours = await sign(github, { body, secret });
      expect(await octokitVerify(secret, body, ours["X-Hub-Signature-256"]!)).toBe(true);
    });

    it("stripe's generateTestHeaderString signs, we verify; we sign, constructEvent and constructEventAsync accept it", async () => {
      const secret = SECRETS["stripe"]!;
      const theirs = stripeLib.webhooks.generateTestHeaderString({ payload: body, secret });
      expect((await verify(stripeScheme, { body, headers: { "stripe-signature": theirs }, secret })).ok).toBe(true);
      const ours = await sign(stripeScheme, { body, secret });
      expect(ours["Stripe-Signature"]).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
      expect(stripeLib.webhooks.constructEvent(body, ours["Stripe-Signature"]!, secret)).toEqual(JSON.parse(body));
      expect(await stripeLib.webhooks.constructEventAsync(body, ours["Stripe-Signature"]!, secret)).toEqual(JSON.parse(body));
    });

    it("Stripe during a rotation: t=…,v1=<old>,v1=<new>,v0=… verifies with either secret", async () => {
      const t = Math.floor(Date.now() / 1000);
      const a = stripeLib.webhooks.generateTestHeaderString({ payload: body, secret: "whsec_old", timestamp: t });
      const b = stripeLib.webhooks.generateTestHeaderString({ payload: body, secret: "whsec_new", timestamp: t });
      const header = `${a},v1=${b.split("v1=")[1]},v0=deadbeef`;
      for (const secret of ["whsec_old", "whsec_new", ["whsec_other", "whsec_new"]]) expect((await verify(stripeScheme, { body, headers: { "Stripe-Signature": header }, secret })).ok).toBe(true);
      expect(await verify(stripeScheme, { body, headers: { "Stripe-Signature": header }, secret: "whsec_other" })).toMatchObject({ ok: false, reason: "bad_signature" });
    });
  });

  describe.each(Object.keys(SCHEMES))("%s", (name) => {
    const scheme = SCHEMES[name]!;
    const secret = SECRETS[name]!;
    const body = '{"id":"evt_1","type":"thing.happened","data":{"n":1,"s":"ü"}}';

    it("sign → verify, for a string, a Uint8Array and an ArrayBuffer body", async () => {
      const headers = await sign(scheme, { body, secret, id: "msg_x", timestamp: new Date() });
      const bytes = new TextEncoder().encode(body);
      for (const b of [body, bytes, bytes.buffer, Buffer.from(body)]) expect(await verify(scheme, { body: b, headers, secret })).toMatchObject({ ok: true });
      // a Headers object and lowercase names
      expect((await verify(scheme, { body, headers: new Headers(headers), secret })).ok).toBe(true);
      const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
      expect((await verify(scheme, { body, headers: lower, secret })).ok).toBe(true);
    });

    it("one changed byte of the body, or another secret, is a bad signature", async () => {
      const headers = await sign(scheme, { body, secret });
      expect(await verify(scheme, { body: body.replace('"n":1', '"n":2'), headers, secret })).toMatchObject({ ok: false, reason: "bad_signature" });
      expect(await verify(scheme, { body: body + " ", headers, secret })).toMatchObject({ ok: false, reason: "bad_signature" });
      const other = scheme.secret.encoding === "base64" ? "whsec_" + Buffer.from("another key!").toString("base64") : secret + "x";
      expect(await verify(scheme, { body, headers, secret: other })).toMatchObject({ ok: false, reason: "bad_signature" });
    });

    it("secret rotation: any one matching secret is enough", async () => {
      const headers = await sign(scheme, { body, secret });
      const other = scheme.secret.encoding === "base64" ? "whsec_" + Buffer.from("old key").toString("base64") : "old-secret";
      expect((await verify(scheme, { body, headers, secret: [other, secret] })).ok).toBe(true);
      expect((await verify(scheme, { body, headers, secret: [secret, other] })).ok).toBe(true);
    });

    it("no signature header → missing_signature", async () => {
      const headers = await sign(scheme, { body, secret });
      const without = Object.fromEntries(Object.entries(headers).filter(([k]) => k !== scheme.signature.header));
      const r = await verify(scheme, { body, headers: without, secret });
      expect(r).toMatchObject({ ok: false, reason: "missing_signature" });
    });

    // Only the schemes that sign a timestamp have these two (no test is left skipped).
    const timed = SCHEMES[name]!.timestamp !== undefined ? it : () => {};
    timed("the timestamp window, both directions; toleranceSeconds overrides it", async () => {
      const t = 1_700_000_000;
      const headers = await sign(scheme, { body, secret, timestamp: t });
      expect(await verify(scheme, { body, headers, secret, now: at(t + 300) })).toMatchObject({ ok: true, timestamp: at(t) });
      expect(await verify(scheme, { body, headers, secret, now: at(t - 300) })).toMatchObject({ ok: true });
      expect(await verify(scheme, { body, headers, secret, now: at(t + 301) })).toMatchObject({ ok: false, reason: "timestamp_out_of_range" });
      expect(await verify(scheme, { body, headers, secret, now: at(t - 301) })).toMatchObject({ ok: false, reason: "timestamp_out_of_range" });
      expect(await verify(scheme, { body, headers, secret, now: at(t + 1000), toleranceSeconds: 1000 })).toMatchObject({ ok: true });
      expect(await verify(scheme, { body, headers, secret, now: at(t + 11), toleranceSeconds: 10 })).toMatchObject({ ok: false, reason: "timestamp_out_of_range" });
    });

    timed("a changed timestamp is a bad signature; a missing or non-numeric one is refused", async () => {
      const t = Math.floor(Date.now() / 1000);
      const headers = await sign(scheme, { body, secret, timestamp: t });
      const ts = scheme.timestamp!;
      const edit = (to: string | undefined) => {
        const h: Record<string, string> = { ...headers };
        if (ts.part) h[ts.header] = to === undefined ? h[ts.header]!.replace(/(^|,)t=\d+,?/, "$1") : h[ts.header]!.replace(`t=${t}`, `t=${to}`);
        else if (to === undefined) delete h[ts.header];
        else h[ts.header] = to;
        return h;
      };
      expect(await verify(scheme, { body, headers: edit(String(t + 1)), secret })).toMatchObject({ ok: false, reason: "bad_signature" });
      expect(await verify(scheme, { body, headers: edit(undefined), secret })).toMatchObject({ ok: false, reason: "missing_timestamp" });
      expect(await verify(scheme, { body, headers: edit("soon"), secret })).toMatchObject({ ok: false, reason: "malformed_header" });
      expect(await verify(scheme, { body, headers: edit("1e9"), secret })).toMatchObject({ ok: false, reason: "malformed_header" });
    });
  });

  it("a signed {id} is required and bound to the signature", async () => {
    const body = "{}";
    const secret = SECRETS["standardWebhooks"]!;
    const headers = await sign(standardWebhooks, { body, secret, id: "msg_a" });
    expect(await verify(standardWebhooks, { body, headers: { ...headers, "webhook-id": "msg_b" }, secret })).toMatchObject({ ok: false, reason: "bad_signature" });
    const { "webhook-id": _, ...noId } = headers;
    expect(await verify(standardWebhooks, { body, headers: noId, secret })).toMatchObject({ ok: false, reason: "malformed_header", message: expect.stringContaining("webhook-id") });
  });

  it("an id that is not signed is returned when sent", async () => {
    const headers = await sign(github, { body: "{}", secret: "s", id: "d-1" });
    expect(headers["X-GitHub-Delivery"]).toBe("d-1");
    expect(await verify(github, { body: "{}", headers, secret: "s" })).toEqual({ ok: true, id: "d-1" });
  });

  it("Truto's header carries format=sha256 before the signature", async () => {
    const headers = await sign(SCHEMES["trutoHex"]!, { body: "{}", secret: "k" });
    expect(headers["X-Truto-Signature"]).toMatch(/^format=sha256,v=[0-9a-f]{64}$/);
    const b64 = await sign(SCHEMES["trutoBase64"]!, { body: "{}", secret: "k" });
    expect(b64["X-Truto-Signature"]).toMatch(/^format=sha256,v=[A-Za-z0-9+/]{43}=$/);
  });

  it("sha1 and sha512 schemes", async () => {
    for (const algorithm of ["sha1", "sha512"] as const) {
      const scheme: SigningScheme = { ...github, algorithm, signature: { header: "X-Sig", encoding: "hex", prefix: `${algorithm}=` } };
      const headers = await sign(scheme, { body: "x", secret: "k" });
      const { createHmac } = await import("node:crypto");
      expect(headers["X-Sig"]).toBe(`${algorithm}=${createHmac(algorithm, "k").update("x").digest("hex")}`);
      expect((await verify(scheme, { body: "x", headers, secret: "k" })).ok).toBe(true);
    }
  });

  it("a millisecond timestamp", async () => {
    const scheme: SigningScheme = { ...slack, timestamp: { header: "X-Ts", unit: "milliseconds", tolerance: 60 } };
    const headers = await sign(scheme, { body: "x", secret: "k", timestamp: new Date(1_700_000_000_123) });
    expect(headers["X-Ts"]).toBe("1700000000123");
    expect(await verify(scheme, { body: "x", headers, secret: "k", now: new Date(1_700_000_030_000) })).toMatchObject({ ok: true, timestamp: new Date(1_700_000_000_123) });
  });

  it("a parsed object as body is refused with a message saying to pass the raw body", async () => {
    const r = await verify(github, { body: { hello: "world" } as never, headers: { "X-Hub-Signature-256": "sha256=00" }, secret: "s" });
    expect(r).toMatchObject({ ok: false, reason: "invalid_body" });
    expect(!r.ok && r.message).toMatch(/raw body.*express\.raw.*request\.text\(\)/);
    await expect(sign(github, { body: { a: 1 } as never, secret: "s" })).rejects.toThrow(TypeError);
  });

  it.each([
    ["an empty secret", ""],
    ["no secret", []],
    ["a secret that is not a string", [42]],
  ])("%s → invalid_secret", async (_, secret) => {
    expect(await verify(github, { body: "x", headers: { "X-Hub-Signature-256": "sha256=00" }, secret: secret as never })).toMatchObject({ ok: false, reason: "invalid_secret" });
  });

  it("a base64 secret that does not decode → invalid_secret", async () => {
    expect(await verify(standardWebhooks, { body: "x", headers: {}, secret: "whsec_not base64!" })).toMatchObject({ ok: false, reason: "invalid_secret" });
    await expect(sign(standardWebhooks, { body: "x", secret: "whsec_%%%" })).rejects.toThrow(TypeError);
  });

  it(`more secrets than the key cache holds (${MAX_CACHED_KEYS}) still verify`, async () => {
    for (let i = 0; i < MAX_CACHED_KEYS * 2 + 3; i++) {
      const secret = `secret-${i}`;
      const headers = await sign(github, { body: "x", secret });
      expect((await verify(github, { body: "x", headers, secret })).ok).toBe(true);
    }
  });

  it("verifyNow answers at once with node:crypto, with a promise with WebCrypto", async () => {
    const headers = await sign(github, { body: "x", secret: "s" });
    const r = verifyNow(github, { body: "x", headers, secret: "s" });
    expect(r instanceof Promise).toBe(backend === "webcrypto");
    expect(await r).toMatchObject({ ok: true });
  });

  it("getHeader: any letter case; the first of repeated values; Headers", () => {
    expect(getHeader({ "X-Thing": "a" }, "x-thing")).toBe("a");
    expect(getHeader({ "x-thing": ["a", "b"] }, "X-Thing")).toBe("a");
    expect(getHeader({ "x-THING": "c" }, "X-Thing")).toBe("c");
    expect(getHeader(new Headers({ "X-Thing": "d" }), "x-thing")).toBe("d");
    expect(getHeader({ other: "e" }, "x-thing")).toBeUndefined();
  });
});
