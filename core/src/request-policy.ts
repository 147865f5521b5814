/**
 * What the product does with a create request that breaks a rule, by where the rule comes from
 * (docs/midtrans-contract.md §2.5):
 *
 * - A rule Midtrans **documents** refuses the request before it is sent: Midtrans would refuse it too,
 *   and the message names the field.
 * - A rule we **inferred** never blocks. A refusal on a guess would block a merchant for good, with no
 *   way around it, while letting Midtrans decide costs one round trip and its 400 is already mapped to
 *   the row or field. It may warn (the Note cell, the n8n item's `warnings`), and it may normalise the
 *   request where the meaning is certain (a numeric item id sent as its text, a repeated payment method
 *   sent once).
 * - The only exceptions are the cases below, where sending would do harm Midtrans cannot undo.
 */
export interface HarmBlock {
  /** The request field, list positions written as `[]`. */
  path: string;
  rule: string;
  harm: string;
}

export const HARM_BLOCKS: readonly HarmBlock[] = [
  {
    path: 'enabled_payments',
    rule: 'an empty list is refused',
    harm:
      'The docs say a missing list means "every active method" and say nothing of an empty one; a real Snap integration that sent [] got a ' +
      'checkout with no way to pay [observed], and with a customer email Midtrans emails that link at once (§7): an email that cannot be taken back.',
  },
  {
    path: 'transaction_details.gross_amount',
    rule: 'an amount beyond 2^53 - 1 is refused (also item prices, quantities and dynamic amounts)',
    harm: 'JSON cannot carry such a number exactly: Midtrans would create, and email, a link for an amount the merchant never wrote.',
  },
];

/**
 * The request as sent: changes whose meaning is certain, so an inferred rule never has to refuse.
 * A numeric item id becomes its text (the field is a String, §2.2; real clients send numbers); a
 * payment method listed twice is sent once. Anything else is returned untouched; never throws.
 */
export function normaliseCreateRequest<T>(body: T): T {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return body;
  const out = { ...(body as Record<string, unknown>) };
  if (Array.isArray(out.item_details)) {
    out.item_details = out.item_details.map((item: unknown) =>
      typeof item === 'object' &&
      item !== null &&
      typeof (item as { id?: unknown }).id === 'number' &&
      Number.isFinite((item as { id: number }).id)
        ? { ...item, id: String((item as { id: number }).id) }
        : item,
    );
  }
  if (Array.isArray(out.enabled_payments)) out.enabled_payments = [...new Set(out.enabled_payments)];
  return out as T;
}
