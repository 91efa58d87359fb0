// `eventgen send <type>... --to <url>`: signed example deliveries of a catalog's events, made and
// judged as the generated packages would (the same validators, the same runtime `sign`), sent
// with fetch. One line per delivery; a summary table after --all or --repeat. Exit 0 when every
// response is 2xx, 1 otherwise, 2 for a wrong command line.
import { UsageError, type Io } from "../cli.ts";
import { sign } from "../runtime/signing.ts";
import { curlCommand } from "../send/curl.ts";
import { deliver, type Outcome, type Request } from "../send/deliver.ts";
import { allEvents, loadCatalogs, pickEvents, prepare, readEdits, vet, type Target } from "./delivery-input.ts";

export const MAX_REPEAT = 10_000;
export const MAX_CONCURRENCY = 64;
/** --timeout, in seconds: the default and the most allowed. */
export const DEFAULT_TIMEOUT_S = 10;
const MAX_TIMEOUT_S = 600;

export async function sendCommand(positionals: string[], values: Record<string, unknown>, io: Io): Promise<number> {
  const all = values["all"] === true;
  const group = values["group"] as string | undefined;
  if (all && positionals.length) throw new UsageError(`--all sends every type: leave out '${positionals[0]}'`);
  if (!all && !positionals.length) throw new UsageError("name at least one event type, or --all");
  if (group !== undefined && !all) throw new UsageError("--group chooses the types of --all: add --all");
  const url = targetUrl(values["to"] as string | undefined);
  const repeat = boundedInt(values, "repeat", 1, MAX_REPEAT);
  const concurrency = boundedInt(values, "concurrency", 1, MAX_CONCURRENCY);
  const timeoutMs = timeoutOption(values);
  const dryRun = values["dry-run"] === true;
  const invalid = values["invalid"] === true;
  const unsigned = values["unsigned"] === true;
  const secret = secretOption(values, unsigned);
  const edits = readEdits(values);

  const models = loadCatalogs(values, io, "send");
  if (!models) return 1;
  const targets = all ? allEvents(models, group) : pickEvents(models, positionals);
  if (!unsigned && secret === undefined) {
    const signed = [...new Set(targets.map((t) => t.model))].find((m) => m.signing?.verify);
    if (signed) throw new UsageError(`${signed.file} signs its deliveries: give the secret with --secret-env <NAME> (or --secret <secret>), or send unsigned with --unsigned`);
  }
  const prepared = await prepare(targets, edits);
  // Every body is judged before anything is sent.
  let refused = false;
  for (const t of targets) if (!vet(prepared, t, prepared.body(t).body, invalid, io, "send")) refused = true;
  if (refused) return 1;

  const request = async (t: Target): Promise<Request> => {
    const { body: value, id } = prepared.body(t);
    const body = JSON.stringify(value);
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (t.model.envelope.typeHeader !== undefined) headers[t.model.envelope.typeHeader] = t.event.type;
    const scheme = t.model.signing?.verify;
    if (scheme && !unsigned) {
      let signed: Record<string, string>;
      try {
        signed = await sign(scheme, { body, secret: secret!, ...(id !== undefined ? { id } : {}), timestamp: new Date() });
      } catch (err) {
        // The runtime's own words (the secret's expected form), never the secret.
        if (err instanceof TypeError) throw new UsageError(`${t.model.file}: ${err.message.replace(/^sign: /, "")}`);
        throw err;
      }
      Object.assign(headers, signed);
    }
    return { url, headers, body };
  };

  // And signed once, so a secret the scheme cannot use stops the run before anything is sent.
  for (const t of targets) await request(t);

  const jobs = targets.flatMap((t) => Array.from({ length: repeat }, () => t));
  if (dryRun) {
    for (const t of jobs) io.out(curlCommand(await request(t)));
    io.err(`eventgen send: --dry-run: ${deliveries(jobs.length)} printed, nothing sent`);
    return 0;
  }

  const results: { t: Target; outcome: Outcome }[] = [];
  const width = Math.max(...targets.map((t) => t.event.type.length));
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const t = jobs[next++]!;
      const outcome = await deliver(await request(t), timeoutMs);
      results.push({ t, outcome });
      io.out(line(t, outcome, width));
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, jobs.length) }, worker));
  if (all || jobs.length > 1) for (const l of summary(results.map((r) => r.outcome))) io.out(l);
  return results.every((r) => r.outcome.ok) ? 0 : 1;
}

function line(t: Target, o: Outcome, width: number): string {
  const type = t.event.type.padEnd(width);
  const ms = `${o.ms} ms`.padStart(8);
  if (o.status === undefined) return `${type}  ${"failed".padEnd(6)}  ${ms}  ${o.failure}`;
  return `${type}  ${String(o.status).padEnd(6)}  ${ms}  ${o.firstLine || o.statusText}`;
}

/** Deliveries by outcome (status code or failure), with their times. */
export function summary(outcomes: Outcome[]): string[] {
  const by = new Map<string, number[]>();
  for (const o of outcomes) {
    const key = o.status !== undefined ? String(o.status) : o.kind;
    by.set(key, [...(by.get(key) ?? []), o.ms]);
  }
  const rows = [...by.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, times]) => {
    times.sort((a, b) => a - b);
    return [key, String(times.length), String(times[0]), String(times[Math.floor((times.length - 1) / 2)]), String(times[times.length - 1])];
  });
  const ok = outcomes.filter((o) => o.ok).length;
  const table = [["outcome", "deliveries", "min ms", "median ms", "max ms"], ...rows];
  const widths = table[0]!.map((_, i) => Math.max(...table.map((r) => r[i]!.length)));
  return [
    "",
    ...table.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ")),
    "",
    `${deliveries(outcomes.length)}: ${ok} 2xx, ${outcomes.length - ok} not`,
  ];
}

function targetUrl(to: string | undefined): string {
  if (to === undefined) throw new UsageError("--to <url> is required: where to deliver, e.g. --to http://localhost:3000/webhooks");
  let url: URL;
  try {
    url = new URL(to);
  } catch {
    throw new UsageError(`--to '${to}' is not a URL (e.g. http://localhost:3000/webhooks)`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new UsageError(`--to ${to}: only http: and https: URLs can receive deliveries`);
  if (url.username || url.password) throw new UsageError("--to: leave credentials out of the URL");
  return url.href;
}

function boundedInt(values: Record<string, unknown>, name: string, fallback: number, max: number): number {
  const raw = values[name];
  if (raw === undefined) return fallback;
  const s = String(raw);
  if (!/^\d+$/.test(s) || Number(s) < 1 || Number(s) > max) throw new UsageError(`--${name} takes a whole number from 1 to ${max.toLocaleString("en-US")}, not '${s}'`);
  return Number(s);
}

function timeoutOption(values: Record<string, unknown>): number {
  const raw = values["timeout"];
  if (raw === undefined) return DEFAULT_TIMEOUT_S * 1000;
  const s = String(raw);
  if (!/^\d+(\.\d+)?$/.test(s) || Number(s) <= 0 || Number(s) > MAX_TIMEOUT_S) throw new UsageError(`--timeout takes seconds, more than 0 and at most ${MAX_TIMEOUT_S}, not '${s}'`);
  return Math.max(1, Math.round(Number(s) * 1000));
}

/** The secret from --secret-env NAME (the documented way) or --secret; never echoed. */
function secretOption(values: Record<string, unknown>, unsigned: boolean): string | undefined {
  const env = values["secret-env"] as string | undefined;
  const given = values["secret"] as string | undefined;
  if (env !== undefined && given !== undefined) throw new UsageError("give the secret one way: --secret-env <NAME> or --secret, not both");
  if (unsigned && (env !== undefined || given !== undefined)) throw new UsageError("--unsigned sends no signature: leave out the secret");
  if (given !== undefined) {
    if (given === "") throw new UsageError("--secret is empty");
    return given;
  }
  if (env === undefined) return undefined;
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(env)) throw new UsageError(`--secret-env takes the name of an environment variable, not '${env.slice(0, 40)}'`);
  const value = process.env[env];
  if (value === undefined || value === "") throw new UsageError(`--secret-env ${env}: the environment variable is not set`);
  return value;
}

const deliveries = (n: number) => `${n} ${n === 1 ? "delivery" : "deliveries"}`;
