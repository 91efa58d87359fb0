/** Milliseconds per pipeline stage, summed over catalogs; for --timings and the benchmark. */
export type Timings = Record<string, number>;

/** A function that runs `f` and adds its wall time to `timings[stage]`. */
export function stageTimer(timings: Timings) {
  return <T>(stage: string, f: () => T): T => {
    const t0 = performance.now();
    try {
      return f();
    } finally {
      timings[stage] = (timings[stage] ?? 0) + performance.now() - t0;
    }
  };
}
