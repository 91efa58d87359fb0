// The README's "Usage" snippet: a fetch-style handler that validates a delivery and narrows on its
// type, then the throwing variant.
import type { CatalogModel } from "../../model/ir.ts";
import { tsString } from "../escape/ts.ts";

export function usageCode(model: CatalogModel): string {
  const env = model.envelope;
  const first = model.events[0];
  const field = env.typeField;
  const typeArg = field !== undefined ? "" : ", type";
  const lines = [
    `import { validateEvent, parseEvent, type Event } from ${tsString(model.package.name)};`,
    "",
    "export async function handleWebhook(request: Request): Promise<Response> {",
    "  const rawBody = await request.text();",
    "  // Verify the signature over rawBody first (see Signing).",
    "  const body: unknown = JSON.parse(rawBody);",
    ...(field === undefined ? [`  const type = request.headers.get(${tsString(env.typeHeader ?? "")}) ?? "";`] : []),
    `  const result = validateEvent(body${typeArg});`,
    "  if (!result.ok) {",
    "    // Each error points at the offending value with a JSON Pointer (`path`).",
    "    return new Response(JSON.stringify(result.errors), { status: 400 });",
    "  }",
    "  const event: Event = result.value;",
  ];
  if (first && field !== undefined) {
    const access = /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(field) ? `event.${field}` : `event[${tsString(field)}]`;
    lines.push(`  if (${access} === ${tsString(first.type)}) {`, `    // event is narrowed to ${first.names.event} here`, "  }");
  }
  lines.push(
    "  return new Response(null, { status: 204 });",
    "}",
    "",
    "// Or let parseEvent throw an EventValidationError carrying the same .errors:",
    `export const parseWebhook = (body: unknown${field === undefined ? ", type: string" : ""}): Event => parseEvent(body${typeArg});`,
  );
  return lines.join("\n");
}
