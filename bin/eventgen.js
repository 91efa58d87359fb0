#!/usr/bin/env node
// The CLI is written in TypeScript; tsx compiles it on the fly so `eventgen` runs on plain Node 20
// right after `npm install`, with no build step to forget.
import { register } from "tsx/esm/api";

register();
// `eventgen lint | head`: a reader that stops early ends the output, not with a stack trace.
for (const stream of [process.stdout, process.stderr])
  stream.on("error", (err) => {
    if (err.code !== "EPIPE") throw err;
    process.exit(process.exitCode ?? 0);
  });
const { main } = await import("../generator/cli.ts");
process.exitCode = await main(process.argv.slice(2));
