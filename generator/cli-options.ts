// Command-line options, read the same way for every command: node:util's parseArgs, its errors
// turned into our own words, and typed readers for option values. A mistake here is a UsageError
// (exit 2, one line, then a pointer to the command's --help).
import { parseArgs, type ParseArgsConfig } from "node:util";
import { didYouMean } from "./check/did-you-mean.ts";

export type OptionSpecs = NonNullable<ParseArgsConfig["options"]>;

export class UsageError extends Error {}

export interface ParsedArgs {
  positionals: string[];
  values: Record<string, unknown>;
}

/** Parses `args` against `options` (plus --help); throws UsageError in our words. */
export function parseOptions(args: string[], options: OptionSpecs): ParsedArgs {
  const all: OptionSpecs = { ...options, help: { type: "boolean", short: "h" } };
  // parseArgs takes the next word as a string option's value even when it is another option
  // (`--out --check`): that is a missing value, not a folder named --check. A negative number is
  // a value (`--max-warnings -1`), which parseArgs only takes written as `--max-warnings=-1`.
  const words: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const word = args[i]!;
    words.push(word);
    if (word === "--") {
      words.push(...args.slice(i + 1));
      break;
    }
    const name = optionName(word, all);
    if (name === undefined || word.includes("=") || all[name]!.type !== "string") continue;
    const next = args[i + 1];
    if (next === undefined || (next.startsWith("-") && next !== "-" && !/^-\d+$/.test(next))) throw new UsageError(`${flag(name, all)} needs a value`);
    words[words.length - 1] = `--${name}=${next}`;
    i++;
  }
  try {
    const parsed = parseArgs({ args: words, options: all, allowPositionals: true, strict: true });
    return { positionals: parsed.positionals, values: parsed.values as Record<string, unknown> };
  } catch (err) {
    throw new UsageError(translate((err as Error).message, all));
  }
}

/** The option a word names (`--out`, `-o`), or undefined. */
function optionName(word: string, options: OptionSpecs): string | undefined {
  if (word.startsWith("--")) {
    const name = word.slice(2).split("=")[0]!;
    return Object.hasOwn(options, name) ? name : undefined;
  }
  if (/^-[A-Za-z]$/.test(word)) return Object.entries(options).find(([, o]) => o.short === word[1])?.[0];
  return undefined;
}

const flag = (name: string, options: OptionSpecs) => (options[name]?.short ? `--${name} (-${options[name]!.short})` : `--${name}`);

/** node:util's messages, in our words, with a suggestion for a misspelt option. */
function translate(message: string, options: OptionSpecs): string {
  const unknown = /^Unknown option '(--?[^']*)'/.exec(message);
  if (unknown) return `unknown option '${unknown[1]}'${didYouMean(unknown[1]!, Object.keys(options).map((o) => `--${o}`))}`;
  const missing = /^Option '(?:-\w, )?--([\w-]+)[^']*' argument missing/.exec(message);
  if (missing) return `${flag(missing[1]!, options)} needs a value`;
  const noValue = /^Option '(?:-\w, )?--([\w-]+)' does not take an argument/.exec(message);
  if (noValue) return `--${noValue[1]} takes no value`;
  const ambiguous = /^Option '(?:-\w, )?--([\w-]+)[^']*' argument is ambiguous/.exec(message);
  if (ambiguous) return `${flag(ambiguous[1]!, options)} needs a value; to give one that starts with '-', write --${ambiguous[1]}=<value>`;
  return message.split("\n")[0]!;
}

/** A whole number option (`--max-problems 50`), at least `min`. */
export function intOption(values: Record<string, unknown>, name: string, fallback: number, min = 0): number {
  const raw = values[name];
  if (raw === undefined) return fallback;
  const s = String(raw);
  if (!/^-?\d+$/.test(s) || Number(s) < min || !Number.isSafeInteger(Number(s)))
    throw new UsageError(`--${name} takes a whole number${min > 0 ? ` of at least ${min}` : min === 0 ? " (0 or more)" : min === -1 ? " of -1 (no limit) or more" : ""}, not '${s}'`);
  return Number(s);
}

/** An option with a fixed set of values (`--format json`). */
export function choiceOption<T extends string>(values: Record<string, unknown>, name: string, choices: readonly T[], fallback: T): T {
  const raw = values[name];
  if (raw === undefined) return fallback;
  if ((choices as readonly string[]).includes(String(raw))) return raw as T;
  throw new UsageError(`--${name} takes one of ${choices.join(", ")}, not '${String(raw)}'${didYouMean(String(raw), choices)}`);
}
