// A second thread for the documents of a catalog (JSON Schemas, OpenAPI, docs), so they are made
// while the main thread writes the code: on a two-core machine a large catalog is generated in
// about the time of the slower half. The thread also encodes and hashes what it made and hands
// back the bytes (moved, not copied). Used for large catalogs only; small ones are done inline,
// where starting a thread would cost more than it saves.
import { isMainThread, parentPort, Worker } from "node:worker_threads";
import type { CatalogModel } from "../model/ir.ts";
import type { Timings } from "../timings.ts";
import { formatFiles } from "../write/format.ts";
import { emitDocuments } from "./emit-catalog.ts";
import { extraEmitters } from "./extra-emitters.ts";
import { TemplateError } from "./docs/templates.ts";
import type { OutputFile } from "./output.ts";
import { createHash } from "node:crypto";

export interface DocumentsJob {
  model: CatalogModel;
  templates?: string;
  /** The JSON Schema files are made by the caller (the main thread, which has time for them). */
  withoutSchemas?: boolean;
}

interface Reply {
  files?: { path: string; format: OutputFile["format"]; bytes: Uint8Array; hash: string }[];
  timings?: Timings;
  error?: { template: boolean; message: string };
}

/** The documents of one catalog, formatted, with their bytes and hashes. */
export async function makeDocuments(job: DocumentsJob, timings: Timings): Promise<OutputFile[]> {
  const extra = await extraEmitters({ templates: job.templates });
  const files = emitDocuments(job.model, { extra, timings, withoutSchemas: job.withoutSchemas === true });
  const t0 = performance.now();
  const formatted = await formatFiles(files, { knownMarkdown: job.templates === undefined });
  timings["format"] = (timings["format"] ?? 0) + performance.now() - t0;
  const t1 = performance.now();
  const encoder = new TextEncoder();
  for (const f of formatted) {
    // Each file gets its own buffer (Buffer.from may share a pool), so it can be moved to the
    // main thread.
    f.bytes = encoder.encode(f.content);
    f.hash = createHash("sha256").update(f.bytes).digest("hex");
  }
  timings["hash"] = (timings["hash"] ?? 0) + performance.now() - t1;
  return formatted;
}

/** The thread, started early (while the main thread loads the catalogs), used once per catalog. */
export class DocumentsThread {
  private readonly worker = new Worker(new URL("./documents-thread-entry.mjs", import.meta.url));

  run(job: DocumentsJob): Promise<{ files: OutputFile[]; timings: Timings }> {
    return new Promise((done, fail) => {
      const onError = (e: Error) => fail(e);
      this.worker.once("error", onError);
      this.worker.once("message", (reply: Reply) => {
        this.worker.off("error", onError);
        if (reply.error) return fail(reply.error.template ? new TemplateError(reply.error.message) : new Error(reply.error.message));
        // The text is not sent back: only bytes. `content` is decoded when something needs it.
        const files = reply.files!.map((f): OutputFile => lazyContent({ path: f.path, format: f.format, bytes: Buffer.from(f.bytes.buffer, f.bytes.byteOffset, f.bytes.byteLength), hash: f.hash }));
        done({ files, timings: reply.timings! });
      });
      this.worker.postMessage(job);
    });
  }

  close(): void {
    void this.worker.terminate();
  }
}

function lazyContent(f: Omit<OutputFile, "content">): OutputFile {
  let text: string | undefined;
  return Object.defineProperty(f, "content", { enumerable: true, get: () => (text ??= Buffer.from(f.bytes!).toString("utf8")) }) as OutputFile;
}

if (!isMainThread && parentPort) {
  const port = parentPort;
  port.on("message", async (job: DocumentsJob) => {
    try {
      const timings: Timings = {};
      const files = await makeDocuments(job, timings);
      const sent = files.map((f) => ({ path: f.path, format: f.format, bytes: f.bytes!, hash: f.hash! }));
      port.postMessage({ files: sent, timings } satisfies Reply, sent.map((f) => f.bytes.buffer as ArrayBuffer));
    } catch (e) {
      port.postMessage({ error: { template: e instanceof TemplateError, message: e instanceof Error ? e.message : String(e) } } satisfies Reply);
    }
  });
}
