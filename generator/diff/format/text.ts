// tsc-like: one line per change (`file:line:col: level id: where: message`), then the witnesses,
// then a summary line per catalog.
import type { CatalogDiff } from "../report.ts";
import { counts, versionLine, where } from "../report.ts";

export function formatText(diffs: readonly CatalogDiff[]): string {
  const out: string[] = [];
  for (const d of diffs) {
    for (const c of d.changes) out.push(`${c.pos.file}:${c.pos.line}:${c.pos.col}: ${c.level} ${c.id}: ${where(c)}: ${c.message}`);
    const witnessed = d.changes.filter((c) => c.witness !== undefined);
    if (witnessed.length) {
      out.push("", "Witnesses (accepted by the new catalog's validators, rejected by the old one's):");
      for (const c of witnessed) out.push(`  ${where(c)} (${c.id}):`, `    ${JSON.stringify(c.witness)}`);
    }
    if (d.changes.length) out.push("");
    out.push(`${d.catalog}: ${d.changes.length ? counts(d.changes) : "no changes"}; ${versionLine(d)}`);
  }
  return out.join("\n");
}
