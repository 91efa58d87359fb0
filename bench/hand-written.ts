// Hand-written validators, the way one writes them without a generator: a chain of typeof checks,
// with the same semantics as the catalog (required and optional fields, nullables, enums,
// patterns, formats, bounds). The benchmark holds the generated validators against these.
// They return a boolean, which is the least a hand-written check does.

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|[+-](\d{2}):(\d{2}))$/;
const DAYS = [0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** RFC 3339 date-time, leap seconds aside (none in the benchmark's bodies). */
function isDateTime(s: string): boolean {
  const m = DATE_TIME.exec(s);
  if (!m) return false;
  const y = +m[1]!, mo = +m[2]!, d = +m[3]!;
  if (mo < 1 || mo > 12 || d < 1 || d > DAYS[mo]!) return false;
  if (mo === 2 && d === 29 && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0))) return false;
  if (+m[4]! > 23 || +m[5]! > 59 || +m[6]! > 59) return false;
  return m[7] === undefined || (+m[7] <= 23 && +m[8]! <= 59);
}

const UUID = /^(?:urn:uuid:)?[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i;
const isObject = (v: unknown): v is Record<string, any> => typeof v === "object" && v !== null && !Array.isArray(v);
const optString = (v: unknown) => v === undefined || v === null || typeof v === "string";

function isTaskRunError(e: unknown): boolean {
  return isObject(e) && typeof e.type === "string" && typeof e.code === "string" && typeof e.message === "string" && optString(e.field);
}

function isInteraction(i: unknown): boolean {
  return isObject(i) && typeof i.type === "string" && optString(i.message) && (i.fields === undefined || Array.isArray(i.fields));
}

function isTaskRun(d: unknown): boolean {
  if (!isObject(d)) return false;
  if (typeof d.id !== "string" || !d.id.startsWith("trun_")) return false;
  if (typeof d.object !== "string") return false;
  // Deck does not document the task run statuses: any string (the catalog's TaskRun.status).
  if (typeof d.status !== "string") return false;
  if (!optString(d.task_id) || !optString(d.connection_id) || !optString(d.workflow_id) || !optString(d.agent_id) || !optString(d.source_id)) return false;
  const ms = d.runtime_ms;
  if (ms !== undefined && ms !== null && !(Number.isInteger(ms) && ms >= 0)) return false;
  if (d.errors !== undefined) {
    if (!Array.isArray(d.errors)) return false;
    for (const e of d.errors) if (!isTaskRunError(e)) return false;
  }
  if (d.interaction !== undefined && d.interaction !== null && !isInteraction(d.interaction)) return false;
  if (d.canceled_at !== undefined && d.canceled_at !== null && !(typeof d.canceled_at === "string" && isDateTime(d.canceled_at))) return false;
  if (d.created_at !== undefined && !(typeof d.created_at === "string" && isDateTime(d.created_at))) return false;
  if (d.updated_at !== undefined && !(typeof d.updated_at === "string" && isDateTime(d.updated_at))) return false;
  return true;
}

/** Deck's task_run.completed delivery. */
export function isDeckTaskRunCompleted(b: unknown): boolean {
  return (
    isObject(b) &&
    b.type === "task_run.completed" &&
    typeof b.id === "string" &&
    b.id.startsWith("evt_") &&
    b.object === "event" &&
    typeof b.created_at === "string" &&
    isDateTime(b.created_at) &&
    (b.request_id === null || typeof b.request_id === "string") &&
    isTaskRun(b.data)
  );
}

const isUuid = (v: unknown) => typeof v === "string" && UUID.test(v);

/** Chift's account.flow.executed delivery (a flat body). */
export function isChiftFlowExecuted(b: unknown): boolean {
  return (
    isObject(b) &&
    b.event === "account.flow.executed" &&
    isUuid(b.accountid) &&
    isUuid(b.consumerid) &&
    Number.isInteger(b.created) &&
    isUuid(b.flowid) &&
    isUuid(b.syncid) &&
    (b.status === "success" || b.status === "error") &&
    isUuid(b.executionid) &&
    isUuid(b.parentexecutionid)
  );
}
