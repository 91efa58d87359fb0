// The bundled catalogs are transcriptions of the vendors' tables in ../shared/seeds; the shared
// acceptance script checks every documented row against catalog/ and generated/*/openapi.json.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";

const script = resolve("../shared/acceptance/seed-fidelity.mjs");

describe("seed fidelity", () => {
  it.skipIf(!existsSync(script))("every documented row is in the catalogs and the committed OpenAPI", () => {
    const out = execFileSync(process.execPath, [script], { encoding: "utf8" });
    expect(out).toMatch(/seed fidelity: 63\/63 documented events transcribed exactly, 0 problems/);
  });
});
