/**
 * Cut-offs and payment reminders (issue 23). sendPaymentReminders ended by the emulator at every one
 * of its service calls in turn (`stopAtCall`; a cut also loses the sheet writes not yet flushed), then
 * run again as the next day's trigger would.
 *
 * Must hold for every cut point: no customer gets the same reminder twice; every email that went out
 * is in the Reminders log as Sent or, when the cut fell between the send and its record, Maybe sent;
 * nothing is left Sending; a reminder the cut run never tried goes out on the rerun; each row's
 * Reminders count equals its delivered log rows.
 */
import { typeInvoiceSheet } from '../support/sheets-addon';
import { createAddon, MARKER_STALE_MS, TEMPLATE, type Addon } from './support/addon';
import { figures } from './support/figures';

const HEAD = [...TEMPLATE, 'Due Date'];
const IDS = Array.from({ length: 6 }, (_, i) => `RC-${i + 1}`);
const totals = { cutPoints: 0, cutRuns: 0, duplicateEmails: 0, maybeSent: 0, unrecordedEmails: 0 };
afterAll(() => figures.record('cutoff-reminders', totals));

function addon(): Addon {
  const a = createAddon({ seed: 9 });
  // 2026-11-27 10:00 WIB: every invoice is due today, one (RC-6) already paid.
  typeInvoiceSheet(
    a.env,
    HEAD,
    IDS.map((id) =>
      HEAD.map(
        (h) =>
          (
            ({ 'Order ID': id, Amount: '75000', 'Customer Email': `${id.toLowerCase()}@example.com`, 'Due Date': '2026-11-27' }) as Record<
              string,
              string
            >
          )[h] ?? '',
      ),
    ),
    { asText: true },
  );
  expect(a.run('generatePaymentLinks').thrown).toBeUndefined();
  expect(a.run('saveReminderSettings', { args: [{ enabled: true }] }).thrown).toBeUndefined();
  a.sim.pay('RC-6', { status: 'settlement', payment_type: 'qris' });
  return a;
}

const trigger = { context: 'trigger' as const, args: [{ triggerUid: 'daily' }] };

function log(a: Addon): Record<string, string>[] {
  const [head, ...rows] = a.env.sheetValues('Reminders').map((r) => r.map(String));
  return rows.filter((r) => r.some((c) => c !== '')).map((r) => Object.fromEntries(head.map((k, i) => [k, r[i]])));
}

test('sendPaymentReminders cut at each of its calls, then run again: each unpaid customer emailed at most once, every email accounted for', () => {
  for (let k = 1; k <= 400; k++) {
    const a = addon();
    const out = a.run('sendPaymentReminders', { ...trigger, stopAtCall: k });
    a.env.advanceClock(MARKER_STALE_MS + 1);
    for (let i = 0; i < 2; i++) expect(a.run('sendPaymentReminders', trigger).thrown).toBeUndefined();
    const sentTo = a.env.outbox.map((m) => m.to[0]);
    totals.duplicateEmails += sentTo.length - new Set(sentTo).size;
    expect(new Set(sentTo).size).toBe(sentTo.length);
    expect(sentTo).not.toContain('rc-6@example.com');
    const lines = log(a);
    expect(lines.filter((l) => l.Status === 'Sending')).toEqual([]);
    const delivered = lines.filter((l) => l.Status === 'Sent' || l.Status.startsWith('Maybe sent'));
    // Every email that went out is recorded; each unpaid customer got one, or is recorded as maybe sent.
    for (const to of sentTo) expect(delivered.map((l) => l.To)).toContain(to);
    totals.unrecordedEmails += sentTo.filter((to) => !delivered.some((l) => l.To === to)).length;
    for (const id of IDS.slice(0, 5)) expect(delivered.filter((l) => l['Order ID'] === id)).toHaveLength(1);
    const maybe = lines.filter((l) => l.Status.startsWith('Maybe sent'));
    expect(maybe.length).toBeLessThanOrEqual(1);
    totals.maybeSent += maybe.length;
    // Each row's count is its delivered log rows.
    const rows = a.env.sheetValues('Invoices').map((r) => r.map(String));
    const countCol = rows[0].indexOf('Reminders');
    for (const id of IDS.slice(0, 5)) expect(rows.find((r) => r[0] === id)?.[countCol]).toBe('1');
    totals.cutPoints++;
    if (out.killed === null) break;
    totals.cutRuns++;
  }
  expect(totals.cutRuns).toBeGreaterThan(50);
  expect(totals.duplicateEmails).toBe(0);
});

test('a notification arriving mid-run lands (the run holds the lock only for its writes), and that customer gets no reminder', () => {
  let answer = '';
  let posted = false;
  const a: Addon = createAddon({
    seed: 11,
    afterFetch: (request) => {
      // While the reminder run waits on its Midtrans check, RC-2 pays and the notification arrives
      // (once: doPost's own status confirmation is a GET too).
      if (posted || request.method !== 'GET' || !a.env.untracked(() => a.env.spreadsheet.getSheetByName('Reminders'))) return;
      posted = true;
      answer = a.post(JSON.stringify(a.sim.pay('RC-2', { status: 'settlement', payment_type: 'qris' })), { concurrent: true });
    },
  });
  typeInvoiceSheet(
    a.env,
    HEAD,
    ['RC-1', 'RC-2'].map((id) =>
      HEAD.map(
        (h) =>
          (
            ({ 'Order ID': id, Amount: '75000', 'Customer Email': `${id.toLowerCase()}@example.com`, 'Due Date': '2026-11-27' }) as Record<
              string,
              string
            >
          )[h] ?? '',
      ),
    ),
    { asText: true },
  );
  expect(a.run('generatePaymentLinks').thrown).toBeUndefined();
  expect(a.run('saveReminderSettings', { args: [{ enabled: true }] }).thrown).toBeUndefined();
  expect(a.run('sendPaymentReminders', trigger).thrown).toBeUndefined();
  expect(JSON.parse(answer)).toMatchObject({ ok: true });
  expect(a.env.outbox.map((m) => m.to[0])).toEqual(['rc-1@example.com']);
  expect(a.rows().find((r) => r[0] === 'RC-2')?.[TEMPLATE.indexOf('Status')]).toBe('Paid');
});
