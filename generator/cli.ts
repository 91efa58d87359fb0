// argv → command, exit codes, help. Exit codes: 0 success; 1 problems found in the catalogs, stale
// output (--check) or a delivery of `send` that was not 2xx; 2 the command line is wrong; 3
// eventgen itself failed (a bug: please report it with the message).
import { lint } from "./commands/lint.ts";
import { catalogJsonSchema } from "./check/catalog-shape.ts";
import { didYouMean } from "./check/did-you-mean.ts";
import { parseOptions, UsageError, type OptionSpecs } from "./cli-options.ts";

export { UsageError } from "./cli-options.ts";

export interface Io {
  out(line: string): void;
  err(line: string): void;
}

const defaultIo: Io = {
  out: (l) => process.stdout.write(l + "\n"),
  err: (l) => process.stderr.write(l + "\n"),
};

interface Command {
  summary: string;
  usage: string;
  details: string;
  options: OptionSpecs;
  optionHelp: Record<string, string>;
  /** False when the command takes no positional arguments: one given is a mistake, not ignored. */
  positionals?: false;
  run(args: { positionals: string[]; values: Record<string, unknown> }, io: Io): Promise<number>;
}

const commands: Record<string, Command> = {
  lint: {
    summary: "check catalogs and print located diagnostics",
    usage: "eventgen lint [paths...] [--format text|json|github|sarif] [--max-problems <n>] [--max-warnings <n>] [--watch]",
    details: "Runs every check that generate runs, the examples included, on each catalog file (default:\nevery *.yaml under catalog/) and prints every problem as file:line:col: error CODE: message.\nWrites nothing. Exits 1 if there is any error (or more warnings than --max-warnings).",
    options: {
      format: { type: "string", short: "f" },
      "max-problems": { type: "string" },
      "max-warnings": { type: "string" },
      watch: { type: "boolean", short: "w" },
    },
    optionHelp: {
      "--format, -f <format>": "text (default), json (one JSON list on stdout), github (workflow annotations), sarif (SARIF 2.1.0)",
      "--max-problems <n>": "print at most n problems per file, then a count of the rest (default 50; 0: all)",
      "--max-warnings <n>": "exit 1 when there are more than n warnings (default: no limit)",
      "--watch, -w": "lint again whenever a catalog changes; stop with Ctrl-C",
    },
    run: ({ positionals, values }, io) => lint(positionals, values, io),
  },
  generate: {
    summary: "generate types, validators, JSON Schemas, docs, OpenAPI and a package per catalog",
    usage: "eventgen generate [--catalog <file|dir>...] [--out <dir>] [--check] [--quiet] [--templates <dir>] [--timings]\n       [--max-problems <n>] [--watch]",
    details: "Generates <out>/<catalog id>/ for each catalog. Output is built in full and then swapped in:\na failure leaves the previous output untouched. With --check nothing is written; the command\nexits 1 listing every stale, missing or extra file.",
    options: {
      catalog: { type: "string", multiple: true, short: "c" },
      out: { type: "string", short: "o" },
      check: { type: "boolean" },
      quiet: { type: "boolean", short: "q" },
      templates: { type: "string" },
      timings: { type: "boolean" },
      "max-problems": { type: "string" },
      watch: { type: "boolean", short: "w" },
    },
    positionals: false,
    optionHelp: {
      "--catalog, -c <file|dir>": "catalog file or folder; repeatable (default: catalog/)",
      "--out, -o <dir>": "output folder (default: generated/)",
      "--check": "write nothing; exit 1 if the output on disk is stale, missing or has extra files",
      "--quiet, -q": "no progress or summary on stderr",
      "--templates <dir>": "folder of docs templates overriding the defaults by name (catalog.hbs, partials/*.hbs)",
      "--timings": "print the time spent in each stage",
      "--max-problems <n>": "print at most n problems per file, then a count of the rest (default 50; 0: all)",
      "--watch, -w": "generate again whenever a catalog or template changes; stop with Ctrl-C",
    },
    run: async (args, io) => (await import("./commands/generate.ts")).generate(args.values, io),
  },
  import: {
    summary: "turn an OpenAPI or AsyncAPI document or a folder of JSON Schemas into a catalog",
    usage: "eventgen import openapi <file> --out catalog/<id>.yaml [--force] [--verbose] [--flatten]\n       eventgen import asyncapi <file> --out catalog/<id>.yaml [--force] [--verbose] [--flatten]\n       eventgen import jsonschema <dir> --out catalog/<id>.yaml [--force] [--verbose] [--flatten]",
    details: "Writes a catalog that is then yours to edit. openapi reads an OpenAPI 3.1 document's webhooks\n(or 3.0's x-webhooks); asyncapi reads an AsyncAPI 3.0 or 2.6 document's messages, one event\neach; jsonschema reads every *.json/*.yaml under <dir> as one event, its type\nthe file's path without the extension. Anything the catalog cannot say is a warning on stderr,\n`file#/json/pointer: warning IMPxxx: message`, and the schema is widened there; a reason met\nseveral times is one line, `file: warning IMPxxx ×n: message (first at #/pointer)`, unless\n--verbose. Exits 1 if the\ninput cannot be read, 2 on a wrong command line or an existing --out without --force.",
    options: { out: { type: "string", short: "o" }, force: { type: "boolean" }, verbose: { type: "boolean" }, flatten: { type: "boolean" } },
    optionHelp: { "--out, -o <file>": "the catalog file to write (required)", "--force": "overwrite an existing file", "--verbose": "print every warning, not one line per reason", "--flatten": "write every allOf as one expanded object, not as a composition of the named schemas" },
    run: async (args, io) => (await import("./commands/import.ts")).importCommand(args.positionals, args.values, io),
  },
  diff: {
    summary: "report what changed between two versions of a catalog, and what breaks its consumers",
    usage: "eventgen diff <old.yaml> <new.yaml> [--format text|markdown|json|github] [--fail-on <level>] [--changelog]\n       eventgen diff --base <git-ref> [paths...] [options]",
    details:
      "Compares the two catalogs' models (renaming a named schema is no change) in the webhook direction:\na change is breaking when a delivery valid under the new catalog can be rejected by consumers\nbuilt from the old one; each breaking change in a body comes with a witness, a body the new\nvalidators accept and the old ones reject. Prints every change with its level, event, JSON\nPointer and file:line:col, then the version bump it requires (major, minor, patch or none) and\nwhether the new catalog's version makes it. With --base, each catalog under paths (default:\ncatalog/) is compared with the same file at that git revision, read with git; nothing is written.\nExits 0 when nothing reaches --fail-on, 1 when something does or a catalog does not load, 2 on\na wrong command line.",
    options: {
      base: { type: "string" },
      format: { type: "string", short: "f" },
      "fail-on": { type: "string" },
      changelog: { type: "boolean" },
    },
    optionHelp: {
      "--base <git-ref>": "compare the working tree's catalogs with the same files at this revision",
      "--format, -f <format>": "text (default), markdown (a pull-request comment), json (one document) or github (annotations)",
      "--fail-on <level>": "breaking (default), warning, info, or version: exit 1 only when the new version does not bump enough",
      "--changelog": "print a CHANGELOG.md entry for the new version (Breaking, Added, Changed, Docs) instead of a report",
    },
    run: async (args, io) => (await import("./commands/diff.ts")).diffCommand(args.positionals, args.values, io),
  },
  send: {
    summary: "deliver signed, valid example events of a catalog to a URL, to test a receiver",
    usage:
      "eventgen send <type>... --to <url> [--catalog <file>] [--data <json>|@file] [--set <path>=<value>]... [--invalid]\n       [--secret-env <NAME>|--secret <secret>|--unsigned] [--timeout <s>] [--repeat <n>] [--concurrency <n>] [--dry-run]\n       eventgen send --all [--group <g>] --to <url> [options]",
    details:
      "Builds each event's body as the package's testing entry does (the catalog's example, or one\nsynthesized as the docs do, with a fresh id, the type and now in the envelope), applies --data\nand --set, checks it with the catalog's own validators, signs it with the catalog's scheme through\nthe packages' runtime, and POSTs it with the headers the vendor sends. Prints one line per\ndelivery: the type, the status, the time and the first line of the response. Exits 0 when every\nresponse is 2xx, 1 otherwise (or when a body is invalid and --invalid is not given), 2 on a wrong\ncommand line. The secret is never printed.",
    options: {
      to: { type: "string" },
      catalog: { type: "string", short: "c" },
      data: { type: "string" },
      set: { type: "string", multiple: true },
      invalid: { type: "boolean" },
      "secret-env": { type: "string" },
      secret: { type: "string" },
      unsigned: { type: "boolean" },
      timeout: { type: "string" },
      all: { type: "boolean" },
      group: { type: "string" },
      repeat: { type: "string" },
      concurrency: { type: "string" },
      "dry-run": { type: "boolean" },
    },
    optionHelp: {
      "--to <url>": "where to deliver (http: or https:); required",
      "--catalog, -c <file>": "the catalog (default: the one under catalog/ that has the type)",
      "--data <json>|@<file>": "replace the payload with this JSON, or with a JSON file's",
      "--set <path>=<value>": "set one field (data.status=failed or /data/status); the value is JSON where it parses; repeatable",
      "--invalid": "send a body the validators reject (to test a receiver's 400 path) instead of refusing it",
      "--secret-env <NAME>": "the signing secret, from this environment variable (the documented way)",
      "--secret <secret>": "the signing secret itself (visible in the shell's history and process list)",
      "--unsigned": "send no signature headers",
      "--timeout <s>": "seconds to wait for each response (default 10)",
      "--all": "one delivery of every event type of the catalog, then a summary table",
      "--group <g>": "with --all: only the types of this group",
      "--repeat <n>": `send each delivery n times, each with a fresh id and signature (at most ${(10_000).toLocaleString("en-US")})`,
      "--concurrency <n>": "deliveries in flight at once (default 1, at most 64)",
      "--dry-run": "print each request as a curl command line and send nothing",
    },
    run: async (args, io) => (await import("./commands/send.ts")).sendCommand(args.positionals, args.values, io),
  },
  example: {
    summary: "print the body that send would deliver, as JSON",
    usage: "eventgen example <type> [--catalog <file>] [--data <json>|@file] [--set <path>=<value>]... [--invalid]",
    details: "Prints the event's body as send builds it (a fresh id and now in the envelope, then --data and\n--set), checked with the catalog's validators, as indented JSON on stdout. send delivers the same\nbody without the indentation. Exits 1 when the body is invalid (unless --invalid), 2 on a wrong\ncommand line.",
    options: {
      catalog: { type: "string", short: "c" },
      data: { type: "string" },
      set: { type: "string", multiple: true },
      invalid: { type: "boolean" },
    },
    optionHelp: {
      "--catalog, -c <file>": "the catalog (default: the one under catalog/ that has the type)",
      "--data <json>|@<file>": "replace the payload with this JSON, or with a JSON file's",
      "--set <path>=<value>": "set one field; the value is JSON where it parses; repeatable",
      "--invalid": "print the body even when the validators reject it",
    },
    run: async (args, io) => (await import("./commands/example.ts")).exampleCommand(args.positionals, args.values, io),
  },
  schema: {
    summary: "print the JSON Schema of the catalog format",
    usage: "eventgen schema",
    details: "Prints the JSON Schema (2020-12) that editors use to complete and check catalog files;\nthe repository commits it as schema/catalog.schema.json.",
    options: {},
    positionals: false,
    optionHelp: {},
    run: async (_args, io) => {
      io.out(JSON.stringify(catalogJsonSchema(), null, 2));
      return 0;
    },
  },
};

function mainHelp(): string {
  const width = Math.max(...Object.keys(commands).map((c) => c.length));
  return [
    "eventgen: generate TypeScript types, validators, docs, OpenAPI and JSON Schemas from webhook event catalogs",
    "",
    "Usage: eventgen <command> [options]",
    "",
    "Commands:",
    ...Object.entries(commands).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`),
    "",
    "Options:",
    "  --help, -h     show help (also: eventgen <command> --help)",
    "  --version, -v  print the version",
    "",
    "Exit codes: 0 success, 1 problems in the catalogs, stale output or a delivery that was not 2xx, 2 bad command line, 3 internal error.",
  ].join("\n");
}

function commandHelp(name: string, c: Command): string {
  const opts = Object.entries(c.optionHelp);
  const width = Math.max(10, ...opts.map(([k]) => k.length));
  return [
    `eventgen ${name}: ${c.summary}`,
    "",
    `Usage: ${c.usage}`,
    "",
    c.details,
    ...(opts.length ? ["", "Options:", ...opts.map(([k, v]) => `  ${k.padEnd(width)}  ${v}`)] : []),
    `  ${"--help, -h".padEnd(width)}  show this help`,
  ].join("\n");
}

export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name) {
    // No command is a usage error (as git has it): the help goes where errors go.
    io.err(mainHelp());
    return 2;
  }
  if (name === "--help" || name === "-h" || name === "help") {
    const topic = name === "help" ? rest[0] : undefined;
    if (topic && !commands[topic]) return unknownCommand(topic, io);
    io.out(topic ? commandHelp(topic, commands[topic]!) : mainHelp());
    return 0;
  }
  if (name === "--version" || name === "-v") {
    const { createRequire } = await import("node:module");
    io.out(createRequire(import.meta.url)("../package.json").version);
    return 0;
  }
  const command = commands[name];
  if (!command) return unknownCommand(name, io);
  const usage = (message: string) => {
    // The same for every command and every mistake: what is wrong, the usage, where the rest is.
    io.err(`eventgen ${name}: ${message}\nUsage: ${command.usage}\nRun 'eventgen ${name} --help' for every option.`);
    return 2;
  };
  let parsed;
  try {
    parsed = parseOptions(rest, command.options);
  } catch (err) {
    if (err instanceof UsageError) return usage(err.message);
    throw err;
  }
  if (parsed.values["help"]) {
    io.out(commandHelp(name, command));
    return 0;
  }
  if (command.positionals === false && parsed.positionals.length) {
    const [arg] = parsed.positionals;
    const hint = "catalog" in command.options ? ` (did you mean --catalog ${arg}?)` : "";
    return usage(`unexpected argument '${arg}'${hint}`);
  }
  try {
    return await command.run(parsed, io);
  } catch (err) {
    if (err instanceof UsageError) return usage(err.message);
    // A bug, not a catalog problem: the stack helps the report, but only when asked for.
    const detail = process.env["EVENTGEN_DEBUG"] ? ((err as Error)?.stack ?? String(err)) : `${(err as Error)?.message ?? String(err)} (set EVENTGEN_DEBUG=1 for the stack)`;
    io.err(`eventgen ${name}: internal error: ${detail}\nThis is a bug in eventgen; please report it with the catalog that triggers it.`);
    return 3;
  }
}

function unknownCommand(name: string, io: Io): number {
  io.err(`eventgen: unknown command '${name}'${didYouMean(name, Object.keys(commands))}\nCommands: ${Object.keys(commands).join(", ")}. Run 'eventgen --help' for more.`);
  return 2;
}
