/** WhatsApp click-to-chat links (issue 14.5): number normalisation and the message. */
import { formatRupiah, normaliseIndonesianPhone, whatsappLink, whatsappLinkForRequest, whatsappMessage } from '../../../core/src/whatsapp';

test.each([
  ['0812-3456-7890', '6281234567890'],
  ['+62 812 3456 7890', '6281234567890'],
  ['62812 3456 789', '628123456789'],
  ['081234567890', '6281234567890'],
  ['81234567890', '6281234567890'],
  ['(0812) 3456.7890', '6281234567890'],
  ['+62 0812 3456 7890', '6281234567890'],
  ['+65 9123 4567', '6591234567'],
])('%j → %s', (raw, digits) => {
  expect(normaliseIndonesianPhone(raw)).toEqual({ ok: true, digits });
});

test.each([
  ['', 'is empty'],
  ['abc', 'is not a phone number'],
  ['0812-ABCD', 'is not a phone number'],
  ['=6281234567890', 'is not a phone number'],
  ['021 555 1234', 'is not an Indonesian mobile number'],
  ['0812', 'is not an Indonesian mobile number'],
  ['08123456789012345', 'is not an Indonesian mobile number'],
  ['+1', 'is not a phone number'],
  ['budi@example.com', 'is not a phone number'],
])('%j is refused with a reason', (raw, why) => {
  const r = normaliseIndonesianPhone(raw);
  expect(r.ok).toBe(false);
  if (!r.ok) {
    expect(r.problem).toContain(why);
    expect(r.problem).toContain(JSON.stringify(raw.trim()));
  }
});

test('rupiah with dots for thousands', () => {
  expect([0, 999, 1000, 150000, 1250000, 9007199254740991].map(formatRupiah)).toEqual([
    'Rp 0',
    'Rp 999',
    'Rp 1.000',
    'Rp 150.000',
    'Rp 1.250.000',
    'Rp 9.007.199.254.740.991',
  ]);
});

test('the message names the customer, amount, title and link; the link is wa.me with the message encoded', () => {
  const input = {
    phone: '0812-3456-7890',
    customerName: 'Budi Santoso',
    amount: 150000,
    title: 'Kelas yoga',
    paymentUrl: 'https://app.midtrans.com/payment-links/abc',
    orderId: 'INV-7',
  };
  expect(whatsappMessage('Halo {name}, {title} {amount}: {link} ({order_id}) {unknown}', input)).toBe(
    'Halo Budi Santoso, Kelas yoga Rp 150.000: https://app.midtrans.com/payment-links/abc (INV-7) {unknown}',
  );
  const link = whatsappLink(input);
  expect(link.ok).toBe(true);
  if (link.ok) {
    const url = new URL(link.url);
    expect(`${url.origin}${url.pathname}`).toBe('https://wa.me/6281234567890');
    expect(url.searchParams.get('text')).toBe(
      'Halo Budi Santoso, berikut tautan pembayaran untuk Kelas yoga sebesar Rp 150.000: https://app.midtrans.com/payment-links/abc',
    );
  }
  expect(whatsappLink({ ...input, phone: 'nope' })).toEqual({
    ok: false,
    problem: '"nope" is not a phone number; write it as 08…, +62… or 62…',
    reason: 'notPhone',
    typed: '"nope"',
  });
  // Without a name or title the message still reads.
  expect(whatsappMessage('', { amount: 5000, paymentUrl: 'u', orderId: 'X' })).toBe(
    'Halo Bapak/Ibu, berikut tautan pembayaran untuk invoice X sebesar Rp 5.000: u',
  );
});

test('a dynamic-amount link (the customer chooses the amount) gets a message that names no amount, never "sebesar Rp 0"', () => {
  const request = {
    transaction_details: { order_id: 'DON-1' },
    dynamic_amount: { min_amount: 10000 },
    customer_details: { first_name: 'Ani', phone: '0812-3456-7890' },
    title: 'Donasi',
  };
  const chat = whatsappLinkForRequest(request, 'https://app.midtrans.com/payment-links/don');
  expect(chat?.ok).toBe(true);
  const text = new URL((chat as { url: string }).url).searchParams.get('text');
  expect(text).toBe('Halo Ani, berikut tautan pembayaran untuk Donasi: https://app.midtrans.com/payment-links/don');
  expect(text).not.toMatch(/Rp|sebesar/);
  // A merchant's own template loses the amount together with the word that introduces it.
  expect(
    whatsappMessage('Hi {name}, pay {title} of {amount} here: {link}', { paymentUrl: 'u', title: 'Donasi', customerName: 'Ani' }),
  ).toBe('Hi Ani, pay Donasi here: u');
  // With a fixed amount the amount is there.
  const fixed = whatsappLinkForRequest(
    { ...request, dynamic_amount: undefined, transaction_details: { order_id: 'DON-2', gross_amount: 25000 } },
    'u',
  );
  expect(new URL((fixed as { url: string }).url).searchParams.get('text')).toContain('sebesar Rp 25.000');
});

test('the fallback words (no name, no title) come from the caller, in its language', () => {
  const words = { noName: 'there', invoice: 'invoice {order_id}', noTitle: 'your order' };
  expect(whatsappMessage('Hello {name}, {title}: {link}', { amount: 1, paymentUrl: 'u', orderId: 'X' }, words)).toBe(
    'Hello there, invoice X: u',
  );
});
