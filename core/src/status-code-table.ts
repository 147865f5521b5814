/**
 * The `status_code` Midtrans puts beside each transaction status (docs/midtrans-contract.md §5.4), in a
 * notification and in a status-API answer; they differ for `expire` and `cancel` (gotcha 6).
 *
 * Why it matters: `status_code` is signed and `transaction_status` / `fraud_status` are not (§5.3), so a
 * body whose signed code does not fit the status it claims was edited after Midtrans signed it: a genuine
 * `pending` ("201") rewritten to `settlement` ("200"), or a card `capture` under `challenge` ("201")
 * rewritten to `accept`. Claims that share a code with the genuine status (`authorize`, `settlement`,
 * `refund` are all "200") pass this table and are left to the status-API confirmation
 * (status-confirmation.ts).
 */
import { describe } from './rule-checks';

export interface StatusCodeRow {
  transactionStatus: string;
  /** Only for `capture`: the fraud status the row is about (`accept` also covers an absent one). */
  fraudStatus?: 'accept' | 'challenge' | 'deny';
  notification: string;
  statusApi: string;
  source: string;
}

// One row a line, so the table reads as in docs/midtrans-contract.md §5.4. Three rows have no source:
// `capture` with fraud `deny` [inferred: "202" like the other refusals]; `chargeback` and
// `partial_chargeback` [inferred: "200" like the refunds, whose reversal they are]; `failure`
// [inferred: "202" like deny, cancel and expire].
// prettier-ignore
export const STATUS_CODE_TABLE: readonly StatusCodeRow[] = [
  { transactionStatus: 'pending', notification: '201', statusApi: '201', source: 'SPAY pending sample; PLOLD; NODE notification example' },
  { transactionStatus: 'settlement', notification: '200', statusApi: '200', source: 'NOTIF samples; SPAY' },
  { transactionStatus: 'capture', fraudStatus: 'accept', notification: '200', statusApi: '200', source: 'NOTIF card sample' },
  { transactionStatus: 'capture', fraudStatus: 'challenge', notification: '201', statusApi: '201', source: 'C2XX ("on some rare occasion, Challenge")' },
  { transactionStatus: 'capture', fraudStatus: 'deny', notification: '202', statusApi: '202', source: 'none: our reading, see above' },
  { transactionStatus: 'authorize', notification: '200', statusApi: '200', source: 'C2XX' },
  { transactionStatus: 'deny', notification: '202', statusApi: '202', source: 'GO sample; mt-alt-doc card failure sample' },
  { transactionStatus: 'expire', notification: '202', statusApi: '407', source: 'SPAY, EXPD; PHP tests/MidtransTransactionTest.php' },
  { transactionStatus: 'cancel', notification: '202', statusApi: '200', source: 'CANC (notification sample and cancel-API answer); C2XX' },
  { transactionStatus: 'refund', notification: '200', statusApi: '200', source: 'REFD' },
  { transactionStatus: 'partial_refund', notification: '200', statusApi: '200', source: 'REFD' },
  { transactionStatus: 'chargeback', notification: '200', statusApi: '200', source: 'none: our reading, see above' },
  { transactionStatus: 'partial_chargeback', notification: '200', statusApi: '200', source: 'none: our reading, see above' },
  { transactionStatus: 'failure', notification: '202', statusApi: '202', source: 'none: our reading, see above' },
];

function rowOf(transactionStatus: string, fraudStatus: string | undefined): StatusCodeRow | undefined {
  const status = transactionStatus.toLowerCase();
  if (status !== 'capture') return STATUS_CODE_TABLE.find((r) => r.transactionStatus === status);
  const fraud = fraudStatus === undefined || fraudStatus === '' ? 'accept' : fraudStatus;
  return STATUS_CODE_TABLE.find((r) => r.transactionStatus === status && r.fraudStatus === fraud);
}

/** The code a notification carries for a status, or undefined for a status the table does not know. */
export function notificationStatusCodeOf(transactionStatus: string, fraudStatus?: string): string | undefined {
  return rowOf(transactionStatus, fraudStatus)?.notification;
}

/** The same for a status-API answer (§6): `expire` is "407" there and `cancel` "200". */
export function statusApiStatusCodeOf(transactionStatus: string, fraudStatus?: string): string | undefined {
  return rowOf(transactionStatus, fraudStatus)?.statusApi;
}

/**
 * Undefined when the notification's signed `status_code` fits the status it claims; otherwise why not.
 * A numeric code (PLOLD's hand-edited sample) is compared as its string, as the signature is (§5.3).
 */
export function statusCodeMismatch(statusCode: unknown, transactionStatus: string, fraudStatus?: string): string | undefined {
  const expected = notificationStatusCodeOf(transactionStatus, fraudStatus);
  if (expected === undefined) {
    const known = STATUS_CODE_TABLE.some((r) => r.transactionStatus === transactionStatus.toLowerCase());
    return known ? `unknown fraud_status ${describe(fraudStatus)}` : `unknown transaction_status ${describe(transactionStatus)}`;
  }
  const given = typeof statusCode === 'number' ? String(statusCode) : statusCode;
  if (given === expected) return undefined;
  const claim = fraudStatus ? `${transactionStatus} with fraud_status ${fraudStatus}` : transactionStatus;
  return `status_code ${describe(given)} does not fit ${claim} (Midtrans sends "${expected}")`;
}
