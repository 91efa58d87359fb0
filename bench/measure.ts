// Timing helpers for the benchmark: alternating rounds, medians, and ratios taken pair by pair
// (round by round) so that a machine whose speed drifts affects both sides of a ratio alike.

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** A competitor: runs its work once over a fixed set of inputs; returns something to keep the
 * result alive (so the engine cannot drop the work). */
export interface Contender {
  name: string;
  /** One pass over the inputs. */
  pass(): number;
  /** Calls made by one pass, to report nanoseconds per call. */
  calls: number;
}

export interface RoundResult {
  /** Nanoseconds per call, one figure per round. */
  perCall: Map<string, number[]>;
}

let sink = 0;
/** Keeps results observable. */
export const consume = (n: number) => (sink = (sink + n) | 0);
export const sinkValue = () => sink;

/**
 * Runs every contender for about `roundMs` per round, `rounds` times, the order rotating each
 * round, after `warmupMs` of warm-up each (which also lets the JIT settle).
 */
export function compare(contenders: Contender[], opts: { rounds: number; roundMs: number; warmupMs: number }): RoundResult {
  const passesFor = new Map<string, number>();
  for (const c of contenders) {
    // Warm up, and calibrate how many passes fill a round.
    let passes = 0;
    const t0 = performance.now();
    while (performance.now() - t0 < opts.warmupMs) {
      consume(c.pass());
      passes++;
    }
    const perPass = (performance.now() - t0) / passes;
    passesFor.set(c.name, Math.max(1, Math.round(opts.roundMs / perPass)));
  }
  const perCall = new Map<string, number[]>(contenders.map((c) => [c.name, []]));
  for (let r = 0; r < opts.rounds; r++) {
    for (let i = 0; i < contenders.length; i++) {
      const c = contenders[(i + r) % contenders.length]!;
      const n = passesFor.get(c.name)!;
      const t0 = process.hrtime.bigint();
      for (let k = 0; k < n; k++) consume(c.pass());
      const ns = Number(process.hrtime.bigint() - t0);
      perCall.get(c.name)!.push(ns / (n * c.calls));
    }
  }
  return { perCall };
}

/** The median over rounds of a/b, pairing each round's figures. */
export function pairedRatio(res: RoundResult, a: string, b: string): number {
  const xs = res.perCall.get(a)!;
  const ys = res.perCall.get(b)!;
  return median(xs.map((x, i) => x / ys[i]!));
}
