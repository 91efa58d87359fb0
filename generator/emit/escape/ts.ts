// Catalog text inside TypeScript: the one place that decides how it is escaped. String literals go
// through JSON.stringify (quotes, backslashes, control characters); comment text must not close
// the comment.

export const tsString = (s: string): string =>
  JSON.stringify(s).replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");

/** Text for a JSDoc block: `*\/` cannot end the comment, and a line starting with `@` is not a tag. */
export const jsdocText = (s: string): string =>
  s
    .replace(/\r\n?/g, "\n")
    .replace(/\*\//g, "*\\/")
    .replace(/^(\s*)@/gm, "$1\\@");

/** A line comment's text (banner lines): no newline may escape it. */
export const lineComment = (s: string): string => s.replace(/[\r\n\u2028\u2029]+/g, " ");
