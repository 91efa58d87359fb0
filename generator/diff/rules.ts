// The registry: every rule's id, level, changelog section and description, gathered from the
// rule files. The README's rule table is tested against it (test/diff/readme-rules.test.ts).
import type { Level, Rule } from "./change.ts";
import { rules as events } from "./rules/events.ts";
import { rules as objects } from "./rules/objects.ts";
import { rules as nullable } from "./rules/nullable.ts";
import { rules as literals } from "./rules/literals.ts";
import { rules as types } from "./rules/types.ts";
import { rules as unions } from "./rules/unions.ts";
import { rules as bounds } from "./rules/bounds.ts";
import { rules as envelope } from "./rules/envelope.ts";
import { rules as signing } from "./rules/signing.ts";
import { rules as docs } from "./rules/docs.ts";

/** Reported when a diff stops at its budget (hostile or enormous catalogs). */
const incomplete: Rule[] = [{ id: "diff-incomplete", level: "warning", section: "changed", description: "the comparison stopped at its size limit; later changes are not reported" }];

export const RULES: readonly Rule[] = [...events, ...objects, ...nullable, ...literals, ...types, ...unions, ...bounds, ...envelope, ...signing, ...docs, ...incomplete];

const byId = new Map(RULES.map((r) => [r.id, r]));

export function ruleOf(id: string): Rule {
  const r = byId.get(id);
  if (!r) throw new Error(`no diff rule '${id}'`);
  return r;
}

export const levelOf = (id: string): Level => ruleOf(id).level;
