// `eventgen send` and `eventgen example` against real node:http servers on 127.0.0.1 (ephemeral
// ports): Deck deliveries verified with the reference library (standardwebhooks) and validated
// with Ajv on the package's JSON Schemas; Truto, Chift and a header-typed case verified by their
// own packages' receivers. Failures (refused, unknown host, timeout) are one line each. Only
// loopback addresses are contacted; the unknown host is under .invalid, which never resolves.
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeAjv } from "../support/ajv.ts";
import { runCli } from "../support/run-cli.ts";

interface Received {
  body: string;
  headers: IncomingHttpHeaders;
  verdict: { status: number; reason?: string };
}

type Judge = (body: string, headers: IncomingHttpHeaders) => Promise<{ status: number; reason?: string }> | { status: number; reason?: string };

/** A receiver on 127.0.0.1: records every delivery and answers with the judge's verdict. */
async function receiver(judge: Judge): Promise<{ url: string; received: Received[]; server: Server }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const verdict = await judge(body, req.headers);
      received.push({ body, headers: req.headers, verdict });
      res.writeHead(verdict.status, { "content-type": "application/json" });
      res.end(`${JSON.stringify({ ok: verdict.status === 200, reason: verdict.reason })}\nsecond line\n`);
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks`, received, server };
}

const close = (s: Server) => new Promise<void>((r) => (s.closeAllConnections(), s.close(() => r())));

const secret = `whsec_${randomBytes(24).toString("base64")}`;
const ajv = makeAjv();
const schemaOf = new Map<string, (x: unknown) => boolean>();
const deckValid = (type: string, body: unknown) => {
  if (!schemaOf.has(type)) schemaOf.set(type, ajv.compile(JSON.parse(readFileSync(`generated/deck/schemas/${type}.json`, "utf8"))) as (x: unknown) => boolean);
  return schemaOf.get(type)!(body);
};

/** Deck's judge: the reference library verifies, Ajv validates. */
const deckJudge: Judge = (body, headers) => {
  try {
    new Webhook(secret).verify(body, headers as Record<string, string>);
  } catch (err) {
    return { status: 401, reason: `signature: ${(err as Error).message}` };
  }
  const event = JSON.parse(body) as { type: string };
  return deckValid(event.type, event) ? { status: 200 } : { status: 400, reason: "invalid" };
};

const lines = (out: string) => out.split("\n").filter(Boolean);

describe("eventgen send: Deck, verified by standardwebhooks and validated by Ajv", () => {
  let r: Awaited<ReturnType<typeof receiver>>;
  beforeAll(async () => {
    r = await receiver(deckJudge);
    process.env["EVENTGEN_TEST_SECRET"] = secret;
  });
  afterAll(async () => {
    delete process.env["EVENTGEN_TEST_SECRET"];
    await close(r.server);
  });
  const at = () => r.received.length;

  it("--all delivers every type once; each verifies and validates; a summary table ends it", async () => {
    const start = at();
    const { code, out, err } = await runCli("send", "--all", "--catalog", "catalog/deck.yaml", "--to", r.url, "--secret-env", "EVENTGEN_TEST_SECRET");
    expect(err).toBe("");
    expect(code).toBe(0);
    const got = r.received.slice(start);
    const deck = (await import("../../generated/deck/dist/index.js")) as { eventTypes: readonly string[] };
    expect(got.map((g) => (JSON.parse(g.body) as { type: string }).type).sort()).toEqual([...deck.eventTypes].sort());
    for (const g of got) {
      expect(g.verdict, g.body).toEqual({ status: 200 });
      expect(g.headers["content-type"]).toBe("application/json");
      const body = JSON.parse(g.body) as { id: string; created_at: string };
      // A fresh id (also the delivery's id) and now in the envelope.
      expect(body.id).toMatch(/^evt_[0-9a-f]{32}$/);
      expect(g.headers["webhook-id"]).toBe(body.id);
      expect(Math.abs(Date.parse(body.created_at) - Date.now())).toBeLessThan(60_000);
    }
    expect(new Set(got.map((g) => g.headers["webhook-id"])).size).toBe(got.length);
    const printed = lines(out);
    expect(printed.filter((l) => / 200 /.test(l) && l.includes('{"ok":true}'))).toHaveLength(deck.eventTypes.length);
    expect(out).not.toContain("second line");
    expect(out).toMatch(/^outcome\s+deliveries\s+min ms\s+median ms\s+max ms$/m);
    expect(out).toMatch(new RegExp(`^200\\s+${deck.eventTypes.length}\\s`, "m"));
    expect(out).toContain(`${deck.eventTypes.length} deliveries: ${deck.eventTypes.length} 2xx, 0 not`);
    expect(out + err).not.toContain(secret.slice(6));
  });

  it("--all --group sends only the group's types; one type picks its catalog among several", async () => {
    const start = at();
    const { code } = await runCli("send", "--all", "--group", "agent", "--catalog", "catalog/deck.yaml", "--to", r.url, "--secret", secret);
    expect(code).toBe(0);
    expect(r.received.slice(start).map((g) => (JSON.parse(g.body) as { type: string }).type)).toEqual(["agent.created", "agent.updated", "agent.deleted"]);
    const one = await runCli("send", "task_run.failed", "connection.invalid", "--to", r.url, "--secret-env", "EVENTGEN_TEST_SECRET");
    expect(one.code).toBe(0);
    expect(lines(one.out).slice(0, 2).map((l) => l.split(/\s+/)[0])).toEqual(["task_run.failed", "connection.invalid"]);
    expect(lines(one.out)[0]).toMatch(/^task_run\.failed\s+200\s+\d+ ms\s+\{"ok":true\}$/);
  });

  it("--set edits one field (JSON where it parses) and --data replaces the payload, inline or from a file", async () => {
    let start = at();
    expect((await runCli("send", "task_run.failed", "--to", r.url, "--secret", secret, "--set", "request_id=req_42", "--set", "data.errors.0.field=\"password\"")).code).toBe(0);
    const set = JSON.parse(r.received[start]!.body) as { request_id: string; data: { errors: { field: string }[] } };
    expect(set.request_id).toBe("req_42");
    expect(set.data.errors[0]!.field).toBe("password");

    const example = JSON.parse((await runCli("example", "agent.created")).out) as { data: Record<string, unknown> };
    const data = { ...example.data, name: "From --data" };
    start = at();
    expect((await runCli("send", "agent.created", "--to", r.url, "--secret", secret, "--data", JSON.stringify(data))).code).toBe(0);
    expect((JSON.parse(r.received[start]!.body) as { data: unknown }).data).toEqual(data);

    const dir = mkdtempSync(join(tmpdir(), "eventgen-send-"));
    try {
      writeFileSync(join(dir, "data.json"), JSON.stringify({ ...data, name: "From a file" }));
      start = at();
      expect((await runCli("send", "agent.created", "--to", r.url, "--secret", secret, "--data", `@${join(dir, "data.json")}`)).code).toBe(0);
      expect((JSON.parse(r.received[start]!.body) as { data: { name: string } }).data.name).toBe("From a file");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("an invalid body is refused with the validator's located errors, and sent with --invalid", async () => {
    const start = at();
    const refused = await runCli("send", "task_run.failed", "--to", r.url, "--secret", secret, "--set", "data.status=7");
    expect(refused.code).toBe(1);
    expect(refused.err).toContain("catalog/deck.yaml: task_run.failed: the body does not match the event's schema, so it was not sent:");
    expect(refused.err).toMatch(/^ {2}\/data\/status /m);
    expect(at()).toBe(start);

    const sent = await runCli("send", "task_run.failed", "--to", r.url, "--secret", secret, "--set", "data.status=7", "--invalid");
    expect(sent.code).toBe(1);
    expect(r.received[start]!.verdict).toEqual({ status: 400, reason: "invalid" });
    expect(sent.out).toMatch(/^task_run\.failed\s+400\s/);
  });

  it("--repeat N --concurrency C sends N deliveries, each with its own id and signature", async () => {
    const start = at();
    const { code, out } = await runCli("send", "agent.created", "--to", r.url, "--secret", secret, "--repeat", "20", "--concurrency", "4");
    expect(code).toBe(0);
    const got = r.received.slice(start);
    expect(got).toHaveLength(20);
    expect(got.every((g) => g.verdict.status === 200)).toBe(true);
    expect(new Set(got.map((g) => g.headers["webhook-id"])).size).toBe(20);
    expect(out).toContain("20 deliveries: 20 2xx, 0 not");
  });

  it("--dry-run prints a curl command line that carries a valid signature, never the secret, and sends nothing", async () => {
    const start = at();
    const { code, out, err } = await runCli("send", "task_run.completed", "--to", r.url, "--secret-env", "EVENTGEN_TEST_SECRET", "--dry-run");
    expect(code).toBe(0);
    expect(at()).toBe(start);
    expect(err).toContain("nothing sent");
    expect(out).not.toContain(secret);
    expect(out).not.toContain(secret.slice(6));
    expect(out.startsWith(`curl -sS -X POST '${r.url}' -H 'content-type: application/json'`)).toBe(true);
    // The printed request is exact: its headers and body verify.
    const headers = Object.fromEntries([...out.matchAll(/-H '([^:']+): ([^']*)'/g)].map((m) => [m[1]!, m[2]!]));
    const body = /--data-raw '((?:[^']|'\\'')*)'$/.exec(out)![1]!.replace(/'\\''/g, "'");
    expect(() => new Webhook(secret).verify(body, headers)).not.toThrow();
    expect(deckValid("task_run.completed", JSON.parse(body))).toBe(true);
  });

  it("--unsigned sends no signature (and the reference library refuses it)", async () => {
    const start = at();
    const { code, out } = await runCli("send", "agent.created", "--to", r.url, "--unsigned");
    expect(code).toBe(1);
    expect(r.received[start]!.headers["webhook-signature"]).toBeUndefined();
    expect(out).toMatch(/^agent\.created\s+401\s/);
  });
});

describe("eventgen send: failures are one clear line each", () => {
  it("connection refused (a closed port)", async () => {
    const s = createServer();
    await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
    const port = (s.address() as AddressInfo).port;
    await close(s);
    const { code, out, err } = await runCli("send", "agent.created", "--to", `http://127.0.0.1:${port}/`, "--secret", secret);
    expect(code).toBe(1);
    expect(lines(out)).toEqual([expect.stringMatching(new RegExp(`^agent\\.created\\s+failed\\s+\\d+ ms\\s+connection refused by 127\\.0\\.0\\.1:${port}: is the receiver running and listening there\\?$`))]);
    expect(err).toBe("");
  });

  it("an unknown host (under .invalid, which never resolves)", async () => {
    const { code, out } = await runCli("send", "agent.created", "--to", "http://receiver.eventgen.invalid/hooks", "--secret", secret, "--timeout", "5");
    expect(code).toBe(1);
    expect(out).toMatch(/failed\s+\d+ ms\s+cannot resolve the host 'receiver\.eventgen\.invalid' \(DNS E[A-Z_]+\)$/);
  });

  it("a timeout (a server that never answers), after --timeout", async () => {
    const silent = createServer(() => {});
    await new Promise<void>((r) => silent.listen(0, "127.0.0.1", r));
    try {
      const url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/`;
      const t0 = Date.now();
      const { code, out } = await runCli("send", "agent.created", "--to", url, "--secret", secret, "--timeout", "0.3");
      expect(Date.now() - t0).toBeLessThan(5000);
      expect(code).toBe(1);
      expect(out).toMatch(/failed\s+\d+ ms\s+timed out: no response from 127\.0\.0\.1:\d+ within 0\.3 s \(--timeout\)$/);
    } finally {
      await close(silent);
    }
  });
});

describe("eventgen send: a hostile receiver's answer stays inert and bounded", () => {
  it("terminal escapes are shown as ?, a huge body is not read, a redirect is not followed", async () => {
    let hits = 0;
    const s = createServer((req, res) => {
      hits++;
      req.resume();
      if (req.url === "/escape") return res.end("\u001b[31mred\u001b[0m\u0007 and more\nsecond");
      if (req.url === "/redirect") return res.writeHead(302, { location: "http://127.0.0.1:9/elsewhere" }).end();
      // 64 MiB on one line, written only as fast as it is read.
      res.writeHead(200);
      let left = 1024;
      const chunk = "x".repeat(65_536);
      const write = () => {
        while (left-- > 0) if (!res.write(chunk)) return void res.once("drain", write);
        res.end();
      };
      write();
    });
    await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
    const base = `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
    try {
      const escape = await runCli("send", "agent.created", "--to", `${base}/escape`, "--unsigned");
      expect(escape.code).toBe(0);
      expect(escape.out).toMatch(/200\s+\d+ ms\s+\?\[31mred\?\[0m\? and more$/);
      expect(escape.out).not.toMatch(/[\u0000-\u0008\u001b]/);
      const huge = await runCli("send", "agent.created", "--to", `${base}/huge`, "--unsigned");
      expect(huge.code).toBe(0);
      expect(huge.out).toMatch(/200\s+\d+ ms\s+x{120}…$/);
      const redirect = await runCli("send", "agent.created", "--to", `${base}/redirect`, "--unsigned");
      expect(redirect.code).toBe(1);
      expect(redirect.out).toMatch(/^agent\.created\s+302\s/);
      expect(hits).toBe(3);
    } finally {
      await close(s);
    }
  });
});

describe("eventgen send: wrong command lines exit 2", () => {
  const to = ["--to", "http://127.0.0.1:9/"];
  it.each([
    [["task_run.faild", ...to, "--secret", secret], /unknown event type 'task_run\.faild' in 3 catalogs \(did you mean 'task_run\.failed'\?\)/],
    [["agent.created", "--secret", secret], /--to <url> is required/],
    [["agent.created", "--to", "ftp://127.0.0.1/"], /only http: and https: URLs/],
    [["agent.created", ...to], /catalog\/deck\.yaml signs its deliveries: give the secret with --secret-env <NAME>/],
    [["agent.created", ...to, "--secret-env", "EVENTGEN_NO_SUCH_VARIABLE"], /--secret-env EVENTGEN_NO_SUCH_VARIABLE: the environment variable is not set/],
    [["agent.created", ...to, "--secret", "not-base64!"], /the secret is not whsec_<base64>/],
    [["agent.created", ...to, "--unsigned", "--repeat", "0"], /--repeat takes a whole number from 1 to 10,000/],
    [["agent.created", ...to, "--unsigned", "--concurrency", "65"], /--concurrency takes a whole number from 1 to 64/],
    [["agent.created", ...to, "--unsigned", "--timeout", "soon"], /--timeout takes seconds/],
    [["--all", ...to, "--unsigned"], /--all sends every event of one catalog; there are 3/],
    [["--all", "--catalog", "catalog/deck.yaml", "--group", "agnt", ...to, "--unsigned"], /unknown --group 'agnt' in catalog\/deck\.yaml \(did you mean 'agent'\?\)/],
    [["agent.created", ...to, "--unsigned", "--set", "nothing"], /--set 'nothing': write path=value/],
    [["agent.created", ...to, "--unsigned", "--data", "{nope"], /--data: not JSON/],
    [["agent.created", ...to, "--unsigned", "--bogus"], /unknown option '--bogus'/],
  ])("send, case %#", async (args, message) => {
    const { code, err } = await runCli("send", ...args);
    expect(err).toMatch(message);
    expect(err).toContain("Usage: eventgen send");
    expect(err).not.toContain(secret.slice(6));
    expect(code).toBe(2);
  });
});

describe("eventgen send: every bundled catalog, verified by its own package's receiver", () => {
  const cases = [
    { id: "truto", catalog: "catalog/truto.yaml", secret: "truto-secret" },
    { id: "chift", catalog: "catalog/chift.yaml", secret: "chift-secret" },
    { id: "header-typed", catalog: "test/cases/header-typed/catalog/header-typed.yaml", secret: "" },
  ];
  it.each(cases)("$id: --all delivers every type and the package's createWebhooks().receive accepts each", async (c) => {
    const dir = c.id === "header-typed" ? "test/cases/header-typed/generated/header-typed" : `generated/${c.id}`;
    const pkg = (await import(pathToFileURL(resolve(dir, "dist/index.js")).href)) as {
      eventTypes: readonly string[];
      createWebhooks(o?: unknown): { receive(i: { body: string; headers: Record<string, string>; method?: string }): Promise<{ status: number; body: string }> };
    };
    const webhooks = pkg.createWebhooks(c.secret ? { secret: c.secret } : {});
    const r = await receiver(async (body, headers) => {
      const res = await webhooks.receive({ body, headers: headers as Record<string, string> });
      return res.status === 200 ? { status: 200 } : { status: res.status, reason: res.body };
    });
    try {
      const args = ["send", "--all", "--catalog", c.catalog, "--to", r.url, ...(c.secret ? ["--secret", c.secret] : [])];
      const { code, out, err } = await runCli(...args);
      expect(err).toBe("");
      expect(code, out).toBe(0);
      expect(r.received).toHaveLength(pkg.eventTypes.length);
      for (const g of r.received) expect(g.verdict, g.body).toEqual({ status: 200 });
      if (c.id === "header-typed") expect(r.received.map((g) => g.headers["x-github-event"]).sort()).toEqual([...pkg.eventTypes].sort());
      if (c.id === "truto") expect(r.received[0]!.headers["x-truto-signature"]).toMatch(/^format=sha256,v=[0-9a-f]{64}$/);
    } finally {
      await close(r.server);
    }
  });
});

describe("eventgen example", () => {
  it("prints the body send would deliver, valid, with --set and --data applied", async () => {
    const { code, out } = await runCli("example", "task_run.failed", "--set", "data.status=failed");
    expect(code).toBe(0);
    const body = JSON.parse(out) as { type: string; id: string; data: { status: string } };
    expect(body.type).toBe("task_run.failed");
    expect(body.id).toMatch(/^evt_/);
    expect(deckValid("task_run.failed", body)).toBe(true);
    expect(out).toBe(JSON.stringify(body, null, 2));
  });

  it("a flat catalog's --data replaces the fields beside the envelope's", async () => {
    const base = JSON.parse((await runCli("example", "account.connection.created")).out) as Record<string, unknown>;
    const { code, out } = await runCli("example", "account.connection.created", "--data", JSON.stringify({ connectionid: "1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d" }));
    expect(code).toBe(0);
    const body = JSON.parse(out) as Record<string, unknown>;
    expect(body).toEqual({ accountid: base["accountid"], event: "account.connection.created", consumerid: base["consumerid"], created: body["created"], connectionid: "1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d" });
    expect(Math.abs((body["created"] as number) - Date.now() / 1000)).toBeLessThan(60);
  });

  it("refuses an invalid body (exit 1) unless --invalid; a wrong command line exits 2", async () => {
    const bad = await runCli("example", "task_run.failed", "--set", "data.status=7");
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/^ {2}\/data\/status /m);
    expect((await runCli("example", "task_run.failed", "--set", "data.status=7", "--invalid")).code).toBe(0);
    expect((await runCli("example")).code).toBe(2);
    expect((await runCli("example", "a", "b")).code).toBe(2);
    expect((await runCli("example", "agent.created", "--catalog", "no/such.yaml")).err).toContain("--catalog no/such.yaml: no such file");
  });
});
