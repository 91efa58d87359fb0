// The format stage. TypeScript, JavaScript and declarations arrive already in their final layout
// (emit/ts prints them as prettier would), and JSON is canonical (JSON.stringify with two spaces).
// What is left is Markdown: the README from the default templates is laid out by
// format-markdown.ts; anything else marked markdown, typescript or yaml goes through prettier,
// which is loaded only then.
import type { OutputFile } from "../emit/output.ts";
import { formatMarkdownFast } from "./format-markdown.ts";

const parsers: Partial<Record<OutputFile["format"], string>> = { typescript: "typescript", markdown: "markdown", yaml: "yaml" };

const options = (parser: string, filepath?: string) => ({ parser, printWidth: 100, proseWrap: "preserve" as const, ...(filepath ? { filepath } : {}) });

async function prettierFormat(text: string, parser: string, filepath?: string): Promise<string> {
  const prettier = await import("prettier");
  return prettier.format(text, options(parser, filepath));
}

export interface FormatOptions {
  /** Markdown comes from the default templates, whose output format-markdown.ts understands. */
  knownMarkdown?: boolean;
}

export async function formatFiles(files: OutputFile[], opts: FormatOptions = {}): Promise<OutputFile[]> {
  return Promise.all(
    files.map(async (f) => {
      const parser = parsers[f.format];
      if (!parser) return f;
      const content =
        f.format === "markdown" && opts.knownMarkdown
          ? await formatMarkdownFast(f.content, (block) => prettierFormat(block, "markdown"))
          : await prettierFormat(f.content, parser, f.path);
      return { ...f, content };
    }),
  );
}
