/**
 * Posts bodies to a URL from `concurrency` workers (each sends its next body when the previous one is
 * answered, as Midtrans's delivery workers do) and times each request from send to full response.
 */
import { performance } from 'perf_hooks';

export interface LoadResult {
  latenciesMs: number[];
  elapsedMs: number;
  statuses: Record<string, number>;
}

export async function sendLoad(url: string, bodies: unknown[], concurrency: number): Promise<LoadResult> {
  const latenciesMs: number[] = [];
  const statuses: Record<string, number> = {};
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < bodies.length) {
      const body = JSON.stringify(bodies[next++]);
      const t = performance.now();
      let status = 'error';
      try {
        const res = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
          signal: AbortSignal.timeout(30000),
        });
        await res.arrayBuffer();
        status = String(res.status);
      } finally {
        latenciesMs.push(performance.now() - t);
        statuses[status] = (statuses[status] ?? 0) + 1;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, bodies.length) }, worker));
  return { latenciesMs, elapsedMs: performance.now() - started, statuses };
}
