// Type-level checks of the constructs case's generated types. expectTypeOf does nothing at run
// time: typecheck.test.ts compiles this file with tsc and requires zero diagnostics.
import { describe, expectTypeOf, it } from "vitest";
import type {
  Circle,
  Event,
  EventMap,
  EventOf,
  EventType,
  Exactly,
  IdOrName,
  Labels,
  NumbersEvents,
  PayloadOf,
  Shape,
  ShapesEvents,
  ShapesObjectsEvent,
  ShapesPresencePayload,
  ShapesUnionsEvent,
  Square,
  StringsBoundsPayload,
  StringsEvents,
  StringsFormatsEvent,
  TreeNode,
  ValidationIssue,
  IssueCode,
  ValidationResult,
} from "../cases/constructs/generated/constructs/src/index.ts";
import type * as Constructs from "../cases/constructs/generated/constructs/src/index.ts";
import { eventTypes, typeField, typeHeader, validateEvent, validators } from "../cases/constructs/generated/constructs/src/index.ts";

describe("constructs: types", () => {
  it("EventType is the union of the catalog's type strings, and eventTypes lists them", () => {
    expectTypeOf<EventType>().toEqualTypeOf<
      "strings.formats" | "strings.bounds" | "numbers.bounds" | "shapes.presence" | "shapes.objects" | "shapes.unions" | "shapes.misc"
    >();
    expectTypeOf<EventType>().toEqualTypeOf<Event["kind"]>();
    expectTypeOf<EventType>().toEqualTypeOf<keyof EventMap>();
    expectTypeOf(eventTypes).toEqualTypeOf<readonly EventType[]>();
    expectTypeOf(typeField).toEqualTypeOf<"kind">();
    expectTypeOf(typeHeader).toEqualTypeOf<null>();
  });

  it("Event narrows on the catalog's type field", () => {
    const handle = (e: Event) => {
      if (e.kind === "shapes.unions") {
        expectTypeOf(e).toEqualTypeOf<ShapesUnionsEvent>();
        expectTypeOf(e.data.shape).toEqualTypeOf<Shape>();
      }
      switch (e.kind) {
        case "shapes.objects":
          expectTypeOf(e.data.tags).toEqualTypeOf<string[]>();
          break;
        case "strings.formats":
          expectTypeOf(e).toEqualTypeOf<StringsFormatsEvent>();
          break;
        default:
          expectTypeOf(e.kind).toEqualTypeOf<"strings.bounds" | "numbers.bounds" | "shapes.presence" | "shapes.unions" | "shapes.misc">();
      }
    };
    expectTypeOf(handle).parameter(0).toEqualTypeOf<Event>();
  });

  it("EventMap, EventOf and PayloadOf agree", () => {
    expectTypeOf<EventMap["shapes.objects"]>().toEqualTypeOf<ShapesObjectsEvent>();
    expectTypeOf<EventOf<"shapes.objects">>().toEqualTypeOf<ShapesObjectsEvent>();
    expectTypeOf<PayloadOf<"shapes.presence">>().toEqualTypeOf<ShapesPresencePayload>();
    expectTypeOf<EventOf<"shapes.presence">["id"]>().toEqualTypeOf<string>();
    expectTypeOf<EventOf<"shapes.presence">["at"]>().toEqualTypeOf<string | undefined>();
  });

  it("optional (?:) and nullable (| null) are independent", () => {
    expectTypeOf<ShapesPresencePayload>().toEqualTypeOf<{
      required: string;
      optional?: string;
      nullable: string | null;
      both?: string | null;
    }>();
    // Without the key: only the optional ones may be left out.
    expectTypeOf<{ required: string; nullable: null }>().toExtend<ShapesPresencePayload>();
    expectTypeOf<{ required: string }>().not.toExtend<ShapesPresencePayload>();
    expectTypeOf<{ required: string; nullable: null; optional: null }>().not.toExtend<ShapesPresencePayload>();
    expectTypeOf<{ required: string; nullable: null; both: null }>().toExtend<ShapesPresencePayload>();
  });

  it("enums, constants and odd property names", () => {
    expectTypeOf<StringsBoundsPayload["status"]>().toEqualTypeOf<"active" | "inactive">();
    expectTypeOf<StringsBoundsPayload["fixed"]>().toEqualTypeOf<"auto_closed">();
    // Derived schemas are expanded object types.
    expectTypeOf<Constructs.CustomerDraft>().toEqualTypeOf<Omit<Constructs.Customer, "id">>();
    expectTypeOf<Constructs.CustomerChanges>().toEqualTypeOf<{ id: string; name?: string; email?: string }>();
    expectTypeOf<Constructs.CustomerRef>().toEqualTypeOf<Pick<Constructs.Customer, "name">>();
    expectTypeOf<Constructs.VipCustomer>().toEqualTypeOf<{ id: string; name: string; email: string; tier: "gold" | "platinum" }>();
    // Extensible enums: the known values stay in the type (editors complete them), any other value of the base type fits.
    expectTypeOf<StringsBoundsPayload["open_status"]>().toEqualTypeOf<"active" | "inactive" | (string & {}) | undefined>();
    expectTypeOf<"paused">().toExtend<StringsBoundsPayload["open_status"]>();
    expectTypeOf<7>().toExtend<StringsBoundsPayload["open_code"]>();
    expectTypeOf<1>().not.toExtend<StringsBoundsPayload["open_status"]>();
    expectTypeOf<StringsBoundsPayload["open_ratio"]>().toEqualTypeOf<0.5 | 1 | (number & {}) | null | undefined>();
    expectTypeOf<StringsBoundsPayload["mixed"]>().toEqualTypeOf<1 | "one" | true | null | undefined>();
    expectTypeOf<StringsBoundsPayload["content-type"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<StringsBoundsPayload["a b"]>().toEqualTypeOf<number | undefined>();
    expectTypeOf<StringsBoundsPayload["0"]>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<StringsBoundsPayload["constructor"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<StringsBoundsPayload["toString"]>().toEqualTypeOf<number | undefined>();
    expectTypeOf<StringsBoundsPayload["__proto__"]>().toEqualTypeOf<string | undefined>();
  });

  it("constants of every JSON type and the full forms", () => {
    expectTypeOf<PayloadOf<"shapes.misc">>().toEqualTypeOf<{
      three: 3;
      no: false;
      nothing: null;
      half?: 0.5 | 1.5;
      full?: string | null;
      tree?: TreeNode | null;
      trees?: TreeNode[] | null;
      anything?: unknown[];
      null_only?: null;
      sets?: unknown[];
      draft?: Constructs.CustomerDraft;
      changes?: Constructs.CustomerChanges;
      ref?: Constructs.CustomerRef;
      inline?: { id: string; email?: string };
      vip?: Constructs.VipCustomer;
    }>();
  });

  it("objects, maps, arrays, references and recursion", () => {
    type P = PayloadOf<"shapes.objects">;
    expectTypeOf<P["nested"]["deeper"]["leaf"]>().toEqualTypeOf<boolean>();
    expectTypeOf<P["labels"]>().toEqualTypeOf<Labels | undefined>();
    expectTypeOf<Labels>().toEqualTypeOf<{ [key: string]: string }>();
    expectTypeOf<P["counts"]>().toEqualTypeOf<{ [key: string]: number } | undefined>();
    expectTypeOf<P["open"]>().toEqualTypeOf<{ [key: string]: unknown } | undefined>();
    expectTypeOf<P["matrix"]>().toEqualTypeOf<number[][] | undefined>();
    expectTypeOf<TreeNode["children"]>().toEqualTypeOf<TreeNode[] | undefined>();
    expectTypeOf<NonNullable<TreeNode["children"]>[number]["name"]>().toEqualTypeOf<string>();
    // A closed object has no index signature, so unknown keys are a type error on literals.
    expectTypeOf<P>().not.toHaveProperty("extra");
  });

  it("unions: discriminated, plain oneOf and anyOf", () => {
    expectTypeOf<Shape>().toEqualTypeOf<Circle | Square>();
    expectTypeOf<Shape["type"]>().toEqualTypeOf<"circle" | "square">();
    const area = (s: Shape) => (s.type === "circle" ? s.radius : s.side);
    expectTypeOf(area).returns.toEqualTypeOf<number>();
    expectTypeOf<IdOrName>().toEqualTypeOf<number | string>();
    expectTypeOf<Exactly>().toEqualTypeOf<number>();
  });

  it("group unions", () => {
    expectTypeOf<StringsEvents["kind"]>().toEqualTypeOf<"strings.formats" | "strings.bounds">();
    expectTypeOf<NumbersEvents["kind"]>().toEqualTypeOf<"numbers.bounds">();
    expectTypeOf<ShapesEvents>().toEqualTypeOf<EventOf<"shapes.presence" | "shapes.objects" | "shapes.unions" | "shapes.misc">>();
    expectTypeOf<StringsEvents | NumbersEvents | ShapesEvents>().toEqualTypeOf<Event>();
  });

  it("validators are typed by event", () => {
    expectTypeOf(validators["shapes.unions"]).returns.toEqualTypeOf<ValidationResult<ShapesUnionsEvent>>();
    expectTypeOf(validateEvent).returns.toEqualTypeOf<ValidationResult<Event>>();
    const r = validateEvent({});
    if (r.ok) expectTypeOf(r.value).toEqualTypeOf<Event>();
    else expectTypeOf(r.errors).toEqualTypeOf<ValidationIssue[]>();
    expectTypeOf<ValidationIssue>().toEqualTypeOf<{ path: string; code: IssueCode; message: string; expected?: string; received?: string }>();
  });
});
