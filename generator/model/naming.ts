// Every identifier, operationId and file name the generator emits is made here, once, from the
// catalog, deterministically; collisions are diagnostics, never silent renames.
import type { Diagnostic, SourcePos } from "../diagnostics.ts";

/** Names every generated package exports; a catalog-made name must not take one of them. */
export const RUNTIME_NAMES = [
  "Event", "EventType", "EventMap", "EventEnvelope", "eventTypes", "validators", "validateEvent",
  "isEvent", "parseEvent", "EventValidationError", "eventSchema", "ValidationResult", "ValidationIssue",
  "Validator", "StandardSchemaV1", "typeField", "typeHeader", "schemaValidators", "toStandardSchema", "catalog", "EventOf", "PayloadOf",
  // What the package's index re-exports from validators.ts and webhooks.ts besides those.
  "IssueCode", "ValidateOptions", "createWebhooks", "Delivery", "Handler", "ReceiveInput", "ReceiveResult", "Webhooks", "WebhooksOptions",
  "signingScheme", "verifySignature", "signPayload", "Body", "HeadersInput", "SignOptions", "SigningScheme", "VerifyOptions", "VerifyResult", "VerifyFailure",
] as const;

const KEYWORDS = new Set(
  ("break case catch class const continue debugger default delete do else enum export extends false finally for " +
    "function if import in instanceof new null return super switch this throw true try typeof var void while with " +
    "as implements interface let package private protected public static yield any boolean constructor declare get " +
    "module require number set string symbol type from of unknown never object bigint undefined await async keyof " +
    "readonly infer is unique satisfies asserts accessor out abstract")
    .split(" "),
);
/** Global types and values a generated module refers to; shadowing them would break it. */
const GLOBALS = new Set(["Array", "Object", "String", "Number", "Boolean", "Date", "Error", "Map", "Set", "Promise", "Record", "RegExp", "JSON", "Math", "Symbol", "Readonly", "ReadonlyArray", "Partial", "Required", "Pick", "Omit", "Exclude", "Extract", "NonNullable", "Infinity", "NaN"]);

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
export const isIdentifier = (s: string) => IDENT.test(s) && !KEYWORDS.has(s);

/** Words of an event type or group id: split on anything that is not a letter or digit, and on
 * lower→Upper boundaries, so `task_run.completed`, `task-run:completed` and `taskRun.completed`
 * agree (and collide, which is reported). */
export function words(s: string): string[] {
  return s
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
}

export function pascal(s: string): string {
  const out = words(s).map((w) => w[0]!.toUpperCase() + w.slice(1)).join("");
  if (!out) return "Unnamed";
  return /^[0-9]/.test(out) ? `N${out}` : out;
}

export function camel(s: string): string {
  const p = pascal(s);
  return p[0]!.toLowerCase() + p.slice(1);
}

/** A schema name is used as the type name when it is a valid, non-reserved identifier. */
export function schemaTypeName(name: string): string {
  if (isIdentifier(name) && !GLOBALS.has(name) && /^[A-Za-z]/.test(name)) return name;
  return `${pascal(name)}Schema`;
}

/** A property name as a TypeScript property key: as-is when an identifier, quoted otherwise. */
export function propertyKey(name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : JSON.stringify(name);
}

/** Event types may hold characters file systems reject; `/` stays a folder separator. */
export function fileStem(type: string): string {
  return type
    .split("/")
    .map((part) => part.replace(/[^A-Za-z0-9._@+-]/g, "_").replace(/^\.+/, "_") || "_")
    .join("/");
}

/** A Markdown anchor id (`event-task_run-completed`): lowercase, safe in URLs and in GitHub's
 * and npm's renderers, which keep explicit `<a id>` anchors as written. */
export function anchorId(kind: "event" | "group" | "schema", name: string): string {
  return `${kind}-${name.toLowerCase().replace(/[^a-z0-9_-]+/g, "-")}`;
}

interface Claim {
  what: string;
  pos: SourcePos;
}

/** Collisions, merged so that two things sharing several generated names (an event's type, payload
 * type and operationId, say) are one diagnostic that lists the names, not one per name. */
export class Clashes {
  private readonly pairs = new Map<string, { what: string; pos: SourcePos; prior: Claim; names: string[] }>();
  add(what: string, pos: SourcePos, prior: Claim, name: string) {
    const key = `${what}\0${pos.file}:${pos.line}:${pos.col}\0${prior.what}`;
    const pair = this.pairs.get(key) ?? { what, pos, prior, names: [] };
    pair.names.push(name);
    this.pairs.set(key, pair);
  }
  diagnostics(): Diagnostic[] {
    return [...this.pairs.values()].map(({ what, pos, prior, names }) => {
      const at = prior.pos.line === 0 ? "" : prior.pos.file === pos.file ? ` (line ${prior.pos.line}:${prior.pos.col})` : ` (${prior.pos.file}:${prior.pos.line}:${prior.pos.col})`;
      const many = names.length > 1;
      return {
        code: "EG304",
        severity: "error",
        message: `${what} would get the same generated name${many ? "s" : ""} as ${prior.what}${at}: ${names.join(", ")}`,
        pos,
        hint: prior.pos.line === 0 ? "rename it; that name is taken by every generated package" : "rename one of them; generated names must be unique",
      };
    });
  }
}

/** Hands out names within one namespace and records any name claimed twice. File names and anchors
 * compare case-insensitively, since macOS and Windows (and browsers, for anchors) do. */
export class Namespace {
  private readonly taken = new Map<string, Claim>();
  constructor(
    private readonly label: string,
    private readonly clashes: Clashes,
    private readonly fold = (s: string) => s,
  ) {}
  reserve(name: string, what: string, pos: SourcePos) {
    this.taken.set(this.fold(name), { what, pos });
  }
  claim(name: string, what: string, pos: SourcePos): string {
    const prior = this.taken.get(this.fold(name));
    if (prior) this.clashes.add(what, pos, prior, `${this.label} '${name}'`);
    else this.taken.set(this.fold(name), { what, pos });
    return name;
  }
}

/** The environment variable the docs' examples and `eventgen send --secret-env` suggest for a
 * catalog's signing secret: `deck` → `DECK_WEBHOOK_SECRET`. */
export function secretEnvName(catalogId: string): string {
  return `${catalogId.toUpperCase().replace(/[^A-Z0-9]+/g, "_")}_WEBHOOK_SECRET`;
}

/**
 * Names for shapes shared by several places (model/shapes.ts), in a catalog's type namespace: after
 * the place where each first occurs, the property's name alone when it is free (`pull_request` →
 * `PullRequest`), else with its owner's name before it (`PullRequestOpenedPullRequest`), else
 * numbered. Free means taken by no other type of the package: not a named schema, event, payload,
 * group union, runtime name or global. The same catalog always yields the same names.
 */
export class ShapeNames {
  private readonly taken = new Set<string>();
  constructor(model: {
    schemas: readonly { typeName: string }[];
    events: readonly { names: { event: string; payload: string } }[];
    groups: readonly { unionName: string }[];
  }) {
    for (const n of [...RUNTIME_NAMES, ...GLOBALS, ...KEYWORDS]) this.taken.add(n);
    for (const s of model.schemas) this.taken.add(s.typeName);
    for (const e of model.events) this.taken.add(e.names.event).add(e.names.payload);
    for (const g of model.groups) this.taken.add(g.unionName);
  }

  /** `owner`: the type or event stem it stands in; `hint`: the words from there (`head repo`). */
  shape(owner: string, hint: string): string {
    const own = hint ? pascal(hint) : "";
    // Words that name no field (an array's item, a map's value, a variant) need their owner.
    const bare = own && !/^(item|value|variant)\b/.test(hint) ? [own] : [];
    const candidates = [...bare, `${owner}${own || "Shape"}`];
    let name = candidates.find((c) => !this.taken.has(c));
    for (let i = 2; !name; i++) if (!this.taken.has(`${candidates.at(-1)}${i}`)) name = `${candidates.at(-1)}${i}`;
    this.taken.add(name);
    return name;
  }
}
