// One HTTP delivery with the global fetch (Node 20): POST, no redirects followed, a timeout over the
// whole exchange, and at most the first line of the response read. Every failure (refused, DNS,
// timeout, reset, TLS) is one line in words, never a stack.

export interface Request {
  url: string;
  headers: Record<string, string>;
  body: string;
}

export type Outcome =
  | { ok: boolean; status: number; statusText: string; ms: number; firstLine: string }
  | { ok: false; status?: undefined; failure: string; kind: string; ms: number };

/** At most this many bytes of a response are read, for its first line. */
export const MAX_RESPONSE_BYTES = 8192;
/** The first line shown is cut to this many characters. */
const MAX_LINE = 120;

export async function deliver(req: Request, timeoutMs: number): Promise<Outcome> {
  const start = performance.now();
  const ms = () => Math.round(performance.now() - start);
  try {
    const res = await fetch(req.url, { method: "POST", headers: req.headers, body: req.body, redirect: "manual", signal: AbortSignal.timeout(timeoutMs) });
    const firstLine = await readFirstLine(res);
    return { ok: res.status >= 200 && res.status < 300, status: res.status, statusText: printable(res.statusText), ms: ms(), firstLine };
  } catch (err) {
    const { kind, failure } = describe(err, req.url, timeoutMs);
    return { ok: false, kind, failure, ms: ms() };
  }
}

async function readFirstLine(res: Response): Promise<string> {
  if (!res.body) return "";
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < MAX_RESPONSE_BYTES) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
      if (value.includes(10)) break;
    }
  } finally {
    void reader.cancel().catch(() => {});
  }
  const text = new TextDecoder().decode(Buffer.concat(chunks).subarray(0, MAX_RESPONSE_BYTES));
  return printable(text.split(/\r?\n/)[0]!);
}

/** A response's text as one inert line: control characters (terminal escapes) shown as `?`. */
function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, "?");
  return clean.length > MAX_LINE ? `${clean.slice(0, MAX_LINE)}…` : clean;
}

function describe(err: unknown, url: string, timeoutMs: number): { kind: string; failure: string } {
  const e = err as { name?: string; message?: string; cause?: { code?: string; message?: string; name?: string } };
  const { host, hostname } = new URL(url);
  if (e?.name === "TimeoutError" || e?.name === "AbortError" || e?.cause?.name === "TimeoutError")
    return { kind: "timeout", failure: `timed out: no response from ${host} within ${timeoutMs / 1000} s (--timeout)` };
  const code = e?.cause?.code ?? "";
  if (code === "ECONNREFUSED") return { kind: "refused", failure: `connection refused by ${host}: is the receiver running and listening there?` };
  if (code === "ENOTFOUND" || code === "EAI_AGAIN" || code === "EAI_NONAME" || code === "EAI_FAIL")
    return { kind: "dns", failure: `cannot resolve the host '${hostname}' (DNS ${code})` };
  if (code === "ECONNRESET" || code === "UND_ERR_SOCKET" || code === "EPIPE") return { kind: "reset", failure: `the connection to ${host} was closed before a response` };
  if (code === "EHOSTUNREACH" || code === "ENETUNREACH") return { kind: "unreachable", failure: `${host} is unreachable (${code})` };
  if (/CERT|TLS|SSL/i.test(code)) return { kind: "tls", failure: `TLS error from ${host}: ${printable(e.cause?.message ?? code)}` };
  return { kind: "error", failure: `request to ${host} failed: ${printable(e?.cause?.message ?? e?.message ?? String(err))}` };
}
