/**
 * From a friendly invoice (what a sheet row or an n8n form holds) to a valid create request, or the
 * list of what to fix, each problem named by the invoice field the user filled in.
 */
import {
  CUSTOMER_REQUIRED_FIELDS,
  USAGE_LIMIT_DEFAULT,
  VA_BANKS,
  type CARD_CHANNELS,
  type CARD_TYPES,
  type ExpiryUnit,
  type VaBank,
} from './contract';
import { generatePaymentLinkId } from './ids';
import type { RandomBytes } from './ports';
import { normaliseCreateRequest } from './request-policy';
import { checkCreateRequest } from './validate-create-request';
import { describe, type Problem } from './rule-checks';
import type { CreatePaymentLinkRequest, CreditCardOptions, ItemDetail, ValidationIssue } from './types';

export interface InvoiceItem {
  id?: string;
  name: string;
  price: number;
  quantity: number;
  brand?: string;
  category?: string;
  merchantName?: string;
}

export interface InvoiceInput {
  orderId: string;
  /** Whole rupiah. Optional when items are given (then it must equal their total). */
  amount?: number;
  items?: InvoiceItem[];
  customer?: {
    firstName?: string;
    lastName?: string;
    email?: string;
    phone?: string;
    /** Text in Midtrans's email to the customer. */
    notes?: string;
    /** Make the customer fill these in before paying. */
    requiredFields?: (typeof CUSTOMER_REQUIRED_FIELDS)[number][];
  };
  title?: string;
  expiry?: { duration: number; unit: ExpiryUnit; startTime?: string };
  usageLimit?: number;
  paymentMethods?: string[];
  /** A custom link id, or 'generate' (the default) for an unguessable one. */
  paymentLinkId?: string | 'generate';
  customFields?: [string?, string?, string?];
  finishUrl?: string;
  /** The customer types the amount, within these bounds. */
  dynamicAmount?: { min?: number; max?: number; preset?: number };
  creditCard?: {
    secure?: boolean;
    bank?: string;
    channel?: (typeof CARD_CHANNELS)[number];
    type?: (typeof CARD_TYPES)[number];
    allowedBins?: string[];
    installment?: { required?: boolean; terms?: Record<string, number[]> };
  };
  /** Keyed by the bank's short name: `bca` for `bca_va`. */
  vaNumbers?: Partial<Record<VaBankName, string>>;
}

/** `bca_va` → `bca`: the name a user writes for a bank with custom VA numbers. */
type VaBankName = VaBank extends `${infer B}_va` ? B : never;
const VA_BANK_NAMES = VA_BANKS.map((b) => b.slice(0, -'_va'.length));

/** `warnings`: what an inferred rule found; the request is sent anyway (request-policy.ts). */
export type BuildResult =
  { ok: true; request: CreatePaymentLinkRequest; warnings: ValidationIssue[] } | { ok: false; problems: ValidationIssue[] };

/** Request path → the invoice field the user knows, longest prefix first. */
const FIELD_OF_PATH: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^transaction_details\.order_id/, () => 'orderId'],
  [/^transaction_details\.gross_amount/, () => 'amount'],
  [/^transaction_details\.payment_link_id/, () => 'paymentLinkId'],
  [/^item_details\[(\d+)\]\.merchant_name/, (m) => `items[${m[1]}].merchantName`],
  [/^item_details\[(\d+)\]\.(\w+)/, (m) => `items[${m[1]}].${m[2]}`],
  [/^item_details(\[\d+\])?/, (m) => `items${m[1] ?? ''}`],
  [/^customer_details\.first_name/, () => 'customer.firstName'],
  [/^customer_details\.last_name/, () => 'customer.lastName'],
  [/^customer_details\.customer_details_required_fields(\[\d+\])?/, (m) => `customer.requiredFields${m[1] ?? ''}`],
  [/^customer_details\.(\w+)/, (m) => `customer.${m[1]}`],
  [/^customer_details/, () => 'customer'],
  [/^usage_limit/, () => 'usageLimit'],
  [/^expiry\.start_time/, () => 'expiry.startTime'],
  [/^expiry(\.\w+)?/, (m) => `expiry${m[1] ?? ''}`],
  [/^enabled_payments(\[\d+\])?/, (m) => `paymentMethods${m[1] ?? ''}`],
  [/^custom_field(\d)/, (m) => `customFields[${Number(m[1]) - 1}]`],
  [/^callbacks\.finish/, () => 'finishUrl'],
  [/^dynamic_amount\.(min|max|preset)_amount/, (m) => `dynamicAmount.${m[1]}`],
  [/^dynamic_amount/, () => 'dynamicAmount'],
  [/^credit_card\.whitelist_bins(\[\d+\])?/, (m) => `creditCard.allowedBins${m[1] ?? ''}`],
  [/^credit_card(\.[\w.[\]]+)?/, (m) => `creditCard${m[1] ?? ''}`],
  [new RegExp(`^(${VA_BANK_NAMES.join('|')})_va`), (m) => `vaNumbers.${m[1]}`],
];

export function invoiceFieldOf(path: string): string {
  for (const [re, name] of FIELD_OF_PATH) {
    const m = re.exec(path);
    if (m) return name(m);
  }
  return path;
}

function issue(p: Problem): ValidationIssue {
  return { path: p.path, message: `${p.path} ${p.tail}` };
}

/** Builds the request; problems carry invoice field paths (`amount`, `customer.email`, `items[0].price`). */
export function buildCreateRequest(input: InvoiceInput, random: RandomBytes): BuildResult {
  const built = buildInvoiceRequest(input, random);
  return built.problems.length
    ? { ok: false, problems: built.problems.map(issue) }
    : { ok: true, request: built.request, warnings: built.warnings.map(issue) };
}

/** The same, with each problem as an invoice field and a sentence tail, for callers that name fields their own way. */
export function buildInvoiceRequest(
  input: InvoiceInput,
  random: RandomBytes,
): { request: CreatePaymentLinkRequest; problems: Problem[]; warnings: Problem[] } {
  const own: Problem[] = [];
  if (typeof input !== 'object' || input === null) {
    return {
      request: { transaction_details: { order_id: '' } },
      problems: [{ path: 'invoice', tail: `must be an object, got ${describe(input)}` }],
      warnings: [],
    };
  }
  const dynamic = input.dynamicAmount !== undefined;
  // Not a list: handed on as is, so the validator names `item_details` (never a throw here).
  const items = Array.isArray(input.items) ? input.items.map(toItemDetail) : (input.items as ItemDetail[] | undefined);
  let gross = input.amount;
  if (!dynamic && Array.isArray(items) && items.length > 0 && gross === undefined) {
    // Only numbers multiply: an object price (an n8n expression gone wrong) must not throw.
    const lineTotal = (it: ItemDetail) => (typeof it.price === 'number' && typeof it.quantity === 'number' ? it.price * it.quantity : NaN);
    gross = items.reduce((sum, it) => sum + (Number.isFinite(lineTotal(it)) ? lineTotal(it) : NaN), 0);
    if (!Number.isFinite(gross)) gross = undefined;
  }
  if (!dynamic && gross === undefined && (!items || items.length === 0)) {
    own.push({ path: 'amount', tail: 'is required: give an amount, or items with price and quantity' });
  }

  const request: CreatePaymentLinkRequest = {
    transaction_details: { order_id: input.orderId },
    usage_limit: input.usageLimit ?? USAGE_LIMIT_DEFAULT,
  };
  if (!dynamic && gross !== undefined) request.transaction_details.gross_amount = gross;
  const linkId = input.paymentLinkId ?? 'generate';
  request.transaction_details.payment_link_id = linkId === 'generate' ? generatePaymentLinkId(random) : linkId;
  if (dynamic) {
    request.payment_link_type = 'DYNAMIC_AMOUNT';
    const d = input.dynamicAmount ?? {};
    request.dynamic_amount = defined({ min_amount: d.min, max_amount: d.max, preset_amount: d.preset });
  }
  if (items && items.length > 0 && !dynamic) request.item_details = items;
  if (input.customer) {
    const c = input.customer;
    const details = defined({
      first_name: blankToUndefined(c.firstName),
      last_name: blankToUndefined(c.lastName),
      email: blankToUndefined(c.email),
      phone: blankToUndefined(c.phone),
      notes: blankToUndefined(c.notes),
      customer_details_required_fields: c.requiredFields && c.requiredFields.length ? c.requiredFields : undefined,
    });
    if (Object.keys(details).length > 0) request.customer_details = details;
    if (c.requiredFields && c.requiredFields.length) request.customer_required = true;
  }
  if (input.title !== undefined && input.title !== '') request.title = input.title;
  if (input.expiry) {
    request.expiry = defined({ duration: input.expiry.duration, unit: input.expiry.unit, start_time: input.expiry.startTime });
  }
  if (input.paymentMethods && input.paymentMethods.length) request.enabled_payments = input.paymentMethods;
  input.customFields?.forEach((value, i) => {
    if (value !== undefined && value !== '') (request as unknown as Record<string, string>)[`custom_field${i + 1}`] = value;
  });
  if (input.customFields && input.customFields.length > 3) own.push({ path: 'customFields', tail: 'can hold at most 3 fields' });
  if (input.finishUrl) request.callbacks = { finish: input.finishUrl };
  if (input.creditCard) {
    const cc = input.creditCard;
    const card: CreditCardOptions = defined({
      secure: cc.secure,
      bank: cc.bank || undefined,
      channel: cc.channel,
      type: cc.type,
      whitelist_bins: cc.allowedBins && cc.allowedBins.length ? cc.allowedBins : undefined,
      installment: cc.installment ? defined({ required: cc.installment.required, terms: cc.installment.terms }) : undefined,
    });
    if (Object.keys(card).length > 0) request.credit_card = card;
  }
  for (const [bank, number] of Object.entries(input.vaNumbers ?? {})) {
    if (number === undefined || number === '') continue;
    const key = `${bank}_va` as VaBank;
    if (!(VA_BANKS as readonly string[]).includes(key)) {
      own.push({ path: `vaNumbers.${bank}`, tail: `is not a bank with custom VA numbers (${VA_BANK_NAMES.join(', ')})` });
      continue;
    }
    request[key] = { va_number: number };
  }

  const checked = checkCreateRequest(request);
  const named = (p: Problem) => ({ path: invoiceFieldOf(p.path), tail: p.tail });
  return {
    request: normaliseCreateRequest(request),
    problems: [...own, ...checked.problems.map(named)],
    warnings: checked.warnings.map(named),
  };
}

function toItemDetail(item: InvoiceItem): ItemDetail {
  return defined({
    id: item?.id,
    name: item?.name,
    price: item?.price,
    quantity: item?.quantity,
    brand: item?.brand,
    category: item?.category,
    merchant_name: item?.merchantName,
  }) as ItemDetail;
}

function blankToUndefined(v: string | undefined): string | undefined {
  return typeof v === 'string' && v.trim() === '' ? undefined : v;
}

/** Drops undefined values, so the request carries only what the user set. */
function defined<T extends Record<string, unknown>>(o: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return out as T;
}
