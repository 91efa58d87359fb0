// A hand-written catalog for the router's tests: two event types, a stub validator with issue
// codes, and a Standard Webhooks signing scheme.
import { createRouter, type RouterConfig, type WebhooksOptions } from "../../generator/runtime/router.ts";
import type { ValidationIssue, ValidationResult } from "../../generator/runtime/validate.ts";

export interface TaskRunCompleted {
  type: "task_run.completed";
  data: { id: string; status: "completed" };
}
export interface TaskRunFailed {
  type: "task_run.failed";
  data: { id: string; error: string };
}
export type EventMap = { "task_run.completed": TaskRunCompleted; "task_run.failed": TaskRunFailed };

const KNOWN = new Set(["task_run.completed", "task_run.failed"]);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Checks `data` is an object of strings (at most `limit` issues: one per bad field). */
export function validate(body: unknown, type?: string): ValidationResult<unknown> {
  const errors: ValidationIssue[] = [];
  if (!isObject(body)) return { ok: false, errors: [{ path: "", message: "must be an object", code: "type" }] };
  const t = type ?? body["type"];
  if (typeof t !== "string" || !KNOWN.has(t)) return { ok: false, errors: [{ path: "/type", message: "unknown event type", code: "unknown_type" }] };
  const data = body["data"];
  if (!isObject(data)) return { ok: false, errors: [{ path: "", message: "must have data", code: "required" }] };
  for (const [k, v] of Object.entries(data)) if (typeof v !== "string") errors.push({ path: `/data/${k}`, message: "must be a string", code: "type" });
  return errors.length ? { ok: false, errors } : { ok: true, value: body };
}

export const config: RouterConfig = {
  signing: {
    algorithm: "sha256",
    content: "{id}.{timestamp}.{body}",
    secret: { encoding: "base64", prefix: "whsec_" },
    signature: { header: "webhook-signature", encoding: "base64", prefix: "v1,", separator: " " },
    timestamp: { header: "webhook-timestamp", unit: "seconds", tolerance: 300 },
    id: { header: "webhook-id" },
  },
  unsignedAllowed: false,
  validate,
  isKnown: (t) => KNOWN.has(t),
  typeField: "type",
};

export const SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
export const OLD_SECRET = "whsec_" + Buffer.from("the previous secret").toString("base64");

export const router = (options: WebhooksOptions = { secret: SECRET }, c: RouterConfig = config) => createRouter<EventMap>(c, options);
