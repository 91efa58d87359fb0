// The router through its three doors (receive, handle(Request), node(req, res) on a real node:http
// server on 127.0.0.1), for every status code, with onUnknown, handler errors, rotation and seen().
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRouter, type Webhooks } from "../../generator/runtime/router.ts";
import { sign } from "../../generator/runtime/signing.ts";
import { config, OLD_SECRET, router, SECRET, type EventMap } from "./router-fixture.ts";

interface Sent {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
}
interface Got {
  status: number;
  json: Record<string, unknown>;
  headers: Record<string, string>;
}
type Door = (r: Webhooks<EventMap>, s: Sent) => Promise<Got>;

let server: ReturnType<typeof createServer>;
let base = "";
let current: Webhooks<EventMap> | undefined;
/** How the node:http door's request reaches the router: as is, or with an express-style req.body. */
let prepare: (req: IncomingMessage & { body?: unknown }) => Promise<void> = async () => {};

beforeAll(async () => {
  server = createServer(async (req: IncomingMessage & { body?: unknown }, res: ServerResponse) => {
    await prepare(req);
    await current!.node(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const doors: Record<string, Door> = {
  receive: async (r, s) => {
    const out = await r.receive({ body: s.body ?? "", headers: s.headers ?? {}, method: s.method ?? "POST" });
    return { status: out.status, json: JSON.parse(out.body), headers: {} };
  },
  "handle(Request)": async (r, s) => {
    const method = s.method ?? "POST";
    const res = await r.handle(new Request("http://localhost/hook", { method, headers: s.headers ?? {}, ...(method === "GET" ? {} : { body: s.body ?? "" }) }));
    return { status: res.status, json: (await res.json()) as Record<string, unknown>, headers: Object.fromEntries(res.headers) };
  },
  "node:http": async (r, s) => {
    current = r;
    const method = s.method ?? "POST";
    const res = await fetch(base, { method, headers: s.headers ?? {}, ...(method === "GET" ? {} : { body: s.body ?? "" }) });
    return { status: res.status, json: (await res.json()) as Record<string, unknown>, headers: Object.fromEntries(res.headers) };
  },
};

const input = (sent: Sent) => ({ body: sent.body ?? "", headers: sent.headers ?? {} });
const completed = (id = "tr_1") => JSON.stringify({ type: "task_run.completed", data: { id, status: "completed" } });
const signed = async (body: string, opts: { secret?: string; id?: string; timestamp?: number } = {}): Promise<Sent> => ({
  body,
  headers: { "content-type": "application/json", ...(await sign(config.signing!, { body, secret: opts.secret ?? SECRET, ...(opts.id ? { id: opts.id } : {}), ...(opts.timestamp ? { timestamp: opts.timestamp } : {}) })) },
});

describe.each(Object.keys(doors))("through %s", (doorName) => {
  const send = doors[doorName]!;

  it("405: not a POST", async () => {
    const got = await send(router(), { method: "GET" });
    expect(got).toMatchObject({ status: 405, json: { ok: false, reason: "method_not_allowed" } });
    if (doorName !== "receive") expect(got.headers["allow"]).toBe("POST");
  });

  it("413: a body over maxBodyBytes", async () => {
    const body = JSON.stringify({ type: "task_run.completed", data: { id: "x".repeat(2000), status: "completed" } });
    expect(await send(router({ secret: SECRET, maxBodyBytes: 1024 }), await signed(body))).toMatchObject({ status: 413, json: { reason: "payload_too_large" } });
    // a multi-byte body is measured in bytes, not characters
    const wide = JSON.stringify({ type: "task_run.completed", data: { id: "é".repeat(600), status: "completed" } });
    expect((await send(router({ secret: SECRET, maxBodyBytes: 1024 }), await signed(wide))).status).toBe(413);
    expect((await send(router({ secret: SECRET, maxBodyBytes: 2048 }), await signed(wide))).status).toBe(200);
  });

  it("401: missing signature, bad signature, stale timestamp", async () => {
    const r = router();
    expect(await send(r, { body: completed(), headers: { "content-type": "application/json" } })).toMatchObject({ status: 401, json: { reason: "missing_signature" } });
    const good = await signed(completed());
    expect(await send(r, { ...good, body: completed("tr_2") })).toMatchObject({ status: 401, json: { reason: "bad_signature" } });
    expect(await send(r, await signed(completed(), { timestamp: Math.floor(Date.now() / 1000) - 3600 }))).toMatchObject({ status: 401, json: { reason: "timestamp_out_of_range" } });
    expect(await send(router({ secret: SECRET, toleranceSeconds: 7200 }), await signed(completed(), { timestamp: Math.floor(Date.now() / 1000) - 3600 }))).toMatchObject({ status: 200 });
  });

  it("400: not JSON, not UTF-8, not a valid event (with the validator's issues, bounded)", async () => {
    const r = router();
    expect(await send(r, await signed("{not json"))).toMatchObject({ status: 400, json: { reason: "invalid_json" } });
    const bytes = new Uint8Array([0x7b, 0xff, 0x7d]);
    const h = await sign(config.signing!, { body: bytes, secret: SECRET });
    expect(await send(r, { body: bytes, headers: h })).toMatchObject({ status: 400, json: { reason: "invalid_json", message: "the body is not UTF-8 text" } });
    const bad = await send(r, await signed(JSON.stringify({ type: "task_run.failed", data: { id: 1, error: 2 } })));
    expect(bad).toMatchObject({ status: 400, json: { reason: "invalid_event", errors: [{ path: "/data/id", code: "type" }, { path: "/data/error", code: "type" }] } });
    const many = Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`f${i}`, i]));
    const lots = await send(r, await signed(JSON.stringify({ type: "task_run.failed", data: many })));
    expect(lots.status).toBe(400);
    expect((lots.json["errors"] as unknown[]).length).toBe(20);
    expect(lots.json["message"]).toContain("500 issues");
  });

  it("200: the type's handlers in registration order, then onAny, with the narrowed event and the delivery", async () => {
    const calls: string[] = [];
    const r = router()
      .onAny((e, d) => void calls.push(`any:${e.type}:${d.id}`))
      .on("task_run.completed", (e) => void calls.push(`first:${e.data.status}`))
      .on("task_run.failed", () => void calls.push("never"))
      .on(["task_run.completed", "task_run.failed"], async (e, d) => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        calls.push(`second:${e.type}:${d.type}:${d.rawBody.length}:${d.timestamp instanceof Date}`);
      });
    const got = await send(r, await signed(completed(), { id: "msg_ok" }));
    expect(got).toMatchObject({ status: 200, json: { ok: true } });
    expect(calls).toEqual(["first:completed", `second:task_run.completed:task_run.completed:${completed().length}:true`, "any:task_run.completed:msg_ok"]);
  });

  it("202: a validly signed delivery of an unknown type goes to onUnknown, never onAny; unsigned is still 401", async () => {
    const seen: unknown[] = [];
    const r = router()
      .onUnknown((e, d) => void seen.push([e, d.type]))
      .onAny(() => void seen.push("any"));
    const body = JSON.stringify({ type: "task_run.exploded", data: { whatever: 1 } });
    expect(await send(r, await signed(body))).toMatchObject({ status: 202, json: { ok: true, unknown: true } });
    expect(seen).toEqual([[JSON.parse(body), "task_run.exploded"]]);
    expect((await send(router(), await signed(body))).status).toBe(202); // no onUnknown: still acknowledged
    expect((await send(r, { body, headers: {} })).status).toBe(401);
  });

  it("500: a handler threw; every handler still ran; onError got each error", async () => {
    const ran: string[] = [];
    const errors: unknown[] = [];
    const r = router()
      .on("task_run.completed", () => {
        ran.push("a");
        throw new Error("a failed");
      })
      .on("task_run.completed", async () => {
        ran.push("b");
        throw new Error("b failed");
      })
      .onAny(() => void ran.push("any"))
      .onError((err, d) => {
        errors.push([(err as Error).message, d.id]);
        throw new Error("the error handler fails too");
      });
    const got = await send(r, await signed(completed(), { id: "msg_err" }));
    expect(got).toMatchObject({ status: 500, json: { ok: false, reason: "handler_failed", message: "2 handlers failed" } });
    expect(JSON.stringify(got.json)).not.toContain("a failed"); // no internals leak to the sender
    expect(ran).toEqual(["a", "b", "any"]);
    expect(errors).toEqual([["a failed", "msg_err"], ["b failed", "msg_err"]]);
  });

  it("secret rotation: deliveries signed with the old or the new secret are accepted", async () => {
    const r = router({ secret: [SECRET, OLD_SECRET] });
    expect((await send(r, await signed(completed(), { secret: OLD_SECRET }))).status).toBe(200);
    expect((await send(r, await signed(completed(), { secret: SECRET }))).status).toBe(200);
    expect((await send(r, await signed(completed(), { secret: "whsec_" + Buffer.from("stranger").toString("base64") }))).status).toBe(401);
  });

  it("seen(): a delivery already handled is acknowledged without running handlers; a failed one is not remembered", async () => {
    const handledIds = new Set<string>();
    let runs = 0;
    let fail = true;
    const r = router({ secret: SECRET, seen: (id) => handledIds.has(id), handled: (id) => void handledIds.add(id) }).on("task_run.completed", () => {
      runs++;
      if (fail) throw new Error("flaky");
    });
    const delivery = await signed(completed(), { id: "msg_dup" });
    expect((await send(r, delivery)).status).toBe(500);
    fail = false;
    expect(await send(r, delivery)).toMatchObject({ status: 200, json: { ok: true } });
    expect(await send(r, delivery)).toMatchObject({ status: 200, json: { ok: true, duplicate: true } });
    expect(runs).toBe(2);
  });

  it("unsigned deliveries when the catalog allows them: accepted with no secret, refused with one", async () => {
    const open = { ...config, unsignedAllowed: true };
    expect((await send(router({}, open), { body: completed(), headers: {} })).status).toBe(200);
    expect((await send(router({ secret: SECRET }, open), { body: completed(), headers: {} })).status).toBe(401);
  });

  it("a type in a header routes by that header (GitHub's X-GitHub-Event)", async () => {
    const got: string[] = [];
    const byHeader = { ...config, signing: undefined, unsignedAllowed: true, typeField: undefined, typeHeader: "X-GitHub-Event" } as const;
    const r = createRouter<EventMap>(byHeader, {}).on("task_run.failed", (e, d) => void got.push(`${d.type}:${e.data.error}`));
    const body = JSON.stringify({ type: "ignored", data: { id: "1", error: "boom" } });
    expect((await send(r, { body, headers: { "X-GitHub-Event": "task_run.failed" } })).status).toBe(200);
    expect(got).toEqual(["task_run.failed:boom"]);
    expect((await send(r, { body, headers: { "X-GitHub-Event": "ping" } })).status).toBe(202);
  });
});

describe("hooks and validators that throw", () => {
  it("seen() throws: 500 internal_error, reported to onError, no handler runs", async () => {
    const errors: unknown[] = [];
    let ran = 0;
    const r = router({ secret: SECRET, seen: () => { throw new Error("db down"); } })
      .on("task_run.completed", () => void ran++)
      .onError((e) => void errors.push((e as Error).message));
    const out = await r.receive(input(await signed(completed(), { id: "msg_s" })));
    expect(out).toMatchObject({ status: 500, reason: "internal_error" });
    expect(errors).toEqual(["db down"]);
    expect(ran).toBe(0);
  });

  it("handled() throws: still 200 (the handlers succeeded), reported to onError", async () => {
    const errors: unknown[] = [];
    const r = router({ secret: SECRET, handled: async () => { throw new Error("cannot record"); } }).onError((e) => void errors.push((e as Error).message));
    expect((await r.receive(input(await signed(completed(), { id: "msg_h" })))).status).toBe(200);
    expect(errors).toEqual(["cannot record"]);
  });

  it("a validator that throws: 500 internal_error", async () => {
    const r = createRouter<EventMap>({ ...config, validate: () => { throw new Error("bug"); } }, { secret: SECRET });
    expect(await r.receive(input(await signed(completed())))).toMatchObject({ status: 500, reason: "internal_error" });
  });

  it("handle() with a body already read: 400, not a throw", async () => {
    const req = new Request("http://localhost/hook", { method: "POST", body: "{}" });
    await req.text();
    expect((await router().handle(req)).status).toBe(400);
  });
});

describe("creating a router", () => {
  it("a signed catalog without a secret, a secret for an unsigned catalog, a bad maxBodyBytes: TypeErrors", () => {
    expect(() => createRouter(config, {})).toThrow(TypeError);
    expect(() => createRouter(config, { secret: [] })).toThrow(/pass `secret`/);
    expect(() => createRouter({ ...config, signing: undefined }, { secret: "x" })).toThrow(TypeError);
    expect(() => createRouter(config, { secret: SECRET, maxBodyBytes: -1 })).toThrow(TypeError);
    expect(() => createRouter({ ...config, unsignedAllowed: true }, {})).not.toThrow();
  });

  it("receive() with a parsed object: 500 saying to pass the raw body", async () => {
    const out = await router().receive({ body: { type: "task_run.completed" }, headers: {} });
    expect(out).toMatchObject({ status: 500, reason: "misconfigured" });
    expect(out.body).toContain("express.raw");
  });
});

describe("node(req, res) with an express-style req.body", () => {
  afterAll(() => {
    prepare = async () => {};
  });
  const readAll = async (req: IncomingMessage) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    return Buffer.concat(chunks);
  };

  it("a Buffer (express.raw) or a string (express.text) is used as the raw body", async () => {
    const delivery = await signed(completed());
    prepare = async (req) => void (req.body = await readAll(req));
    expect((await doors["node:http"]!(router(), delivery)).status).toBe(200);
    prepare = async (req) => void (req.body = (await readAll(req)).toString("utf8"));
    expect((await doors["node:http"]!(router(), delivery)).status).toBe(200);
  });

  it("an already-parsed body (express.json) is a 500 saying to use express.raw", async () => {
    prepare = async (req) => void (req.body = JSON.parse((await readAll(req)).toString("utf8")));
    const got = await doors["node:http"]!(router(), await signed(completed()));
    expect(got).toMatchObject({ status: 500, json: { reason: "misconfigured" } });
    expect(got.json["message"]).toContain('express.raw({ type: "application/json" })');
  });

  it("an empty {} left by a parser that skipped the request: the router reads the stream itself", async () => {
    prepare = async (req) => void (req.body = {});
    expect((await doors["node:http"]!(router(), await signed(completed()))).status).toBe(200);
  });
});

describe("node(req, res) reading a large body", () => {
  it("a chunked body (no Content-Length) is answered 413 as soon as it passes maxBodyBytes", async () => {
    current = router({ secret: SECRET, maxBodyBytes: 64 * 1024 });
    const t0 = performance.now();
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(base, { method: "POST", headers: { "transfer-encoding": "chunked" } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on("error", reject);
      const chunk = Buffer.alloc(16 * 1024, 0x61);
      let sent = 0;
      const pump = () => {
        // keep writing (up to 64 MiB) until the answer arrives: the server must not wait for the end
        while (sent < 64 * 1024 * 1024 && req.write(chunk)) sent += chunk.length;
        if (sent < 64 * 1024 * 1024) req.once("drain", pump);
      };
      pump();
    });
    expect(status).toBe(413);
    expect(performance.now() - t0).toBeLessThan(5000);
  });

  it("a Content-Length over the limit is answered 413 before reading", async () => {
    current = router({ secret: SECRET, maxBodyBytes: 1024 });
    const res = await fetch(base, { method: "POST", body: "x".repeat(4096) });
    expect(res.status).toBe(413);
  });
});
