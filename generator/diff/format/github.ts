// GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=…::message` for breaking
// changes, `::warning` for warnings, `::notice` for the rest, then the summary as a notice.
import type { Level } from "../change.ts";
import type { CatalogDiff } from "../report.ts";
import { counts, versionLine, where } from "../report.ts";

const COMMAND: Record<Level, string> = { breaking: "error", warning: "warning", info: "notice" };

/** Escaping as the runner reads it: `%`, CR and LF in the message; also `:` and `,` in values. */
const data = (s: string) => s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
const prop = (s: string) => data(s).replace(/:/g, "%3A").replace(/,/g, "%2C");

export function formatGithub(diffs: readonly CatalogDiff[]): string {
  const out: string[] = [];
  for (const d of diffs) {
    for (const c of d.changes) {
      const witness = c.witness !== undefined ? `\nwitness: ${JSON.stringify(c.witness)}` : "";
      out.push(`::${COMMAND[c.level]} file=${prop(c.pos.file)},line=${c.pos.line},col=${c.pos.col},title=${prop(`eventgen diff: ${c.id}`)}::${data(`${where(c)}: ${c.message}${witness}`)}`);
    }
    out.push(`::notice title=${prop(`eventgen diff: ${d.catalog}`)}::${data(`${counts(d.changes)}; ${versionLine(d)}`)}`);
  }
  return out.join("\n");
}
