// Misuses the generated types must reject. Each `@ts-expect-error` fails the compile in
// typecheck.test.ts if the line below it type-checks, so this file proves the types are strict
// where they should be (not just permissive enough for the happy paths).
import type * as Deck from "../../generated/deck/src/index.ts";
import type { EventOf, PayloadOf, Shape, ShapesPresencePayload, StringsBoundsPayload, TreeNode } from "../cases/constructs/generated/constructs/src/index.ts";
import type * as Flat from "../cases/flat/generated/flat/src/index.ts";

export function misuses(e: Deck.Event, s: Shape) {
  // @ts-expect-error: before narrowing, `data` is a union of the payloads; `status` is not on all of them
  void e.data.status;
  if (e.type === "task_run.completed") {
    void e.data.status;
    // @ts-expect-error: a task run has no `file_name` (that is StorageItem's)
    void e.data.file_name;
  }
  // @ts-expect-error: not an event type of the catalog
  if (e.type === "task_run.exploded") return;
  // @ts-expect-error: Square has no radius
  if (s.type === "square") void s.radius;
}

// @ts-expect-error: EventOf only takes the catalog's types
export type Unknown = EventOf<"shapes.nope">;
// @ts-expect-error: PayloadOf only takes the catalog's types
export type Unknown2 = PayloadOf<"strings">;

// @ts-expect-error: `nullable` must be present (it may be null, but not absent)
export const missingNullable: ShapesPresencePayload = { required: "a" };
// @ts-expect-error: `optional` may be absent but not null
export const nullOptional: ShapesPresencePayload = { required: "a", nullable: null, optional: null };
// @ts-expect-error: `required` is not nullable
export const nullRequired: ShapesPresencePayload = { required: null, nullable: "x" };
export const fine: ShapesPresencePayload = { required: "a", nullable: null, both: null };

// @ts-expect-error: outside the enum
export const badStatus: StringsBoundsPayload["status"] = "on";
// @ts-expect-error: not the constant
export const badConst: StringsBoundsPayload["fixed"] = "auto";
// @ts-expect-error: closed objects reject unknown keys in literals
export const extraKey: TreeNode = { name: "x", extra: 1 };
// @ts-expect-error: a discriminated variant must be complete
export const halfCircle: Shape = { type: "circle" };

// @ts-expect-error: a flat event needs the envelope's fields too
export const flatWithoutEnvelope: Flat.ConnClosedEvent = { event: "conn.closed", connectionid: "x" };
