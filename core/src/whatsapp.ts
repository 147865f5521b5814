/**
 * WhatsApp click-to-chat links for a payment link: `https://wa.me/<number>?text=<message>`, the
 * number in international form without `+` (WhatsApp's documented click-to-chat format,
 * https://faq.whatsapp.com/5913398998672934). Indonesian numbers are typed many ways (`0812-3456-7890`,
 * `+62 812 3456 7890`, `62812…`, or `812…` when a number cell dropped the leading zero); all become
 * `62812…`. Anything that cannot be a mobile number is refused with a reason, never turned into a
 * broken link.
 */
import type { CreatePaymentLinkRequest } from './types';

export type PhoneReading = { ok: true; digits: string } | { ok: false; problem: string };

const SEPARATORS = /[\s\-.()/]/g;

/**
 * Indonesian mobile numbers: `8` then 8 to 11 more digits after the country code [inferred from the
 * numbering plan: mobile prefixes 08xx, 10 to 13 digits with the leading 0]. Other countries, typed
 * with `+` and their code, pass when E.164-shaped (8 to 15 digits).
 */
export function normaliseIndonesianPhone(raw: string): PhoneReading {
  const typed = raw.trim();
  const quoted = JSON.stringify(typed.length > 40 ? `${typed.slice(0, 40)}…` : typed);
  const refuse = (why: string): PhoneReading => ({ ok: false, problem: `${quoted} ${why}; write it as 08…, +62… or 62…` });
  if (typed === '') return refuse('is empty');
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
  if (!/^8\d{8,11}$/.test(national)) return refuse('is not an Indonesian mobile number (08… with 10 to 13 digits)');
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
  amount: number;
  title?: string;
  paymentUrl: string;
  orderId?: string;
}

/**
 * `{name}`, `{amount}`, `{title}`, `{link}` and `{order_id}` filled in; an unknown `{word}` stays as
 * typed, so a template typo shows in the message instead of vanishing.
 */
export function whatsappMessage(template: string, input: Omit<ChatInput, 'phone'>): string {
  const values: Record<string, string> = {
    name: input.customerName?.trim() || 'Bapak/Ibu',
    amount: formatRupiah(input.amount),
    title: input.title?.trim() || (input.orderId ? `invoice ${input.orderId}` : 'pesanan Anda'),
    link: input.paymentUrl,
    order_id: input.orderId ?? '',
  };
  return (template.trim() || DEFAULT_WHATSAPP_TEMPLATE).replace(/\{(\w+)\}/g, (whole, key: string) => values[key.toLowerCase()] ?? whole);
}

export type ChatLink = { ok: true; url: string } | { ok: false; problem: string };

export function whatsappLink(input: ChatInput, template = DEFAULT_WHATSAPP_TEMPLATE): ChatLink {
  const phone = normaliseIndonesianPhone(input.phone);
  if (!phone.ok) return phone;
  return { ok: true, url: `https://wa.me/${phone.digits}?text=${encodeURIComponent(whatsappMessage(template, input))}` };
}

/**
 * The chat link for a create request and the payment_url Midtrans answered with: the customer, amount
 * and title as the request sent them. Undefined when the request names no phone.
 */
export function whatsappLinkForRequest(request: CreatePaymentLinkRequest, paymentUrl: string, template?: string): ChatLink | undefined {
  const c = request.customer_details;
  if (typeof c?.phone !== 'string' || c.phone.trim() === '') return undefined;
  return whatsappLink({
    phone: c.phone,
    customerName: [c.first_name, c.last_name].filter(Boolean).join(' '),
    amount: request.transaction_details.gross_amount ?? 0,
    title: request.title,
    paymentUrl,
    orderId: request.transaction_details.order_id,
  }, template || undefined);
}
