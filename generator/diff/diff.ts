// model × model → changes: events matched by type, each body compared in full (named schemas
// looked through), plus the catalog-wide envelope and signing. Pure and synchronous; witnesses
// are found afterwards (witness.ts), since they run the generated validators.
import type { SourcePos } from "../diagnostics.ts";
import type { CatalogModel } from "../model/ir.ts";
import { pointerOf, type Change, type Finding, type Step } from "./change.ts";
import { levelOf } from "./rules.ts";
import { compareEventDocs, eventAdded, eventRemoved } from "./rules/events.ts";
import { compareEnvelopes } from "./rules/envelope.ts";
import { compareSigning } from "./rules/signing.ts";
import { compareSchemas, newCx, sideOf, type Side } from "./walk.ts";

/** A change with what the witness search needs: the steps into the body and the values to try. */
export interface Located extends Change {
  path?: Step[];
  probe?: Finding["probe"];
  /** For catalog-wide changes, the event whose body can witness them. */
  witnessEvent?: string;
}

export interface ModelDiff {
  old: CatalogModel;
  new: CatalogModel;
  changes: Located[];
}

export function diffModels(old: CatalogModel, nu: CatalogModel): ModelDiff {
  const o = sideOf(old);
  const n = sideOf(nu);
  const top = (m: CatalogModel): SourcePos => ({ file: m.file, line: 1, col: 1 });
  const shared = newCx(o, n, top(old), top(nu));
  const changes: Located[] = [];
  const add = (fs: Finding[], event?: string, witnessEvent?: string) => {
    for (const f of fs) changes.push(located(f, event, witnessEvent));
  };

  const catalogWide: Finding[] = [];
  const olds = new Map(old.events.map((e) => [e.type, e]));
  const news = new Map(nu.events.map((e) => [e.type, e]));
  // A change of envelope shows in any event's body: the first event both catalogs have.
  const envelope: Finding[] = [];
  compareEnvelopes(old.envelope, nu.envelope, shared, envelope);
  add(envelope, undefined, nu.events.find((e) => olds.has(e.type))?.type);
  const signing: Finding[] = [];
  compareSigning(old.signing, nu.signing, shared, signing);
  add(signing);

  for (const e of [...nu.events].sort(byType)) {
    const was = olds.get(e.type);
    const cx = newCx(o, n, was?.pos ?? e.pos, e.pos, shared);
    if (!was) {
      add([eventAdded(cx, e)], e.type);
      continue;
    }
    const fs: Finding[] = [];
    compareEventDocs(was, e, cx, fs);
    fs.push(...compareSchemas(was.body, e.body, cx));
    add(fs, e.type);
  }
  for (const e of [...old.events].sort(byType)) if (!news.has(e.type)) add([eventRemoved(newCx(o, n, e.pos, e.pos, shared), e)], e.type);
  if (shared.budget.left < 0)
    changes.push({ id: "diff-incomplete", level: "warning", pointer: "", pos: top(nu), message: "the catalogs are too large to compare in full; the changes after this point are not reported" });
  return { old, new: nu, changes: sortChanges(changes) };
}

const byType = (a: { type: string }, b: { type: string }) => (a.type < b.type ? -1 : a.type > b.type ? 1 : 0);

function located(f: Finding, event: string | undefined, witnessEvent: string | undefined): Located {
  const { id, pos, message } = f;
  return {
    id,
    level: levelOf(id),
    ...(event !== undefined ? { event } : {}),
    pointer: f.pointer ?? pointerOf(f.path),
    pos,
    message,
    ...("old" in f ? { old: f.old } : {}),
    ...("new" in f ? { new: f.new } : {}),
    ...(f.path.length ? { path: f.path } : {}),
    ...(f.probe ? { probe: f.probe } : {}),
    ...(witnessEvent !== undefined ? { witnessEvent } : {}),
  };
}

/** Catalog-wide changes first, then by event type, pointer and rule; stable. */
function sortChanges(cs: Located[]): Located[] {
  const key = (c: Located) => [c.event === undefined ? 0 : 1, c.event ?? "", c.pointer] as const;
  return cs
    .map((c, i) => ({ c, i }))
    .sort((a, b) => {
      const [x, y] = [key(a.c), key(b.c)];
      return x[0] - y[0] || cmp(x[1], y[1]) || cmp(x[2], y[2]) || a.i - b.i;
    })
    .map(({ c }) => c);
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export type { Side };
