// The docs' Receiving section and the Signing section's call, made from the catalog's signing and
// envelope: what a consumer of this catalog writes, with its own package name, event types and
// headers.
import type { CatalogModel } from "../../model/ir.ts";
import { secretEnvName } from "../../model/naming.ts";
import { mdCode, mdFence } from "../escape/markdown.ts";
import { tsString } from "../escape/ts.ts";

const secretExpr = (model: CatalogModel) => `process.env.${secretEnvName(model.id)}`;

/** How a handler is created: with the secret, without one, or with an optional one. */
function createCall(model: CatalogModel): string {
  const s = model.signing;
  if (!s?.verify) return "createWebhooks()";
  return s.required ? `createWebhooks({ secret: ${secretExpr(model)}! })` : `createWebhooks({ secret: ${secretExpr(model)} })`;
}

export function receivingMarkdown(model: CatalogModel, envelopeAnchor: string): string {
  const first = model.events[0];
  const scheme = model.signing?.verify;
  // Written as prettier writes it, so the docs' formatter leaves it as it is.
  const code = [
    `import { createWebhooks } from ${tsString(model.package.name)};`,
    "",
    `const webhooks = ${createCall(model)};`,
    ...(first
      ? [`webhooks.on(${tsString(first.type)}, async (event, delivery) => {`, `  // event is typed as ${first.names.event}${scheme?.id ? `; delivery.id is the ${scheme.id.header} header` : ""}`, "});"]
      : []),
    "webhooks.onError((error) => console.error(error));",
    "",
    "// Fetch API (Hono, Next.js route handlers, Cloudflare Workers, Deno, Bun):",
    "export const POST = (request: Request) => webhooks.handle(request);",
    '// node:http, or Express after express.raw({ type: "application/json" }):',
    "// createServer((req, res) => void webhooks.node(req, res));",
  ].join("\n");
  const out = [
    "`createWebhooks` verifies each delivery's signature against the raw body, validates the body against its event and calls the handlers registered for its type, typed by the event.",
    mdFence(code, "ts"),
  ];
  const points: string[] = [];
  if (model.signing?.verify && !model.signing.required)
    points.push("**Unsigned deliveries**: the secret is optional at the sender. Without a secret the handler accepts unsigned deliveries; with one, every delivery must carry a valid signature.");
  if (scheme?.timestamp)
    points.push(
      `**Replay window**: the signed timestamp (${mdCode(scheme.timestamp.part ? `${scheme.timestamp.header}: ${scheme.timestamp.part}=…` : scheme.timestamp.header)}) must be within ${scheme.timestamp.tolerance} seconds of your clock, either way (\`toleranceSeconds\` changes it); a delivery outside the window is answered 401.`,
    );
  else if (scheme) points.push("**Replay window**: none. No timestamp is signed, so a captured delivery can be sent again: deduplicate on its id.");
  const idField = model.envelope.fields.find((f) => f.name === "id");
  const dedupe = scheme?.id
    ? `the ${mdCode(scheme.id.header)} header, which the handler passes to \`seen(id)\` and \`handled(id)\``
    : idField
      ? `the body's ${mdCode("id")}`
      : "";
  if (dedupe) points.push(`**Duplicates and order**: deduplicate on ${dedupe}; the [envelope's notes](#${envelopeAnchor}) say what the sender promises about retries and order.`);
  out.push(points.map((p) => `- ${p}`).join("\n"));
  out.push(
    [
      "| Status | When |",
      "|---|---|",
      "| 200 | handled: every handler succeeded, or no handler is registered for the type |",
      "| 202 | a validly signed delivery of a type this package does not list: acknowledged, so new event types do not get the endpoint disabled |",
      ...(scheme ? ["| 401 | a missing or bad signature" + (scheme.timestamp ? ", or a timestamp outside the window" : "") + " |"] : []),
      "| 400 | a body that is not JSON, or not a valid event of its type (with the validator's issues) |",
      "| 405 | not a POST |",
      "| 413 | a body over `maxBodyBytes` (default 1 MiB) |",
      "| 500 | a handler threw: the sender retries |",
    ].join("\n"),
  );
  return out.join("\n\n");
}

/** The Signing section's code: verifying by hand, and signing as a sender does. */
export function signingCall(model: CatalogModel): string {
  if (!model.signing?.verify) return "";
  const code = [
    `import { verifySignature, signPayload } from ${tsString(model.package.name)};`,
    "",
    "// The raw body as received (await request.text(), or express.raw()'s Buffer), never re-serialized:",
    "const result = await verifySignature({",
    "  body: rawBody,",
    "  headers: request.headers,",
    `  secret: ${secretExpr(model)}!,`,
    "});",
    '// result.reason: "bad_signature", "timestamp_out_of_range", …',
    "if (!result.ok) console.log(result.reason);",
    "",
    "// A sender, or a test, signs a body with the same scheme:",
    `const headers = await signPayload({ body: rawBody, secret: ${secretExpr(model)}! });`,
  ].join("\n");
  return mdFence(code, "ts");
}
