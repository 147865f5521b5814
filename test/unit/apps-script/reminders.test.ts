/**
 * Payment reminders (issue 23) in the built add-on, emulator + simulator: the menu's confirmation, one
 * reminder per offset, paid rows skipped at send time, WhatsApp links in the Reminders sheet, Notes for
 * unusable cells, the No Reminders column and the global switch, the daily trigger, the email quota.
 */
import fs from 'fs';
import path from 'path';
import { SCOPE } from '../../../tools/apps-script-emulator';
import { createHarness, row, TEMPLATE, type Harness } from './harness';

const HEAD = [...TEMPLATE, 'Due Date', 'No Reminders'];
const DAY = 86_400_000;
const when = (body: string) => /(due [a-z0-9 ]+|\d+ days? overdue) \(/.exec(body)?.[1];

/** The add-on as installed: granted the scopes its manifest lists (script.send_mail among them). */
function harness(extra: Parameters<typeof createHarness>[0] = {}): Harness {
  return createHarness(extra);
}

function invoice(id: string, fields: Record<string, unknown>): unknown[] {
  return row({ 'Order ID': id, Amount: '1500000', 'Customer Name': `Budi ${id}`, Title: `Invoice ${id}`, ...fields }, HEAD);
}

function setUp(h: Harness, rows: unknown[][], settings: Record<string, unknown> = { enabled: true }): void {
  h.setSheet(rows, HEAD);
  h.run('generatePaymentLinks');
  h.run('saveReminderSettings', 'ui', settings);
}

function reminders(h: Harness): Record<string, string>[] {
  const [head, ...rows] = h.env.sheetValues('Reminders').map((r) => r.map(String));
  return rows.filter((r) => r.some((c) => c !== '')).map((r) => Object.fromEntries(head.map((k, i) => [k, r[i]])));
}

test('the menu asks first, naming how many go out and to whom, then emails only the unpaid row', () => {
  const h = harness();
  // Started 2026-11-27 10:00 WIB: due 2026-11-30 is 3 days away (offset -3).
  setUp(h, [
    invoice('R-1', { 'Customer Email': 'budi1@example.com', 'Due Date': '2026-11-30' }),
    invoice('R-2', { 'Customer Email': 'budi2@example.com', 'Due Date': '30/11/2026' }),
  ]);
  h.sim.pay('R-2', { status: 'settlement', payment_type: 'qris' });
  h.run('sendPaymentReminders');
  const [ask, report] = h.env.ui.alerts.slice(-2);
  expect(ask.buttons).toBe('YES_NO');
  expect(ask.prompt).toContain('By email (2): Budi R-1 (budi1@example.com), Budi R-2 (budi2@example.com).');
  expect(h.env.outbox.map((m) => m.to[0])).toEqual(['budi1@example.com']);
  const mail = h.env.outbox[0];
  expect(mail.subject).toBe('Payment reminder: Invoice R-1');
  expect(mail.body).toContain('Invoice R-1 for Rp 1.500.000 is due in 3 days (30 November 2026, WIB)');
  expect(mail.body).toContain(String(h.cell(h.rowOf('R-1'), 'Payment Link')));
  expect(report.prompt).toContain('Email reminders sent: 1.');
  expect(report.prompt).toContain('Skipped because Midtrans shows them paid');
  expect(reminders(h)).toEqual([
    expect.objectContaining({ 'Order ID': 'R-1', Channel: 'Email', Offset: '-3', 'Due Date': '2026-11-30', Status: 'Sent' }),
  ]);
  const rows = h.env.sheetValues('Invoices');
  const head = rows[0].map(String);
  expect(rows[h.rowOf('R-1') - 1][head.indexOf('Reminders')]).toBe('1');
  expect(String(rows[h.rowOf('R-1') - 1][head.indexOf('Last Reminder')])).toMatch(/^2026-11-27 \d\d:\d\d · 3 days before · Email$/);
});

test('reminders follow only the Status Midtrans signed or confirmed: a pending notification edited to settlement (signature intact) leaves its customer reminded; a confirmed payment stops the other', () => {
  const h = harness();
  setUp(h, [
    invoice('T-1', { 'Customer Email': 't1@example.com', 'Due Date': '2026-11-27' }),
    invoice('T-2', { 'Customer Email': 't2@example.com', 'Due Date': '2026-11-27' }),
  ]);
  const pending = h.sim.pay('T-1', { status: 'pending', payment_type: 'bank_transfer' });
  expect(h.post(pending).ok).toBe(true);
  expect(h.post({ ...pending, transaction_status: 'settlement' }).ok).toBe(false);
  expect(h.cell(h.rowOf('T-1'), 'Status')).toBe('Pending');
  expect(h.post(h.sim.pay('T-2', { status: 'settlement', payment_type: 'qris' }))).toEqual({ ok: true, result: 'updated' });
  expect(h.cell(h.rowOf('T-2'), 'Status')).toBe('Paid');
  h.run('sendPaymentReminders');
  expect(h.env.outbox.map((m) => m.to[0])).toEqual(['t1@example.com']);
});

test('a merchant whose Google language is Bahasa Indonesia reads the confirmation, the report and a Note from the catalogue in Bahasa', () => {
  const h = harness();
  h.env.setUserLocale('id');
  setUp(h, [
    invoice('B-1', { 'Customer Email': 'b@example.com', 'Due Date': '2026-11-27' }),
    invoice('B-2', { 'Customer Email': 'c@example.com', 'Due Date': 'besok' }),
  ]);
  h.run('sendPaymentReminders');
  const [ask, report] = h.env.ui.alerts.slice(-2);
  expect(ask.prompt).toMatch(/^Kirim pengingat pembayaran sekarang\?/);
  expect(ask.prompt).toContain('Lewat email (1): Budi B-1 (b@example.com).');
  expect(report.prompt).toContain('Pengingat email terkirim: 1.');
  expect(h.cell(h.rowOf('B-2'), 'Note')).toMatch(/^Due Date \([A-Z]+3\): "besok" bukan tanggal/);
  const head = h.env.sheetValues('Invoices')[0].map(String);
  expect(head.slice(-2)).toEqual(['Pengingat Terakhir', 'Jumlah Pengingat']);
  // Until Settings chooses the customer's language, it is the merchant's.
  expect(h.env.outbox[0].body).toContain('Invoice B-1 sebesar Rp 1.500.000 jatuh tempo hari ini (27 November 2026, WIB)');
});

test('answering No sends nothing', () => {
  const h = harness();
  setUp(h, [invoice('N-1', { 'Customer Email': 'n@example.com', 'Due Date': '2026-11-27' })]);
  h.env.ui.responses.push({ button: 'NO' });
  h.run('sendPaymentReminders');
  expect(h.env.outbox).toHaveLength(0);
  expect(h.env.ui.alerts.at(-1)?.prompt).toBe('No reminder was sent.');
});

test('an offset is sent once: the next run the same day and the next day send nothing; a week later only the latest passed offset (+7) goes, +3 superseded', () => {
  const h = harness();
  setUp(h, [invoice('O-1', { 'Customer Email': 'o@example.com', 'Due Date': '2026-11-27', Expiry: '30 days' })]);
  h.run('sendPaymentReminders');
  h.run('sendPaymentReminders');
  h.env.advanceClock(DAY);
  h.env.newDay();
  h.run('sendPaymentReminders');
  expect(h.env.outbox.map((m) => when(m.body))).toEqual(['due today']);
  h.env.advanceClock(6 * DAY);
  h.run('sendPaymentReminders');
  expect(h.env.outbox.map((m) => when(m.body))).toEqual(['due today', '7 days overdue']);
  expect(reminders(h).map((r) => r.Offset)).toEqual(['0', '+7']);
});

test('WhatsApp: a row with only a phone gets a click-to-chat link with the message written, counted once marked sent', () => {
  const h = harness();
  setUp(h, [invoice('W-1', { 'Customer Phone': '0812-3456-7890', 'Due Date': '2026-11-28' })]);
  h.run('sendPaymentReminders');
  expect(h.env.outbox).toHaveLength(0);
  const [line] = reminders(h);
  expect(line).toMatchObject({ Channel: 'WhatsApp', Status: 'To send', Offset: '-1' });
  expect(line['WhatsApp Link']).toMatch(/^https:\/\/wa\.me\/6281234567890\?text=/);
  expect(decodeURIComponent(line['WhatsApp Link'].split('text=')[1])).toContain('is due tomorrow (28 November 2026, WIB)');
  // A second run does not prepare it again.
  h.run('sendPaymentReminders');
  expect(reminders(h)).toHaveLength(1);
  h.env.untracked(() => {
    const sheet = h.env.spreadsheet.getSheetByName('Reminders');
    if (!sheet) throw new Error('no Reminders sheet');
    h.env.spreadsheet.setActiveSheet(sheet);
    h.env.spreadsheet.setActiveRange(sheet.getRange('A2:I2'));
  });
  h.run('markRemindersSent');
  expect(h.env.ui.alerts.at(-1)?.prompt).toBe('WhatsApp reminders marked sent: 1.');
  expect(reminders(h)[0].Status).toBe('Sent');
});

test('a Due Date that is not a date gets a Note naming the cell, a bad email a Note too, and the other rows go on', () => {
  const h = harness();
  setUp(h, [
    invoice('B-1', { 'Customer Email': 'b1@example.com', 'Due Date': 'next week' }),
    invoice('B-2', { 'Customer Email': 'b2@example.com', 'Due Date': '2026-11-27' }),
    invoice('B-3', { 'Customer Email': 'b3@example.com', 'Due Date': '2026-11-27' }),
  ]);
  // Edited after the link was made: Midtrans would have refused it at creation.
  h.env.untracked(() =>
    h.env.spreadsheet
      .getSheetByName('Invoices')
      ?.getRange(h.rowOf('B-2'), HEAD.indexOf('Customer Email') + 1)
      .setValue('b2@example'),
  );
  h.run('sendPaymentReminders');
  const dueCol = String.fromCharCode(65 + HEAD.indexOf('Due Date'));
  expect(h.cell(h.rowOf('B-1'), 'Note')).toBe(
    `Due Date (${dueCol}2): "next week" is not a date; write it as 31/12/2026 or 2026-12-31. No reminder was sent.`,
  );
  expect(h.cell(h.rowOf('B-2'), 'Note')).toBe('Customer Email (C3): "b2@example" cannot get a reminder (not an email address).');
  expect(h.env.outbox.map((m) => m.to[0])).toEqual(['b3@example.com']);
});

test('No Reminders on a row, or the global switch off, sends nothing', () => {
  const h = harness();
  setUp(
    h,
    [
      invoice('X-1', { 'Customer Email': 'x1@example.com', 'Due Date': '2026-11-27', 'No Reminders': 'yes' }),
      invoice('X-2', { 'Customer Email': 'x2@example.com', 'Due Date': '2026-11-27' }),
    ],
    { enabled: false },
  );
  h.run('sendPaymentReminders');
  expect(h.env.ui.alerts.at(-1)?.prompt).toBe('Reminders are switched off: turn them on in Midtrans ▸ Settings (Reminders).');
  expect(h.env.outbox).toHaveLength(0);
  h.run('saveReminderSettings', 'ui', { enabled: true });
  h.run('sendPaymentReminders');
  expect(h.env.outbox.map((m) => m.to[0])).toEqual(['x2@example.com']);
});

test('without a Due Date the link’s expiry is the due date', () => {
  const h = harness();
  setUp(h, [row({ 'Order ID': 'E-1', Amount: '50000', 'Customer Email': 'e@example.com', Expiry: '1 days' })]);
  h.run('sendPaymentReminders');
  expect(h.env.outbox.map((m) => when(m.body))).toEqual(['due tomorrow']);
});

test('over the email quota: the oldest due go first and the rest are carried to the next day, none lost', () => {
  const h = harness({ emulator: { dailyQuota: { email: 2 } } });
  setUp(
    h,
    [
      invoice('Q-1', { 'Customer Email': 'q1@example.com', 'Due Date': '2026-11-27' }),
      invoice('Q-2', { 'Customer Email': 'q2@example.com', 'Due Date': '2026-11-20' }),
      invoice('Q-3', { 'Customer Email': 'q3@example.com', 'Due Date': '2026-11-28' }),
    ],
    { enabled: true, offsets: '-1, 0, +7' },
  );
  h.run('sendPaymentReminders');
  // All three fall due today (+7, 0, -1): the oldest due date goes first.
  expect(h.env.outbox.map((m) => m.to[0])).toEqual(['q2@example.com', 'q1@example.com']);
  expect(h.env.ui.alerts.at(-1)?.prompt).toContain(
    'Carried to the next run because today’s email quota is used up (oldest due go first): 1.',
  );
  h.env.newDay();
  h.env.advanceClock(DAY);
  h.run('sendPaymentReminders');
  expect(h.env.outbox.map((m) => m.to[0])).toEqual(['q2@example.com', 'q1@example.com', 'q3@example.com']);
});

test('the daily trigger is off until switched on, then runs without asking', () => {
  const h = harness();
  setUp(h, [invoice('T-1', { 'Customer Email': 't@example.com', 'Due Date': '2026-11-28' })]);
  expect(h.env.triggers.filter((t) => t.handlerFunction === 'sendPaymentReminders')).toHaveLength(0);
  h.run('setDailyReminderRun', 'ui', true);
  expect(h.env.triggers.filter((t) => t.handlerFunction === 'sendPaymentReminders')).toEqual([expect.objectContaining({ everyMs: DAY })]);
  h.env.advanceClock(DAY);
  const alerts = h.env.ui.alerts.length;
  h.env.runDueTriggers(h.fns);
  expect(h.env.ui.alerts.length).toBe(alerts);
  expect(h.env.outbox.map((m) => m.to[0])).toEqual(['t@example.com']);
});

test('without the script.send_mail scope the run says what permission is missing and records nothing as sent', () => {
  const shipped = (
    JSON.parse(fs.readFileSync(path.join(__dirname, '../../../apps-script/appsscript.json'), 'utf8')) as { oauthScopes: string[] }
  ).oauthScopes;
  expect(shipped).toContain(SCOPE.sendMail);
  const h = createHarness({ emulator: { oauthScopes: shipped.filter((s) => s !== SCOPE.sendMail) } });
  setUp(h, [invoice('P-1', { 'Customer Email': 'p@example.com', 'Due Date': '2026-11-27' })]);
  h.run('sendPaymentReminders');
  expect(h.env.ui.alerts.at(-1)?.prompt).toMatch(/^Email reminders need permission to send email as you.*script\.send_mail/);
  expect(h.env.outbox).toHaveLength(0);
});

test('Bahasa Indonesia: the customer’s message in Indonesian when chosen in Settings', () => {
  const h = harness();
  setUp(h, [invoice('I-1', { 'Customer Email': 'i@example.com', 'Due Date': '2026-12-02' })], { enabled: true, language: 'id' });
  h.env.advanceClock(2 * DAY);
  h.run('sendPaymentReminders');
  expect(h.env.outbox[0].subject).toBe('Pengingat pembayaran: Invoice I-1');
  expect(h.env.outbox[0].body).toContain('Invoice I-1 sebesar Rp 1.500.000 jatuh tempo dalam 3 hari (2 Desember 2026, WIB)');
});
