/**
 * The page behind payment_url: what the customer sees (title, amount, items, customer fields as the
 * link asks for them) and buttons standing in for the customer's choices (pay with a method, leave it
 * pending, let it expire). Forms post back here; each choice runs through the same code as the
 * control API, so the notifications are the real ones. Midtrans's own page is not documented [inferred
 * look; behaviour from §2.2].
 */
import { PAY_REFUSED } from './invented-messages';
import {
  availability,
  dynamicBounds,
  enabledPaymentsOf,
  fixedAmountOf,
  isDynamic,
  usageLimitOf,
  usageOf,
  type StoredLink,
} from './link-state';
import { html, parseForm } from './http-helpers';
import { isCard } from './payment-methods';
import { SimulatorError } from './purchase-actions';
import type { NotificationBody, PayAction, SimRequest, SimResponse } from './types';

export interface PageHost {
  now: number;
  pay(orderId: string, action: PayAction): NotificationBody;
}

const esc = (s: unknown) =>
  String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
const rupiah = (n: number) => `Rp ${n.toLocaleString('id-ID')}`;

const METHOD_LABELS: Record<string, string> = {
  credit_card: 'Credit/debit card',
  echannel: 'Mandiri Bill',
  permata_va: 'Permata VA',
  bca_va: 'BCA VA',
  bni_va: 'BNI VA',
  bri_va: 'BRI VA',
  cimb_va: 'CIMB VA',
  danamon_va: 'Danamon VA',
  bsi_va: 'BSI VA',
  gopay: 'GoPay',
  shopeepay: 'ShopeePay',
  other_qris: 'QRIS',
  alfamart: 'Alfamart',
  indomaret: 'Indomaret',
  akulaku: 'Akulaku',
  kredivo: 'Kredivo',
};

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>
body{font-family:system-ui,sans-serif;max-width:34rem;margin:2rem auto;padding:0 1rem;color:#1d2733}
.sim{background:#fff4d6;border:1px solid #e6c35c;padding:.4rem .6rem;font-size:.8rem;border-radius:4px}
h1{font-size:1.4rem}.amount{font-size:1.8rem;font-weight:700}table{width:100%;border-collapse:collapse}
td,th{padding:.3rem;border-bottom:1px solid #ddd;text-align:left}label{display:block;margin:.4rem 0}
fieldset{margin:1rem 0;border:1px solid #ccc;border-radius:6px}button{margin:.3rem .3rem 0 0;padding:.5rem .9rem}
.error{color:#a00;font-weight:600}
</style></head><body>
<p class="sim">Midtrans simulator: a local stand-in for Midtrans's payment page. No money moves.</p>
${body}
</body></html>`;
}

function unavailableText(link: StoredLink, state: string): string {
  if (state === 'deleted') return PAY_REFUSED.deleted(link.orderId);
  if (state === 'expired') return PAY_REFUSED.expired(link.orderId);
  return PAY_REFUSED.usedUp(link.orderId, usageLimitOf(link));
}

export function renderPaymentPage(link: StoredLink | undefined, host: PageHost, error?: string): SimResponse {
  if (!link) return html(404, layout('Payment link not found', '<h1>Payment link not found</h1>'));
  const r = link.request;
  const title = r.title ?? 'Payment';
  const state = availability(link, host.now);
  if (state !== 'open') {
    return html(
      410,
      layout(
        title,
        `<h1 id="title">${esc(title)}</h1><p id="unavailable" class="error">This payment link is no longer available.</p><p>${esc(unavailableText(link, state))}</p>`,
      ),
    );
  }
  const items = (r.item_details ?? [])
    .map(
      (it) =>
        `<tr><td>${esc(it.name)}</td><td>${esc(it.quantity)}</td><td>${esc(rupiah(it.price))}</td><td>${esc(rupiah(it.price * it.quantity))}</td></tr>`,
    )
    .join('');
  const dyn = isDynamic(link);
  const bounds = dynamicBounds(link);
  const amountHtml = dyn
    ? `<label>Amount (${esc(rupiah(bounds.min))} – ${esc(rupiah(bounds.max))}) <input id="amount" name="amount" type="number" required min="${bounds.min}" max="${bounds.max}" value="${esc(bounds.preset ?? '')}"></label>`
    : `<p class="amount" id="amount">${esc(rupiah(fixedAmountOf(link)))}</p>`;
  const c = r.customer_details ?? {};
  const requiredFields = r.customer_required ? (c.customer_details_required_fields ?? ['first_name', 'phone', 'email']) : [];
  const customer = (['first_name', 'last_name', 'email', 'phone'] as const)
    .map((f) => {
      const req = (requiredFields as string[]).includes(f);
      return `<label>${esc(f.replace('_', ' '))}${req ? ' *' : ''} <input name="${f}" id="customer-${f}" value="${esc(c[f] ?? '')}"${req ? ' required' : ''}></label>`;
    })
    .join('');
  const methods = enabledPaymentsOf(link)
    .map(
      (m, i) =>
        `<label><input type="radio" name="method" value="${esc(m)}"${i === 0 ? ' checked' : ''}> ${esc(METHOD_LABELS[m] ?? m)}</label>`,
    )
    .join('');
  const body = `<h1 id="title">${esc(title)}</h1>
<p>Order <code id="order-id">${esc(link.orderId)}</code> · paid ${usageOf(link)} of ${usageLimitOf(link)}</p>
${error ? `<p class="error" id="error">${esc(error)}</p>` : ''}
<form method="post" action="/payment-links/${esc(encodeURIComponent(link.paymentLinkId))}/pay">
${amountHtml}
${items ? `<table id="items"><tr><th>Item</th><th>Qty</th><th>Price</th><th>Subtotal</th></tr>${items}</table>` : ''}
<fieldset id="customer"><legend>Customer${r.customer_required ? ' (required)' : ''}</legend>${customer}</fieldset>
<fieldset id="methods"><legend>Payment method</legend>${methods}</fieldset>
<button type="submit" name="choice" value="pay" id="pay">Pay now</button>
<button type="submit" name="choice" value="pending" id="leave-pending">Leave it pending</button>
<button type="submit" name="choice" value="expire" id="let-expire">Let it expire</button>
</form>`;
  return html(200, layout(title, body));
}

/** The steps each button stands for: a card captures at once; other methods go pending, then settle or lapse. */
function stepsFor(choice: string, method: string): PayAction['status'][] {
  if (choice === 'pending') return ['pending'];
  if (choice === 'expire') return ['pending', 'expire'];
  return isCard(method) ? ['capture'] : ['pending', 'settlement'];
}

export function handlePageForm(link: StoredLink | undefined, req: SimRequest, host: PageHost): SimResponse {
  if (!link) return renderPaymentPage(undefined, host);
  const form = parseForm(req);
  const r = link.request;
  const requiredFields = r.customer_required
    ? (r.customer_details?.customer_details_required_fields ?? ['first_name', 'phone', 'email'])
    : [];
  const missing = (requiredFields as string[]).find((f) => !(form[f] ?? '').trim());
  if (missing) return withStatus(renderPaymentPage(link, host, PAY_REFUSED.customerFieldMissing(missing)), 400);
  const method = form.method ?? '';
  const choice = ['pay', 'pending', 'expire'].includes(form.choice) ? form.choice : 'pay';
  const amount = form.amount !== undefined && form.amount !== '' ? Number(form.amount) : undefined;
  const sent: NotificationBody[] = [];
  try {
    for (const status of stepsFor(choice, method)) {
      const transaction_id = sent.length ? (sent[0].transaction_id as string) : undefined;
      sent.push(host.pay(link.orderId, { status, payment_type: method, transaction_id, amount }));
    }
  } catch (e) {
    if (e instanceof SimulatorError) return withStatus(renderPaymentPage(link, host, e.message), e.status);
    throw e;
  }
  const last = sent[sent.length - 1];
  const finish = r.callbacks?.finish;
  // [inferred] Snap appends order_id, status_code and transaction_status to the finish URL.
  const finishUrl = finish
    ? `${finish}${finish.includes('?') ? '&' : '?'}${new URLSearchParams({ order_id: String(last.order_id), status_code: String(last.status_code), transaction_status: String(last.transaction_status) })}`
    : undefined;
  const body = `<h1 id="title">${esc(r.title ?? 'Payment')}</h1>
<p>Transaction status: <strong id="result-status">${esc(last.transaction_status)}</strong></p>
<p>Order <code id="result-order-id">${esc(last.order_id)}</code><br>Transaction <code id="result-transaction-id">${esc(last.transaction_id)}</code></p>
<p>Notifications sent: <span id="result-notifications">${esc(sent.map((n) => n.transaction_status).join(' → '))}</span></p>
${finishUrl ? `<p><a id="finish" href="${esc(finishUrl)}">Back to the merchant</a></p>` : ''}`;
  return html(200, layout(r.title ?? 'Payment', body));
}

function withStatus(res: SimResponse, status: number): SimResponse {
  return { ...res, status };
}
