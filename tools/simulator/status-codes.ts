/**
 * `status_code` per transaction status, in a notification and in the status API (docs/midtrans-contract.md §5.4, §6).
 * Note they differ: an expired purchase is "202" in its notification and "407" from the status API.
 */
export function notificationStatusCode(status: string, fraudStatus?: string): string {
  switch (status) {
    case 'pending':
      return '201';
    case 'capture':
      // C2XX: 201 for a card capture under challenge.
      return fraudStatus === 'challenge' ? '201' : '200';
    case 'deny':
    case 'expire':
    case 'cancel':
      return '202';
    case 'settlement':
    case 'refund':
    case 'partial_refund':
    case 'authorize':
      return '200';
    default:
      // `failure` is undocumented [inferred: 202 like the other failures].
      return '202';
  }
}

export function statusApiStatusCode(status: string, fraudStatus?: string): string {
  if (status === 'expire') return '407';
  // CANC: the cancel API answers "200" and C2XX lists cancel under 200 [inferred for the status API].
  if (status === 'cancel') return '200';
  return notificationStatusCode(status, fraudStatus);
}

/**
 * Moves a purchase may make (reference CYCLE status cycle; §5.5 reversal). A purchase created by the
 * control API may start in any of these; later calls must follow the arrows [inferred table].
 */
export const TRANSITIONS: Record<string, string[]> = {
  open: ['pending', 'settlement', 'capture', 'authorize', 'deny', 'cancel', 'expire'],
  pending: ['settlement', 'capture', 'authorize', 'deny', 'cancel', 'expire'],
  // A card pre-authorisation (credit_card.type "authorize", §2.2) is captured or cancelled later (CYCLE).
  authorize: ['capture', 'cancel'],
  // capture → capture: a challenged card payment accepted on review; capture → deny: rejected on review.
  capture: ['settlement', 'cancel', 'refund', 'partial_refund', 'capture', 'deny'],
  // settlement → deny only on the documented reversal channels (checked by the caller).
  settlement: ['refund', 'partial_refund', 'deny'],
  partial_refund: ['refund', 'partial_refund'],
  deny: [],
  refund: [],
  cancel: [],
  expire: [],
};

export const PAY_STATUSES = [
  'open',
  'pending',
  'settlement',
  'capture',
  'authorize',
  'deny',
  'cancel',
  'expire',
  'refund',
  'partial_refund',
];
