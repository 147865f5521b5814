/**
 * The simulator's own reading of the documented create rules (docs/midtrans-contract.md §2.2,
 * docs.midtrans.com/reference/create-payment-link), written from the docs as a table, independently of
 * the core's validator: a stand-in that validated with the code it tests would mirror its bugs instead
 * of catching them. test/unit/simulator/create-rules-differential.test.ts runs both readings over
 * generated requests and names every place they disagree.
 *
 * Only what the docs state is enforced here; where the docs are silent Midtrans' answer is unknown and
 * the simulator accepts. Each row cites the part of §2.2 it comes from. Every message is invented
 * [inferred] (the docs give no texts for these 400s) except a row's `documentedMessage`.
 */
import { PAYMENT_LINK_ID_CHARSET } from './documented-messages';

export interface RuleProblem {
  path: string;
  message: string;
}

type Kind = 'object' | 'string' | 'integer' | 'boolean' | 'array';

interface FieldRule {
  /** Dotted path; `[]` walks every element of a list. */
  path: string;
  kind: Kind;
  required?: 'always' | 'fixed-amount';
  /** Characters (code points), for strings. */
  maxChars?: number;
  min?: number;
  max?: number;
  pattern?: RegExp;
  oneOf?: readonly string[];
  /** Exact text to answer a pattern failure with (documented messages); otherwise an invented one naming the field. */
  documentedMessage?: string;
  doc: string;
}

/** §2.2 `enabled_payments`, PLNEW's list (also the first part of the default when a request omits it, payment-methods.ts). */
export const PLNEW_PAYMENTS: readonly string[] = [
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
];
/**
 * The current Snap reference's newer channels (read 2026-12-02): `google_pay` (docs.midtrans.com/reference/google-pay)
 * and `dana` (/reference/dana) as their pages write them in `enabled_payments`; `ovo`, `seabank_va` and
 * `saqu_va` as real Snap clients send them.
 */
export const SNAP_2025_PAYMENTS: readonly string[] = ['seabank_va', 'saqu_va', 'dana', 'ovo', 'google_pay'];
const PLOLD_PAYMENTS = [
  'credit_card',
  'gopay',
  'cimb_clicks',
  'bca_klikbca',
  'bca_klikpay',
  'bri_epay',
  'telkomsel_cash',
  'echannel',
  'permata_va',
  'other_va',
  'bca_va',
  'bni_va',
  'bri_va',
  'indomaret',
  'danamon_online',
  'akulaku',
  'shopeepay',
];

/** §2.2, row by row. */
const CREATE_RULES: readonly FieldRule[] = [
  { path: 'transaction_details', kind: 'object', required: 'always', doc: 'top level: transaction_details required object' },
  {
    path: 'transaction_details.order_id',
    kind: 'string',
    required: 'always',
    maxChars: 50,
    pattern: /^[A-Za-z0-9\-_~.]{1,50}$/,
    doc: 'order_id String(50), alphanumerics and - _ ~ .',
  },
  {
    path: 'transaction_details.gross_amount',
    kind: 'integer',
    required: 'fixed-amount',
    doc: 'gross_amount integer, required for FIXED_AMOUNT',
  },
  {
    path: 'transaction_details.payment_link_id',
    kind: 'string',
    maxChars: 50,
    pattern: /^[a-z0-9-]+$/,
    documentedMessage: PAYMENT_LINK_ID_CHARSET,
    doc: 'payment_link_id String(50), only [a-z0-9-] (documented 400 text)',
  },
  { path: 'customer_required', kind: 'boolean', doc: 'customer_required boolean' },
  { path: 'usage_limit', kind: 'integer', max: 1_000_000, doc: 'usage_limit integer, max 1,000,000' },
  { path: 'title', kind: 'string', maxChars: 40, doc: 'title "Max char supported is 40"' },
  {
    path: 'payment_link_type',
    kind: 'string',
    oneOf: ['FIXED_AMOUNT', 'DYNAMIC_AMOUNT'],
    doc: 'payment_link_type DYNAMIC_AMOUNT or FIXED_AMOUNT',
  },
  { path: 'dynamic_amount', kind: 'object', doc: 'dynamic_amount object' },
  { path: 'dynamic_amount.min_amount', kind: 'integer', doc: 'dynamic_amount.* optional integers' },
  { path: 'dynamic_amount.max_amount', kind: 'integer', doc: 'dynamic_amount.* optional integers' },
  { path: 'dynamic_amount.preset_amount', kind: 'integer', doc: 'dynamic_amount.* optional integers' },
  { path: 'custom_field1', kind: 'string', maxChars: 255, doc: 'custom_field1..3 String(255)' },
  { path: 'custom_field2', kind: 'string', maxChars: 255, doc: 'custom_field1..3 String(255)' },
  { path: 'custom_field3', kind: 'string', maxChars: 255, doc: 'custom_field1..3 String(255)' },
  { path: 'callbacks', kind: 'object', doc: 'callbacks object' },
  { path: 'callbacks.finish', kind: 'string', pattern: /^https?:\/\/\S+$/i, doc: 'callbacks.finish a URL' },
  { path: 'enabled_payments', kind: 'array', doc: 'enabled_payments string[]' },
  {
    path: 'enabled_payments[]',
    kind: 'string',
    oneOf: [...new Set([...PLNEW_PAYMENTS, ...SNAP_2025_PAYMENTS, ...PLOLD_PAYMENTS])],
    doc: 'enabled_payments options, PLNEW, the Snap channels and PLOLD lists',
  },
  { path: 'expiry', kind: 'object', doc: 'expiry object' },
  { path: 'expiry.duration', kind: 'integer', required: 'always', doc: 'expiry.duration required integer' },
  // The table says day, hour, minute; the samples say "days" and "minutes".
  {
    path: 'expiry.unit',
    kind: 'string',
    required: 'always',
    oneOf: ['day', 'hour', 'minute', 'days', 'hours', 'minutes'],
    doc: 'expiry.unit required: day, hour, minute (samples: plural)',
  },
  { path: 'expiry.start_time', kind: 'string', doc: 'expiry.start_time yyyy-MM-dd HH:mm[:ss] Z (checked by readStartTime)' },
  { path: 'item_details', kind: 'array', doc: 'item_details array of object' },
  { path: 'item_details[]', kind: 'object', doc: 'item_details array of object' },
  { path: 'item_details[].name', kind: 'string', required: 'always', maxChars: 50, doc: 'item name required String(50)' },
  { path: 'item_details[].price', kind: 'integer', required: 'always', doc: 'item price required integer, may be negative' },
  { path: 'item_details[].quantity', kind: 'integer', required: 'always', min: 1, doc: 'item quantity required integer ≥ 1' },
  { path: 'item_details[].brand', kind: 'string', maxChars: 50, doc: 'item brand String(50)' },
  { path: 'item_details[].category', kind: 'string', maxChars: 50, doc: 'item category String(50)' },
  { path: 'item_details[].merchant_name', kind: 'string', maxChars: 50, doc: 'item merchant_name String(50)' },
  { path: 'customer_details', kind: 'object', doc: 'customer_details object' },
  { path: 'customer_details.first_name', kind: 'string', maxChars: 50, doc: 'first_name String(50)' },
  { path: 'customer_details.last_name', kind: 'string', maxChars: 50, doc: 'last_name String(50)' },
  { path: 'customer_details.email', kind: 'string', maxChars: 50, doc: 'email String(50)' },
  { path: 'customer_details.phone', kind: 'string', maxChars: 20, doc: 'phone String(20)' },
  { path: 'customer_details.notes', kind: 'string', maxChars: 255, doc: 'notes String(255)' },
  { path: 'customer_details.customer_details_required_fields', kind: 'array', doc: 'customer_details_required_fields string[]' },
  {
    path: 'customer_details.customer_details_required_fields[]',
    kind: 'string',
    oneOf: ['first_name', 'phone', 'email'],
    doc: 'from first_name, phone, email',
  },
  { path: 'credit_card', kind: 'object', doc: 'credit_card object' },
  { path: 'credit_card.secure', kind: 'boolean', doc: 'secure bool' },
  {
    path: 'credit_card.bank',
    kind: 'string',
    oneOf: ['bca', 'bni', 'mandiri', 'cimb', 'bri', 'danamon', 'maybank', 'mega'],
    doc: 'bank list',
  },
  { path: 'credit_card.channel', kind: 'string', oneOf: ['migs'], doc: 'channel migs' },
  { path: 'credit_card.type', kind: 'string', oneOf: ['authorize', 'authorize_capture'], doc: 'type authorize | authorize_capture' },
  { path: 'credit_card.whitelist_bins', kind: 'array', doc: 'whitelist_bins string[]' },
  { path: 'credit_card.whitelist_bins[]', kind: 'string', doc: 'whitelist_bins string[]' },
  { path: 'credit_card.installment', kind: 'object', doc: 'installment object' },
  { path: 'credit_card.installment.required', kind: 'boolean', doc: 'installment.required bool' },
  { path: 'credit_card.installment.terms', kind: 'object', doc: 'installment.terms object bank → int[]' },
  // PLNEW: String(11) for every bank; PLOLD per bank: bca 11, bni 8, permata 10, bri 13.
  { path: 'bca_va', kind: 'object', doc: 'custom VA object' },
  { path: 'bca_va.va_number', kind: 'string', required: 'always', maxChars: 11, doc: 'PLOLD bca 11' },
  { path: 'bni_va', kind: 'object', doc: 'custom VA object' },
  { path: 'bni_va.va_number', kind: 'string', required: 'always', maxChars: 8, doc: 'PLOLD bni 8' },
  { path: 'permata_va', kind: 'object', doc: 'custom VA object' },
  { path: 'permata_va.va_number', kind: 'string', required: 'always', maxChars: 10, doc: 'PLOLD permata 10' },
  { path: 'bri_va', kind: 'object', doc: 'custom VA object' },
  { path: 'bri_va.va_number', kind: 'string', required: 'always', maxChars: 13, doc: 'PLOLD bri 13' },
  { path: 'cimb_va', kind: 'object', doc: 'custom VA object' },
  { path: 'cimb_va.va_number', kind: 'string', required: 'always', maxChars: 11, doc: 'PLNEW String(11)' },
];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function kindOf(v: unknown): Kind | 'other' {
  if (Array.isArray(v)) return 'array';
  if (isObject(v)) return 'object';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'boolean';
  if (typeof v === 'number' && Number.isInteger(v)) return 'integer';
  return 'other';
}

/** Every (concrete path, value, parent present) the rule's path names in `body`. */
function locate(body: unknown, path: string): { at: string; value: unknown; parentPresent: boolean }[] {
  let here: { at: string; value: unknown; parentPresent: boolean }[] = [{ at: '', value: body, parentPresent: true }];
  for (const part of path.split('.')) {
    const list = part.endsWith('[]');
    const key = list ? part.slice(0, -2) : part;
    const next: typeof here = [];
    for (const h of here) {
      const parentOk = isObject(h.value);
      const at = h.at ? `${h.at}.${key}` : key;
      const value = parentOk ? (h.value as Record<string, unknown>)[key] : undefined;
      if (!list) next.push({ at, value, parentPresent: parentOk });
      else if (Array.isArray(value)) value.forEach((v, i) => next.push({ at: `${at}[${i}]`, value: v, parentPresent: true }));
    }
    here = next;
  }
  return here;
}

function checkField(rule: FieldRule, dynamic: boolean, body: unknown, out: RuleProblem[]): void {
  for (const { at, value, parentPresent } of locate(body, rule.path)) {
    if (!parentPresent) continue;
    const say = (message: string, documented = false) =>
      out.push({ path: at, message: documented && rule.documentedMessage ? rule.documentedMessage : `${at} ${message}` });
    if (value === undefined) {
      if (rule.required === 'always' || (rule.required === 'fixed-amount' && !dynamic))
        out.push({ path: at, message: `${at} is required` });
      continue;
    }
    if (kindOf(value) !== rule.kind) {
      say(`must be ${rule.kind === 'integer' ? 'an integer' : `a ${rule.kind}`}`);
      continue;
    }
    if (typeof value === 'string') {
      if (rule.maxChars !== undefined && Array.from(value).length > rule.maxChars) say(`must be at most ${rule.maxChars} characters`);
      else if (rule.pattern && !rule.pattern.test(value)) say('has characters that are not allowed', true);
      else if (rule.oneOf && !rule.oneOf.includes(value)) say(`must be one of ${rule.oneOf.join(', ')}`);
    }
    if (typeof value === 'number') {
      if (rule.min !== undefined && value < rule.min) say(`must be at least ${rule.min}`);
      if (rule.max !== undefined && value > rule.max) say(`must be at most ${rule.max}`);
    }
  }
}

/**
 * `yyyy-MM-dd HH:mm[:ss] Z` (the table's format; the samples drop the seconds) to epoch ms, or
 * undefined. Z is Java's RFC 822 zone, `+0700`; Java's offsets reach ±18:00 [inferred bound].
 */
export function readStartTime(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const [date, time, zone, ...rest] = value.split(' ');
  if (rest.length || !date || !time || !zone) return undefined;
  const d = /^(\d{4})-(\d\d)-(\d\d)$/.exec(date);
  const t = /^(\d\d):(\d\d)(?::(\d\d))?$/.exec(time);
  const z = /^([+-])(\d\d)(\d\d)$/.exec(zone);
  if (!d || !t || !z) return undefined;
  const [year, month, day] = [Number(d[1]), Number(d[2]), Number(d[3])];
  const [hour, minute, second] = [Number(t[1]), Number(t[2]), Number(t[3] ?? 0)];
  const [zh, zm] = [Number(z[2]), Number(z[3])];
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth || hour > 23 || minute > 59 || second > 59) return undefined;
  if (zh > 18 || zm > 59 || (zh === 18 && zm > 0)) return undefined;
  const sign = z[1] === '-' ? -1 : 1;
  return Date.UTC(year, month - 1, day, hour, minute, second) - sign * (zh * 60 + zm) * 60_000;
}

/** The documented rules that span fields. */
function checkAcross(body: Record<string, unknown>, dynamic: boolean, out: RuleProblem[]): void {
  const td = body.transaction_details;
  const items = body.item_details;
  // "must equal Σ(price × quantity) over item_details exactly"; DYNAMIC_AMOUNT ignores both.
  if (!dynamic && isObject(td) && Number.isInteger(td.gross_amount) && Array.isArray(items) && items.length > 0) {
    // Only items that pass their own rows add up to a total worth comparing.
    const whole = items.every(
      (it) => isObject(it) && Number.isInteger(it.price) && Number.isInteger(it.quantity) && (it.quantity as number) >= 1,
    );
    if (whole) {
      const sum = items.reduce((a: number, it) => a + (it as { price: number }).price * (it as { quantity: number }).quantity, 0);
      if (sum !== td.gross_amount)
        out.push({
          path: 'transaction_details.gross_amount',
          message: `transaction_details.gross_amount ${td.gross_amount} is not the items' total ${sum}`,
        });
    }
  }
  // Item id: String in the table (named item_id there, id in every sample); real clients also send
  // numbers [observed], which the simulator takes as their text.
  if (!dynamic && Array.isArray(items)) {
    items.forEach((it, i) => {
      if (isObject(it) && it.id !== undefined && typeof it.id !== 'string' && !(typeof it.id === 'number' && Number.isFinite(it.id))) {
        out.push({ path: `item_details[${i}].id`, message: `item_details[${i}].id must be a string` });
      }
    });
  }
  // "if the object is present, at least one of first_name, email, phone is required".
  const c = body.customer_details;
  if (isObject(c) && c.first_name === undefined && c.email === undefined && c.phone === undefined) {
    out.push({ path: 'customer_details', message: 'customer_details needs first_name, email or phone' });
  }
  const e = body.expiry;
  if (isObject(e) && e.start_time !== undefined && typeof e.start_time === 'string' && readStartTime(e.start_time) === undefined) {
    out.push({ path: 'expiry.start_time', message: 'expiry.start_time must look like 2022-04-01 18:00 +0700' });
  }
}

/** Problems with a create body by the documented rules; empty = Midtrans would accept it. */
export function createRuleProblems(body: unknown): RuleProblem[] {
  if (!isObject(body)) return [{ path: '', message: 'request body must be a JSON object' }];
  const dynamic = body.payment_link_type === 'DYNAMIC_AMOUNT';
  const out: RuleProblem[] = [];
  for (const rule of CREATE_RULES) {
    // "With DYNAMIC, item_details and gross_amount are ignored".
    if (dynamic && (rule.path.startsWith('item_details') || rule.path === 'transaction_details.gross_amount')) continue;
    checkField(rule, dynamic, body, out);
  }
  checkAcross(body, dynamic, out);
  return out;
}
