/**
 * The WhatsApp column (issue 14.5): written with each new link, a wa.me link naming the customer,
 * amount, title and payment link; a phone that cannot be one gets a reason naming the row and field;
 * the message is the merchant's own from Settings; a sheet without the column pays nothing for it.
 */
import { createHarness, row, TEMPLATE, type Harness } from './harness';

const HEADERS = [...TEMPLATE, 'WhatsApp'];
const wa = (h: Harness) =>
  h
    .rows()
    .slice(1)
    .map((r) => String(r[HEADERS.length - 1] ?? ''));

function sheet(n: number, phone: (i: number) => string): Harness {
  const h = createHarness();
  h.setSheet(
    Array.from({ length: n }, (_, i) =>
      row(
        {
          'Order ID': `W-${String(i).padStart(2, '0')}`,
          Amount: 150000 + i,
          Title: 'Kelas yoga',
          'Customer Name': `Budi ${i}`,
          'Customer Phone': phone(i),
        },
        HEADERS,
      ),
    ),
    HEADERS,
  );
  return h;
}

test('each new link gets a click-to-chat link; bad phones get the reason; rows without a phone stay empty', () => {
  const phones = ['0812-3456-7890', '+62 813 1111 2222', '021 555 1234', ''];
  const h = sheet(4, (i) => phones[i]);
  h.run('generatePaymentLinks');
  const cells = wa(h);
  const link = (i: number) => String(h.cell(i + 2, 'Payment Link'));
  const first = new URL(cells[0]);
  expect(`${first.origin}${first.pathname}`).toBe('https://wa.me/6281234567890');
  expect(first.searchParams.get('text')).toBe(`Hello Budi 0, here is the payment link for Kelas yoga of Rp 150.000: ${link(0)}`);
  expect(cells[1]).toMatch(/^https:\/\/wa\.me\/6281311112222\?text=/);
  expect(cells[2]).toBe(
    'Row 4, Customer Phone: "021 555 1234" is not an Indonesian mobile number (08… with 10 to 13 digits); write it as 08…, +62… or 62…',
  );
  expect(cells[3]).toBe('');
  for (let r = 2; r <= 5; r++) expect(h.env.inspectCell('Invoices', r, HEADERS.length)?.formula ?? '').toBe('');
});

test('the message template from Settings is used; a template without {link} is refused', () => {
  const h = sheet(1, () => '08123456789');
  expect(() => h.run('saveWhatsappTemplate', 'ui', 'Bayar ya {name}')).toThrow(/must contain \{link\}/);
  expect(h.run('saveWhatsappTemplate', 'ui', 'Yth. {name}: {title} {amount} → {link} ({order_id})')).toMatchObject({
    template: 'Yth. {name}: {title} {amount} → {link} ({order_id})',
  });
  expect(h.run('getWhatsappTemplate')).toMatchObject({
    template: 'Yth. {name}: {title} {amount} → {link} ({order_id})',
    defaultTemplate: expect.stringContaining('{link}'),
  });
  h.run('generatePaymentLinks');
  expect(new URL(wa(h)[0]).searchParams.get('text')).toBe(`Yth. Budi 0: Kelas yoga Rp 150.000 → ${h.cell(2, 'Payment Link')} (W-00)`);
});

test('cost per chunk: three calls (the template read, one format, one write) for a chunk of adjacent rows, none without the column', () => {
  const h = sheet(50, () => '0812 0000 1111');
  h.run('generatePaymentLinks');
  const withColumn = h.env.calls.spreadsheetCalls;
  expect(wa(h).every((c) => c.startsWith('https://wa.me/6281200001111?text='))).toBe(true);

  const plain = createHarness();
  plain.setSheet(
    Array.from({ length: 50 }, (_, i) =>
      row({
        'Order ID': `W-${String(i).padStart(2, '0')}`,
        Amount: 150000 + i,
        Title: 'Kelas yoga',
        'Customer Name': `Budi ${i}`,
        'Customer Phone': '0812 0000 1111',
      }),
    ),
  );
  plain.run('generatePaymentLinks');
  // 50 rows = 2 chunks of 25, each with one template read, one format and one write more.
  expect(withColumn - plain.env.calls.spreadsheetCalls).toBe(2 * 3);
});
