// Import and re-export declarations in prettier's layout: on one line when it fits in 100 columns,
// else one name a line with a trailing comma.
import { WIDTH } from "./doc.ts";

/** `import { a, type B } from "m";` (`keyword`: "import", "export", "import type" or
 * "export type"); undefined when there is nothing to import. */
export function namedImport(keyword: string, names: readonly string[], from: string): string | undefined {
  if (!names.length) return undefined;
  const one = `${keyword} { ${names.join(", ")} } from ${JSON.stringify(from)};`;
  if (one.length <= WIDTH) return one;
  return `${keyword} {\n${names.map((n) => `  ${n},\n`).join("")}} from ${JSON.stringify(from)};`;
}
