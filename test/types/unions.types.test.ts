// Type-level checks of body-level unions (the unions case, and a header-typed union) and of an
// event's outer fields (the payload-path case). Compiled by typecheck.test.ts under strict tsc.
import { describe, expectTypeOf, it } from "vitest";
import type * as Header from "../cases/header-typed/generated/header-typed/src/index.ts";
import type * as PayloadPath from "../cases/payload-path/generated/payload-path/src/index.ts";
import type * as U from "../cases/unions/generated/unions/src/index.ts";

describe("unions: a flat body that is the envelope and one of several objects", () => {
  it("is the envelope, the type constant and one variant", () => {
    expectTypeOf<U.ShapeDrawnEvent>().toEqualTypeOf<U.EventEnvelope & (U.Circle | U.Square) & { type: "shape.drawn" }>();
    expectTypeOf<U.ShapeDrawnEvent["type"]>().toEqualTypeOf<"shape.drawn">();
    expectTypeOf<U.ShapeDrawnEvent["id"]>().toEqualTypeOf<string>();
    expectTypeOf<U.ShapeDrawnEvent["kind"]>().toEqualTypeOf<"circle" | "square">();
  });

  it("narrows on the type field, then on the discriminator", () => {
    const area = (e: U.Event) => {
      if (e.type !== "shape.drawn") return undefined;
      if (e.kind === "circle") {
        expectTypeOf(e).toHaveProperty("radius");
        return e.radius;
      }
      expectTypeOf(e.label).toEqualTypeOf<string | null | undefined>();
      // @ts-expect-error a square has no radius
      void e.radius;
      return e.side;
    };
    expectTypeOf(area).returns.toEqualTypeOf<number | undefined>();
  });

  it("narrows an undiscriminated union with `in`", () => {
    const who = (e: U.EventOf<"member.requested">) => ("requested_reviewer" in e ? e.requested_reviewer.login : e.requested_team.slug);
    expectTypeOf(who).returns.toEqualTypeOf<string>();
    expectTypeOf<U.EventOf<"member.noted">["note_id"]>().toEqualTypeOf<string>();
  });

  it("PayloadOf takes each variant without the envelope's fields", () => {
    expectTypeOf<U.PayloadOf<"shape.drawn">>().toEqualTypeOf<Omit<U.EventEnvelope & U.Circle & { type: "shape.drawn" }, "id" | "created" | "type"> | Omit<U.EventEnvelope & U.Square & { type: "shape.drawn" }, "id" | "created" | "type">>();
    expectTypeOf<U.PayloadOf<"shape.drawn">["kind"]>().toEqualTypeOf<"circle" | "square">();
    expectTypeOf<Extract<U.PayloadOf<"shape.drawn">, { kind: "circle" }>["radius"]>().toEqualTypeOf<number>();
    expectTypeOf<U.PayloadOf<"shape.cleared">>().toEqualTypeOf<{ count: number }>();
  });

  it("a header-typed body (GitHub's) may be a union too", () => {
    expectTypeOf<Header.ReviewRequestedEvent>().toEqualTypeOf<Header.EventEnvelope & Header.ReviewRequestedPayload>();
    const n = (e: Header.EventOf<"review_requested">) => ("requested_team" in e ? e.requested_team.slug : e.requested_reviewer.login);
    expectTypeOf(n).returns.toEqualTypeOf<string>();
    expectTypeOf<Header.PayloadOf<"review_requested">["number"]>().toEqualTypeOf<number>();
  });
});

describe("payload-path: an event's outer fields", () => {
  it("stand beside the payload in the object around it", () => {
    type Data = PayloadPath.CustomerUpdatedEvent["data"];
    expectTypeOf<Data["object"]>().toEqualTypeOf<PayloadPath.CustomerUpdatedPayload>();
    expectTypeOf<NonNullable<Data["previous_attributes"]>>().toEqualTypeOf<Partial<PayloadPath.Customer>>();
    expectTypeOf<PayloadPath.PayloadOf<"customer.updated">>().toEqualTypeOf<PayloadPath.Customer>();
    // Events without outer fields keep `data: { object: … }` alone.
    expectTypeOf<PayloadPath.CustomerCreatedEvent["data"]>().toEqualTypeOf<{ object: PayloadPath.CustomerCreatedPayload }>();
  });
});
