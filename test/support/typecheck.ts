// The TypeScript 5.9 compiler, as the type tests run it: the strictest options a consumer may use,
// and every diagnostic as `file:line: TSnnnn message`, so a test can require none.
import ts from "typescript";

export const STRICT: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  noImplicitOverride: true,
  noPropertyAccessFromIndexSignature: true,
  skipLibCheck: true,
  types: ["node"],
  lib: ["lib.es2022.d.ts"],
};

/** The same, resolving modules as bundlers do (package `exports`, no extensions needed). */
export const BUNDLER: ts.CompilerOptions = { ...STRICT, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler };

export interface Found {
  file: string;
  line: number;
  code: number;
  text: string;
}

export function diagnostics(files: string[], options: ts.CompilerOptions = STRICT): Found[] {
  const program = ts.createProgram(files, options);
  return ts.getPreEmitDiagnostics(program).map((d) => ({
    file: d.file?.fileName ?? "",
    line: d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0,
    code: d.code,
    text: ts.flattenDiagnosticMessageText(d.messageText, "\n"),
  }));
}

export const show = (d: Found) => `${d.file}:${d.line}: TS${d.code} ${d.text}`;
