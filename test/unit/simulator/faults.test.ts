/**
 * Fault injection: deterministic from the seed, scripted faults, what a timeout does (the request is
 * served, the answer lost), latency reporting, and dropped/duplicated/reordered notifications.
 */
import type { FaultOptions, NotificationBody } from '../../../tools/simulator';
import { call, fixedLink, newSim } from './sim-helpers';

function statuses(seed: number, faults: FaultOptions, calls = 200): (number | string)[] {
  const sim = newSim({ seed, faults });
  return Array.from({ length: calls }, (_, i) => {
    const r = call(sim, 'GET', `/v1/payment-links/X${i}`);
    return r.timedOut ? 'timeout' : r.status;
  });
}

describe('faults', () => {
  const rates: FaultOptions = { errorRates: { '500': 0.1, '503': 0.1, '429': 0.1 }, timeoutRate: 0.1 };

  test('the same seed gives the same faults; another seed gives others; rates are roughly honoured', () => {
    const a = statuses(11, rates);
    expect(statuses(11, rates)).toEqual(a);
    expect(statuses(12, rates)).not.toEqual(a);
    const count = (v: number | string) => a.filter((x) => x === v).length;
    for (const v of [500, 503, 429, 'timeout']) {
      expect(count(v)).toBeGreaterThan(5);
      expect(count(v)).toBeLessThan(45);
    }
    expect(count(404)).toBeGreaterThan(90);
  });

  test('error faults carry an error_messages array and change nothing; control routes are never faulted by rates', () => {
    const sim = newSim({ faults: { errorRates: { '503': 1 } } });
    const res = call(sim, 'POST', '/v1/payment-links', fixedLink('F1'));
    expect(res.status).toBe(503);
    expect(res.json.error_messages).toEqual([expect.any(String)]);
    expect(sim.stats().createdLinks).toBe(0);
    expect(call(sim, 'GET', '/_sim/stats').status).toBe(200);
    expect(sim.stats().faultsInjected).toEqual({ '503': 1 });
  });

  test('a timeout serves the request but loses the answer [inferred]: the retry then meets a 409', () => {
    const sim = newSim({ faults: { script: [{ route: 'create', call: 1, fault: 'timeout' }] } });
    const first = call(sim, 'POST', '/v1/payment-links', fixedLink('F2'));
    expect(first.timedOut).toBe(true);
    expect(first.body).toBe('');
    const retry = call(sim, 'POST', '/v1/payment-links', fixedLink('F2'));
    expect(retry.status).toBe(409);
    expect(sim.stats().createdLinksByOrderId).toEqual({ F2: 1 });
    expect(sim.stats().createCallsByOrderId).toEqual({ F2: 2 });
  });

  test('scripted faults hit exactly the n-th call of a route', () => {
    const sim = newSim({
      faults: {
        script: [
          { route: 'get', call: 2, fault: 429 },
          { route: 'status', call: 1, fault: 500 },
        ],
      },
    });
    expect(call(sim, 'GET', '/v1/payment-links/a').status).toBe(404);
    expect(call(sim, 'GET', '/v1/payment-links/a').status).toBe(429);
    expect(call(sim, 'GET', '/v1/payment-links/a').status).toBe(404);
    expect(call(sim, 'GET', '/v2/a/status').status).toBe(500);
    expect(call(sim, 'GET', '/v2/a/status').status).toBe(200);
  });

  test('latency per route is reported on the synchronous response, fixed or seeded within a range', () => {
    const sim = newSim({ faults: { latencyMs: { create: 250, get: { min: 10, max: 20 } } } });
    expect(call(sim, 'POST', '/v1/payment-links', fixedLink('L1')).latencyMs).toBe(250);
    const gets = Array.from({ length: 20 }, () => call(sim, 'GET', '/v1/payment-links/L1').latencyMs as number);
    expect(Math.min(...gets)).toBeGreaterThanOrEqual(10);
    expect(Math.max(...gets)).toBeLessThanOrEqual(20);
    expect(call(sim, 'GET', '/v2/x/status').latencyMs).toBeUndefined();
  });

  test('faults can be changed at run time through POST /_sim/faults', () => {
    const sim = newSim();
    expect(call(sim, 'POST', '/_sim/faults', { errorRates: { '500': 1 } }).status).toBe(200);
    expect(call(sim, 'GET', '/v1/payment-links/a').status).toBe(500);
    call(sim, 'POST', '/_sim/faults', {});
    expect(call(sim, 'GET', '/v1/payment-links/a').status).toBe(404);
  });
});

describe('notification faults', () => {
  function run(notifications: FaultOptions['notifications'], seed = 5) {
    const sim = newSim({ seed, faults: { notifications } });
    const got: NotificationBody[] = [];
    sim.onNotification((n) => got.push(n.body));
    call(sim, 'POST', '/v1/payment-links', fixedLink('NF', { usage_limit: 100 }));
    const sent: NotificationBody[] = [];
    for (let i = 0; i < 30; i++) sent.push(sim.pay('NF', { status: 'settlement', payment_type: 'gopay' }));
    sim.advance(1); // releases anything still held back
    return { sim, sent, got };
  }

  test('drop: some notifications never reach the listeners (counted in stats)', () => {
    const { sim, sent, got } = run({ dropRate: 0.3 });
    expect(got.length).toBeLessThan(sent.length);
    expect(sim.stats().notificationsDropped).toBe(sent.length - got.length);
    expect(got.every((g) => sent.includes(g))).toBe(true);
  });

  test('duplicate: some notifications arrive twice, identical', () => {
    const { sim, sent, got } = run({ duplicateRate: 0.3 });
    expect(got.length).toBe(sent.length + sim.stats().notificationsDuplicated);
    expect(sim.stats().notificationsDuplicated).toBeGreaterThan(0);
  });

  test('reorder: some notifications arrive after the next one; none is lost', () => {
    const { sent, got } = run({ reorderRate: 0.3 });
    expect(new Set(got)).toEqual(new Set(sent));
    expect(got).not.toEqual(sent);
  });

  test('reorder can deliver settlement before pending for the same purchase', () => {
    const sim = newSim({ seed: 1, faults: { script: [], notifications: { reorderRate: 1 } } });
    const got: string[] = [];
    sim.onNotification((n) => got.push(n.body.transaction_status));
    call(sim, 'POST', '/v1/payment-links', fixedLink('RO'));
    const p = sim.pay('RO', { status: 'pending', payment_type: 'bca_va' });
    expect(got).toEqual([]);
    sim.setFaults(undefined);
    sim.pay('RO', { status: 'settlement', transaction_id: p.transaction_id });
    expect(got).toEqual(['settlement', 'pending']);
  });
});
