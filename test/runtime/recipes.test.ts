// The README's "Signing recipes" are ready to paste: each block, put in a catalog, lints clean
// and gives exactly the scheme that the runtime's tests verify against the vendor's published
// examples and reference libraries (schemes.ts); and the signer and verifier generated from it
// agree.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { sign, verify } from "../../generator/runtime/signing.ts";
import { CATALOG_HEAD, loadText } from "../support/load-text.ts";
import { SCHEMES, SECRETS } from "./schemes.ts";

const readme = readFileSync("README.md", "utf8");
const section = readme.slice(readme.indexOf("### Signing recipes"), readme.indexOf("\n## ", readme.indexOf("### Signing recipes")));
const blocks = [...section.matchAll(/\n\*\*([^*]+)\*\*[\s\S]*?```yaml\n([\s\S]*?)```/g)].map((m) => ({ vendor: m[1]!.trim(), yaml: m[2]! }));
const FIXTURE: Record<string, string> = {
  "Standard Webhooks": "standardWebhooks",
  GitHub: "github",
  Stripe: "stripe",
  Slack: "slack",
  Shopify: "shopify",
  Truto: "trutoHex",
  Chift: "chift",
};

describe("signing recipes", () => {
  it("the README has one for each of the seven vendors", () => {
    expect(blocks.map((b) => b.vendor)).toEqual(Object.keys(FIXTURE));
  });

  it.each(blocks.map((b) => [b.vendor, b.yaml] as const))("%s: lints clean and is the runtime's scheme", async (vendor, yaml) => {
    const { model, diagnostics } = loadText(`${vendor}.yaml`, `${CATALOG_HEAD}${yaml}events:\n  a.b: { group: g, trigger: t }\n`);
    expect(diagnostics).toEqual([]);
    const name = FIXTURE[vendor]!;
    expect(model!.signing!.verify).toEqual(SCHEMES[name]);
    const body = '{"type":"a.b","data":{}}';
    const headers = await sign(model!.signing!.verify!, { body, secret: SECRETS[name]!, id: "msg_1" });
    expect(await verify(SCHEMES[name]!, { body, headers, secret: SECRETS[name]! })).toMatchObject({ ok: true });
  });
});
