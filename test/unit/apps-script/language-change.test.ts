/**
 * Changing language keeps a sheet working (issue 21.2): an English sheet keeps its headers and is
 * read after the switch to Bahasa; the next Refresh rewrites its Status words; which links Refresh
 * asks Midtrans about still comes from the stored state (a paid link is not asked again once its cell
 * reads the new word). And the locale trap (21.4) is asked about, naming the rows, before anything is sent.
 */
import { createHarness, pay, row, TEMPLATE } from './harness';

const getsOf = (h: ReturnType<typeof createHarness>) => h.env.fetches.filter((f) => f.method.toLowerCase() === 'get').length;

test('an English sheet after a switch to Bahasa: headers still read, Status rewritten on the next Refresh, polling decided by stored state', () => {
  const h = createHarness();
  h.setSheet([row({ 'Order ID': 'L-1', Amount: 10000 }), row({ 'Order ID': 'L-2', Amount: 20000 })]);
  h.run('generatePaymentLinks');
  h.post(pay(h.sim, 'L-1', 'settlement'));
  h.run('refreshStatuses');
  expect([h.cell(2, 'Status'), h.cell(3, 'Status')]).toEqual(['Paid', 'Link created']);
  // English steady state: only the open link is asked.
  let before = getsOf(h);
  h.run('refreshStatuses');
  expect(getsOf(h) - before).toBe(1);

  h.run('saveSettings', 'ui', { environment: 'sandbox', baseUrl: 'https://api.sandbox.midtrans.com', language: 'id' });
  before = getsOf(h);
  h.run('refreshStatuses');
  // The cell reads an English word the store does not format to in Bahasa: asked once and rewritten.
  expect(getsOf(h) - before).toBe(2);
  expect(h.rows()[0]).toEqual(TEMPLATE);
  expect([h.cell(2, 'Status'), h.cell(3, 'Status')]).toEqual(['Lunas', 'Tautan dibuat']);
  expect(h.env.ui.alerts.at(-1)?.prompt).toBe('2 tautan diperiksa ke Midtrans.');
  // Steady again: the paid link is left to its re-check cadence, as in English.
  before = getsOf(h);
  h.run('refreshStatuses');
  expect(getsOf(h) - before).toBe(1);
  // A notification after the switch writes the new words into the English sheet.
  h.post(pay(h.sim, 'L-2', 'pending'));
  expect(h.cell(3, 'Status')).toBe('Menunggu pembayaran');
});

test('150.000 typed in an en-US sheet is stored as 150: the merchant is asked, naming the row and the locale, and No sends nothing', () => {
  const h = createHarness({ emulator: { spreadsheetLocale: 'en_US' } });
  // What Sheets stores when "150.000" is typed into a number cell under en_US.
  h.setSheet([
    row({ 'Order ID': 'T-1', Amount: 150 }),
    row({ 'Order ID': 'T-2', Amount: 150000 }),
    row({ 'Order ID': 'T-3', Quantity: 3, 'Unit Price': 75 }),
  ]);
  h.env.ui.responses.push({ button: 'NO' });
  h.run('generatePaymentLinks');
  const [question, answer] = h.env.ui.alerts.slice(-2);
  expect(question.buttons).toBe('YES_NO');
  expect(question.prompt).toContain('In this spreadsheet\'s locale (en_US) "150.000" means Rp 150, not Rp 150.000');
  expect(question.prompt).toContain('Row 2, Amount: shows "150", so Midtrans would bill Rp 150');
  expect(question.prompt).toContain('Row 4, Unit Price: shows "75", so Midtrans would bill Rp 225');
  expect(question.prompt).not.toContain('Row 3');
  expect(answer.prompt).toBe('Nothing was sent. Fix the amounts in row 2, row 4 (e.g. type 150000), then Generate again.');
  expect(h.sim.stats().createCallsByOrderId).toEqual({});
  expect(h.cell(2, 'Status')).toBe('');
  // Yes sends them as they are.
  h.run('generatePaymentLinks');
  expect(h.cell(2, 'Status')).toBe('Link created');
  expect(h.cell(4, 'Amount')).toBe('Rp 225');
});

test('the template types amounts, prices and phones as text, so 150.000 and 0812… stay what was typed', () => {
  const h = createHarness();
  h.run('insertInvoiceTemplate');
  h.env.untracked(() => {
    const sheet = h.env.spreadsheet.getSheetByName('Invoices') as GoogleAppsScript.Spreadsheet.Sheet;
    sheet.getRange(2, TEMPLATE.indexOf('Amount') + 1).setValue('150.000');
    sheet.getRange(2, TEMPLATE.indexOf('Customer Phone') + 1).setValue('081234567890');
    sheet.getRange(2, TEMPLATE.indexOf('Order ID') + 1).setValue('TX-1');
  });
  expect(h.cell(2, 'Amount')).toBe('150.000');
  expect(h.cell(2, 'Customer Phone')).toBe('081234567890');
  h.run('generatePaymentLinks');
  expect(h.env.ui.alerts.at(-1)?.prompt).toBe('1 link ready.');
  expect(h.sim.stats().createCallsByOrderId).toEqual({ 'TX-1': 1 });
});
