/**
 * Bad input never crashes the handler: arbitrary methods, paths, headers and bodies always come back
 * as a well-formed response, and never as the simulator's own 500.
 */
import fc from 'fast-check';
import { KEY, basic, fixedLink, newSim } from './sim-helpers';

const paths = fc.oneof(
  fc.constantFrom(
    '/v1/payment-links',
    '/v1/payment-links/R1',
    '/v2/R1/status',
    '/_sim/payment-links/R1/pay',
    '/_sim/notification-url',
    '/_sim/clock/advance',
    '/_sim/faults',
    '/_sim/notifications',
    '/payment-links/r1',
    '/payment-links/r1/pay',
    '/%E0%A4%A',
    '/v1/payment-links/%',
  ),
  fc.string().map((s) => `/${s}`),
);
const bodies = fc.oneof(
  fc.constant(undefined),
  fc.string(),
  fc.json(),
  fc
    .record({
      status: fc.oneof(fc.string(), fc.constantFrom('pending', 'settlement', 'capture', 'refund', 'open')),
      payment_type: fc.oneof(fc.string(), fc.integer()),
      transaction_id: fc.oneof(fc.string(), fc.integer()),
      amount: fc.oneof(fc.integer(), fc.string()),
    })
    .map((o) => JSON.stringify(o)),
);

test('any request gets a well-formed answer and never a simulator crash (500 without an injected fault)', () => {
  const sim = newSim();
  sim.handle({
    method: 'POST',
    path: '/v1/payment-links',
    headers: { authorization: basic(KEY) },
    body: JSON.stringify(
      fixedLink('R1', { usage_limit: 50, transaction_details: { order_id: 'R1', gross_amount: 150000, payment_link_id: 'r1' } }),
    ),
  });
  fc.assert(
    fc.property(fc.constantFrom('GET', 'POST', 'DELETE', 'PUT', 'get'), paths, bodies, fc.boolean(), (method, path, body, auth) => {
      const res = sim.handle({ method, path, headers: auth ? { authorization: basic(KEY) } : {}, body });
      expect(Number.isInteger(res.status)).toBe(true);
      expect(res.status).toBeGreaterThanOrEqual(200);
      expect(res.status).not.toBe(500);
      expect(typeof res.body).toBe('string');
    }),
    { numRuns: 400 },
  );
});
