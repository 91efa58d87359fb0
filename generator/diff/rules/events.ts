// Events removed or added, and what an event says about itself (trigger, description, group,
// deprecation): consumers switch on the event type, so a removed one is breaking.
import type { EventModel } from "../../model/ir.ts";
import type { Finding, Rule } from "../change.ts";
import { found, type Cx } from "../walk.ts";
import { docsChanged, same } from "./docs.ts";

export const rules: Rule[] = [
  { id: "event-removed", level: "breaking", section: "breaking", description: "event removed" },
  { id: "event-added", level: "info", section: "added", description: "event added" },
];

export const eventRemoved = (cx: Cx, e: EventModel): Finding => found(cx, "event-removed", `event '${e.type}' removed`, { removal: true });
export const eventAdded = (cx: Cx, e: EventModel): Finding => found(cx, "event-added", `event '${e.type}' added`);

/** The event's own docs: the body is compared separately. */
export function compareEventDocs(o: EventModel, n: EventModel, cx: Cx, out: Finding[]): void {
  for (const key of ["trigger", "description", "group", "scope", "deprecated"] as const)
    if (!same(o[key], n[key])) out.push(docsChanged(cx, key, o[key], n[key]));
}
