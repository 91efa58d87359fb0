// `eventgen example <type>`: the body `send` would deliver (the catalog's example or a synthesized
// one, the envelope filled, --data and --set applied), as JSON on stdout, for fixtures and pipes.
import { UsageError, type Io } from "../cli.ts";
import { loadCatalogs, pickEvents, prepare, readEdits, vet } from "./delivery-input.ts";

export async function exampleCommand(positionals: string[], values: Record<string, unknown>, io: Io): Promise<number> {
  if (positionals.length !== 1) throw new UsageError(positionals.length ? `one event type at a time; unexpected '${positionals[1]}'` : "name the event type");
  const edits = readEdits(values);
  const models = loadCatalogs(values, io, "example");
  if (!models) return 1;
  const [target] = pickEvents(models, positionals);
  const prepared = await prepare([target!], edits);
  const { body } = prepared.body(target!);
  if (!vet(prepared, target!, body, values["invalid"] === true, io, "example")) return 1;
  io.out(JSON.stringify(body, null, 2));
  return 0;
}
