// One prettier run per file, for the formats prettier owns here. JSON is already canonical
// (JSON.stringify with two spaces), and the JavaScript comes from TypeScript's printer.
import * as prettier from "prettier";
import type { OutputFile } from "../emit/output.ts";

const parsers: Partial<Record<OutputFile["format"], string>> = { typescript: "typescript", markdown: "markdown", yaml: "yaml" };

export async function formatFiles(files: OutputFile[]): Promise<OutputFile[]> {
  return Promise.all(
    files.map(async (f) => {
      const parser = parsers[f.format];
      if (!parser) return f;
      const content = await prettier.format(f.content, { parser, printWidth: 100, proseWrap: "preserve", filepath: f.path });
      return { ...f, content };
    }),
  );
}
