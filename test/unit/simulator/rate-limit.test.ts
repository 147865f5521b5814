/**
 * The optional rate limit (tools/simulator/rate-limit.ts): off by default; a ceiling on concurrent creates
 * or on creates per second, answered 429 before anything changes, with or without Retry-After, and the
 * same answers for the same seed and requests.
 */
import { createSimulator, type FaultOptions, type Simulator } from '../../../tools/simulator';
import { BASE, KEY, T0, call, fixedLink } from './sim-helpers';

function simAt(clock: { t: number }, faults?: FaultOptions, seed = 7): Simulator {
  return createSimulator({ serverKey: KEY, publicBaseUrl: BASE, now: () => clock.t, seed, faults });
}

function burst(sim: Simulator, prefix: string, n: number) {
  return Array.from({ length: n }, (_, i) => call(sim, 'POST', '/v1/payment-links', fixedLink(`${prefix}-${i}`)));
}

test('off by default: 100 creates at the same instant all succeed', () => {
  const sim = simAt({ t: T0 });
  expect(burst(sim, 'D', 100).every((r) => r.status === 200)).toBe(true);
  expect(sim.stats().rateLimited).toBe(0);
});

test('maxConcurrent: the 21st create in flight is answered 429, changes nothing, and a slot frees after holdMs', () => {
  const clock = { t: T0 };
  const sim = simAt(clock, { rateLimit: { maxConcurrent: 20, holdMs: 300 } });
  const first = burst(sim, 'C', 25);
  expect(first.map((r) => r.status)).toEqual([...Array(20).fill(200), ...Array(5).fill(429)]);
  expect(first[20].json.error_messages).toEqual([expect.any(String)]);
  expect(first[20].headers['retry-after']).toBeUndefined();
  expect(sim.stats().createdLinks).toBe(20);
  expect(sim.stats().createdLinksByOrderId['C-20']).toBeUndefined();
  expect(sim.stats().rateLimited).toBe(5);
  clock.t += 299;
  expect(call(sim, 'POST', '/v1/payment-links', fixedLink('C-20')).status).toBe(429);
  clock.t += 1;
  expect(burst(sim, 'E', 20).every((r) => r.status === 200)).toBe(true);
});

test('only the create route is limited unless routes say otherwise', () => {
  const sim = simAt({ t: T0 }, { rateLimit: { maxConcurrent: 1 } });
  call(sim, 'POST', '/v1/payment-links', fixedLink('R-1'));
  for (let i = 0; i < 5; i++) expect(call(sim, 'GET', '/v1/payment-links/R-1').status).toBe(200);
  expect(call(sim, 'POST', '/v1/payment-links', fixedLink('R-2')).status).toBe(429);
});

test('perSecond: at most N accepted in any 1-second window', () => {
  const clock = { t: T0 };
  const sim = simAt(clock, { rateLimit: { perSecond: 5 } });
  const statuses: number[] = [];
  for (let i = 0; i < 12; i++) {
    statuses.push(call(sim, 'POST', '/v1/payment-links', fixedLink(`S-${i}`)).status);
    clock.t += 100;
  }
  // Accepted at 0..400 ms; refused until the window passes the first (at 1,000 ms), then one per freed slot.
  expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429, 429, 429, 429, 200, 200]);
});

test('Retry-After: a fixed number, a seeded draw from a range, on a seeded share of the 429s', () => {
  const fixed = simAt({ t: T0 }, { rateLimit: { maxConcurrent: 1, retryAfterSeconds: 2 } });
  const [, limited] = burst(fixed, 'F', 2);
  expect(limited.status).toBe(429);
  expect(limited.headers['retry-after']).toBe('2');

  const answers = (seed: number) => {
    const sim = simAt({ t: T0 }, { rateLimit: { maxConcurrent: 1, retryAfterSeconds: { min: 1, max: 9 }, retryAfterRate: 0.5 } }, seed);
    const got = burst(sim, 'G', 200)
      .slice(1)
      .map((r) => r.headers['retry-after'] ?? '-');
    return { got, stats: sim.stats() };
  };
  const a = answers(3);
  expect(answers(3).got).toEqual(a.got);
  expect(answers(4).got).not.toEqual(a.got);
  const withHeader = a.got.filter((h) => h !== '-');
  expect(withHeader.length).toBeGreaterThan(60);
  expect(withHeader.length).toBeLessThan(140);
  expect(withHeader.every((h) => Number(h) >= 1 && Number(h) <= 9)).toBe(true);
  expect(a.stats.rateLimitedWithRetryAfter).toBe(withHeader.length);
});

test('set at run time through setFaults, and cleared by it', () => {
  const sim = simAt({ t: T0 });
  sim.setFaults({ rateLimit: { maxConcurrent: 2 } });
  expect(burst(sim, 'H', 3).map((r) => r.status)).toEqual([200, 200, 429]);
  sim.setFaults(undefined);
  expect(burst(sim, 'I', 3).map((r) => r.status)).toEqual([200, 200, 200]);
});
