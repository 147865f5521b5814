/**
 * Every documented rule for `POST /v1/payment-links` (docs/midtrans-contract.md §2), checked before any HTTP call.
 */
import {
  AMOUNT_MAX, CARD_BANKS, CARD_CHANNELS, CARD_TYPES, CUSTOMER_LIMITS, CUSTOMER_REQUIRED_FIELDS, CUSTOM_FIELD_MAX,
  EMAIL_PATTERN, ENABLED_PAYMENTS, EXPIRY_UNITS, GROSS_AMOUNT_MIN, INSTALLMENT_BANKS, ITEM_ID_MAX, ITEM_TEXT_MAX,
  ORDER_ID_MAX, ORDER_ID_PATTERN, PAYMENT_LINK_ID_MAX, PAYMENT_LINK_ID_PATTERN, PAYMENT_LINK_TYPES, PHONE_PATTERN,
  START_TIME_PATTERN, TITLE_MAX, USAGE_LIMIT_MAX, USAGE_LIMIT_MIN, VA_BANKS, VA_NUMBER_MAX, WHITELIST_BIN_PATTERN,
} from './contract';
import {
  Problem, Sink, checkBoolean, checkInteger, checkOneOf, checkString, checkUrl, describe, isPlainObject,
} from './rule-checks';
import type { ValidationIssue } from './types';

/** Problems as `{ path, message }`, the message naming the field; empty = valid. */
export function validateCreateRequest(body: unknown): ValidationIssue[] {
  return createRequestProblems(body).map((p) => ({ path: p.path, message: `${p.path || 'request'} ${p.tail}` }));
}

export function createRequestProblems(body: unknown): Problem[] {
  const problems: Problem[] = [];
  const sink: Sink = (path, tail) => problems.push({ path, tail });
  if (!isPlainObject(body)) {
    sink('', `must be a JSON object, got ${describe(body)}`);
    return problems;
  }
  checkOneOf(body.payment_link_type, 'payment_link_type', sink, PAYMENT_LINK_TYPES);
  const dynamic = body.payment_link_type === 'DYNAMIC_AMOUNT';
  checkTransactionDetails(body.transaction_details, dynamic, sink);
  // With DYNAMIC_AMOUNT Midtrans ignores item_details and gross_amount (§2.2), so neither is checked.
  if (!dynamic) checkItems(body.item_details, body.transaction_details, sink);
  checkDynamicAmount(body.dynamic_amount, sink);
  checkBoolean(body.customer_required, 'customer_required', sink);
  checkCustomer(body.customer_details, sink);
  if (body.usage_limit !== undefined) checkInteger(body.usage_limit, 'usage_limit', sink, USAGE_LIMIT_MIN, USAGE_LIMIT_MAX);
  checkExpiry(body.expiry, sink);
  checkEnabledPayments(body.enabled_payments, sink);
  checkString(body.title, 'title', sink, TITLE_MAX);
  for (const key of ['custom_field1', 'custom_field2', 'custom_field3']) checkString(body[key], key, sink, CUSTOM_FIELD_MAX);
  checkCallbacks(body.callbacks, sink);
  checkCreditCard(body.credit_card, sink);
  for (const bank of VA_BANKS) checkVa(body[bank], bank, sink);
  return problems;
}

function checkTransactionDetails(td: unknown, dynamic: boolean, sink: Sink): void {
  if (td === undefined) {
    sink('transaction_details', 'is required (it holds order_id and gross_amount)');
    return;
  }
  if (!isPlainObject(td)) {
    sink('transaction_details', `must be an object, got ${describe(td)}`);
    return;
  }
  if (checkString(td.order_id, 'transaction_details.order_id', sink, ORDER_ID_MAX, true) && !ORDER_ID_PATTERN.test(td.order_id)) {
    sink('transaction_details.order_id', `may contain only letters, digits and - _ ~ . (no spaces), got ${describe(td.order_id)}`);
  }
  if (td.payment_link_id !== undefined &&
    checkString(td.payment_link_id, 'transaction_details.payment_link_id', sink, PAYMENT_LINK_ID_MAX, true) &&
    !PAYMENT_LINK_ID_PATTERN.test(td.payment_link_id)) {
    sink('transaction_details.payment_link_id', `may contain only lower-case letters a-z, digits 0-9 and hyphens, got ${describe(td.payment_link_id)}`);
  }
  if (dynamic) return;
  if (td.gross_amount === undefined) {
    sink('transaction_details.gross_amount', 'is required for a fixed-amount link (whole rupiah)');
    return;
  }
  checkInteger(td.gross_amount, 'transaction_details.gross_amount', sink, GROSS_AMOUNT_MIN, AMOUNT_MAX, ' of rupiah');
}

function checkItems(items: unknown, td: unknown, sink: Sink): void {
  if (items === undefined) return;
  if (!Array.isArray(items)) {
    sink('item_details', `must be a list of items, got ${describe(items)}`);
    return;
  }
  let sum = 0;
  let sumKnown = true;
  items.forEach((item, i) => {
    const at = `item_details[${i}]`;
    if (!isPlainObject(item)) {
      sink(at, `must be an object with name, price and quantity, got ${describe(item)}`);
      sumKnown = false;
      return;
    }
    checkString(item.id, `${at}.id`, sink, ITEM_ID_MAX);
    checkString(item.name, `${at}.name`, sink, ITEM_TEXT_MAX, true);
    for (const key of ['brand', 'category', 'merchant_name']) checkString(item[key], `${at}.${key}`, sink, ITEM_TEXT_MAX);
    // Negative prices are documented discount lines.
    const priceOk = checkInteger(item.price, `${at}.price`, sink, -AMOUNT_MAX, AMOUNT_MAX, ' of rupiah');
    const quantityOk = checkInteger(item.quantity, `${at}.quantity`, sink, 1, AMOUNT_MAX);
    if (priceOk && quantityOk) sum += (item.price as number) * (item.quantity as number);
    else sumKnown = false;
  });
  const gross = isPlainObject(td) ? td.gross_amount : undefined;
  if (sumKnown && items.length > 0 && typeof gross === 'number' && Number.isInteger(gross) && sum !== gross) {
    sink('transaction_details.gross_amount', `must equal the sum of item price × quantity (${sum}), got ${gross}`);
  }
}

function checkDynamicAmount(value: unknown, sink: Sink): void {
  if (value === undefined) return;
  if (!isPlainObject(value)) {
    sink('dynamic_amount', `must be an object with min_amount, max_amount and preset_amount, got ${describe(value)}`);
    return;
  }
  const ok: Record<string, number> = {};
  for (const key of ['min_amount', 'max_amount', 'preset_amount']) {
    const v = value[key];
    if (v !== undefined && checkInteger(v, `dynamic_amount.${key}`, sink, GROSS_AMOUNT_MIN, AMOUNT_MAX, ' of rupiah')) ok[key] = v;
  }
  const { min_amount: min, max_amount: max, preset_amount: preset } = ok;
  if (min !== undefined && max !== undefined && min > max) {
    sink('dynamic_amount.min_amount', `must not be more than max_amount (${max}), got ${min}`);
  }
  if (preset !== undefined && min !== undefined && preset < min) {
    sink('dynamic_amount.preset_amount', `must be at least min_amount (${min}), got ${preset}`);
  }
  if (preset !== undefined && max !== undefined && preset > max) {
    sink('dynamic_amount.preset_amount', `must be at most max_amount (${max}), got ${preset}`);
  }
}

function checkCustomer(value: unknown, sink: Sink): void {
  if (value === undefined) return;
  if (!isPlainObject(value)) {
    sink('customer_details', `must be an object, got ${describe(value)}`);
    return;
  }
  for (const [key, max] of Object.entries(CUSTOMER_LIMITS)) checkString(value[key], `customer_details.${key}`, sink, max);
  const has = (k: string) => typeof value[k] === 'string' && (value[k] as string).trim() !== '';
  if (!has('first_name') && !has('email') && !has('phone')) {
    sink('customer_details', 'needs at least one of first_name, email or phone');
  }
  if (typeof value.email === 'string' && value.email !== '' && !EMAIL_PATTERN.test(value.email)) {
    sink('customer_details.email', `must look like name@example.com, got ${describe(value.email)}`);
  }
  if (typeof value.phone === 'string' && value.phone !== '' && !PHONE_PATTERN.test(value.phone)) {
    sink('customer_details.phone', `must be digits with an optional leading +, got ${describe(value.phone)}`);
  }
  const required = value.customer_details_required_fields;
  if (required !== undefined) {
    if (!Array.isArray(required)) {
      sink('customer_details.customer_details_required_fields', `must be a list, got ${describe(required)}`);
    } else {
      required.forEach((f, i) => checkOneOf(f, `customer_details.customer_details_required_fields[${i}]`, sink, CUSTOMER_REQUIRED_FIELDS));
    }
  }
}

function checkExpiry(value: unknown, sink: Sink): void {
  if (value === undefined) return;
  if (!isPlainObject(value)) {
    sink('expiry', `must be an object with duration and unit, got ${describe(value)}`);
    return;
  }
  if (value.duration === undefined) sink('expiry.duration', 'is required when expiry is given');
  // A zero-length link could never be paid [inferred lower bound].
  else checkInteger(value.duration, 'expiry.duration', sink, 1, AMOUNT_MAX);
  if (value.unit === undefined) sink('expiry.unit', `is required when expiry is given (${EXPIRY_UNITS.join(', ')})`);
  else checkOneOf(value.unit, 'expiry.unit', sink, EXPIRY_UNITS);
  if (value.start_time !== undefined && !isValidStartTime(value.start_time)) {
    sink('expiry.start_time', `must look like "2026-12-01 18:00 +0700", got ${describe(value.start_time)}`);
  }
}

/** Parses `yyyy-MM-dd HH:mm[:ss] ±HHMM` to epoch milliseconds, or undefined when malformed. */
export function parseStartTime(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const m = START_TIME_PATTERN.exec(value);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number);
  const offset = (m[7] === '-' ? -1 : 1) * (Number(m[8]) * 60 + Number(m[9]));
  const utc = Date.UTC(y, mo - 1, d, h, mi, s);
  const back = new Date(utc);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return undefined;
  if (Number(m[8]) > 14 || Number(m[9]) > 59) return undefined;
  return utc - offset * 60_000;
}

function isValidStartTime(value: unknown): boolean {
  return parseStartTime(value) !== undefined;
}

function checkEnabledPayments(value: unknown, sink: Sink): void {
  if (value === undefined) return;
  if (!Array.isArray(value)) {
    sink('enabled_payments', `must be a list of payment method codes, got ${describe(value)}`);
    return;
  }
  if (value.length === 0) sink('enabled_payments', 'must name at least one payment method, or be left out for all');
  const seen = new Set<unknown>();
  value.forEach((v, i) => {
    if (seen.has(v)) sink(`enabled_payments[${i}]`, `repeats ${describe(v)}`);
    seen.add(v);
    if (typeof v !== 'string' || !ENABLED_PAYMENTS.includes(v)) {
      sink(`enabled_payments[${i}]`, `must be a Midtrans payment method code such as bca_va, gopay or credit_card; got ${describe(v)}`);
    }
  });
}

function checkCallbacks(value: unknown, sink: Sink): void {
  if (value === undefined) return;
  if (!isPlainObject(value)) {
    sink('callbacks', `must be an object with a finish URL, got ${describe(value)}`);
    return;
  }
  checkUrl(value.finish, 'callbacks.finish', sink);
}

function checkCreditCard(value: unknown, sink: Sink): void {
  if (value === undefined) return;
  if (!isPlainObject(value)) {
    sink('credit_card', `must be an object, got ${describe(value)}`);
    return;
  }
  checkBoolean(value.secure, 'credit_card.secure', sink);
  checkOneOf(value.bank, 'credit_card.bank', sink, CARD_BANKS);
  checkOneOf(value.channel, 'credit_card.channel', sink, CARD_CHANNELS);
  checkOneOf(value.type, 'credit_card.type', sink, CARD_TYPES);
  const bins = value.whitelist_bins;
  if (bins !== undefined) {
    if (!Array.isArray(bins)) sink('credit_card.whitelist_bins', `must be a list, got ${describe(bins)}`);
    else bins.forEach((b, i) => {
      if (typeof b !== 'string' || !WHITELIST_BIN_PATTERN.test(b)) {
        sink(`credit_card.whitelist_bins[${i}]`, `must be a card number prefix of up to 8 digits or a bank name, got ${describe(b)}`);
      }
    });
  }
  const inst = value.installment;
  if (inst === undefined) return;
  if (!isPlainObject(inst)) {
    sink('credit_card.installment', `must be an object, got ${describe(inst)}`);
    return;
  }
  checkBoolean(inst.required, 'credit_card.installment.required', sink);
  checkBoolean(inst.disabled, 'credit_card.installment.disabled', sink);
  if (inst.terms === undefined) return;
  if (!isPlainObject(inst.terms)) {
    sink('credit_card.installment.terms', `must map a bank to a list of months, got ${describe(inst.terms)}`);
    return;
  }
  for (const [bank, months] of Object.entries(inst.terms)) {
    const at = `credit_card.installment.terms.${bank}`;
    if (!(INSTALLMENT_BANKS as readonly string[]).includes(bank)) sink(at, `is not an installment bank (${INSTALLMENT_BANKS.join(', ')})`);
    if (!Array.isArray(months) || months.length === 0) sink(at, `must be a list of months such as [3, 6, 12], got ${describe(months)}`);
    else months.forEach((m, i) => checkInteger(m, `${at}[${i}]`, sink, 1, 60));
  }
}

function checkVa(value: unknown, bank: (typeof VA_BANKS)[number], sink: Sink): void {
  if (value === undefined) return;
  if (!isPlainObject(value)) {
    sink(bank, `must be an object with va_number, got ${describe(value)}`);
    return;
  }
  const n = value.va_number;
  const max = VA_NUMBER_MAX[bank];
  if (typeof n !== 'string' || !/^\d+$/.test(n)) sink(`${bank}.va_number`, `must be digits only, got ${describe(n)}`);
  else if (n.length > max) sink(`${bank}.va_number`, `must be at most ${max} digits, got ${n.length}`);
}
