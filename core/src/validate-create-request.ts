/**
 * Every documented rule for `POST /v1/payment-links` (docs/midtrans-contract.md §2), checked before any HTTP call.
 */
import {
  AMOUNT_MAX,
  CARD_BANKS,
  CARD_CHANNELS,
  CARD_TYPES,
  CUSTOMER_LIMITS,
  CUSTOMER_REQUIRED_FIELDS,
  CUSTOM_FIELD_MAX,
  EMAIL_PATTERN,
  ENABLED_PAYMENTS,
  EXPIRY_UNITS,
  GROSS_AMOUNT_MIN,
  INSTALLMENT_BANKS,
  ITEM_ID_MAX,
  ITEM_TEXT_MAX,
  ORDER_ID_MAX,
  ORDER_ID_PATTERN,
  PAYMENT_LINK_ID_MAX,
  PAYMENT_LINK_ID_PATTERN,
  PAYMENT_LINK_TYPES,
  PHONE_PATTERN,
  START_TIME_PATTERN,
  TITLE_MAX,
  USAGE_LIMIT_MAX,
  USAGE_LIMIT_MIN,
  VA_BANKS,
  VA_NUMBER_MAX,
  WHITELIST_BIN_PATTERN,
} from './contract';
import {
  Problem,
  Sink,
  checkBoolean,
  checkInteger,
  checkOneOf,
  checkString,
  checkUrl,
  checkWholeNumber,
  describe,
  isPlainObject,
} from './rule-checks';
import type { ValidationIssue } from './types';

/**
 * Problems as `{ path, message }`, the message naming the field; empty = valid. Only documented rules
 * (and the few harm cases of request-policy.ts) refuse; see createRequestWarnings for the rest.
 */
export function validateCreateRequest(body: unknown): ValidationIssue[] {
  return createRequestProblems(body).map(asIssue);
}

/** What an inferred rule finds: sent anyway, said in the Note or the n8n item (request-policy.ts). */
export function createRequestWarnings(body: unknown): ValidationIssue[] {
  return checkCreateRequest(body).warnings.map(asIssue);
}

const asIssue = (p: Problem): ValidationIssue => ({ path: p.path, message: `${p.path || 'request'} ${p.tail}` });

export function createRequestProblems(body: unknown): Problem[] {
  return checkCreateRequest(body).problems;
}

/** Both lists at once: `problems` refuse the request, `warnings` do not. */
export function checkCreateRequest(body: unknown): { problems: Problem[]; warnings: Problem[] } {
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const sink: Sink = (path, tail) => problems.push({ path, tail });
  const warn: Sink = (path, tail) => warnings.push({ path, tail });
  if (!isPlainObject(body)) {
    sink('', `must be a JSON object, got ${describe(body)}`);
    return { problems, warnings };
  }
  checkOneOf(body.payment_link_type, 'payment_link_type', sink, PAYMENT_LINK_TYPES);
  const dynamic = body.payment_link_type === 'DYNAMIC_AMOUNT';
  checkTransactionDetails(body.transaction_details, dynamic, sink, warn);
  // With DYNAMIC_AMOUNT Midtrans ignores item_details and gross_amount (§2.2), so neither is checked.
  if (!dynamic) checkItems(body.item_details, body.transaction_details, sink, warn);
  checkDynamicAmount(body.dynamic_amount, sink, warn);
  checkBoolean(body.customer_required, 'customer_required', sink);
  checkCustomer(body.customer_details, sink, warn);
  if (body.usage_limit !== undefined) checkWhole(body.usage_limit, 'usage_limit', sink, warn, USAGE_LIMIT_MIN, USAGE_LIMIT_MAX);
  checkExpiry(body.expiry, sink, warn);
  checkEnabledPayments(body.enabled_payments, sink, warn);
  checkString(body.title, 'title', sink, TITLE_MAX);
  for (const key of ['custom_field1', 'custom_field2', 'custom_field3']) checkString(body[key], key, sink, CUSTOM_FIELD_MAX);
  checkCallbacks(body.callbacks, sink, warn);
  checkCreditCard(body.credit_card, sink, warn);
  for (const bank of VA_BANKS) checkVa(body[bank], bank, sink, warn);
  return { problems, warnings };
}

/**
 * A whole number: its type is documented (refused), beyond 2^53 - 1 it cannot be sent exactly (a harm
 * block, request-policy.ts), `max` when the docs give one; below `inferredMin` only a warning.
 */
function checkWhole(
  value: unknown,
  path: string,
  sink: Sink,
  warn: Sink,
  inferredMin: number,
  max = AMOUNT_MAX,
  unit = '',
): value is number {
  if (!checkWholeNumber(value, path, sink, unit)) return false;
  if (value > max || value < -AMOUNT_MAX) {
    sink(path, `must be at most ${max.toLocaleString('en-US')}, got ${value}`);
    return false;
  }
  if (value < inferredMin) warn(path, `is ${value}; Midtrans may refuse it (we expect at least ${inferredMin})`);
  return true;
}

function checkTransactionDetails(td: unknown, dynamic: boolean, sink: Sink, warn: Sink): void {
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
  if (
    td.payment_link_id !== undefined &&
    checkString(td.payment_link_id, 'transaction_details.payment_link_id', sink, PAYMENT_LINK_ID_MAX, true) &&
    !PAYMENT_LINK_ID_PATTERN.test(td.payment_link_id)
  ) {
    sink(
      'transaction_details.payment_link_id',
      `may contain only lower-case letters a-z, digits 0-9 and hyphens, got ${describe(td.payment_link_id)}`,
    );
  }
  if (dynamic) return;
  if (td.gross_amount === undefined) {
    sink('transaction_details.gross_amount', 'is required for a fixed-amount link (whole rupiah)');
    return;
  }
  checkWhole(td.gross_amount, 'transaction_details.gross_amount', sink, warn, GROSS_AMOUNT_MIN, AMOUNT_MAX, ' of rupiah');
}

function checkItems(items: unknown, td: unknown, sink: Sink, warn: Sink): void {
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
    // A numeric id means the same as its text: sent as text (normaliseCreateRequest), said as a warning.
    if (typeof item.id === 'number' && Number.isFinite(item.id))
      warn(`${at}.id`, `is the number ${item.id}; it is sent as the text "${item.id}"`);
    else if (
      item.id !== undefined &&
      checkString(item.id, `${at}.id`, sink, Number.MAX_SAFE_INTEGER) &&
      Array.from(item.id).length > ITEM_ID_MAX
    ) {
      warn(`${at}.id`, `has ${Array.from(item.id).length} characters; Midtrans may refuse more than ${ITEM_ID_MAX}`);
    }
    if (checkString(item.name, `${at}.name`, sink, ITEM_TEXT_MAX, true, true) && item.name.trim() === '') warn(`${at}.name`, 'is blank');
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

function checkDynamicAmount(value: unknown, sink: Sink, warn: Sink): void {
  if (value === undefined) return;
  if (!isPlainObject(value)) {
    sink('dynamic_amount', `must be an object with min_amount, max_amount and preset_amount, got ${describe(value)}`);
    return;
  }
  const ok: Record<string, number> = {};
  for (const key of ['min_amount', 'max_amount', 'preset_amount']) {
    const v = value[key];
    if (v !== undefined && checkWhole(v, `dynamic_amount.${key}`, sink, warn, GROSS_AMOUNT_MIN, AMOUNT_MAX, ' of rupiah')) ok[key] = v;
  }
  // The docs state no relation between the three [inferred: min ≤ preset ≤ max], so these only warn.
  const { min_amount: min, max_amount: max, preset_amount: preset } = ok;
  if (min !== undefined && max !== undefined && min > max) {
    warn('dynamic_amount.min_amount', `is more than max_amount (${max}): ${min}`);
  }
  if (preset !== undefined && min !== undefined && preset < min) {
    warn('dynamic_amount.preset_amount', `is below min_amount (${min}): ${preset}`);
  }
  if (preset !== undefined && max !== undefined && preset > max) {
    warn('dynamic_amount.preset_amount', `is above max_amount (${max}): ${preset}`);
  }
}

function checkCustomer(value: unknown, sink: Sink, warn: Sink): void {
  if (value === undefined) return;
  if (!isPlainObject(value)) {
    sink('customer_details', `must be an object, got ${describe(value)}`);
    return;
  }
  for (const [key, max] of Object.entries(CUSTOMER_LIMITS)) checkString(value[key], `customer_details.${key}`, sink, max);
  // §2.2: "at least one of first_name, email, phone" is present; a blank one is present but says nothing.
  if (value.first_name === undefined && value.email === undefined && value.phone === undefined) {
    sink('customer_details', 'needs at least one of first_name, email or phone');
  } else if (!['first_name', 'email', 'phone'].some((k) => typeof value[k] === 'string' && (value[k] as string).trim() !== '')) {
    warn('customer_details', 'has first_name, email or phone only as blank text');
  }
  if (typeof value.email === 'string' && value.email !== '' && !EMAIL_PATTERN.test(value.email)) {
    warn('customer_details.email', `does not look like name@example.com: ${describe(value.email)}`);
  }
  if (typeof value.phone === 'string' && value.phone !== '' && !PHONE_PATTERN.test(value.phone)) {
    warn('customer_details.phone', `is not digits with an optional leading +: ${describe(value.phone)}`);
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

function checkExpiry(value: unknown, sink: Sink, warn: Sink): void {
  if (value === undefined) return;
  if (!isPlainObject(value)) {
    sink('expiry', `must be an object with duration and unit, got ${describe(value)}`);
    return;
  }
  if (value.duration === undefined) sink('expiry.duration', 'is required when expiry is given');
  // A zero-length link could never be paid [inferred lower bound].
  else checkWhole(value.duration, 'expiry.duration', sink, warn, 1);
  if (value.unit === undefined) sink('expiry.unit', `is required when expiry is given (${EXPIRY_UNITS.join(', ')})`);
  else checkOneOf(value.unit, 'expiry.unit', sink, EXPIRY_UNITS);
  if (value.start_time !== undefined && !isValidStartTime(value.start_time)) {
    sink('expiry.start_time', `must look like "2026-12-01 18:00 +0700", got ${describe(value.start_time)}`);
  } else if (typeof value.start_time === 'string' && Math.abs(startTimeOffsetMinutes(value.start_time)) > 14 * 60) {
    warn('expiry.start_time', `has a zone offset no place uses (beyond ±14:00): ${describe(value.start_time)}`);
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
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59 || s > 59)
    return undefined;
  // The docs' `Z` is Java's RFC 822 zone, whose offsets reach ±18:00.
  if (Number(m[8]) > 18 || Number(m[9]) > 59 || (Number(m[8]) === 18 && Number(m[9]) > 0)) return undefined;
  return utc - offset * 60_000;
}

function isValidStartTime(value: unknown): boolean {
  return parseStartTime(value) !== undefined;
}

function startTimeOffsetMinutes(value: string): number {
  const m = START_TIME_PATTERN.exec(value);
  return m ? (m[7] === '-' ? -1 : 1) * (Number(m[8]) * 60 + Number(m[9])) : 0;
}

function checkEnabledPayments(value: unknown, sink: Sink, warn: Sink): void {
  if (value === undefined) return;
  if (!Array.isArray(value)) {
    sink('enabled_payments', `must be a list of payment method codes, got ${describe(value)}`);
    return;
  }
  // A harm block (request-policy.ts): an empty list is a link nobody can pay, emailed at once.
  if (value.length === 0) sink('enabled_payments', 'must name at least one payment method, or be left out for all');
  const seen = new Set<unknown>();
  value.forEach((v, i) => {
    if (typeof v !== 'string') {
      sink(`enabled_payments[${i}]`, `must be a payment method code (text) such as bca_va, gopay or credit_card; got ${describe(v)}`);
      return;
    }
    if (seen.has(v)) warn(`enabled_payments[${i}]`, `repeats ${describe(v)}; it is sent once`);
    seen.add(v);
    // Gotcha 20: the lists differ between the docs and real clients send others; Midtrans decides.
    if (!ENABLED_PAYMENTS.includes(v))
      warn(`enabled_payments[${i}]`, `${describe(v)} is not in Midtrans's published lists; Midtrans decides whether it is accepted`);
  });
}

function checkCallbacks(value: unknown, sink: Sink, warn: Sink): void {
  if (value === undefined) return;
  if (!isPlainObject(value)) {
    sink('callbacks', `must be an object with a finish URL, got ${describe(value)}`);
    return;
  }
  const finish = value.finish;
  if (finish === undefined) return;
  // §2.2 documents a URL; the host shape is our check, so only a warning.
  if (typeof finish !== 'string' || !/^https?:\/\/\S+$/i.test(finish)) {
    sink('callbacks.finish', `must be a full web address starting with https:// (or http://), got ${describe(finish)}`);
  } else checkUrl(finish, 'callbacks.finish', (path) => warn(path, `may not be a reachable address: ${describe(finish)}`));
}

function checkCreditCard(value: unknown, sink: Sink, warn: Sink): void {
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
    else
      bins.forEach((b, i) => {
        if (typeof b !== 'string')
          sink(`credit_card.whitelist_bins[${i}]`, `must be text: a card number prefix or a bank name, got ${describe(b)}`);
        else if (!WHITELIST_BIN_PATTERN.test(b))
          warn(`credit_card.whitelist_bins[${i}]`, `is neither a prefix of up to 8 digits nor a bank name: ${describe(b)}`);
      });
  }
  const inst = value.installment;
  if (inst === undefined) return;
  if (!isPlainObject(inst)) {
    sink('credit_card.installment', `must be an object, got ${describe(inst)}`);
    return;
  }
  checkBoolean(inst.required, 'credit_card.installment.required', sink);
  // `disabled` appears only in the sample.
  checkBoolean(inst.disabled, 'credit_card.installment.disabled', warn);
  if (inst.terms === undefined) return;
  if (!isPlainObject(inst.terms)) {
    sink('credit_card.installment.terms', `must map a bank to a list of months, got ${describe(inst.terms)}`);
    return;
  }
  for (const [bank, months] of Object.entries(inst.terms)) {
    const at = `credit_card.installment.terms.${bank}`;
    if (!(INSTALLMENT_BANKS as readonly string[]).includes(bank))
      warn(at, `is not an installment bank the sample names (${INSTALLMENT_BANKS.join(', ')})`);
    if (!Array.isArray(months)) sink(at, `must be a list of months such as [3, 6, 12], got ${describe(months)}`);
    else if (months.length === 0) warn(at, 'lists no months');
    else
      months.forEach((m, i) => {
        if (checkInteger(m, `${at}[${i}]`, sink, -AMOUNT_MAX, AMOUNT_MAX) && (m < 1 || m > 60))
          warn(`${at}[${i}]`, `is ${m} months; we expect 1 to 60`);
      });
  }
}

function checkVa(value: unknown, bank: (typeof VA_BANKS)[number], sink: Sink, warn: Sink): void {
  if (value === undefined) return;
  if (!isPlainObject(value)) {
    sink(bank, `must be an object with va_number, got ${describe(value)}`);
    return;
  }
  const n = value.va_number;
  const max = VA_NUMBER_MAX[bank];
  if (typeof n !== 'string') sink(`${bank}.va_number`, `must be text (the digits of the number), got ${describe(n)}`);
  else if (Array.from(n).length > max) sink(`${bank}.va_number`, `must be at most ${max} characters, got ${Array.from(n).length}`);
  else if (!/^\d+$/.test(n)) warn(`${bank}.va_number`, `is not digits only: ${describe(n)}`);
}
