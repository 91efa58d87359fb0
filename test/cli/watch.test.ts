// --watch as a person uses it: start it, edit the catalog, see it run again; errors are printed
// and the watch goes on. The real bin in a child process, killed at the end; every wait bounded.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";

const scratch = resolve("test/.scratch/watch");
const base = readFileSync("test/invalid/empty-group/catalog/shop.yaml", "utf8").replace("  refund: { title: Refund events }\n", "");
const running: ChildProcess[] = [];
afterEach(() => {
  for (const p of running.splice(0)) p.kill();
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Starts the bin; `until(text)` waits for stdout+stderr to match, up to a bound. */
function start(...args: string[]) {
  const child = spawn(process.execPath, [resolve("bin/eventgen.js"), ...args], { stdio: ["ignore", "pipe", "pipe"] });
  running.push(child);
  let all = "";
  const waiting: { re: RegExp; from: number; done: (s: string) => void }[] = [];
  const feed = (chunk: Buffer) => {
    all += chunk.toString();
    for (const w of [...waiting]) if (w.re.test(all.slice(w.from))) waiting.splice(waiting.indexOf(w), 1), w.done(all.slice(w.from));
  };
  child.stdout!.on("data", feed);
  child.stderr!.on("data", feed);
  return {
    mark: () => all.length,
    until: (re: RegExp, from = 0, ms = 20_000) =>
      new Promise<string>((done, fail) => {
        if (re.test(all.slice(from))) return done(all.slice(from));
        const timer = setTimeout(() => fail(new Error(`timed out waiting for ${re}; output so far:\n${all}`)), ms);
        waiting.push({ re, from, done: (s) => (clearTimeout(timer), done(s)) });
      }),
  };
}

describe("--watch", () => {
  it("lint runs again when the catalog changes, prints the errors and keeps watching", async () => {
    const dir = join(scratch, "lint");
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "shop.yaml"), base);
    const p = start("lint", dir, "--watch");
    await p.until(/linted: no problems in \d+\.\d s; watching .* for changes/);
    const before = p.mark();
    writeFileSync(join(dir, "shop.yaml"), base.replace("    trigger:", "    triger:"));
    const rerun = await p.until(/linted: 1 error, 0 warnings in \d+\.\d s; watching/, before);
    expect(rerun).toContain("shop.yaml:22:5: error EG202: unknown key 'triger' in an event (did you mean 'trigger'?)");
    const fixed = p.mark();
    writeFileSync(join(dir, "shop.yaml"), base);
    await p.until(/linted: no problems in/, fixed);
  }, 60_000);

  it("generate regenerates on a change, and a broken catalog writes nothing without ending the watch", async () => {
    const dir = join(scratch, "generate");
    const out = join(scratch, "generate-out");
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "shop.yaml"), base);
    const p = start("generate", "--catalog", dir, "--out", out, "--watch");
    await p.until(/regenerated shop in \d+\.\d s; watching/);
    expect(existsSync(join(out, "shop/src/types.ts"))).toBe(true);
    const broken = p.mark();
    writeFileSync(join(dir, "shop.yaml"), base.replace("payload: Order", "payload: Ordr"));
    const failed = await p.until(/found problems; nothing was written in \d+\.\d s; watching/, broken);
    expect(failed).toContain("error EG303: unknown schema 'Ordr'");
    const fixed = p.mark();
    writeFileSync(join(dir, "shop.yaml"), base.replace("An order is created", "An order is placed"));
    await p.until(/regenerated shop in/, fixed);
    expect(readFileSync(join(out, "shop/src/types.ts"), "utf8")).toContain("An order is placed");
  }, 60_000);
});
