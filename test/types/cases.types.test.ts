// Type-level checks of the flat and header-typed cases, and of eventSchema against the Standard
// Schema spec's own type. Compiled by typecheck.test.ts, which requires zero diagnostics.
import type { StandardSchemaV1 } from "@standard-schema/spec";
import { describe, expectTypeOf, it } from "vitest";
import * as Constructs from "../cases/constructs/generated/constructs/src/index.ts";
import * as Flat from "../cases/flat/generated/flat/src/index.ts";
import * as Header from "../cases/header-typed/generated/header-typed/src/index.ts";
import type * as Nested from "../cases/nested/generated/nested/src/index.ts";
import type * as PayloadPath from "../cases/payload-path/generated/payload-path/src/index.ts";

describe("payload-path: types", () => {
  it("a payload nested under data.object, and PayloadOf reaching it", () => {
    expectTypeOf<PayloadPath.CustomerCreatedEvent["data"]>().toEqualTypeOf<{ object: PayloadPath.CustomerCreatedPayload }>();
    expectTypeOf<PayloadPath.PayloadOf<"customer.created">>().toEqualTypeOf<PayloadPath.Customer>();
    expectTypeOf<PayloadPath.PayloadOf<"customer.deleted">["deleted"]>().toEqualTypeOf<true>();
    expectTypeOf<PayloadPath.Customer["tax_exempt"]>().toEqualTypeOf<"none" | "exempt" | "reverse" | (string & {})>();
    expectTypeOf<PayloadPath.Customer["balance"]>().toEqualTypeOf<number>();
  });
});

describe("flat: types", () => {
  it("the flat body carries the envelope, the payload and the type field side by side", () => {
    expectTypeOf<Flat.EventOf<"conn.closed">>().toEqualTypeOf<Flat.ConnClosedEvent>();
    expectTypeOf<Flat.ConnClosedEvent["event"]>().toEqualTypeOf<"conn.closed">();
    expectTypeOf<Flat.ConnClosedEvent["accountid"]>().toEqualTypeOf<string>();
    expectTypeOf<Flat.ConnClosedEvent["reason"]>().toEqualTypeOf<string | null | undefined>();
    // A payload that is a named schema is intersected with the envelope.
    expectTypeOf<Flat.ConnCreatedEvent["status"]>().toEqualTypeOf<"active" | "inactive" | undefined>();
    expectTypeOf<Flat.PayloadOf<"conn.created">>().toEqualTypeOf<Flat.Conn>();
    expectTypeOf<Flat.PayloadOf<"conn.closed">>().toEqualTypeOf<Flat.ConnClosedPayload>();
    const f = (e: Flat.Event) => (e.event === "conn.created" ? e.connectionid : e.reason);
    expectTypeOf(f).returns.toEqualTypeOf<string | null | undefined>();
  });
});

describe("header-typed: types", () => {
  it("no type field in the body; the type comes from the header", () => {
    expectTypeOf(Header.typeField).toEqualTypeOf<null>();
    expectTypeOf(Header.typeHeader).toEqualTypeOf<"X-GitHub-Event">();
    expectTypeOf<Header.EventType>().toEqualTypeOf<"push" | "star" | "review_requested">();
    expectTypeOf<Header.EventOf<"push">>().toEqualTypeOf<Header.PushEvent>();
    expectTypeOf<Header.PushEvent>().toEqualTypeOf<{ action?: string; ref: string; size: number }>();
    expectTypeOf<Header.PayloadOf<"star">>().toEqualTypeOf<Header.StarPayload>();
    expectTypeOf(Header.validateEvent).parameters.toEqualTypeOf<[input: unknown, type?: string, options?: Header.ValidateOptions]>();
    expectTypeOf(Header.validators.star).returns.toEqualTypeOf<Header.ValidationResult<Header.StarEvent>>();
  });
});

describe("nested: types", () => {
  it("deep payloads, maps of maps, arrays of arrays and recursion through maps", () => {
    const f = (e: Nested.Event) => (e.event_type === "org:changed" ? e.payload.root : e.payload.sync_job_run);
    expectTypeOf(f).returns.toEqualTypeOf<Nested.Department | Nested.PayloadOf<"sync_job_run:completed">["sync_job_run"]>();
    type Stats = Nested.PayloadOf<"sync_job_run:completed">["sync_job_run"]["stats"];
    expectTypeOf<Stats["records"]>().toEqualTypeOf<{ [key: string]: { [key: string]: number } }>();
    expectTypeOf<Stats["errors"][number][number]>().toEqualTypeOf<{ code: string; at: string[] }>();
    expectTypeOf<Nested.Department["teams"][string]>().toEqualTypeOf<Nested.Department[]>();
    expectTypeOf<Nested.Department["head"]>().toEqualTypeOf<Nested.Person | null | undefined>();
    expectTypeOf<NonNullable<Nested.PayloadOf<"org:changed">["history"]>>().toEqualTypeOf<(Nested.Person | null)[][][]>();
    expectTypeOf<Nested.Order["totals"]>().toEqualTypeOf<{ [key: string]: Nested.Money }>();
    expectTypeOf<Nested.EventEnvelope["meta"]["trace"]>().toEqualTypeOf<{ hop: string; at: string }[] | undefined>();
  });
});

describe("eventSchema is a Standard Schema v1", () => {
  it("is assignable to @standard-schema/spec's StandardSchemaV1 and infers Event", () => {
    expectTypeOf(Constructs.eventSchema).toExtend<StandardSchemaV1<unknown, Constructs.Event>>();
    expectTypeOf(Flat.eventSchema).toExtend<StandardSchemaV1<unknown, Flat.Event>>();
    expectTypeOf(Header.eventSchema).toExtend<StandardSchemaV1<unknown, Header.Event>>();
    expectTypeOf<StandardSchemaV1.InferOutput<typeof Constructs.eventSchema>>().toEqualTypeOf<Constructs.Event>();
    expectTypeOf<StandardSchemaV1.InferInput<typeof Constructs.eventSchema>>().toEqualTypeOf<unknown>();
    const one = Constructs.toStandardSchema(Constructs.validators["shapes.presence"]);
    expectTypeOf<StandardSchemaV1.InferOutput<typeof one>>().toEqualTypeOf<Constructs.ShapesPresenceEvent>();
    // A function written against the spec accepts it.
    const parse = async <S extends StandardSchemaV1>(s: S, v: unknown) => {
      const r = await s["~standard"].validate(v);
      if (r.issues) throw new Error(r.issues[0]?.message);
      return r.value as StandardSchemaV1.InferOutput<S>;
    };
    expectTypeOf<Awaited<ReturnType<typeof parse<typeof Constructs.eventSchema>>>>().toEqualTypeOf<Constructs.Event>();
  });
});
