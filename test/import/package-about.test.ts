// The package's license and the vendor, from what an OpenAPI document's `info` says, as documents
// write it: an SPDX identifier, an SPDX URL, a license's usual name, a contact's name.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { importInto, scratchDir } from "./support.ts";

const scratch = scratchDir("about");
afterAll(scratch.done);

const doc = (info: Record<string, unknown>) => ({
  openapi: "3.1.0",
  info: { title: "Shop", version: "1.0.0", ...info },
  webhooks: { "order.created": { post: { requestBody: { content: { "application/json": { schema: { type: "object", properties: { type: { const: "order.created" } }, required: ["type"] } } } } } } },
});

describe("package.license and source.vendor", () => {
  it.each([
    [{ license: { name: "Apache License 2.0", identifier: "Apache-2.0" } }, "Apache-2.0"],
    [{ license: { name: "Apache 2.0", url: "https://www.apache.org/licenses/LICENSE-2.0.html" } }, "Apache-2.0"],
    [{ license: { name: "Apache License, Version 2.0" } }, "Apache-2.0"],
    [{ license: { name: "MIT License" } }, "MIT"],
    [{ license: { name: "The ISC license" } }, "ISC"],
    [{ license: { name: "Our own terms", url: "https://spdx.org/licenses/BSD-3-Clause.html" } }, "BSD-3-Clause"],
    [{ license: { name: "Proprietary" } }, "Proprietary"],
    [{ license: { name: "See our terms of service" } }, "MIT"],
    [{}, "MIT"],
  ])("%j gives license %s", (info, license) => {
    const file = join(scratch.dir, "doc.json");
    writeFileSync(file, JSON.stringify(doc(info)));
    expect(importInto("openapi", file, scratch.dir, "shop").model.package.license).toBe(license);
  });

  it.each([
    ["Shop Inc.", "Shop Inc."],
    ["GitHub Support", "GitHub"],
    ["Acme API Team", "Acme"],
    ["Support", undefined],
    ["API Support", undefined],
  ])("contact %j gives vendor %j", (name, vendor) => {
    const file = join(scratch.dir, "doc.json");
    writeFileSync(file, JSON.stringify(doc({ contact: { name, url: "https://example.com" } })));
    expect(importInto("openapi", file, scratch.dir, "shop").model.source.vendor).toBe(vendor);
  });

  it("GitHub's document: MIT from its license, no vendor from a contact named 'Support'", () => {
    const r = importInto("openapi", "node_modules/owh-new/generated/api.github.com.json", scratch.dir, "gh");
    expect(r.model.package).toMatchObject({ name: "@gh/webhooks", license: "MIT" });
    expect(r.model.source.vendor).toBeUndefined();
  }, 60_000);
});
