// JavaScript and declarations from the generated TypeScript, one file at a time: no program, no
// type-checking of the world. The generated code is written to satisfy isolatedDeclarations, so
// transpileDeclaration can emit .d.ts from a single file.
import { ts } from "ts-morph";

const options: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  declaration: true,
  isolatedDeclarations: true,
  removeComments: false,
  newLine: ts.NewLineKind.LineFeed,
};

export class TranspileError extends Error {}

export function transpile(fileName: string, source: string): { js: string; dts: string } {
  const js = ts.transpileModule(source, { fileName, compilerOptions: options, reportDiagnostics: false }).outputText;
  const d = ts.transpileDeclaration(source, { fileName, compilerOptions: options, reportDiagnostics: true });
  const errors = (d.diagnostics ?? []).filter((x) => x.category === ts.DiagnosticCategory.Error);
  if (errors.length)
    throw new TranspileError(`${fileName}: ${errors.map((x) => ts.flattenDiagnosticMessageText(x.messageText, "\n")).join("; ")}`);
  return { js, dts: d.outputText };
}
