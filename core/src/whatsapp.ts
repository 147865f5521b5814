/**
 * WhatsApp click-to-chat links for a payment link: `https://wa.me/<number>?text=<message>`, the
 * number in international form without `+` (WhatsApp's documented click-to-chat format,
 * https://faq.whatsapp.com/5913398998672934). Indonesian numbers are typed many ways (`0812-3456-7890`,
 * `+62 812 3456 7890`, `62812…`, or `812…` when a number cell dropped the leading zero); all become
 * `62812…`. Anything that cannot be a mobile number is refused with a reason, never turned into a
 * broken link.
 */
import type { CreatePaymentLinkRequest } from './types';

export type PhoneProblem = 'empty' | 'notPhone' | 'notMobile';
/** A refusal carries English text and, for a front end's own words, a code and the number as typed (quoted, shortened). */
export type PhoneReading = { ok: true; digits: string } | { ok: false; problem: string; reason: PhoneProblem; typed: string };

const SEPARATORS = /[\s\-.()/]/g;

/**
 * Indonesian mobile numbers: `8` then 8 to 11 more digits after the country code [inferred from the
 * numbering plan: mobile prefixes 08xx, 10 to 13 digits with the leading 0]. Other countries, typed
 * with `+` and their code, pass when E.164-shaped (8 to 15 digits).
 */
export function normaliseIndonesianPhone(raw: string): PhoneReading {
  const typed = raw.trim();
  const quoted = JSON.stringify(typed.length > 40 ? `${typed.slice(0, 40)}…` : typed);
  const refuse = (why: string, reason: PhoneProblem = 'notPhone'): PhoneReading => ({
    ok: false,
    problem: `${quoted} ${why}; write it as 08…, +62… or 62…`,
    reason,
    typed: quoted,
  });
  if (typed === '') return refuse('is empty', 'empty');
  const compact = typed.replace(SEPARATORS, '');
  if (!/^\+?\d+$/.test(compact)) return refuse('is not a phone number');
  let national: string;
  if (compact.startsWith('+62')) national = compact.slice(3);
  else if (compact.startsWith('+')) {
    const digits = compact.slice(1);
    return digits.length >= 8 && digits.length <= 15 ? { ok: true, digits } : refuse('is not a phone number');
  } else if (compact.startsWith('62')) national = compact.slice(2);
  else if (compact.startsWith('0')) national = compact.slice(1);
  else national = compact;
  national = national.replace(/^0/, '');
  if (!/^8\d{8,11}$/.test(national)) return refuse('is not an Indonesian mobile number (08… with 10 to 13 digits)', 'notMobile');
  return { ok: true, digits: `62${national}` };
}

/** Whole rupiah the Indonesian way: `Rp 1.250.000`. */
export function formatRupiah(amount: number): string {
  const sign = amount < 0 ? '-' : '';
  const digits = String(Math.abs(Math.trunc(amount)));
  return `${sign}Rp ${digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.')}`;
}

/** The message when the merchant has not written their own; placeholders in braces. */
export const DEFAULT_WHATSAPP_TEMPLATE = 'Halo {name}, berikut tautan pembayaran untuk {title} sebesar {amount}: {link}';

export interface ChatInput {
  phone: string;
  customerName?: string;
  /** Undefined for a dynamic-amount link: the customer chooses the amount, so the message names none. */
  amount?: number;
  title?: string;
  paymentUrl: string;
  orderId?: string;
}

/**
 * The words a message falls back on when the row has no name or title; a front end passes its own
 * language's. Placeholders: `{order_id}` in `invoice`.
 */
export interface ChatWords {
  noName: string;
  invoice: string;
  noTitle: string;
}

const DEFAULT_CHAT_WORDS: ChatWords = { noName: 'Bapak/Ibu', invoice: 'invoice {order_id}', noTitle: 'pesanan Anda' };

/**
 * `{name}`, `{amount}`, `{title}`, `{link}` and `{order_id}` filled in; an unknown `{word}` stays as
 * typed, so a template typo shows in the message instead of vanishing. With no amount (a dynamic-amount
 * link) `{amount}` goes together with the word before it (`sebesar {amount}`, `of {amount}`), so the
 * customer never reads "Rp 0".
 */
export function whatsappMessage(template: string, input: Omit<ChatInput, 'phone'>, words: ChatWords = DEFAULT_CHAT_WORDS): string {
  const values: Record<string, string> = {
    name: input.customerName?.trim() || words.noName,
    title: input.title?.trim() || (input.orderId ? words.invoice.replace(/\{order_id\}/g, input.orderId) : words.noTitle),
    link: input.paymentUrl,
    order_id: input.orderId ?? '',
  };
  let text = template.trim() || DEFAULT_WHATSAPP_TEMPLATE;
  if (input.amount === undefined) text = text.replace(/\s*[^\s{}]*\s*\{amount\}/gi, '');
  else values.amount = formatRupiah(input.amount);
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => values[key.toLowerCase()] ?? whole);
}

export type ChatLink = { ok: true; url: string } | Extract<PhoneReading, { ok: false }>;

export function whatsappLink(input: ChatInput, template = DEFAULT_WHATSAPP_TEMPLATE, words?: ChatWords): ChatLink {
  const phone = normaliseIndonesianPhone(input.phone);
  if (!phone.ok) return phone;
  return { ok: true, url: `https://wa.me/${phone.digits}?text=${encodeURIComponent(whatsappMessage(template, input, words))}` };
}

/**
 * The chat link for a create request and the payment_url Midtrans answered with: the customer, amount
 * and title as the request sent them. Undefined when the request names no phone.
 */
export function whatsappLinkForRequest(
  request: CreatePaymentLinkRequest,
  paymentUrl: string,
  template?: string,
  words?: ChatWords,
): ChatLink | undefined {
  const c = request.customer_details;
  if (typeof c?.phone !== 'string' || c.phone.trim() === '') return undefined;
  return whatsappLink(
    {
      phone: c.phone,
      customerName: [c.first_name, c.last_name].filter(Boolean).join(' '),
      amount: request.dynamic_amount ? undefined : request.transaction_details.gross_amount,
      title: request.title,
      paymentUrl,
      orderId: request.transaction_details.order_id,
    },
    template || undefined,
    words,
  );
}
