// openapi-typescript reads each emitted OpenAPI document into types that compile under strict tsc,
// and its request-body type for each webhook is the generated package's event type: each is
// assignable to the other, for every event of every bundled catalog and case. One option is set
// to read JSON Schema as JSON Schema: a `default` does not make a field required
// (defaultNonNullable: false). Open objects with no fields need none: they say
// `additionalProperties: true`.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import openapiTS, { astToString } from "openapi-typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PACKAGES } from "../support/packages.ts";
import { diagnostics, show } from "../support/typecheck.ts";

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), "eventgen-openapi-ts-"));
  writeFileSync(join(tmp, "package.json"), JSON.stringify({ type: "module" }));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const OPTIONS = { defaultNonNullable: false };

/** Where openapi-typescript's type is wider than the document says, a body of its type is not
 * always one of ours; the package's events are still assignable to its types. */
const WIDER: Record<string, Record<string, string>> = {
  constructs: { "shapes.misc": "openapi-typescript reads `const: null` as unknown" },
};

/** A consumer of openapi-typescript's `webhooks` and the package's `EventMap`, both ways per event. */
function consumer(id: string, pkgIndex: string, types: string[]): string {
  const checks = types.map((t, i) => {
    const key = JSON.stringify(t);
    const to = `export const toOpenapi${i} = (e: EventMap[${key}]): Body<${key}> => e;`;
    const from = `export const fromOpenapi${i} = (b: Body<${key}>): EventMap[${key}] => b;`;
    return WIDER[id]?.[t] ? to : `${to}\n${from}`;
  });
  return `import type { webhooks } from "./${id}.openapi.js";
import type { EventMap } from ${JSON.stringify(pkgIndex)};

type Body<T extends keyof webhooks> = webhooks[T]["post"]["requestBody"]["content"]["application/json"];
// Every event type is a webhook, and every webhook an event type.
export const sameKeys: [keyof webhooks, keyof EventMap] = [null as unknown as keyof EventMap, null as unknown as keyof webhooks];
${checks.join("\n")}
`;
}

describe.each(PACKAGES)("$dir: openapi-typescript", ({ id, dir }) => {
  it("turns openapi.json into types that match the package's events under strict tsc", async () => {
    const doc = JSON.parse(readFileSync(join(dir, "openapi.json"), "utf8"));
    const dts = astToString(await openapiTS(doc, OPTIONS));
    const types = Object.keys(doc.webhooks);
    expect(types.length).toBeGreaterThan(0);
    expect(dts).toContain("export interface webhooks {");
    writeFileSync(join(tmp, `${id}.openapi.d.ts`), dts);
    const file = join(tmp, `${id}.consumer.ts`);
    writeFileSync(file, consumer(id, resolve(dir, "dist/index.js"), types));
    expect(diagnostics([file]).map(show)).toEqual([]);
  });
});

describe("openapi-typescript's types are not vacuous", () => {
  it("a Deck body from the package is a task_run.completed body, and a wrong one is not", async () => {
    const doc = JSON.parse(readFileSync("generated/deck/openapi.json", "utf8"));
    writeFileSync(join(tmp, "deck-strict.openapi.d.ts"), astToString(await openapiTS(doc, OPTIONS)));
    const file = join(tmp, "deck-strict.consumer.ts");
    writeFileSync(
      file,
      `import type { webhooks } from "./deck-strict.openapi.js";
import type { TaskRunCompletedEvent, TaskRun } from ${JSON.stringify(resolve("generated/deck/dist/index.js"))};
type Body<T extends keyof webhooks> = webhooks[T]["post"]["requestBody"]["content"]["application/json"];
declare const completed: TaskRunCompletedEvent;
export const ok: Body<"task_run.completed"> = completed;
export const status: TaskRun["status"] = ({} as Body<"task_run.completed">).data.status;
// @ts-expect-error: a completed run's body is not a failed run's (the type field differs)
export const wrongType: Body<"task_run.failed"> = completed;
// A task run's statuses are not documented: any string.
export const runStatus: Body<"task_run.completed">["data"]["status"] = "paused";
// @ts-expect-error: outside the documented statuses
export const wrongStatus: Body<"workflow_run.completed">["data"]["status"] = "done";
// @ts-expect-error: not a webhook of the document
export type Missing = Body<"task_run.exploded">;
`,
    );
    expect(diagnostics([file]).map(show)).toEqual([]);
  });
});
