// Two things that would get one generated name are an EG304 at the second, naming the first and
// every name they share; never a silent rename.
import { describe, expect, it } from "vitest";
import { loadText } from "../../support/load-text.ts";

const catalog = ({ groups = ["g"], schemas = [] as string[], events = ["x.y"] }) => `title: T
version: 1.0.0
source: { title: s }
package: { name: t }
envelope: { typeField: type, payloadField: data }
groups:
${groups.map((g) => `  ${JSON.stringify(g)}: { title: G }`).join("\n")}
schemas:
${schemas.map((s) => `  ${s}: object`).join("\n") || "  Unused: object"}
events:
${events.map((e) => `  ${e}: { group: ${JSON.stringify(groups[0])}, trigger: X }`).join("\n")}
`;
const clashes = (given: Parameters<typeof catalog>[0]) =>
  loadText("t.yaml", catalog(given)).diagnostics.filter((d) => d.code === "EG304").map((d) => d.message);

describe("name collisions", () => {
  it.each([
    { given: { events: ["task.run_done", "task_run.done"] }, want: ["event 'task_run.done' would get the same generated names as event 'task.run_done' (line 11:3): type 'TaskRunDoneEvent', type 'TaskRunDonePayload', operationId 'taskRunDone'"] },
    { given: { events: ["a.b", "a-b", "a:b"] }, want: [
      "event 'a-b' would get the same generated names as event 'a.b' (line 11:3): type 'ABEvent', type 'ABPayload', operationId 'aB', docs anchor 'event-a-b'",
      "event 'a:b' would get the same generated names as event 'a.b' (line 11:3): type 'ABEvent', type 'ABPayload', operationId 'aB', docs anchor 'event-a-b'",
    ] },
    { given: { events: ["order.Created", "order.created"] }, want: [
      "event 'order.created' would get the same generated names as event 'order.Created' (line 11:3): type 'OrderCreatedEvent', type 'OrderCreatedPayload', operationId 'orderCreated', file 'schemas/order.created', docs anchor 'event-order-created'",
    ] },
    { given: { events: ["invoice/paid", "invoice_paid"] }, want: ["event 'invoice_paid' would get the same generated names as event 'invoice/paid' (line 11:3): type 'InvoicePaidEvent', type 'InvoicePaidPayload', operationId 'invoicePaid'"] },
    { given: { schemas: ["Order", "order"] }, want: ["schema 'order' would get the same generated names as schema 'Order' (line 9:3): file 'schemas/shared/order', docs anchor 'schema-order'"] },
    { given: { schemas: ["Event"] }, want: ["schema 'Event' would get the same generated name as eventgen's runtime: type 'Event'"] },
    { given: { schemas: ["ValidationResult", "PayloadOf"] }, want: [
      "schema 'ValidationResult' would get the same generated name as eventgen's runtime: type 'ValidationResult'",
      "schema 'PayloadOf' would get the same generated name as eventgen's runtime: type 'PayloadOf'",
    ] },
    { given: { schemas: ["Record", "RecordSchema"] }, want: ["schema 'RecordSchema' would get the same generated name as schema 'Record' (line 9:3): type 'RecordSchema'"] },
    { given: { schemas: ["OrderPaidEvent"], events: ["order.paid"] }, want: ["event 'order.paid' would get the same generated name as schema 'OrderPaidEvent' (line 9:3): type 'OrderPaidEvent'"] },
    { given: { groups: ["sync-job", "sync_job"], events: ["x.y"] }, want: ["group 'sync_job' would get the same generated name as group 'sync-job' (line 7:3): type 'SyncJobEvents'"] },
    { given: { groups: ["Order", "order"], events: ["x.y"] }, want: ["group 'order' would get the same generated names as group 'Order' (line 7:3): type 'OrderEvents', docs anchor 'group-order'"] },
    { given: { groups: ["all"], events: ["x.y"] }, want: [] },
    { given: { events: ["task_run.completed", "task_run.complete", "taskrun.completed"] }, want: [] },
  ])("$given", ({ given, want }) => expect(clashes(given)).toEqual(want));

  it("names the first thing where the second is", () => {
    const [d] = loadText("t.yaml", catalog({ events: ["a.b", "x.y", "a_b"] })).diagnostics;
    expect(d).toMatchObject({ code: "EG304", severity: "error", pos: { file: "t.yaml", line: 13, col: 3 }, hint: "rename one of them; generated names must be unique" });
  });
});
