// Type-level checks of the bundled catalogs' generated packages: Deck (payload under `data`, type
// in `type`), Truto (`event_type`, payload under `payload`) and Chift (flat, type in `event`).
// Compiled by typecheck.test.ts, which requires zero diagnostics.
import { describe, expectTypeOf, it } from "vitest";
import type * as Chift from "../../generated/chift/src/index.ts";
import type * as Deck from "../../generated/deck/src/index.ts";
import type * as Truto from "../../generated/truto/src/index.ts";

describe("deck: types", () => {
  it("Event narrows on `type`; `data` is the event's resource", () => {
    const onEvent = (e: Deck.Event) => {
      if (e.type === "task_run.completed") {
        expectTypeOf(e).toEqualTypeOf<Deck.TaskRunCompletedEvent>();
        expectTypeOf(e.data).toEqualTypeOf<Deck.TaskRun>();
        expectTypeOf(e.data.status).toEqualTypeOf<Deck.TaskRun["status"]>();
      } else if (e.type === "connection.invalid") {
        expectTypeOf(e.data).toEqualTypeOf<Deck.Connection>();
      }
    };
    expectTypeOf(onEvent).parameter(0).toEqualTypeOf<Deck.Event>();
    expectTypeOf<Deck.EventType>().toEqualTypeOf<Deck.Event["type"]>();
    expectTypeOf<Deck.EventType>().toEqualTypeOf<keyof Deck.EventMap>();
  });

  it("EventMap, EventOf and PayloadOf", () => {
    expectTypeOf<Deck.EventMap["task_run.completed"]>().toEqualTypeOf<Deck.TaskRunCompletedEvent>();
    expectTypeOf<Deck.EventOf<"task_run.completed">>().toEqualTypeOf<Deck.TaskRunCompletedEvent>();
    expectTypeOf<Deck.PayloadOf<"task_run.completed">>().toEqualTypeOf<Deck.TaskRunCompletedPayload>();
    expectTypeOf<Deck.PayloadOf<"task_run.completed">>().toEqualTypeOf<Deck.TaskRun>();
  });

  it("envelope fields: required, constant and nullable", () => {
    expectTypeOf<Deck.Event["id"]>().toEqualTypeOf<string>();
    expectTypeOf<Deck.Event["object"]>().toEqualTypeOf<"event">();
    expectTypeOf<Deck.Event["request_id"]>().toEqualTypeOf<string | null>();
    // Fields whose presence Deck does not promise are optional; references to other resources
    // are also nullable, timestamps are not.
    expectTypeOf<Deck.TaskRun["task_id"]>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf<Pick<Deck.TaskRun, "task_id">>().toEqualTypeOf<{ task_id?: string | null }>();
    expectTypeOf<Pick<Deck.TaskRun, "created_at" | "updated_at">>().toEqualTypeOf<{ created_at?: string; updated_at?: string }>();
  });

  it("statuses: the documented ones are unions; a task run's, undocumented, is the implied ones or any other string", () => {
    expectTypeOf<Deck.TaskRun["status"]>().toEqualTypeOf<"queued" | "running" | "pending" | "canceled" | "interaction_required" | "completed" | "failed" | (string & {})>();
    expectTypeOf<"paused">().toExtend<Deck.TaskRun["status"]>();
    expectTypeOf<Deck.Connection["status"]>().toEqualTypeOf<"connecting" | "connected" | "interaction_required" | "invalid" | "disconnected" | "terminated">();
    expectTypeOf<Deck.WorkflowRun["status"]>().toEqualTypeOf<"queued" | "running" | "sleeping" | "interaction_required" | "completed" | "failed" | "canceled">();
  });

  it("group unions cover the events of their group", () => {
    expectTypeOf<Deck.TaskRunEvents["type"]>().toExtend<`task_run.${string}`>();
    expectTypeOf<Deck.TaskRunCompletedEvent>().toExtend<Deck.TaskRunEvents>();
    expectTypeOf<Deck.AgentEvents["type"]>().toEqualTypeOf<"agent.created" | "agent.updated" | "agent.deleted">();
  });
});

describe("truto: types", () => {
  it("Event narrows on `event_type`; the payload sits under `payload`", () => {
    const onEvent = (e: Truto.Event) => {
      if (e.event_type === "sync_job_run:completed") expectTypeOf(e).toEqualTypeOf<Truto.EventOf<"sync_job_run:completed">>();
    };
    expectTypeOf(onEvent).parameter(0).toEqualTypeOf<Truto.Event>();
    expectTypeOf<Truto.EventType>().toEqualTypeOf<Truto.Event["event_type"]>();
    expectTypeOf<Truto.PayloadOf<"record:created">>().toEqualTypeOf<Truto.EventOf<"record:created">["payload"]>();
    expectTypeOf<Truto.RecordsEvents["event_type"]>().toEqualTypeOf<"record:created" | "record:updated" | "record:deleted">();
  });
});

describe("chift: types (flat)", () => {
  it("Event narrows on `event`; payload fields stand beside the envelope's", () => {
    const onEvent = (e: Chift.Event) => {
      if (e.event === "pos.order.completed") {
        expectTypeOf(e).toEqualTypeOf<Chift.PosOrderCompletedEvent>();
        expectTypeOf(e.order_id).toEqualTypeOf<string>();
        expectTypeOf(e.device_id).toEqualTypeOf<string | undefined>();
      }
    };
    expectTypeOf(onEvent).parameter(0).toEqualTypeOf<Chift.Event>();
    expectTypeOf<Chift.EventType>().toEqualTypeOf<Chift.Event["event"]>();
    expectTypeOf<Chift.PosOrderEvents["event"]>().toEqualTypeOf<"pos.order.completed" | "pos.order.updated">();
  });

  it("PayloadOf of a flat event is the body without the envelope and the type field", () => {
    expectTypeOf<Chift.PayloadOf<"pos.order.completed">>().toEqualTypeOf<Chift.PosOrderCompletedPayload>();
    expectTypeOf<Chift.PayloadOf<"pos.order.completed">>().not.toHaveProperty("event");
  });
});
