// A synthetic catalog of any size, deterministic for a seed, built from the shapes real webhook
// catalogs have: resources with nested objects, enums, arrays, optional and nullable fields,
// shared named schemas (money, addresses, errors, a discriminated actor), payloads that are a
// resource or an inline object around one, and a valid example body per group.
//
// Prefix-stable: the catalog of N events is the first N events of any bigger one (each group draws
// from its own seeded generator), so a body valid in the 13-event catalog is valid in the 10,000.
//
//   node bin/run-ts.js bench/make-catalog.ts 10000 > big.yaml
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { stringify } from "yaml";

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** mulberry32: small, fast, and the same on every machine. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
    chance: (p: number) => next() < p,
  };
}
type Rng = ReturnType<typeof rng>;

/** A field: its catalog text (shorthand or full form) and a valid sample value. */
interface Field {
  yaml: unknown;
  sample(r: Rng): Json;
}

const hex = (r: Rng, n: number) => Array.from({ length: n }, () => "0123456789abcdef"[r.int(0, 15)]).join("");
const word = (r: Rng) => r.pick(["alpha", "bravo", "delta", "echo", "kilo", "lima", "oscar", "tango", "zulu"]);
const desc = (what: string) => ` ${what}`;

const f = {
  str: (what: string): Field => ({ yaml: `string${desc(what)}`, sample: (r) => `${word(r)} ${r.int(1, 999)}` }),
  uuid: (what: string): Field => ({ yaml: `uuid${desc(what)}`, sample: (r) => `${hex(r, 8)}-${hex(r, 4)}-4${hex(r, 3)}-a${hex(r, 3)}-${hex(r, 12)}` }),
  time: (what: string): Field => ({
    yaml: `date-time${desc(what)}`,
    sample: (r) => `2025-${String(r.int(1, 12)).padStart(2, "0")}-${String(r.int(1, 28)).padStart(2, "0")}T${String(r.int(0, 23)).padStart(2, "0")}:${String(r.int(0, 59)).padStart(2, "0")}:00Z`,
  }),
  email: (what: string): Field => ({ yaml: `email${desc(what)}`, sample: (r) => `${word(r)}${r.int(1, 99)}@example.com` }),
  uri: (what: string): Field => ({ yaml: `uri${desc(what)}`, sample: (r) => `https://example.com/${word(r)}/${r.int(1, 9999)}` }),
  id: (prefix: string, what: string): Field => ({
    yaml: { type: "string", pattern: `^${prefix}_[A-Za-z0-9]+$`, description: what },
    sample: (r) => `${prefix}_${hex(r, 10)}`,
  }),
  int: (what: string, minimum = 0): Field => ({ yaml: { type: "integer", minimum, description: what }, sample: (r) => r.int(minimum, minimum + 5000) }),
  num: (what: string): Field => ({ yaml: `number${desc(what)}`, sample: (r) => Math.round(r.next() * 100000) / 100 }),
  bool: (what: string): Field => ({ yaml: `boolean${desc(what)}`, sample: (r) => r.chance(0.5) }),
  any: (what: string): Field => ({ yaml: `any${desc(what)}`, sample: (r) => ({ note: word(r) }) }),
  enumOf: (values: string[], what: string): Field => ({ yaml: { enum: values, description: what }, sample: (r) => r.pick(values) }),
  constOf: (value: string): Field => ({ yaml: { const: value }, sample: () => value }),
  ref: (name: string, sample: (r: Rng) => Json, what?: string): Field => ({ yaml: what ? `${name}${desc(what)}` : name, sample }),
  list: (item: Field, what: string, maxItems?: number): Field => ({
    yaml: maxItems === undefined && typeof item.yaml === "string" && !item.yaml.includes(" ")
      ? `${item.yaml}[]${desc(what)}`
      : { type: "array", items: item.yaml, description: what, ...(maxItems === undefined ? {} : { maxItems }) },
    sample: (r) => Array.from({ length: r.int(0, Math.min(3, maxItems ?? 3)) }, () => item.sample(r)),
  }),
  obj: (props: Record<string, Field>, what?: string, closed = false): Field => ({
    yaml: { ...(what ? { description: what } : {}), ...(closed ? { additionalProperties: false } : {}), properties: Object.fromEntries(Object.entries(props).map(([k, v]) => [k, v.yaml])) },
    sample: (r) => sampleProps(props, r),
  }),
  map: (values: Field, what: string): Field => ({
    yaml: { values: values.yaml, description: what },
    sample: (r) => Object.fromEntries(Array.from({ length: r.int(0, 3) }, (_, i) => [`k${i}`, values.sample(r)])),
  }),
  /** Nullable: shorthand gets `|null`, full forms `nullable: true`. */
  orNull: (x: Field): Field => ({
    yaml: typeof x.yaml === "string" ? x.yaml.replace(/^(\S+)/, "$1|null") : { ...(x.yaml as object), nullable: true },
    sample: (r) => (r.chance(0.3) ? null : x.sample(r)),
  }),
};

/** Properties whose name ends in `?` are optional: present about two times in three. */
function sampleProps(props: Record<string, Field>, r: Rng): { [k: string]: Json } {
  const out: { [k: string]: Json } = {};
  for (const [k, v] of Object.entries(props)) {
    if (k.endsWith("?")) {
      if (r.chance(0.66)) out[k.slice(0, -1)] = v.sample(r);
    } else out[k] = v.sample(r);
  }
  return out;
}

// The shared schemas every catalog has.
const CURRENCIES = ["EUR", "USD", "GBP", "JPY", "CHF", "SEK"];
const shared: Record<string, Field> = {
  Money: f.obj({ amount: f.int("In minor units"), currency: f.enumOf(CURRENCIES, "ISO 4217 code") }, "An amount of money", true),
  Address: f.obj({
    line1: f.str("Street and number"),
    "line2?": f.orNull(f.str("More of the street")),
    city: f.str("City"),
    "postal_code?": f.orNull(f.str("Postal code")),
    country: { yaml: { type: "string", pattern: "^[A-Z]{2}$", description: "ISO 3166-1 alpha-2" }, sample: (r) => r.pick(["FR", "DE", "US", "BE"]) },
  }, "A postal address"),
  ApiError: f.obj({ code: f.str("A machine-readable code"), message: f.str("What went wrong"), "field?": f.orNull(f.str("The field at fault")) }, "An error"),
  Metadata: f.map(f.str("A value"), "Free-form key-value pairs"),
  User: f.obj({ kind: f.constOf("user"), id: f.id("usr", "The user"), "email?": f.orNull(f.email("Their email")) }),
  ApiKey: f.obj({ kind: f.constOf("api_key"), id: f.id("key", "The key"), "label?": f.str("Its label") }),
};
const sharedRef = (name: string, what?: string) => f.ref(name, (r) => shared[name]!.sample(r), what);
shared.Actor = {
  yaml: { oneOf: ["User", "ApiKey"], discriminator: "kind", description: "Who did it" },
  sample: (r) => (r.chance(0.5) ? shared.User! : shared.ApiKey!).sample(r),
};

const NOUNS = ["invoice", "order", "customer", "payment", "refund", "subscription", "ticket", "shipment", "account", "contact",
  "deal", "project", "task", "message", "file", "report", "device", "session", "webhook", "payout", "dispute", "coupon",
  "product", "price", "quote", "lead", "campaign", "member", "team", "workspace"];
const ACTIONS = ["created", "updated", "deleted", "archived", "restored", "completed", "failed", "canceled", "started",
  "paused", "resumed", "expired", "approved", "rejected"];
const STATUSES = ["draft", "open", "pending", "active", "paused", "completed", "failed", "canceled", "archived", "expired"];

/** The optional extras a resource may have, beyond its id, object, status and timestamps. */
const EXTRAS: [string, (r: Rng) => Field][] = [
  ["name", () => f.str("Its name")],
  ["description?", () => f.orNull(f.str("A longer text"))],
  ["amount", () => sharedRef("Money", "How much")],
  ["tax?", () => f.orNull(sharedRef("Money", "Tax, when charged"))],
  ["address?", () => f.orNull(sharedRef("Address", "Where"))],
  ["tags", () => f.list(f.str("A tag"), "Labels", 20)],
  ["metadata?", () => sharedRef("Metadata")],
  ["owner", () => sharedRef("Actor", "Who owns it")],
  ["errors?", () => f.list(sharedRef("ApiError"), "What went wrong")],
  ["count", () => f.int("How many")],
  ["ratio?", () => f.num("A ratio")],
  ["enabled", () => f.bool("Whether it is on")],
  ["contact_email?", () => f.orNull(f.email("Who to write to"))],
  ["url?", () => f.uri("Where to see it")],
  ["external_id?", () => f.orNull(f.uuid("Your own id"))],
  ["priority", (r) => f.enumOf(["low", "normal", "high", "urgent"].slice(0, r.int(2, 4)), "How urgent")],
  ["lines", () => f.list(f.obj({ sku: f.str("The item"), quantity: f.int("How many", 1), price: sharedRef("Money") }), "The line items", 100)],
  ["settings?", () => f.obj({ "retries?": f.int("Retries"), notify: f.bool("Send notifications"), "channel?": f.enumOf(["email", "sms", "push"], "Where") }, "Settings")],
  ["data?", () => f.any("Anything else")],
];

function shuffle<T>(xs: T[], r: Rng): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = r.int(0, i);
    [xs[i], xs[j]] = [xs[j]!, xs[i]!];
  }
  return xs;
}

interface Group {
  id: string;
  schema: string;
  resource: Field;
  events: { type: string; payload: Field }[];
}

function makeGroup(index: number, seed: number): Group {
  const r = rng(seed * 7919 + index * 104729 + 1);
  const noun = NOUNS[index % NOUNS.length]!;
  const id = `${noun}_${index}`;
  const schema = `${noun[0]!.toUpperCase()}${noun.slice(1)}${index}`;
  const props: Record<string, Field> = {
    id: f.id(noun.slice(0, 3), `The ${noun}'s id`),
    object: f.constOf(noun),
    status: f.enumOf(STATUSES.slice(0, r.int(3, STATUSES.length)), "Where it stands"),
    created_at: f.time("When it was created"),
    "updated_at?": f.orNull(f.time("When it last changed")),
  };
  for (const [name, make] of EXTRAS) if (r.chance(0.45)) props[name] = make(r);
  const resource = f.obj(props, `A ${noun}.`);
  const ref = f.ref(schema, (rr) => resource.sample(rr));
  const actions = shuffle([...ACTIONS], r).slice(0, r.int(4, 12));
  const events = actions.map((action) => {
    const kind = r.next();
    const payload =
      kind < 0.6
        ? ref
        : kind < 0.85
          ? f.obj({ id: f.id("chg", "The change"), [noun]: ref, "previous?": f.orNull(ref), "changed_fields?": f.list(f.str("A field name"), "What changed"), actor: sharedRef("Actor") })
          : f.obj({ [`${noun}_id`]: f.id(noun.slice(0, 3), "Which one"), reason: f.enumOf(["manual", "automatic", "timeout", "error"], "Why"), "message?": f.orNull(f.str("Details")), at: f.time("When") });
    return { type: `${id}.${action}`, payload };
  });
  return { id, schema, resource, events };
}

const envelope = {
  id: f.id("evt", "The event id"),
  object: f.constOf("event"),
  created_at: f.time("When it happened"),
  request_id: f.orNull(f.str("The API request behind it")),
};

export interface Synthetic {
  yaml: string;
  /** Event type → a few valid delivery bodies. */
  bodies: Map<string, Json[]>;
}

/** A catalog of exactly `events` events (at least 1). */
export function makeCatalog(events: number, seed = 1, id = `synthetic-${events}`): Synthetic {
  const groups: Group[] = [];
  let n = 0;
  for (let i = 0; n < events; i++) {
    const g = makeGroup(i, seed);
    g.events = g.events.slice(0, events - n);
    n += g.events.length;
    groups.push(g);
  }
  const bodyOf = (type: string, payload: Field, r: Rng): Json => ({ ...sampleProps(envelope, r), type, data: payload.sample(r) });
  const bodies = new Map<string, Json[]>();
  const catalog = {
    id,
    title: `Synthetic webhooks (${events} events)`,
    version: "1.0.0",
    description: "A synthetic catalog for eventgen's benchmark.",
    source: { title: "Synthetic", url: "https://example.com/webhooks" },
    package: { name: `@bench/${id}` },
    typePattern: "^[a-z]+_[0-9]+\\.[a-z]+$",
    envelope: { typeField: "type", payloadField: "data", fields: Object.fromEntries(Object.entries(envelope).map(([k, v]) => [k, v.yaml])) },
    signing: {
      scheme: "standard-webhooks",
      algorithm: "sha256",
      encoding: "base64",
      headers: { "webhook-id": { role: "id" }, "webhook-timestamp": { role: "timestamp" }, "webhook-signature": { role: "signature" } },
    },
    groups: Object.fromEntries(groups.map((g) => [g.id, { title: `${g.id} events` }])),
    schemas: {
      ...Object.fromEntries(Object.entries(shared).map(([k, v]) => [k, v.yaml])),
      ...Object.fromEntries(groups.map((g) => [g.schema, g.resource.yaml])),
    },
    events: Object.fromEntries(
      groups.flatMap((g, gi) =>
        g.events.map((e, ei) => {
          const r = rng(seed * 31 + gi * 977 + ei);
          const samples = [0, 1, 2].map(() => bodyOf(e.type, e.payload, r));
          bodies.set(e.type, samples);
          return [e.type, { group: g.id, trigger: `A ${g.id} is ${e.type.split(".")[1]}`, payload: e.payload.yaml, ...(ei === 0 ? { examples: [samples[0]] } : {}) }];
        }),
      ),
    ),
  };
  const yaml = `# A synthetic catalog made by bench/make-catalog.ts (seed ${seed}).\n${stringify(catalog, { lineWidth: 0, aliasDuplicateObjects: false })}`;
  return { yaml, bodies };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const events = Number(process.argv[2] ?? 1000);
  process.stdout.write(makeCatalog(events, Number(process.argv[3] ?? 1)).yaml);
}
