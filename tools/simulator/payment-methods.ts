/**
 * What each payment method adds to a notification (docs/midtrans-contract.md §5.7 samples and the field list under
 * it). Where a method has no sample in the reference, its fields are [inferred] from NOTIF's field list
 * and marked below.
 */
import { PLNEW_PAYMENTS, SNAP_2025_PAYMENTS } from './create-rules';
import { digitsFrom } from './seeded-random';
import type { NotificationBody } from './types';

/**
 * Default `enabled_payments` when the request omits it ("all methods active on the account"): PLNEW's
 * list, then the Snap channels of the current reference (docs/midtrans-contract.md §2.4).
 */
export const DEFAULT_ENABLED_PAYMENTS: string[] = [...PLNEW_PAYMENTS, ...SNAP_2025_PAYMENTS];

const VA_BANK: Record<string, string> = {
  bca_va: 'bca',
  bni_va: 'bni',
  bri_va: 'bri',
  cimb_va: 'cimb',
  danamon_va: 'danamon',
  bsi_va: 'bsi',
  other_va: 'other',
  seabank_va: 'seabank',
  saqu_va: 'saqu',
};

/** Midtrans's `payment_type` for an `enabled_payments` code. */
export function paymentTypeOf(method: string): string {
  if (VA_BANK[method] || method === 'permata_va') return 'bank_transfer';
  if (method === 'alfamart' || method === 'indomaret') return 'cstore';
  if (method === 'other_qris') return 'qris';
  // The Google Pay page: "Midtrans will process the Google Pay transaction as a card transaction".
  if (method === 'google_pay') return 'credit_card';
  return method;
}

/**
 * Resolves what a caller names (an `enabled_payments` code such as `bca_va`, or a Midtrans payment_type
 * such as `bank_transfer`) to one of the link's enabled methods; undefined when none fits.
 */
export function resolveMethod(name: string, enabled: string[]): string | undefined {
  if (enabled.includes(name)) return name;
  return enabled.find((m) => paymentTypeOf(m) === name);
}

export function isKnownMethod(name: string): boolean {
  return (
    DEFAULT_ENABLED_PAYMENTS.includes(name) ||
    ['cimb_clicks', 'bca_klikbca', 'bca_klikpay', 'bri_epay', 'telkomsel_cash', 'other_va', 'danamon_online'].includes(name) ||
    ['bank_transfer', 'cstore', 'qris'].includes(name)
  );
}

/** Card payments carry fraud_status, and `capture` is theirs alone (Google Pay is a card payment). */
export const isCard = (method: string) => method === 'credit_card' || method === 'google_pay';

/**
 * The BI-SNAP channels: DANA and the BSI, Danamon, SeaBank and Saqu virtual accounts. For these the
 * status API answers with the `transaction_id` in `order_id`, while the notification keeps the
 * merchant's order id (`veritrans/SNAP-Woocommerce` PR #85; `Midtrans/midtrans-php` issues #113, #121).
 * Of them, Payment Links' documented `enabled_payments` list has `bsi_va` and `danamon_va`, so those
 * two are what a simulated purchase can use; the other names are here so the rule reads whole.
 */
const BI_SNAP_METHODS = ['dana', 'bsi_va', 'danamon_va', 'seabank_va', 'saqu_va'];
export const isBiSnap = (method: string) => BI_SNAP_METHODS.includes(method);

/** §5.5: Alfamart/Indomaret notifications omit fraud_status. */
export const omitsFraudStatus = (method: string) => method === 'alfamart' || method === 'indomaret';

export interface LinkMethodOptions {
  customVa?: Record<string, string | undefined>;
  cardBank?: string;
}

/**
 * Fields fixed when the purchase picks its method (VA number, bill key, card), so every later
 * notification of that purchase repeats them.
 */
export function methodFields(method: string, link: LinkMethodOptions, next: () => number): NotificationBody {
  const bank = VA_BANK[method];
  if (bank) {
    const custom = link.customVa?.[method];
    return { va_numbers: [{ va_number: custom ?? digitsFrom(next, 15), bank }], payment_amounts: [] };
  }
  switch (method) {
    case 'permata_va':
      return { permata_va_number: link.customVa?.permata_va ?? digitsFrom(next, 18), payment_amounts: [] };
    case 'echannel':
      // [inferred from NOTIF's field list]: bill_key + biller_code; 70012 is Midtrans's sandbox biller code.
      return { bill_key: digitsFrom(next, 12), biller_code: '70012' };
    case 'credit_card':
    case 'google_pay':
      // §5.7 capture sample; the card is Midtrans's sandbox test card.
      return {
        masked_card: '48111111-1114',
        bank: link.cardBank ?? 'bni',
        card_type: 'credit',
        eci: '05',
        channel_response_code: '00',
        channel_response_message: 'Approved',
        approval_code: digitsFrom(next, 13),
      };
    case 'alfamart':
    case 'indomaret':
      // [inferred from NOTIF's field list]: store + payment_code.
      return { store: method, payment_code: digitsFrom(next, 16) };
    case 'other_qris':
      // [inferred from NOTIF's field list]: issuer/acquirer/transaction_type; values are plausible, not documented.
      return { acquirer: 'gopay', issuer: 'gopay', transaction_type: 'off-us' };
    default:
      return {};
  }
}
