import type { Io } from "../cli.ts";

export async function importCommand(_positionals: string[], _values: Record<string, unknown>, io: Io): Promise<number> {
  io.err("eventgen import: not available yet");
  return 2;
}
