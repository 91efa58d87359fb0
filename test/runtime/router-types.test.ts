// Typed handlers compile and narrow under `tsc --strict` and the strictest options consumers use.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { diagnostics, show, STRICT } from "../support/typecheck.ts";

describe("router types", () => {
  it("handlers narrow by event type; node(req, res) and handle(Request) take the platforms' own types", () => {
    const found = diagnostics([join(import.meta.dirname, "fixtures/typed-handlers.ts")], { ...STRICT, lib: ["lib.es2022.d.ts", "lib.dom.d.ts"] });
    expect(found.map(show)).toEqual([]);
  });

  it("the runtime compiles on its own without Node's types (lib DOM only), as it does inside a package", () => {
    const files = ["bytes", "headers", "hmac", "signing", "router", "validate"].map((f) => join(import.meta.dirname, "../../generator/runtime", `${f}.ts`));
    const found = diagnostics(files, { ...STRICT, types: [], lib: ["lib.es2022.d.ts", "lib.dom.d.ts"] });
    expect(found.map(show)).toEqual([]);
  });
});
