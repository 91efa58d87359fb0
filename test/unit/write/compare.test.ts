// The diff --check prints for a stale file: unified, three lines of context, at most three hunks,
// then a count of the changed lines left out.
import { describe, expect, it } from "vitest";
import { unifiedDiff } from "../../../generator/write/compare.ts";

const lines = (n: number, f = (i: number) => `line ${i}`) => Array.from({ length: n }, (_, i) => f(i + 1)).join("\n") + "\n";

describe("unifiedDiff", () => {
  it("a change past the 80th column is shown whole, with three lines of context", () => {
    const disk = lines(10, (i) => (i === 5 ? `${"x".repeat(90)}}` : `line ${i}`));
    const fresh = lines(10, (i) => (i === 5 ? `${"x".repeat(90)}},` : `line ${i}`));
    expect(unifiedDiff("out/a.ts", disk, fresh)).toEqual([
      "--- out/a.ts (on disk)",
      "+++ out/a.ts (generated)",
      "@@ -2,7 +2,7 @@",
      " line 2",
      " line 3",
      " line 4",
      `-${"x".repeat(90)}}`,
      `+${"x".repeat(90)}},`,
      " line 6",
      " line 7",
      " line 8",
    ]);
  });

  it("shows the first three hunks, then counts the changed lines of the rest", () => {
    const disk = lines(200);
    const fresh = lines(200, (i) => (i % 20 === 0 ? `changed ${i}` : `line ${i}`));
    const diff = unifiedDiff("out/a.ts", disk, fresh);
    expect(diff.filter((l) => l.startsWith("@@ "))).toHaveLength(3);
    expect(diff.at(-1)).toBe("… 14 more changed lines");
  });

  it("gives up line by line on a file rewritten throughout, and says so", () => {
    const diff = unifiedDiff("out/a.ts", lines(6000, (i) => `a${i}`), lines(6000, (i) => `b${i}`));
    expect(diff).toEqual(["--- out/a.ts (on disk)", "+++ out/a.ts (generated)", "… the file is rewritten throughout (too many changes to list)"]);
  });
});
