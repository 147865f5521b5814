/** Small timing helpers shared by the benchmarks: operations per second, percentiles. */
import { performance } from 'perf_hooks';

/** Runs `fn` for about `ms` milliseconds after a warm-up and reports operations per second. */
export function opsPerSecond(fn: (i: number) => unknown, ms = 1000): number {
  for (let i = 0; i < 200; i++) fn(i);
  let count = 0;
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    for (let k = 0; k < 50; k++) fn(count++);
    now = performance.now();
  }
  return count / ((now - start) / 1000);
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[idx];
}

export function round(n: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
