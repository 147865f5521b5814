/**
 * The Midtrans contract as data: limits, charsets and value lists from docs/midtrans-contract.md
 * (section numbers §n are its sections). Where a value is our reading rather than the docs', it says
 * so where it is written; inference-index.ts lists every such place, in this file and elsewhere.
 */

/** §2.2: 1..50 of letters, digits and `- _ ~ .`. The regex is [inferred] from the prose. */
export const ORDER_ID_PATTERN = /^[A-Za-z0-9\-_~.]+$/;
export const ORDER_ID_MAX = 50;

/**
 * §5.6 [inferred]: a purchase's order id is the link's plus `-` and 13 digits, and what happens past
 * 50 characters is undocumented, so ids we generate (and advise) stay at or under 36.
 */
export const LINK_ORDER_ID_SAFE_MAX = 36;
export const PURCHASE_SUFFIX = /-\d{13}$/;

/** §2.2: lower-case letters, digits and hyphens only; ≤ 50. */
export const PAYMENT_LINK_ID_PATTERN = /^[a-z0-9-]+$/;
export const PAYMENT_LINK_ID_MAX = 50;

export const USAGE_LIMIT_MIN = 1;
export const USAGE_LIMIT_MAX = 1_000_000;
/** §2.2 / gotcha 10 [inferred]: optional in the table, required in the OpenAPI block, so we always send it. */
export const USAGE_LIMIT_DEFAULT = 1;

/** §2.2: typed String(255) but "Max char supported is 40". */
export const TITLE_MAX = 40;
export const CUSTOM_FIELD_MAX = 255;
export const ITEM_TEXT_MAX = 50;
/** Item `id` length is not documented [inferred: the other item strings' 50]. */
export const ITEM_ID_MAX = 50;

export const CUSTOMER_LIMITS = { first_name: 50, last_name: 50, email: 50, phone: 20, notes: 255 } as const;
export const CUSTOMER_REQUIRED_FIELDS = ['first_name', 'phone', 'email'] as const;
/** Email shape [inferred]: Midtrans documents only the length; this catches typos, not every RFC form. */
export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** Phone shape [inferred]: digits with an optional leading `+`, spaces and hyphens allowed between. */
export const PHONE_PATTERN = /^\+?[0-9][0-9 -]*[0-9]$/;

/** §2.2 table says singular, samples use plural [inferred: accept both]. */
export const EXPIRY_UNITS = ['minute', 'minutes', 'hour', 'hours', 'day', 'days'] as const;
export type ExpiryUnit = (typeof EXPIRY_UNITS)[number];
/**
 * `start_time`: the table says `yyyy-MM-dd HH:mm:ss Z`, every sample omits seconds [inferred: accept both].
 */
export const START_TIME_PATTERN = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})(?::(\d{2}))? ([+-])(\d{2})(\d{2})$/;

/** PLNEW's list of `enabled_payments` (docs/midtrans-contract.md §2.2). */
export const ENABLED_PAYMENTS_PAYMENT_LINK = [
  'credit_card',
  'echannel',
  'permata_va',
  'bca_va',
  'bni_va',
  'bri_va',
  'cimb_va',
  'danamon_va',
  'bsi_va',
  'gopay',
  'shopeepay',
  'other_qris',
  'alfamart',
  'indomaret',
  'akulaku',
  'kredivo',
] as const;
/**
 * Channels the current Snap reference adds, which Payment Links (Snap underneath, §5.1) show too
 * (§2.4, read 2026-12-02): `google_pay` and `dana` are the codes the Google Pay and DANA pages put in
 * `enabled_payments`; `ovo`, `seabank_va` and `saqu_va` are the codes real Snap clients send [observed].
 */
export const ENABLED_PAYMENTS_SNAP_2025 = ['seabank_va', 'saqu_va', 'dana', 'ovo', 'google_pay'] as const;
/** Every channel a merchant can pick: the Payment Link list, then the newer Snap channels. */
export const ENABLED_PAYMENTS_CURRENT = [...ENABLED_PAYMENTS_PAYMENT_LINK, ...ENABLED_PAYMENTS_SNAP_2025] as const;
/** PLOLD's extra values. Gotcha 20 [inferred]: don't hard-fail values only the older docs list. */
export const ENABLED_PAYMENTS_LEGACY = [
  'cimb_clicks',
  'bca_klikbca',
  'bca_klikpay',
  'bri_epay',
  'telkomsel_cash',
  'other_va',
  'danamon_online',
] as const;
/** Values known from a list; anything else is sent with a warning and Midtrans decides (§2.5). */
export const ENABLED_PAYMENTS: readonly string[] = [...ENABLED_PAYMENTS_CURRENT, ...ENABLED_PAYMENTS_LEGACY];

export const CARD_BANKS = ['bca', 'bni', 'mandiri', 'cimb', 'bri', 'danamon', 'maybank', 'mega'] as const;
export const CARD_CHANNELS = ['migs'] as const;
export const CARD_TYPES = ['authorize', 'authorize_capture'] as const;
/** `whitelist_bins`: a BIN prefix of up to 8 digits, or a bank name (letters) [inferred: shape]. */
export const WHITELIST_BIN_PATTERN = /^(\d{1,8}|[a-z_]{2,30})$/;
/** Installment term keys seen in the sample (`offline` included). */
export const INSTALLMENT_BANKS = ['bni', 'mandiri', 'cimb', 'bca', 'bri', 'maybank', 'offline'] as const;

/**
 * Custom VA number lengths. The docs disagree: PLNEW says String(11) for all, PLOLD gives per-bank
 * lengths [inferred: PLOLD's per-bank maximum where it has one, PLNEW's 11 otherwise; digits only].
 */
export const VA_NUMBER_MAX: Record<VaBank, number> = { bca_va: 11, bni_va: 8, permata_va: 10, bri_va: 13, cimb_va: 11 };
export const VA_BANKS = ['bca_va', 'bni_va', 'bri_va', 'cimb_va', 'permata_va'] as const;
export type VaBank = (typeof VA_BANKS)[number];

export const PAYMENT_LINK_TYPES = ['FIXED_AMOUNT', 'DYNAMIC_AMOUNT'] as const;

/**
 * Amount bounds [inferred]: Midtrans documents integers only; a FIXED link of zero or less cannot be
 * paid, and beyond 2^53 JSON numbers lose precision.
 */
export const GROSS_AMOUNT_MIN = 1;
export const AMOUNT_MAX = Number.MAX_SAFE_INTEGER;

/** §1. */
export const API_BASE_URLS = {
  sandbox: 'https://api.sandbox.midtrans.com',
  production: 'https://api.midtrans.com',
} as const;
export type Environment = keyof typeof API_BASE_URLS;

/**
 * §5.5, CYCLE "Reversal Case": `settlement` can turn into `deny` for Permata VA, Mandiri Bill and
 * Indomaret. How each looks in a notification (payment_type and bank/store fields) is [inferred] from
 * the per-method samples.
 */
export function isReversalChannel(n: {
  payment_type?: unknown;
  store?: unknown;
  permata_va_number?: unknown;
  va_numbers?: unknown;
}): boolean {
  if (n.payment_type === 'echannel') return true;
  if (n.payment_type === 'cstore') return typeof n.store === 'string' && n.store.toLowerCase() === 'indomaret';
  if (n.payment_type === 'bank_transfer') {
    if (typeof n.permata_va_number === 'string' && n.permata_va_number !== '') return true;
    return (
      Array.isArray(n.va_numbers) && n.va_numbers.some((v) => v && typeof v === 'object' && (v as { bank?: unknown }).bank === 'permata')
    );
  }
  return false;
}

/**
 * §6 [inferred from NODE httpClient.js]: the status API may answer HTTP 200 with an error `status_code`
 * in the body; ≥ 400 is an error except 407 (expired), which is a valid answer.
 */
export function isStatusBodyError(statusCode: number): boolean {
  return statusCode >= 400 && statusCode !== 407;
}

export interface RetryPolicy {
  /** Attempts per call, the first included. */
  maxAttempts: number;
  /** Wait before the second attempt; it doubles for each one after. */
  backoffMs: number;
}

/**
 * The one retry policy for every Midtrans call, from n8n and from Apps Script alike: create through
 * create-protocol.ts (which also recovers a 409), GET, DELETE, status and the connection probe through
 * call-protocol.ts in Apps Script and api-client.ts in n8n (the one exception is below). §1 [inferred]:
 * Midtrans publishes no back-off figures; three tries over about 3 s ride out a brief 429 or 5xx
 * without holding an Apps Script execution long.
 */
export const MIDTRANS_RETRY_POLICY: RetryPolicy = { maxAttempts: 3, backoffMs: 1_000 };

/**
 * The one exception, for the status call that confirms a money move (a payment, refund, chargeback or
 * reversal) while answering a notification (Apps Script's doPost; the n8n Trigger through
 * notification-decision.ts, which sends it once): it is tried once. §5.2: Midtrans waits 15 s for
 * the reply and asks for one within 5 s, and redelivers a notification answered with an error, so that
 * redelivery is the retry; back-off inside the reply would only risk the sender's timeout.
 */
export const WHILE_ANSWERING_A_NOTIFICATION: RetryPolicy = { maxAttempts: 1, backoffMs: 0 };

/** §1 [inferred]: nothing documents PL rate limits; 429, 5xx and network failures are worth a retry. */
export function isRetryableHttpStatus(status: number): boolean {
  return status === 429 || status >= 500;
}
