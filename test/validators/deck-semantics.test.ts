// Deck's catalog as real deliveries meet it. The statuses Deck documents (connections, workflow
// runs) are closed enums; a task run's, which Deck does not document, is any string, so a delivery
// with a status nobody listed is accepted. Fields the reference does not promise may be absent,
// and only those the catalog marks nullable may be null. The generated validators, Ajv on the
// emitted JSON Schema and the benchmark's hand-written check (which must keep the catalog's
// semantics for the comparison to be fair) give the same verdicts.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { isDeckTaskRunCompleted } from "../../bench/hand-written.ts";
import { makeAjv } from "../support/ajv.ts";
import { loadText } from "../support/load-text.ts";

type Body = Record<string, any>;
const dir = "generated/deck";
const pkg = (await import(pathToFileURL(resolve(dir, "dist/index.js")).href)) as { validators: Record<string, (x: unknown) => { ok: boolean }> };
const deck = loadText("catalog/deck.yaml", readFileSync("catalog/deck.yaml", "utf8")).model!;
const example = (type: string) => structuredClone(deck.events.find((e) => e.type === type)!.examples[0]) as Body;
const ajv = makeAjv();
const compiled = new Map<string, (x: unknown) => boolean>();
const ajvFor = (type: string) => {
  if (!compiled.has(type)) compiled.set(type, ajv.compile(JSON.parse(readFileSync(`${dir}/schemas/${type}.json`, "utf8"))) as (x: unknown) => boolean);
  return compiled.get(type)!;
};
const withData = (type: string, change: (data: Body) => void) => {
  const body = example(type);
  change(body["data"]);
  return body;
};

/** Each verdict: the generated validator's, Ajv's, and for task_run.completed the hand-written one's. */
function verdicts(type: string, body: Body) {
  const out = { ours: pkg.validators[type]!(body).ok, ajv: ajvFor(type)(body) };
  return type === "task_run.completed" ? { ...out, hand: isDeckTaskRunCompleted(body) } : out;
}
const all = (type: string, ok: boolean) => (type === "task_run.completed" ? { ours: ok, ajv: ok, hand: ok } : { ours: ok, ajv: ok });

describe("deck: what a delivery may carry", () => {
  it.each([
    ["the catalog's example", (_: Body) => {}],
    ["a task run status Deck never listed", (d: Body) => (d["status"] = "paused")],
    ["every status the task_run.* events imply", (d: Body) => (d["status"] = "interaction_required")],
    ["no created_at, updated_at or errors (not promised)", (d: Body) => (delete d["created_at"], delete d["updated_at"], delete d["errors"])],
    ["task_id and interaction null (nullable)", (d: Body) => ((d["task_id"] = null), (d["interaction"] = null))],
  ])("task_run.completed accepts %s", (_, change) => {
    expect(verdicts("task_run.completed", withData("task_run.completed", change))).toEqual(all("task_run.completed", true));
  });

  it.each([
    ["a status that is not a string", (d: Body) => (d["status"] = 3)],
    ["no status", (d: Body) => delete d["status"]],
    ["created_at null (optional, not nullable)", (d: Body) => (d["created_at"] = null)],
    ["errors null (optional, not nullable)", (d: Body) => (d["errors"] = null)],
  ])("task_run.completed rejects %s", (_, change) => {
    expect(verdicts("task_run.completed", withData("task_run.completed", change))).toEqual(all("task_run.completed", false));
  });

  it("a connection's documented statuses stay closed", () => {
    expect(verdicts("connection.connected", example("connection.connected"))).toEqual(all("connection.connected", true));
    expect(verdicts("connection.connected", withData("connection.connected", (d) => (d["status"] = "paused")))).toEqual(all("connection.connected", false));
  });

  it("the task run status is an extensible enum of exactly the statuses the event types imply", () => {
    const status = (deck.schemas.find((s) => s.name === "TaskRun")!.schema as { properties: { name: string; schema: { kind: string; values?: unknown[]; extensible?: string } }[] }).properties.find((p) => p.name === "status")!.schema;
    expect(status).toMatchObject({ kind: "literal", extensible: "string" });
    const implied = deck.events.filter((e) => e.type.startsWith("task_run.")).map((e) => e.type.slice("task_run.".length));
    expect(implied).toHaveLength(7);
    expect([...status.values!].sort()).toEqual([...implied].sort());
  });
});
