// What `eventgen send` and `eventgen example` share: the catalog and events named on the command
// line, the --data and --set edits, and each body as it will be delivered, judged by the
// catalog's own validators (their JavaScript, run in process).
import { randomUUID } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { UsageError, type Io } from "../cli.ts";
import { didYouMean } from "../check/did-you-mean.ts";
import { loadCompiledValidators } from "../check/examples.ts";
import { formatDiagnostic, hasErrors, oneLine } from "../diagnostics.ts";
import { BodyEditError, deliveryBody, parseSet } from "../emit/delivery/body.ts";
import { emitValidatorsModule } from "../emit/validators/validators-module.ts";
import { loadAndCheck } from "../load-and-check.ts";
import type { CatalogModel, EventModel, Json } from "../model/ir.ts";

/** A --data file larger than this is refused unread. */
export const MAX_DATA_BYTES = 5 * 1024 * 1024;
/** At most this many validator errors are shown for one refused body. */
const MAX_ERRORS_SHOWN = 20;

export interface Target {
  model: CatalogModel;
  event: EventModel;
}

type Validate = (input: unknown) => { ok: boolean; errors?: { path: string; message: string }[] };

export interface Edits {
  data?: Json;
  sets: { path: string; value: Json }[];
}

export interface Prepared {
  targets: Target[];
  edits: Edits;
  /** A fresh body for one target (a new id and now each call), with its id. */
  body(t: Target): { body: Json; id?: string };
  /** The validator's errors for a body, as `path message` lines (none: valid). */
  problems(t: Target, body: Json): string[];
}

/** Loads the catalogs (--catalog, or every catalog under catalog/), or prints why it cannot:
 * undefined then, and the caller exits 1. */
export function loadCatalogs(values: Record<string, unknown>, io: Io, command: string): CatalogModel[] | undefined {
  const catalog = values["catalog"] as string | undefined;
  const inputs = catalog !== undefined ? [catalog] : ["catalog"];
  if (catalog !== undefined) {
    let file = false;
    try {
      file = statSync(catalog).isFile();
    } catch {
      throw new UsageError(`--catalog ${catalog}: no such file`);
    }
    if (!file) throw new UsageError(`--catalog ${catalog}: not a file (name one catalog file)`);
  }
  const { models, diagnostics } = loadAndCheck(inputs);
  for (const d of diagnostics) io.err(formatDiagnostic(d));
  if (hasErrors(diagnostics)) {
    io.err(`eventgen ${command}: the catalog does not load, so nothing was ${command === "send" ? "sent" : "made"}.`);
    return undefined;
  }
  if (!models.length) throw new UsageError(catalog !== undefined ? `--catalog ${catalog}: no catalog there` : "no catalog under catalog/; name one with --catalog <file>");
  return models;
}

/** The events named by type; the type picks the catalog when there are several. */
export function pickEvents(models: CatalogModel[], types: readonly string[]): Target[] {
  return types.map((type) => {
    const found = models.flatMap((model) => model.events.filter((e) => e.type === type).map((event) => ({ model, event })));
    if (found.length > 1) throw new UsageError(`'${type}' is an event of several catalogs (${found.map((f) => f.model.file).join(", ")}); choose one with --catalog <file>`);
    if (found.length === 0) {
      const all = models.flatMap((m) => m.events.map((e) => e.type));
      const where = models.length === 1 ? models[0]!.file : `${models.length} catalogs`;
      throw new UsageError(`unknown event type '${type}' in ${where}${didYouMean(type, all)}`);
    }
    return found[0]!;
  });
}

/** Every event of the catalog, or of one of its groups. */
export function allEvents(models: CatalogModel[], group: string | undefined): Target[] {
  if (models.length > 1) throw new UsageError(`--all sends every event of one catalog; there are ${models.length} (${models.map((m) => m.file).join(", ")}): choose one with --catalog <file>`);
  const model = models[0]!;
  if (group === undefined) return model.events.map((event) => ({ model, event }));
  const g = model.groups.find((x) => x.id === group);
  if (!g) throw new UsageError(`unknown --group '${group}' in ${model.file}${didYouMean(group, model.groups.map((x) => x.id))}; groups: ${model.groups.map((x) => x.id).join(", ")}`);
  return g.events.map((event) => ({ model, event }));
}

/** --data <json> or --data @file.json, and every --set path=value. */
export function readEdits(values: Record<string, unknown>): Edits {
  const sets = ((values["set"] as string[] | undefined) ?? []).map((s) => {
    try {
      return parseSet(s);
    } catch (err) {
      if (err instanceof BodyEditError) throw new UsageError(err.message);
      throw err;
    }
  });
  const raw = values["data"] as string | undefined;
  if (raw === undefined) return { sets };
  let text = raw;
  let from = "--data";
  if (raw.startsWith("@")) {
    const file = raw.slice(1);
    from = `--data @${file}`;
    let size: number;
    try {
      size = statSync(file).size;
    } catch {
      throw new UsageError(`${from}: no such file`);
    }
    if (size > MAX_DATA_BYTES) throw new UsageError(`${from}: the file is over ${MAX_DATA_BYTES} bytes`);
    text = readFileSync(file, "utf8");
  }
  try {
    return { data: JSON.parse(text) as Json, sets };
  } catch (err) {
    throw new UsageError(`${from}: not JSON (${oneLine((err as Error).message, 120)})`);
  }
}

export async function prepare(targets: Target[], edits: Edits): Promise<Prepared> {
  const validators = new Map<CatalogModel, Record<string, Validate>>();
  for (const { model } of targets)
    if (!validators.has(model)) validators.set(model, (await loadCompiledValidators<{ validators: Record<string, Validate> }>(emitValidatorsModule(model).js)).validators);
  return {
    targets,
    edits,
    body: ({ model, event }) => {
      try {
        return deliveryBody(model, event, { ...edits, uuid: randomUUID(), now: new Date() });
      } catch (err) {
        if (err instanceof BodyEditError) throw new UsageError(err.message);
        throw err;
      }
    },
    problems: ({ model, event }, body) => {
      const r = validators.get(model)![event.type]!(body);
      if (r.ok) return [];
      const errors = r.errors ?? [];
      const shown = errors.slice(0, MAX_ERRORS_SHOWN).map((e) => `${e.path || "/"} ${oneLine(e.message)}`);
      return errors.length > shown.length ? [...shown, `… and ${errors.length - shown.length} more`] : shown;
    },
  };
}

/** Refuses (prints why, returns false) a body the validators reject, unless --invalid. */
export function vet(p: Prepared, t: Target, body: Json, invalid: boolean, io: Io, command: string): boolean {
  const problems = p.problems(t, body);
  if (!problems.length) return true;
  const where = `${t.model.file}: ${t.event.type}`;
  if (invalid) {
    io.err(`eventgen ${command}: ${where}: the body is invalid, as --invalid asks (${problems[0]})`);
    return true;
  }
  io.err(`eventgen ${command}: ${where}: the body does not match the event's schema, so it was not ${command === "send" ? "sent" : "printed"}:`);
  for (const line of problems) io.err(`  ${line}`);
  io.err(command === "send" ? "  (--invalid sends it anyway, to test a receiver's 400 path)" : "  (--invalid prints it anyway)");
  return false;
}
