// `--watch` for lint and generate: run once, then again whenever a catalog (or a template) changes.
// Changes are debounced (an editor's save is several events), runs never overlap (a change during
// a run starts one more after it), and a run's errors are printed without ending the watch.
import { watch, type FSWatcher } from "node:fs";
import { basename, dirname, resolve } from "node:path";
import { statSync } from "node:fs";

export const DEBOUNCE_MS = 150;

export interface WatchOptions {
  /** Catalog files and folders, and the templates folder if any. */
  paths: string[];
  /** One run; prints its own output and returns what it did ("regenerated deck"). */
  run: () => Promise<string>;
  /** Said once watching begins, and after each run. */
  say: (line: string) => void;
  /** Ends the watch (tests; Ctrl-C ends the process anyway). */
  signal?: AbortSignal;
}

/** Whether a changed file name is one that can change a run's result. */
const relevant = (name: string | null) => name === null || /\.(ya?ml|hbs)$/i.test(name);

export async function watchAndRun({ paths, run, say, signal }: WatchOptions): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let again = false;
  const once = async () => {
    if (running) return void (again = true);
    running = true;
    try {
      do {
        again = false;
        const t0 = performance.now();
        let did: string;
        try {
          did = await run();
        } catch (err) {
          did = `stopped by an error: ${(err as Error)?.message ?? String(err)}`;
        }
        say(`eventgen: ${did} in ${((performance.now() - t0) / 1000).toFixed(1)} s; watching ${paths.join(", ")} for changes (Ctrl-C to stop)`);
      } while (again && !signal?.aborted);
    } finally {
      running = false;
    }
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void once(), DEBOUNCE_MS);
  };

  const watchers: FSWatcher[] = [];
  for (const p of paths) {
    const abs = resolve(p);
    let dir: boolean;
    try {
      dir = statSync(abs).isDirectory();
    } catch {
      dir = false; // not there yet: watch the folder it would appear in
    }
    // A file is watched through its folder: editors save by replacing the file, which ends a watch
    // on the file itself.
    const target = dir ? abs : dirname(abs);
    const only = dir ? undefined : basename(abs);
    try {
      watchers.push(
        watch(target, { recursive: dir }, (_event, name) => {
          const n = name === null ? null : String(name);
          if (only !== undefined ? n === null || basename(n) === only : relevant(n)) schedule();
        }),
      );
    } catch {
      say(`eventgen: cannot watch ${p}`);
    }
  }
  await once();
  await new Promise<void>((done) => {
    if (signal?.aborted) return done();
    signal?.addEventListener("abort", () => done(), { once: true });
  });
  clearTimeout(timer);
  for (const w of watchers) w.close();
}
