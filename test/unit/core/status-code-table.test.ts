/**
 * core/src/status-code-table.ts: the signed status_code must fit the status a notification claims
 * (docs/midtrans-contract.md §5.4). Pins the documented rows, the notification/status-API differences,
 * the edits the table alone refuses, and that the simulator (an independent reading) agrees with it.
 */
import { notificationStatusCodeOf, statusApiStatusCodeOf, statusCodeMismatch, STATUS_CODE_TABLE } from '../../../core/src';
import { notificationStatusCode, statusApiStatusCode } from '../../../tools/simulator/status-codes';

test.each([
  ['pending', undefined, '201'],
  ['settlement', undefined, '200'],
  ['capture', 'accept', '200'],
  ['capture', undefined, '200'],
  ['capture', 'challenge', '201'],
  ['deny', undefined, '202'],
  ['expire', undefined, '202'],
  ['cancel', undefined, '202'],
  ['refund', undefined, '200'],
  ['partial_refund', undefined, '200'],
  ['authorize', undefined, '200'],
])('a notification for %s (fraud %s) carries %s', (status, fraud, code) => {
  expect(notificationStatusCodeOf(status, fraud)).toBe(code);
  expect(statusCodeMismatch(code, status, fraud)).toBeUndefined();
});

test('the status API differs for expire (407) and cancel (200) only', () => {
  const differ = STATUS_CODE_TABLE.filter((r) => r.notification !== r.statusApi).map((r) => [r.transactionStatus, r.statusApi]);
  expect(differ).toEqual([
    ['expire', '407'],
    ['cancel', '200'],
  ]);
  expect(statusApiStatusCodeOf('expire')).toBe('407');
});

test.each([
  ['a pending (201) edited to settlement', '201', 'settlement', undefined],
  ['an expire (202) edited to settlement', '202', 'settlement', undefined],
  ['a capture under challenge (201) edited to accept', '201', 'capture', 'accept'],
  ['a deny (202) edited to capture', '202', 'capture', 'accept'],
  ['a settlement (200) edited to pending', '200', 'pending', undefined],
  ['a pending (201) edited to refund', '201', 'refund', undefined],
])('%s does not fit and says why', (_what, code, status, fraud) => {
  expect(statusCodeMismatch(code, status, fraud)).toMatch(/does not fit/);
});

test("a numeric status code is compared as its string (PLOLD's sample); an unknown status or fraud status is named", () => {
  expect(statusCodeMismatch(201, 'pending')).toBeUndefined();
  expect(statusCodeMismatch('200', 'teleported')).toMatch(/unknown transaction_status/);
  expect(statusCodeMismatch('200', 'capture', 'maybe')).toMatch(/unknown fraud_status/);
});

test('the simulator, which reads §5.4 on its own, sends what the table expects for every status it can produce', () => {
  for (const r of STATUS_CODE_TABLE) {
    if (['chargeback', 'partial_chargeback', 'failure'].includes(r.transactionStatus) || r.fraudStatus === 'deny') continue;
    expect(
      `${r.transactionStatus}/${r.fraudStatus ?? ''}: ${notificationStatusCode(r.transactionStatus, r.fraudStatus)} ${statusApiStatusCode(r.transactionStatus, r.fraudStatus)}`,
    ).toBe(`${r.transactionStatus}/${r.fraudStatus ?? ''}: ${r.notification} ${r.statusApi}`);
  }
});
