// Literals and property keys spelled the way prettier spells them, so that printed code is already
// in its final form: prettier's quote choice (double quotes unless the text holds more of them than
// single quotes), its escapes, its numbers, and its "as-needed" property quoting.
import { tsString } from "../escape/ts.ts";

/** A string literal as prettier prints it (from the value). */
export function stringLiteral(value: string): string {
  const raw = tsString(value).slice(1, -1);
  if (!raw.includes('"') && !raw.includes("'")) return `"${raw}"`;
  const doubles = count(raw, '"');
  const singles = count(raw, "'");
  const quote = doubles > singles ? "'" : '"';
  return makeString(raw, quote);
}

function count(s: string, ch: string): number {
  let n = 0;
  for (let i = s.indexOf(ch); i !== -1; i = s.indexOf(ch, i + 1)) n++;
  return n;
}

/** Re-quotes raw string content: the other quote unescaped, the enclosing one escaped, and
 * needless escapes dropped (prettier's rule). */
function makeString(raw: string, quote: '"' | "'"): string {
  const other = quote === '"' ? "'" : '"';
  const body = raw.replace(/\\(.)|(["'])/gsu, (match, escaped: string | undefined, q: string | undefined) => {
    if (escaped === other) return escaped;
    if (q === quote) return `\\${q}`;
    if (q) return q;
    return /^[^\n\r"'0-7\\bfnrt-vx\u2028\u2029]$/.test(escaped!) ? escaped! : `\\${escaped}`;
  });
  return quote + body + quote;
}

/** A number literal as prettier prints it. Negative numbers are a unary minus in front of this. */
export function numberLiteral(n: number): string {
  return String(Math.abs(n)).replace("e+", "e");
}

// ES5's IdentifierName, which is what prettier checks before unquoting a key: Unicode letters
// (Lu Ll Lt Lm Lo Nl), `$` and `_` first; then also Mn Mc Nd Pc, ZWNJ and ZWJ.
const ES5_IDENTIFIER = /^[$_\p{Lu}\p{Ll}\p{Lt}\p{Lm}\p{Lo}\p{Nl}][$_\p{Lu}\p{Ll}\p{Lt}\p{Lm}\p{Lo}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}\u200c\u200d]*$/u;
const ASCII_IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A property key (object literal, interface, type literal): unquoted when prettier would unquote
 * it, a string literal otherwise. Quoted keys with escapes stay quoted, as prettier leaves them. */
export function propertyKeyText(name: string): string {
  if (ASCII_IDENTIFIER.test(name)) return name;
  const literal = stringLiteral(name);
  if (literal.slice(1, -1) === name && ES5_IDENTIFIER.test(name)) return name;
  return literal;
}

/** Printable ASCII only: its width is its length, so the fast path can measure it. */
export const isPlainAscii = (s: string) => /^[\x20-\x7e]*$/.test(s);
