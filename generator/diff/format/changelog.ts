// A CHANGELOG.md entry for the new version, for a release step to prepend: grouped as Breaking,
// Added, Changed and Docs (warnings go under Changed).
import type { Change, Section } from "../change.ts";
import { mdCode, mdInline } from "../../emit/escape/markdown.ts";
import { ruleOf } from "../rules.ts";
import type { CatalogDiff } from "../report.ts";

const SECTIONS: [Section, string][] = [
  ["breaking", "Breaking"],
  ["added", "Added"],
  ["changed", "Changed"],
  ["docs", "Docs"],
];

export const sectionOf = (c: Change): Section => (c.level === "breaking" ? "breaking" : ruleOf(c.id).section === "breaking" ? "changed" : ruleOf(c.id).section);

export function formatChangelog(diffs: readonly CatalogDiff[]): string {
  const out: string[] = [];
  for (const d of diffs) {
    // An id and a semver version (both checked by the catalog format) need no escaping.
    out.push(`## ${diffs.length > 1 ? `${d.catalog} ` : ""}${d.version.new}`, "");
    if (!d.changes.length) out.push("No changes.", "");
    for (const [section, title] of SECTIONS) {
      const cs = d.changes.filter((c) => sectionOf(c) === section);
      if (!cs.length) continue;
      out.push(`### ${title}`, "", ...cs.map((c) => `- ${c.event === undefined ? "" : `${mdCode(c.event)}: `}${c.pointer ? `${mdCode(c.pointer)}: ` : ""}${mdInline(c.message)}`), "");
    }
  }
  return out.join("\n").trimEnd() + "\n";
}
