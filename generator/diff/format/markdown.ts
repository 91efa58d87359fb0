// A pull-request comment: per catalog, a summary table by level, the bump, then the changes by
// level with their witnesses folded away. Catalog text is escaped as the docs escape it.
import { LEVELS, type Change } from "../change.ts";
import { mdCode, mdFence, mdInline } from "../../emit/escape/markdown.ts";
import type { CatalogDiff } from "../report.ts";
import { countBy } from "../report.ts";

const TITLE = { breaking: "Breaking", warning: "Warnings", info: "Compatible" } as const;

const line = (c: Change) => {
  const at = c.event === undefined ? mdCode(c.pointer) : `${mdCode(c.event)} ${mdCode(c.pointer || "/")}`;
  const head = `- ${at}: ${mdInline(c.message)} (${mdCode(c.id)}, ${mdCode(`${c.pos.file}:${c.pos.line}:${c.pos.col}`)})`;
  if (c.witness === undefined) return head;
  return `${head}\n\n  <details><summary>witness</summary>\n\n${indent(mdFence(JSON.stringify(c.witness, null, 2), "json"))}\n\n  </details>\n`;
};
const indent = (s: string) => s.replace(/^/gm, "  ");

export function formatMarkdown(diffs: readonly CatalogDiff[]): string {
  const out: string[] = [];
  for (const d of diffs) {
    const n = countBy(d.changes);
    out.push(`### eventgen diff: ${mdInline(d.catalog)} ${mdCode(d.version.old)} → ${mdCode(d.version.new)}`, "");
    out.push("| level | changes |", "|---|---:|", ...LEVELS.map((l) => `| ${l} | ${n[l]} |`), "");
    out.push(`Required bump: **${d.bump}**. Version ${mdCode(d.version.new)} ${d.version.enough ? "is enough" : "is **not** enough"}.`, "");
    for (const level of LEVELS) {
      const cs = d.changes.filter((c) => c.level === level);
      if (!cs.length) continue;
      out.push(`#### ${TITLE[level]}`, "", ...cs.map(line), "");
    }
  }
  return out.join("\n").replace(/\n{3,}/g, "\n\n").trimEnd() + "\n";
}
