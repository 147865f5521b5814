import fc from 'fast-check';
import { createHash } from 'crypto';
import { verifyNotification, constantTimeEqual } from '../../../core/src';
import { SIGNATURE_VECTORS } from '../../fixtures/reference-request';

const sha512Hex = (s: string) => createHash('sha512').update(s, 'utf8').digest('hex');

function bodyOf(v: (typeof SIGNATURE_VECTORS)[number]) {
  return {
    order_id: v.order_id,
    status_code: v.status_code,
    gross_amount: v.gross_amount,
    signature_key: v.signature,
    transaction_status: 'settlement',
  };
}

function changeOneChar(s: string, at: number): string {
  const i = at % s.length;
  const c = s[i];
  const replacement = c === '0' ? '1' : c === 'a' ? 'b' : c === '1' ? '2' : '0';
  return s.slice(0, i) + replacement + s.slice(i + 1);
}

describe('verifyNotification', () => {
  test.each(SIGNATURE_VECTORS.map((v, i) => [i, v]))('docs/midtrans-contract.md §5.3 vector %i verifies', (_i, v) => {
    expect(verifyNotification(bodyOf(v), v.serverKey, sha512Hex)).toBe(true);
  });

  test('any one-character change to the signature, a signed field or the key fails', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SIGNATURE_VECTORS),
        fc.constantFrom('signature_key', 'order_id', 'status_code', 'gross_amount', 'key'),
        fc.nat(),
        (v, what, at) => {
          const body: Record<string, string> = bodyOf(v);
          let key = v.serverKey;
          if (what === 'key') key = changeOneChar(key, at);
          else body[what] = changeOneChar(body[what], at);
          return verifyNotification(body, key, sha512Hex) === false;
        },
      ),
      { numRuns: 400 },
    );
  });

  test('upper-case hex in the body still verifies (hex case carries no meaning)', () => {
    const v = SIGNATURE_VECTORS[1];
    expect(verifyNotification({ ...bodyOf(v), signature_key: v.signature.toUpperCase() }, v.serverKey, sha512Hex)).toBe(true);
  });

  test('numbers, as in the PL page sample, are rebuilt as String(status_code) and gross.toFixed(2) [inferred]', () => {
    const v = SIGNATURE_VECTORS[1];
    expect(verifyNotification({ ...bodyOf(v), status_code: 201, gross_amount: 100000 }, v.serverKey, sha512Hex)).toBe(true);
  });

  test('the body\'s own strings are used as sent: "100000.0" is not "100000.00"', () => {
    const v = SIGNATURE_VECTORS[1];
    expect(verifyNotification({ ...bodyOf(v), gross_amount: '100000.0' }, v.serverKey, sha512Hex)).toBe(false);
  });

  test('missing pieces, empty key and hostile input return false and never throw', () => {
    const v = SIGNATURE_VECTORS[0];
    expect(verifyNotification(bodyOf(v), '', sha512Hex)).toBe(false);
    const { signature_key: _s, ...unsigned } = bodyOf(v);
    expect(verifyNotification(unsigned, v.serverKey, sha512Hex)).toBe(false);
    expect(
      verifyNotification(bodyOf(v), v.serverKey, () => {
        throw new Error('boom');
      }),
    ).toBe(false);
    fc.assert(
      fc.property(fc.anything(), fc.string(), (body, key) => verifyNotification(body, key, sha512Hex) === false),
      { numRuns: 500 },
    );
  });
});

describe('constantTimeEqual', () => {
  test('equals string equality on random pairs', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => constantTimeEqual(a, b) === (a === b)),
      { numRuns: 1000 },
    );
    fc.assert(fc.property(fc.string(), (a) => constantTimeEqual(a, a)));
  });
});
