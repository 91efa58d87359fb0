#!/usr/bin/env node
// The CLI is written in TypeScript; tsx compiles it on the fly so `eventgen` runs on plain Node 20
// right after `npm install`, with no build step to forget.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../generator/cli.ts");
process.exitCode = await main(process.argv.slice(2));
