/** The line-item grouping rule (issue 14.4) on plain rows, without a sheet. */
import { groupLineItems, mapHeaders, readInvoiceRow, TEMPLATE_HEADERS, type Cell } from '../../../core/src';

const map = mapHeaders(TEMPLATE_HEADERS);
function line(rowNumber: number, fields: Record<string, Cell>) {
  const cells = TEMPLATE_HEADERS.map((h) => fields[h] ?? '');
  return { reading: readInvoiceRow(cells, map, rowNumber), cells };
}

test('lines sharing an Order ID: one invoice, items in row order, amount the sum, the customer from whichever row states it', () => {
  const { groups, refusals } = groupLineItems(
    [
      line(5, { 'Order ID': 'G', Item: 'B', Quantity: 2, 'Unit Price': 300 }),
      line(2, { 'Order ID': 'G', Item: 'A', Quantity: 1, 'Unit Price': 1000, 'Customer Email': 'a@b.co', Title: 'T' }),
      line(3, { 'Order ID': 'H', Amount: 5 }),
    ],
    map,
  );
  expect(refusals).toEqual([]);
  expect([...groups.keys()]).toEqual(['G']);
  const g = groups.get('G');
  expect(g?.rows).toEqual([2, 5]);
  expect(g?.reading.input).toMatchObject({ orderId: 'G', amount: 1600, title: 'T', customer: { email: 'a@b.co' } });
  expect(g?.reading.input.items?.map((i) => i.name)).toEqual(['A', 'B']);
  expect(g?.reading.rowNumber).toBe(2);
});

test.each([
  ['a row without item columns', [{ Amount: 10 }], undefined],
  ['an identical copy', [{ Item: 'A', Quantity: 1, 'Unit Price': 1000, 'Customer Name': 'Ani', Expiry: '7 days' }], undefined],
  ['a row with its own problem', [{ Item: 'B', Quantity: 'x', 'Unit Price': 5 }], undefined],
  ['a row already linked', [{ Item: 'B', Quantity: 1, 'Unit Price': 5, 'Payment Link': 'https://x' }], undefined],
  [
    'a different customer',
    [{ Item: 'B', Quantity: 1, 'Unit Price': 5, 'Customer Name': 'Budi' }],
    'a different customer (Customer Name, Customer Email or Customer Phone)',
  ],
  ['a different expiry', [{ Item: 'B', Quantity: 1, 'Unit Price': 5, Expiry: '2 days' }], 'a different Expiry'],
])('not one invoice: %s', (_name, others, reason) => {
  const first = line(2, { 'Order ID': 'G', Item: 'A', Quantity: 1, 'Unit Price': 1000, 'Customer Name': 'Ani', Expiry: '7 days' });
  const rest = (others as Record<string, Cell>[]).map((f, i) => line(3 + i, { 'Order ID': 'G', ...f }));
  const { groups, refusals } = groupLineItems([first, ...rest], map);
  expect(groups.size).toBe(0);
  expect(refusals.map((r) => r.reason)).toEqual(reason ? [reason] : []);
  if (reason) expect(refusals[0].rows).toEqual([2, 3]);
});

test('the grouping does not depend on row order (a sort gives the same invoice amount and items set)', () => {
  const rows = [
    line(2, { 'Order ID': 'G', Item: 'A', Quantity: 1, 'Unit Price': 1000 }),
    line(3, { 'Order ID': 'G', Item: 'B', Quantity: 3, 'Unit Price': 7 }),
    line(4, { 'Order ID': 'G', Item: 'C', Quantity: 2, 'Unit Price': 50 }),
  ];
  const a = groupLineItems(rows, map).groups.get('G');
  const b = groupLineItems([...rows].reverse(), map).groups.get('G');
  expect(b?.reading.input.amount).toBe(a?.reading.input.amount);
  expect(b?.reading.input.items).toEqual(a?.reading.input.items);
});

test('a copy stays a copy after a run wrote Error into it (the comparison is on typed cells only)', () => {
  const typed = { 'Order ID': 'G', Item: 'A', Quantity: 1, 'Unit Price': 1000 };
  const { groups } = groupLineItems(
    [
      line(2, { ...typed, Status: 'Error', Note: 'Midtrans failed' }),
      line(3, { ...typed, Status: 'Error', Note: 'Order ID: "G" is also in row 2; give each invoice its own Order ID' }),
    ],
    map,
  );
  expect(groups.size).toBe(0);
});
