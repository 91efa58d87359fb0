// What to do about the YAML syntax errors people meet most when transcribing vendor tables: the
// parser's message says what is wrong, the hint says how to write it instead.
import type { YAMLError } from "yaml";

const byCode: Partial<Record<string, string>> = {
  BLOCK_AS_IMPLICIT_KEY: 'a value holding ": " reads as a nested key; quote it, e.g. trigger: "Fired when: a run ends"',
  BAD_SCALAR_START: "quote the value: YAML reserves a leading @ and `",
  TAB_AS_INDENT: "indent with spaces; YAML does not allow tabs there",
  MULTILINE_IMPLICIT_KEY: "a key must fit on one line; is a ':' or a closing quote missing on the line before?",
};

export function yamlHint(e: YAMLError): string | undefined {
  // `{ a: string[] }` is the usual way to meet this one: [ ] are flow syntax inside { }.
  if (/flow-seq-start/.test(e.message)) return "inside { … }, quote a value holding [ ] or { }, e.g. items: 'string[]'";
  return byCode[e.code];
}
