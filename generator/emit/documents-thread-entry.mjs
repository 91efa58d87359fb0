// The documents thread's entry: the generator is TypeScript, run through tsx in every thread.
import { register } from "tsx/esm/api";

register();
await import("./documents-thread.ts");
