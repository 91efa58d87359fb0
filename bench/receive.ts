// Receiving one signed ~1 KB Standard Webhooks delivery: the runtime's receive() against
// standardwebhooks' verify (+ Ajv), and against the floor (node:crypto createHmac + JSON.parse).
// `measureReceive()` returns the medians for bench/run.ts; run alone with
// `node bin/run-ts.js bench/receive.ts` (`--quick` for a short run).
import { createHmac } from "node:crypto";
import Ajv2020 from "ajv/dist/2020.js";
import { Webhook } from "standardwebhooks";
import { setCryptoBackend } from "../generator/runtime/hmac.ts";
import { createRouter, type RouterConfig } from "../generator/runtime/router.ts";
import { sign, type SigningScheme } from "../generator/runtime/signing.ts";
import { median } from "./measure.ts";

const scheme: SigningScheme = {
  algorithm: "sha256",
  content: "{id}.{timestamp}.{body}",
  secret: { encoding: "base64", prefix: "whsec_" },
  signature: { header: "webhook-signature", encoding: "base64", prefix: "v1,", separator: " " },
  timestamp: { header: "webhook-timestamp", unit: "seconds", tolerance: 300 },
  id: { header: "webhook-id" },
};
const SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

/** A task_run.completed-shaped body of about 1 KB. */
function deliveryBody(): string {
  const body = {
    type: "task_run.completed",
    timestamp: "2025-06-01T12:00:00.000Z",
    data: {
      id: "tr_01HZX3K9Q8V7B6N5M4L3K2J1H0",
      status: "completed",
      task_id: "task_01HZX3K9Q8V7B6N5M4L3K2J1H0",
      output: { items: Array.from({ length: 8 }, (_, i) => ({ id: `item_${i}`, name: `Item number ${i}`, amount: i * 12.5, currency: "EUR" })) },
      metadata: { source: "bench", attempt: 1, tags: ["a", "b", "c"] },
    },
  };
  return JSON.stringify(body);
}

/** The delivery's JSON Schema, for Ajv (what a hand-rolled receiver would validate with). */
const schema = {
  type: "object",
  required: ["type", "timestamp", "data"],
  properties: {
    type: { const: "task_run.completed" },
    timestamp: { type: "string" },
    data: {
      type: "object",
      required: ["id", "status"],
      properties: {
        id: { type: "string" },
        status: { type: "string" },
        task_id: { type: "string" },
        output: { type: "object", properties: { items: { type: "array", items: { type: "object", required: ["id", "amount"], properties: { id: { type: "string" }, name: { type: "string" }, amount: { type: "number" }, currency: { type: "string" } } } } } },
        metadata: { type: "object" },
      },
    },
  },
};

export interface ReceiveRow {
  name: string;
  /** Median over the rounds. */
  nsPerCall: number;
  /** One figure per round (rounds alternate the contenders), for ratios taken round by round. */
  rounds: number[];
}

/** Medians (ns per delivery) of each path, rounds alternating, async calls awaited one by one. */
export async function measureReceive(opts: { rounds: number; roundMs: number; warmupMs: number } = { rounds: 21, roundMs: 40, warmupMs: 300 }): Promise<ReceiveRow[]> {
  const body = deliveryBody();
  const headers = await sign(scheme, { body, secret: SECRET, id: "msg_2Kx1c8", timestamp: new Date() });
  const key = Buffer.from(SECRET.slice("whsec_".length), "base64");
  const wh = new Webhook(SECRET);
  const ajvValidate = new Ajv2020.default({ strict: false }).compile(schema);
  const stub: RouterConfig["validate"] = (b) => ({ ok: true, value: b });
  const withAjv: RouterConfig["validate"] = (b) => (ajvValidate(b) ? { ok: true, value: b } : { ok: false, errors: [] });
  const config = (validate: RouterConfig["validate"]): RouterConfig => ({ signing: scheme, unsignedAllowed: false, validate, isKnown: () => true, typeField: "type" });
  const stubRouter = createRouter(config(stub), { secret: SECRET });
  const ajvRouter = createRouter(config(withAjv), { secret: SECRET });
  const subtleKey = await crypto.subtle.importKey("raw", key, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  const enc = new TextEncoder();
  let sink = 0;

  const contenders: { name: string; backend?: "node" | "webcrypto"; run: () => unknown }[] = [
    {
      name: "floor: node:crypto createHmac + JSON.parse",
      run: () => {
        const sig = createHmac("sha256", key).update(`${headers["webhook-id"]}.${headers["webhook-timestamp"]}.${body}`).digest("base64");
        sink += sig.length + (JSON.parse(body) as { type: string }).type.length;
      },
    },
    {
      name: "crypto.subtle.sign (cached key) + JSON.parse",
      run: async () => {
        const sig = await crypto.subtle.sign("HMAC", subtleKey, enc.encode(`${headers["webhook-id"]}.${headers["webhook-timestamp"]}.${body}`));
        sink += sig.byteLength + (JSON.parse(body) as { type: string }).type.length;
      },
    },
    { name: "standardwebhooks verify (incl. JSON.parse)", run: () => void (sink += (wh.verify(body, headers) as { type: string }).type.length) },
    { name: "standardwebhooks verify + Ajv", run: () => void (sink += ajvValidate(wh.verify(body, headers)) ? 1 : 0) },
    { name: "receive(), stub validator (node:crypto)", backend: "node", run: async () => void (sink += (await stubRouter.receive({ body, headers })).status) },
    { name: "receive(), Ajv validator (node:crypto)", backend: "node", run: async () => void (sink += (await ajvRouter.receive({ body, headers })).status) },
    { name: "receive(), stub validator (WebCrypto)", backend: "webcrypto", run: async () => void (sink += (await stubRouter.receive({ body, headers })).status) },
  ];
  // every path must accept the delivery before it is timed
  for (const c of contenders) {
    setCryptoBackend(c.backend ?? "auto");
    await c.run();
  }
  if ((await stubRouter.receive({ body, headers })).status !== 200) throw new Error("receive() refused the bench delivery");

  // The WebCrypto row is timed in a second group (with the floor again): switching paths inside one
  // group would make the shared verify code polymorphic and slow down the node:crypto rows.
  const web = contenders.filter((c) => c.backend === "webcrypto");
  const groups = [contenders.filter((c) => c.backend !== "webcrypto"), [contenders[0]!, ...web]];
  const perCall = new Map<string, number[]>();
  for (const group of groups) {
    const batch = new Map<string, number>();
    for (const c of group) {
      setCryptoBackend(c.backend ?? "auto");
      let n = 0;
      const t0 = performance.now();
      while (performance.now() - t0 < opts.warmupMs) {
        await c.run();
        n++;
      }
      batch.set(c.name, Math.max(1, Math.round((n * opts.roundMs) / opts.warmupMs)));
    }
    const figures = new Map<string, number[]>(group.map((c) => [c.name, []]));
    for (let r = 0; r < opts.rounds; r++) {
      for (let i = 0; i < group.length; i++) {
        const c = group[(i + r) % group.length]!;
        setCryptoBackend(c.backend ?? "auto");
        const n = batch.get(c.name)!;
        const t0 = process.hrtime.bigint();
        for (let k = 0; k < n; k++) await c.run();
        figures.get(c.name)!.push(Number(process.hrtime.bigint() - t0) / n);
      }
    }
    // the floor's figures of the second group stand beside the WebCrypto row's, round by round
    for (const [name, xs] of figures) perCall.set(group === groups[1] && name === contenders[0]!.name ? "floor (WebCrypto group)" : name, xs);
  }
  setCryptoBackend("auto");
  if (sink === 0.5) console.log(sink);
  return [...perCall].map(([name, rounds]) => ({ name, nsPerCall: median(rounds), rounds }));
}

/** The markdown table and the two goals of issue 11, from measureReceive's rows; ratios are medians of round-by-round ratios (this machine's speed drifts). */
export function reportReceive(rows: ReceiveRow[]): { table: string; goals: { goal: string; pass: boolean; figure: string }[] } {
  const row = (name: string) => rows.find((r) => r.name.startsWith(name))!;
  const ratio = (a: ReceiveRow, b: ReceiveRow) => median(a.rounds.map((x, i) => x / b.rounds[i]!));
  const floor = row("floor");
  const sw = row("standardwebhooks verify + Ajv");
  const ours = row("receive(), Ajv validator (node");
  const stub = row("receive(), stub validator (node");
  const lines = ["| path | µs per delivery | × floor | × standardwebhooks + Ajv |", "|---|--:|--:|--:|", ...rows
      .filter((r) => !r.name.startsWith("floor (WebCrypto"))
      .map((r) => (r.name.includes("(WebCrypto)") ? `| ${r.name} | ${(r.nsPerCall / 1000).toFixed(2)} | ${ratio(r, row("floor (WebCrypto"))!.toFixed(2)}× | ${((ratio(r, row("floor (WebCrypto")) * floor.nsPerCall) / sw.nsPerCall).toFixed(2)}× |` : `| ${r.name} | ${(r.nsPerCall / 1000).toFixed(2)} | ${ratio(r, floor).toFixed(2)}× | ${ratio(r, sw).toFixed(2)}× |`))];
  return {
    table: lines.join("\n"),
    goals: [
      { goal: "receive() (Ajv validator) ≤ 0.5× standardwebhooks verify + Ajv", pass: ratio(ours, sw) <= 0.5, figure: `${ratio(ours, sw).toFixed(2)}×` },
      { goal: "receive() (stub validator) within 2× of the floor (createHmac + JSON.parse)", pass: ratio(stub, floor) <= 2, figure: `${ratio(stub, floor).toFixed(2)}×` },
    ],
  };
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith("bench/receive.ts")) {
  const quick = process.argv.includes("--quick");
  const rows = await measureReceive(quick ? { rounds: 5, roundMs: 60, warmupMs: 150 } : undefined);
  const { table, goals } = reportReceive(rows);
  console.log(`## Receiving a signed 1 KB Standard Webhooks delivery (median, Node ${process.version})\n\n${table}\n`);
  for (const g of goals) console.log(`${g.pass ? "PASS" : "MISS"} ${g.goal}: ${g.figure}`);
}
