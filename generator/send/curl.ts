// A request as a curl command line for POSIX shells (`send --dry-run`): every word single-quoted,
// so nothing in a body or header is expanded by the shell.
import type { Request } from "./deliver.ts";

/** One shell word: single-quoted, a quote inside written as '\''. */
export const shellQuote = (word: string): string => `'${word.replace(/'/g, `'\\''`)}'`;

export function curlCommand(req: Request): string {
  const headers = Object.entries(req.headers).map(([k, v]) => `-H ${shellQuote(`${k}: ${v}`)}`);
  return ["curl", "-sS", "-X", "POST", shellQuote(req.url), ...headers, "--data-raw", shellQuote(req.body)].join(" ");
}
