// Statements of generated code and the printer that writes them in prettier's layout. Blocks always
// break, so the printer walks them itself; each simple statement (and each header: `if (…) {`,
// `for (…) {`) is written on one line when it fits in 100 columns, which is what prettier does with
// such a statement, and laid out from its doc otherwise. Printing is linear in the output and
// needs prettier's doc printer only for the few statements that do not fit.
import { declaratorDoc, doc, entryDoc, flat, type Expr } from "./expr.ts";
import { group, ifBreak, indent, layout, line, softline, WIDTH, type Doc } from "./doc.ts";
import { isPlainAscii } from "./literal.ts";
import { aliasDoc, commentLines, flatMember, flatType, forcesBreak, interfaceHeadDoc, memberDoc, type Member, type TypeNode } from "./type.ts";

export type Stmt =
  | { s: "expr"; e: Expr }
  | { s: "decl"; kind: "const" | "let"; name: string; type?: string; init: Expr; exported?: boolean }
  | { s: "return"; e?: Expr }
  /** An atomic statement printed as written: `break;`, `continue;`, `n++;`. */
  | { s: "raw"; text: string }
  /** `then`/`else` as an array are blocks; a single statement is written without braces. */
  | { s: "if"; test: Expr; then: Stmt[] | Stmt; else?: Stmt[] | Stmt }
  | { s: "for"; index: string; bound: Expr; body: Stmt[] }
  | { s: "forOf"; name: string; of: Expr; body: Stmt[] }
  | { s: "switch"; on: Expr; cases: { tests: Expr[] | "default"; body: Stmt[] }[] }
  | { s: "function"; name: string; params: string[]; returns: string; body: Stmt[]; exported?: boolean }
  /** Object literal entries of a table, one per line (inside an object written expanded). */
  | { s: "entry"; key: string; value: Expr }
  /** A piece with its own one-line text and doc (a type member, say). */
  | { s: "custom"; flat: string; doc: () => Doc }
  /** `export type Name<params> = type;`, with its JSDoc. */
  | { s: "alias"; head: string; type: TypeNode; docs: string[] }
  | { s: "interface"; name: string; extends: string[]; members: Member[]; docs: string[] }
  /** A JSDoc comment on its own lines. */
  | { s: "comment"; docs: string[] }
  /** Statements one level deeper, without braces (the entries of an expanded object, say). */
  | { s: "indented"; body: Stmt[] }
  /** A blank line; prettier keeps at most one in a row. */
  | { s: "blank" }
  /** Text written verbatim, line by line, at the current indentation (comments, fixed code);
   * `js`: its JavaScript, when that differs (null: none). */
  | { s: "verbatim"; text: string; js?: string | null }
  /** Lines another printer already wrote at the top level, in TypeScript and JavaScript. */
  | { s: "printed"; ts: string[]; js: string[] };

const PADS = Array.from({ length: 40 }, (_, i) => "  ".repeat(i));

/** Writes statements at an indentation level; collects lines. */
export class Printer {
  readonly out: string[] = [];

  /** `js`: write JavaScript, leaving out the type annotations of functions and declarations. */
  constructor(private readonly js = false) {}

  print(stmts: Stmt[], level = 0): this {
    for (const st of stmts) this.stmt(st, level);
    return this;
  }

  /**
   * Prints TypeScript here and JavaScript into `js` in one pass: what has no types is printed
   * once and copied (all but function headers, typed declarations and type members).
   */
  printBoth(js: Printer, stmts: Stmt[], level = 0): this {
    for (const st of stmts) {
      if (st.s === "function") {
        this.functionHead(st, level);
        js.functionHead(st, level);
        if (!st.body.length) {
          this.out[this.out.length - 1] += "}";
          js.out[js.out.length - 1] += "}";
          continue;
        }
        this.copyTo(js, () => this.print(st.body, level + 1));
        this.out.push(this.pad(level) + "}");
        js.out.push(js.pad(level) + "}");
      } else if (st.s === "indented") this.printBoth(js, st.body, level + 1);
      else if (st.s === "printed") {
        this.append(st.ts);
        js.append(st.js);
      }
      else if ((st.s === "decl" && st.type) || st.s === "custom" || (st.s === "verbatim" && st.js !== undefined)) {
        this.stmt(st, level);
        if (st.s === "verbatim") {
          if (st.js !== null) js.stmt({ s: "verbatim", text: st.js! }, level);
        } else if (st.s !== "custom") js.stmt(st, level);
      } else if (st.s === "blank") {
        this.stmt(st, level);
        js.stmt(st, level);
      } else this.copyTo(js, () => this.stmt(st, level));
    }
    return this;
  }

  /** Lines at the top level; a blank first line is dropped after a blank (one in a row). */
  private append(lines: string[]) {
    const skip = lines[0] === "" && (!this.out.length || this.out[this.out.length - 1] === "") ? 1 : 0;
    for (let i = skip; i < lines.length; i++) this.out.push(lines[i]!);
  }

  private copyTo(js: Printer, f: () => void) {
    const start = this.out.length;
    f();
    for (let i = start; i < this.out.length; i++) js.out.push(this.out[i]!);
  }

  text(): string {
    return this.out.join("\n") + "\n";
  }

  private pad(level: number) {
    return PADS[level] ?? "  ".repeat(level);
  }

  /** One piece of code: flat when it fits, else laid out from its doc. */
  private emit(level: number, flatText: string | null, makeDoc: () => Doc, prefix = "") {
    const pad = this.pad(level);
    if (flatText !== null && isPlainAscii(flatText) && pad.length + flatText.length <= WIDTH) {
      this.out.push(pad + flatText);
      return;
    }
    const text = layout(prefix ? [prefix, makeDoc()] : makeDoc(), WIDTH - pad.length);
    for (const l of text.split("\n")) this.out.push(l ? pad + l : l);
  }

  private fits(level: number, text: string): boolean {
    return isPlainAscii(text) && 2 * level + text.length <= WIDTH;
  }

  /** A simple statement. Besides one line, the common long shape gets its layout directly:
   * a call with one object argument (`e.push({ … })`) whose entries each fit on a line. */
  private leafStmt(level: number, st: Stmt, prefix = "") {
    const [f, d] = leaf(st);
    if (this.fits(level, prefix + f)) {
      this.out.push(this.pad(level) + prefix + f);
      return;
    }
    // Non-ASCII text is measured by prettier's own rules (wide characters count twice).
    if (!prefix && isPlainAscii(f) && (this.hugged(level, st) || this.argsBrokenOut(level, st))) return;
    this.emit(level, null, d, prefix);
  }

  /** The other common long shape, a call whose arguments are names, strings and small expressions
   * (`fail(e, p + "/x", "must be …", …)`): one argument a line, as the call's doc lays out when
   * every argument fits on its own line. Anything an argument could expand (objects, arrays,
   * functions) goes through the doc. */
  private argsBrokenOut(level: number, st: Stmt): boolean {
    if (st.s !== "expr" || st.e.k !== "call" || st.e.isNew || !st.e.args.length) return false;
    const e = st.e;
    if (e.args.some((a) => a.k === "object" || a.k === "array" || a.k === "arrow")) return false;
    const head = `${flat(e.callee, { place: "other", node: e, field: "callee" })}(`;
    if (!this.fits(level, head)) return false;
    const lines: string[] = [];
    for (const a of e.args) {
      const arg = `${flat(a, { place: "arg", node: e, field: "arg" })},`;
      if (!this.fits(level + 1, arg)) return false;
      lines.push(this.pad(level + 1) + arg);
    }
    this.out.push(this.pad(level) + head, ...lines, this.pad(level) + ");");
    return true;
  }

  private hugged(level: number, st: Stmt): boolean {
    if (st.s !== "expr" || st.e.k !== "call" || st.e.isNew || st.e.args.length !== 1) return false;
    const obj = st.e.args[0]!;
    if (obj.k !== "object" || !obj.props.length) return false;
    const head = `${flat(st.e.callee, { place: "other", node: st.e, field: "callee" })}({`;
    if (!this.fits(level, head)) return false;
    const lines: string[] = [];
    for (const [key, value] of obj.props) {
      const entry = `${key}: ${flat(value, { place: "value", node: obj, field: "value" })},`;
      if (!this.fits(level + 1, entry)) return false;
      lines.push(this.pad(level + 1) + entry);
    }
    this.out.push(this.pad(level) + head, ...lines, this.pad(level) + "});");
    return true;
  }

  private stmt(st: Stmt, level: number): void {
    switch (st.s) {
      case "blank":
        if (this.out.length && this.out[this.out.length - 1] !== "") this.out.push("");
        return;
      case "comment":
        for (const l of commentLines(st.docs)) this.out.push(this.pad(level) + l);
        return;
      case "alias":
        return this.alias(st, level);
      case "interface": {
        for (const l of commentLines(st.docs)) this.out.push(this.pad(level) + l);
        const head = interfaceHeadDoc(st.name, st.extends);
        if (!st.members.length) {
          this.emit(level, `export interface ${st.name}${st.extends.length ? ` extends ${st.extends.join(", ")}` : ""} {}`, () => [head, "}"]);
          return;
        }
        this.emit(level, `export interface ${st.name}${st.extends.length ? ` extends ${st.extends.join(", ")}` : ""} {`, () => head);
        this.members(st.members, level + 1);
        this.out.push(this.pad(level) + "}");
        return;
      }
      case "indented":
        this.print(st.body, level + 1);
        return;
      case "printed":
        this.append(this.js ? st.js : st.ts);
        return;
      case "verbatim":
        for (const l of st.text.split("\n")) this.out.push(l ? this.pad(level) + l : l);
        return;
      case "if":
        return this.ifStmt(st, level, "");
      case "for": {
        const test: Expr = { k: "binary", op: "<", left: { k: "atom", text: st.index }, right: st.bound };
        const head = `for (let ${st.index} = 0; ${flat(test)}; ${st.index}++) {`;
        this.emit(level, head, () => [
          "for (",
          group([indent([softline, group(["let ", group([st.index, " =", " ", "0"])]), ";", line, doc(test, { place: "for-test" }), ";", line, `${st.index}++`]), softline]),
          ") {",
        ]);
        this.print(st.body, level + 1);
        this.out.push(this.pad(level) + "}");
        return;
      }
      case "forOf":
        this.emit(level, `for (const ${st.name} of ${flat(st.of)}) {`, () => ["for (const ", st.name, " of ", doc(st.of), ") {"]);
        this.print(st.body, level + 1);
        this.out.push(this.pad(level) + "}");
        return;
      case "switch":
        this.emit(level, `switch (${flat(st.on)}) {`, () => [group(["switch (", indent([softline, doc(st.on, { place: "if-test" })]), softline, ")"]), " {"]);
        for (const c of st.cases) {
          if (c.tests === "default") this.out.push(this.pad(level + 1) + "default:");
          else for (const t of c.tests) this.out.push(`${this.pad(level + 1)}case ${flat(t)}:`);
          this.print(c.body, level + 2);
        }
        this.out.push(this.pad(level) + "}");
        return;
      case "function": {
        this.functionHead(st, level);
        if (!st.body.length) {
          this.out[this.out.length - 1] += "}";
          return;
        }
        this.print(st.body, level + 1);
        this.out.push(this.pad(level) + "}");
        return;
      }
      case "decl":
        if (this.js && st.type) return this.stmt({ ...st, type: undefined }, level);
        return this.leafStmt(level, st);
      default:
        return this.leafStmt(level, st);
    }
  }

  private alias(st: Extract<Stmt, { s: "alias" }>, level: number) {
    for (const l of commentLines(st.docs)) this.out.push(this.pad(level) + l);
    if (!forcesBreak(st.type)) {
      this.emit(level, `${st.head} = ${flatType(st.type)};`, () => aliasDoc(st.head, st.type));
      return;
    }
    const shape = expandedShape(st.type);
    const open = shape && `${st.head} = ${shape.prefix}{`;
    // The object opens on the line of the `=` when that line fits (prettier's fluid layout).
    if (shape && isPlainAscii(open!) && this.pad(level).length + open!.length <= WIDTH) {
      this.out.push(this.pad(level) + open);
      this.members(shape.members, level + 1);
      this.out.push(`${this.pad(level)}}${shape.suffix};`);
      return;
    }
    this.emit(level, null, () => aliasDoc(st.head, st.type));
  }

  /** The members of an object type or interface, one per line, each with its JSDoc. */
  private members(members: Member[], level: number) {
    for (const m of members) {
      if (m.m === "property") for (const l of commentLines(m.docs)) this.out.push(this.pad(level) + l);
      if (!forcesBreak(m.type)) {
        this.emit(level, `${flatMember(m)};`, () => [memberDoc(m), ";"]);
        continue;
      }
      const shape = m.m === "property" ? expandedShape(m.type) : undefined;
      if (shape && m.m === "property") {
        // A broken object type breaks its member too: `key: {` opens on the member's line.
        this.out.push(`${this.pad(level)}${m.readonly ? "readonly " : ""}${m.key}${m.optional ? "?" : ""}: ${shape.prefix}{`);
        this.members(shape.members, level + 1);
        this.out.push(`${this.pad(level)}}${shape.suffix};`);
        continue;
      }
      this.emit(level, null, () => [memberDoc(m), ";"]);
    }
  }

  private functionHead(st: Extract<Stmt, { s: "function" }>, level: number) {
    const lead = `${st.exported ? "export " : ""}function ${st.name}`;
    const params = this.js ? st.params.map((x) => x.replace(/\??:.*$/, "")) : st.params;
    const returns = this.js ? "" : `: ${st.returns}`;
    this.emit(level, `${lead}(${params.join(", ")})${returns} {`, () => [
      lead,
      group(["(", indent([softline, ...params.flatMap((x, i) => (i ? [",", line, x] : [x]))]), params.length ? ifBreak(",") : "", softline, ")", returns]),
      " {",
    ]);
  }

  /** `prefix` is `else ` or `} else ` for an else-if. */
  private ifStmt(st: Extract<Stmt, { s: "if" }>, level: number, prefix: string): void {
    const testFlat = flat(st.test, { place: "if-test" });
    // prettier hugs a negated parenthesized condition: `if (!(` … `))`.
    const hug = st.test.k === "unary" && st.test.op === "!" && st.test.arg.k === "binary";
    const testDoc = () => (hug ? doc(st.test, { place: "if-test" }) : group([indent([softline, doc(st.test, { place: "if-test" })]), softline]));
    if (Array.isArray(st.then)) {
      this.emit(level, `${prefix}if (${testFlat}) {`, () => ["if (", testDoc(), ") {"], prefix);
      this.print(st.then, level + 1);
      if (st.else === undefined) {
        this.out.push(this.pad(level) + "}");
        return;
      }
      this.elseClause(st.else, level, "} else");
      return;
    }
    const [consFlat, consDoc] = leaf(st.then);
    const opening = `${prefix}if (${testFlat})`;
    if (this.fits(level, `${opening} ${consFlat}`)) this.out.push(`${this.pad(level)}${opening} ${consFlat}`);
    else if (isPlainAscii(consFlat) && this.fits(level, opening)) {
      // The condition stays on its line; the statement goes under it, laid out on its own.
      this.out.push(this.pad(level) + opening);
      this.leafStmt(level + 1, st.then);
    } else this.emit(level, null, () => group(["if (", testDoc(), ")", indent([line, consDoc()])]), prefix);
    if (st.else !== undefined) this.elseClause(st.else, level, "else");
  }

  private elseClause(alt: Stmt[] | Stmt, level: number, lead: "} else" | "else") {
    if (Array.isArray(alt)) {
      this.out.push(`${this.pad(level)}${lead} {`);
      this.print(alt, level + 1);
      this.out.push(this.pad(level) + "}");
    } else if (alt.s === "if") {
      this.ifStmt(alt, level, `${lead} `);
    } else {
      const [f] = leaf(alt);
      if (this.fits(level, `${lead} ${f}`)) this.out.push(`${this.pad(level)}${lead} ${f}`);
      else if (!isPlainAscii(f)) this.emit(level, null, () => [lead, group(indent([line, leaf(alt)[1]()]))]);
      else {
        this.out.push(this.pad(level) + lead);
        this.leafStmt(level + 1, alt);
      }
    }
  }
}

/** An object type that breaks, possibly inside `[]` or `| null`: what stands before its `{` and
 * after its `}`, and its members. Anything else that breaks is laid out from its doc. */
function expandedShape(t: TypeNode): { prefix: string; members: Member[]; suffix: string } | undefined {
  if (t.t === "object") return { prefix: "", members: t.members, suffix: "" };
  if (t.t === "union") {
    const i = t.members.findIndex((m) => m.t === "object");
    if (i === -1 || !t.members.every((m, j) => j === i || (m.t === "atom" && m.text === "null"))) return undefined;
    const inner = expandedShape(t.members[i]!)!;
    const before = t.members.slice(0, i).map(() => "null | ").join("");
    const after = t.members.slice(i + 1).map(() => " | null").join("");
    return { prefix: before + inner.prefix, members: inner.members, suffix: inner.suffix + after };
  }
  if (t.t === "array") {
    const inner = expandedShape(t.elem);
    if (!inner) return undefined;
    const parens = t.elem.t === "union" || t.elem.t === "intersection";
    return { prefix: (parens ? "(" : "") + inner.prefix, members: inner.members, suffix: inner.suffix + (parens ? ")" : "") + "[]" };
  }
  return undefined;
}

/** A simple statement's one-line text and its doc. */
function leaf(st: Stmt): [string, () => Doc] {
  switch (st.s) {
    case "expr":
      return [`${flat(st.e, { place: "statement" })};`, () => [doc(st.e, { place: "statement" }), ";"]];
    case "raw":
      return [st.text, () => st.text];
    case "custom":
      return [st.flat, st.doc];
    case "return":
      if (!st.e) return ["return;", () => "return;"];
      return [
        `return ${flat(st.e, { place: "return" })};`,
        () => {
          const e = st.e!;
          const d = doc(e, { place: "return" });
          const wrapped = e.k === "binary" ? group([ifBreak("("), indent([softline, d]), softline, ifBreak(")")]) : d;
          return ["return ", wrapped, ";"];
        },
      ];
    case "decl": {
      const left = st.type ? `${st.name}: ${st.type}` : st.name;
      const lead = `${st.exported ? "export " : ""}${st.kind} `;
      return [`${lead}${left} = ${flat(st.init, { place: "init" })};`, () => group([lead, declaratorDoc(left, st.init), ";"])];
    }
    case "entry":
      return [
        `${st.key}: ${flat(st.value, { place: "value" })},`,
        () => [entryDoc(st.key, st.value), ","],
      ];
    default:
      throw new Error(`not a simple statement: ${st.s}`);
  }
}
