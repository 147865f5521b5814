import fc from 'fast-check';
import { randomBytes } from 'crypto';
import {
  LINK_ORDER_ID_SAFE_MAX,
  ORDER_ID_PATTERN,
  PAYMENT_LINK_ID_PATTERN,
  generateOrderId,
  generatePaymentLinkId,
  linkOrderIdFromTransaction,
  validateCreateRequest,
} from '../../../core/src';

/** A random source that records how many bytes were asked for (the port, not the code under test). */
function countingRandom() {
  let asked = 0;
  const random = (n: number) => {
    asked += n;
    return new Uint8Array(randomBytes(n));
  };
  return { random, asked: () => asked };
}

describe('generated ids', () => {
  test('payment_link_id draws at least 96 bits and stays in [a-z0-9-], ≤ 50', () => {
    const r = countingRandom();
    const id = generatePaymentLinkId(r.random);
    expect(r.asked() * 8).toBeGreaterThanOrEqual(96);
    expect(id).toMatch(PAYMENT_LINK_ID_PATTERN);
    expect(id.length).toBeLessThanOrEqual(50);
  });

  test('payment_link_id is a function of all the random bytes: flipping any bit changes it', () => {
    const bytes = new Uint8Array(randomBytes(16));
    const base = generatePaymentLinkId(() => bytes);
    for (let bit = 0; bit < 128; bit++) {
      const flipped = bytes.slice();
      flipped[bit >> 3] ^= 1 << (bit & 7);
      expect(generatePaymentLinkId(() => flipped)).not.toBe(base);
    }
  });

  test('a random source that returns too few bytes is refused, not silently weakened', () => {
    expect(() => generatePaymentLinkId(() => new Uint8Array(4))).toThrow(/16 were asked for/);
  });

  test('order ids keep a readable prefix, use the allowed charset and leave room for the 14-character suffix', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (prefix) => {
        const id = generateOrderId(prefix, (n) => new Uint8Array(randomBytes(n)));
        return (
          ORDER_ID_PATTERN.test(id) &&
          id.length <= LINK_ORDER_ID_SAFE_MAX &&
          (id + '-1732500000000').length <= 50 &&
          validateCreateRequest({ transaction_details: { order_id: id, gross_amount: 1 } }).length === 0
        );
      }),
      { numRuns: 300 },
    );
    expect(generateOrderId('INV 2026/11', (n) => new Uint8Array(n))).toBe('INV-2026-11-AAAAAAAAAAAAAAAA');
  });

  test('order ids carry at least 80 random bits', () => {
    const r = countingRandom();
    generateOrderId('INV', r.random);
    expect(r.asked() * 8).toBeGreaterThanOrEqual(80);
  });
});

describe('linkOrderIdFromTransaction', () => {
  test.each([
    ['INV-7-1732500000000', 'INV-7'],
    ['order123-1647944535605', 'order123'],
    ['1525840754698-1658897316-1658897332986', '1525840754698-1658897316'],
    ['a-b-c-d-1647944535605', 'a-b-c-d'],
    ['bca-va-01', 'bca-va-01'],
    ['INV-7-123456789012', 'INV-7-123456789012'],
    ['INV-7', 'INV-7'],
  ])('%s → %s', (purchase, link) => {
    expect(linkOrderIdFromTransaction(purchase)).toBe(link);
  });

  test('recovers any link order id, including ids that contain - and digits, from its suffixed purchase id', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Za-z0-9\-_~.]{1,36}$/),
        fc.integer({ min: 1e12, max: 9999999999999 }),
        (link, ms) => linkOrderIdFromTransaction(`${link}-${ms}`) === link,
      ),
      { numRuns: 500 },
    );
  });
});
