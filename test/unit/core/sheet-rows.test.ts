import { randomBytes } from 'crypto';
import fc from 'fast-check';
import { TEMPLATE_HEADERS, buildRowRequest, mapHeaders, parseRupiah, readInvoiceRow, type Cell } from '../../../core/src';
import { createRuleProblems } from '../../../tools/simulator/create-rules';

const random = (n: number) => new Uint8Array(randomBytes(n));

/** A row as an object keyed by header, laid out in the given header order. */
function rowFor(headers: string[], values: Record<string, Cell>): Cell[] {
  return headers.map((h) => values[h] ?? '');
}

describe('header mapping', () => {
  test('finds template columns in any order, case and spacing, and leaves extra columns alone', () => {
    const headers = ['  amount ', 'My own notes', 'ORDER id', 'payment_link', 'Status', 'customer   email'];
    const map = mapHeaders(headers);
    expect(map.problems).toEqual([]);
    expect(map.columns).toEqual({ amount: 0, orderId: 2, paymentLink: 3, status: 4, customerEmail: 5 });
  });

  test('the template has the 16 documented headers in order (the only place the suites write them down)', () => {
    expect(TEMPLATE_HEADERS).toEqual([
      'Order ID',
      'Customer Name',
      'Customer Email',
      'Customer Phone',
      'Item',
      'Quantity',
      'Unit Price',
      'Amount',
      'Title',
      'Expiry',
      'Usage Limit',
      'Payment Methods',
      'Payment Link',
      'Status',
      'Paid At',
      'Note',
    ]);
  });

  test('the template header row maps every column', () => {
    const map = mapHeaders(TEMPLATE_HEADERS);
    expect(Object.keys(map.columns)).toHaveLength(TEMPLATE_HEADERS.length);
  });

  test('missing or duplicated required columns stop the sheet with a message naming them', () => {
    expect(mapHeaders(['Amount', 'Status']).problems.join('\n')).toMatch(/No "Order ID" column[\s\S]*No "Payment Link" column/);
    expect(mapHeaders(['Order ID', 'Payment Link', 'Status']).problems).toEqual([
      'No "Amount" column (or "Quantity" and "Unit Price") in the header row; add one',
    ]);
    expect(mapHeaders(['Order ID', 'Amount', 'Payment Link', 'Status', 'amount']).problems).toEqual([
      'Columns B and E are both "Amount"; rename or remove one',
    ]);
  });
});

describe('reading rows', () => {
  const headers = [...TEMPLATE_HEADERS].reverse();
  const map = mapHeaders(headers);

  test('a full row becomes a valid request, with the link order id in custom_field1', () => {
    const row = rowFor(headers, {
      'Order ID': 'INV-7',
      'Customer Name': 'Siti Nurhaliza Putri',
      'Customer Email': 'siti@example.id',
      'Customer Phone': 81234567890,
      Item: 'Konser',
      Quantity: 2,
      'Unit Price': '75.000',
      Title: 'Tiket konser',
      Expiry: '2 weeks',
      'Usage Limit': 1,
      'Payment Methods': 'BCA VA, gopay, QRIS',
    });
    const reading = readInvoiceRow(row, map, 7);
    expect(reading.problems).toEqual([]);
    const built = buildRowRequest(reading, random);
    if (!built.ok) throw new Error(JSON.stringify(built.problems));
    // Midtrans's documented rules as the simulator reads them, apart from the core (the builder already ran the core's validator).
    expect(createRuleProblems(built.request)).toEqual([]);
    expect(built.request).toMatchObject({
      transaction_details: { order_id: 'INV-7', gross_amount: 150000 },
      item_details: [{ name: 'Konser', price: 75000, quantity: 2 }],
      customer_details: { first_name: 'Siti', last_name: 'Nurhaliza Putri', email: 'siti@example.id', phone: '81234567890' },
      expiry: { duration: 14, unit: 'days' },
      enabled_payments: ['bca_va', 'gopay', 'other_qris'],
      custom_field1: 'INV-7',
    });
  });

  test('only Amount is needed', () => {
    const reading = readInvoiceRow(rowFor(headers, { Amount: 50000 }), map, 2);
    expect(reading).toMatchObject({ orderId: '', hasLink: false, blank: false, problems: [] });
  });

  test.each([
    [{ Amount: 12.5 }, 'Row 7, Amount: 12.5 is not a whole number of rupiah'],
    [{ Amount: '12.5' }, 'Row 7, Amount: "12.5" is not a whole number of rupiah'],
    [{ Amount: 'seratus' }, 'Row 7, Amount: "seratus" is not a whole number of rupiah'],
    [
      { Quantity: 2, 'Unit Price': 1000, Amount: 3000 },
      'Row 7, Amount: 3000 does not equal Quantity × Unit Price (2 × 1000 = 2000); fix one of them or clear Amount',
    ],
    [
      { Amount: 1000, Expiry: 'next tuesday' },
      'Row 7, Expiry: "next tuesday" is not a duration; write e.g. "7 days", "24 hours" or "30 minutes"',
    ],
    [{ Amount: 1000, 'Usage Limit': 'many' }, 'Row 7, Usage Limit: "many" is not a whole number of payments'],
    [{ 'Customer Name': 'Budi' }, 'Row 7, Amount: is empty; give the amount in rupiah (or Quantity and Unit Price)'],
  ])('%j → %s', (values, message) => {
    expect(readInvoiceRow(rowFor(headers, values), map, 7).problems.map((p) => p.message)).toEqual([message]);
  });

  test.each([
    [{ 'Order ID': 'INV 7', Amount: 1000 }, 'Row 9, Order ID: may contain only letters, digits and - _ ~ . (no spaces), got "INV 7"'],
    [{ 'Order ID': 'A', Amount: 1000, Title: 'x'.repeat(41) }, 'Row 9, Title: must be at most 40 characters, got 41'],
  ])('rules from the core name the row and column: %j', (values, message) => {
    const reading = readInvoiceRow(rowFor(headers, values), map, 9);
    const built = buildRowRequest(reading, random);
    expect(!built.ok && built.problems.map((p) => p.message)).toEqual([message]);
  });

  test.each([
    [{ 'Order ID': 'A', Amount: 1000, 'Customer Email': 'siti@' }, 'Row 9, Customer Email: does not look like name@example.com: "siti@"'],
    [
      { 'Order ID': 'A', Amount: 1000, 'Payment Methods': 'bitcoin' },
      'Row 9, Payment Methods: "bitcoin" is not in Midtrans\'s published lists; Midtrans decides whether it is accepted',
    ],
    [{ 'Order ID': 'A', Amount: 0 }, 'Row 9, Amount: is 0; Midtrans may refuse it (we expect at least 1)'],
  ])('an inferred rule never blocks a row: the link is built and the warning names the row and column: %j', (values, message) => {
    const reading = readInvoiceRow(rowFor(headers, values), map, 9);
    const built = buildRowRequest(reading, random);
    expect(built.ok && built.warnings.map((p) => p.message)).toEqual([message]);
  });

  test('the newer Snap channels are read from their everyday names', () => {
    const reading = readInvoiceRow(
      rowFor(headers, { 'Order ID': 'A', Amount: 1000, 'Payment Methods': 'SeaBank, Saqu, DANA, OVO, Google Pay' }),
      map,
      9,
    );
    const built = buildRowRequest(reading, random);
    expect(built.ok && built.request.enabled_payments).toEqual(['seabank_va', 'saqu_va', 'dana', 'ovo', 'google_pay']);
    expect(built.ok && built.warnings).toEqual([]);
  });

  test('blank rows are recognised; a row with a link is marked', () => {
    expect(readInvoiceRow(rowFor(headers, {}), map, 3).blank).toBe(true);
    expect(readInvoiceRow(rowFor(headers, { Amount: 1, 'Payment Link': 'https://x' }), map, 3).hasLink).toBe(true);
  });

  test('rupiah text: plain, Indonesian and English thousands, Rp prefix; mixed separators rejected', () => {
    expect(parseRupiah('150000').value).toBe(150000);
    expect(parseRupiah('Rp 150.000').value).toBe(150000);
    expect(parseRupiah('IDR 1,500,000').value).toBe(1500000);
    expect(parseRupiah('1.500,000').problem).toBeDefined();
    expect(parseRupiah('1.50').problem).toBeDefined();
  });

  test('any cell values, in any row, read without throwing', () => {
    const cell = fc.oneof(fc.string(), fc.double(), fc.integer(), fc.boolean(), fc.date(), fc.constant(''), fc.constant(null));
    fc.assert(
      fc.property(fc.array(cell, { minLength: headers.length, maxLength: headers.length }), (row) => {
        const reading = readInvoiceRow(row as Cell[], map, 2);
        if (reading.problems.length === 0 && reading.orderId) buildRowRequest(reading, random);
        return reading.problems.every((p) => p.message.startsWith('Row 2, '));
      }),
      { numRuns: 500 },
    );
  });
});
