/**
 * A month of payment reminders (issue 23, "Done when"): the built add-on in the emulator with the
 * simulator, 200 invoices with mixed due dates (a hundred and more due the same day, to press on the
 * consumer account's 100 emails a day), channels and statuses; the daily trigger runs for 30
 * simulated days while customers pay (some notified, some only visible to a Midtrans check), refund
 * and leave transfers pending, and some runs are cut off part-way.
 *
 * Must hold: every email went to an invoice unpaid at the moment it was sent; no reminder (invoice,
 * due date, offset) went out twice; no day's emails exceeded the quota; every email is in the log; and
 * carry-over lost none: every email invoice that stayed unpaid and reminder-eligible got its last
 * reminder (+7 days) by the end of the month.
 */
import { mulberry32 } from '../support/mulberry32';
import { typeInvoiceSheet } from '../support/sheets-addon';
import { createAddon, MARKER_STALE_MS, TEMPLATE, type Addon } from './support/addon';
import { figures } from './support/figures';

const HEAD = [...TEMPLATE, 'Due Date', 'No Reminders'];
const DAY = 86_400_000;
const START = Date.UTC(2026, 10, 27, 3, 0, 0); // 2026-11-27 10:00 WIB
const DAYS = 30;
const INVOICES = 200;

function wibDate(daysFromStart: number): string {
  return new Date(START + 7 * 3_600_000 + daysFromStart * DAY).toISOString().slice(0, 10);
}

interface Invoice {
  id: string;
  email: string;
  phone: string;
  /** days from the start; undefined: due by the link's expiry */
  due?: number;
  expiryDays: number;
  optOut: boolean;
  badDue: boolean;
}

test('30 days of daily reminders over 200 invoices: only unpaid at send time, each offset once, quota carry-over loses none', () => {
  const rng = mulberry32(23);
  const pick = (n: number) => Math.floor(rng() * n);
  const invoices: Invoice[] = Array.from({ length: INVOICES }, (_, i) => {
    const id = `M-${String(i + 1).padStart(3, '0')}`;
    const whatsapp = i % 10 === 9;
    const noDue = i % 7 === 6;
    return {
      id,
      email: whatsapp ? '' : `${id.toLowerCase()}@example.com`,
      phone: whatsapp ? `0812${String(10_000_000 + i)}` : '',
      // 160 invoices due on day 5 (minus the ones due by expiry); the rest from 5 days ago to day 20.
      due: noDue ? undefined : i < 160 ? 5 : pick(26) - 5,
      expiryDays: noDue ? 3 + pick(18) : 60,
      optOut: i % 41 === 40,
      badDue: i % 67 === 66,
    };
  });
  const a: Addon = createAddon({ seed: 23 });
  typeInvoiceSheet(
    a.env,
    HEAD,
    invoices.map((inv) => {
      const cells: Record<string, string> = {
        'Order ID': inv.id,
        'Customer Name': `Pelanggan ${inv.id}`,
        'Customer Email': inv.email,
        'Customer Phone': inv.phone,
        Amount: String(100_000 + pick(20) * 50_000),
        Expiry: `${inv.expiryDays} days`,
        'Due Date': inv.badDue ? 'soon' : inv.due === undefined ? '' : wibDate(inv.due),
        'No Reminders': inv.optOut ? 'yes' : '',
      };
      return HEAD.map((h) => cells[h] ?? '');
    }),
    { asText: true },
  );
  expect(a.env.now()).toBe(START);
  for (let i = 0; i < 12 && a.run('generatePaymentLinks').alerts.some((x) => x.includes('Queued')); i++) a.env.advanceClock(60_000);
  const settings = { enabled: true, templates: { en: { body: 'REF {order_id} | {when} | {link}' } } };
  expect(a.run('saveReminderSettings', { args: [settings] }).thrown).toBeUndefined();
  expect(a.run('setDailyReminderRun', { args: [true] }).thrown).toBeUndefined();

  const paidAt = new Map<string, number>();
  const settlement = new Map<string, string>();
  /** The simulator refuses a payment on an expired link, as Midtrans does: nothing happened then. */
  const tryPay = (id: string, action: Parameters<typeof a.sim.pay>[1]) => {
    try {
      return a.sim.pay(id, action);
    } catch {
      return undefined;
    }
  };
  const payLater = (id: string, notify: boolean): boolean => {
    const body = tryPay(id, { status: 'settlement', payment_type: 'bank_transfer' });
    if (!body) return false;
    paidAt.set(id, a.env.now());
    settlement.set(id, String(body.transaction_id));
    if (notify) a.post(JSON.stringify(body));
    return true;
  };
  // 10% paid before reminders start.
  for (const inv of invoices) if (rng() < 0.1) payLater(inv.id, true);

  const totals = {
    sent: 0,
    whatsappPrepared: 0,
    skippedAsPaid: 0,
    carried: 0,
    cutRunsSurvived: 0,
    maybeSent: 0,
    refunds: 0,
    paymentsDuringMonth: 0,
  };
  const sentPerDay: number[] = [];
  let logSeen = a.env.logs.length;
  const readReports = () => {
    for (const line of a.env.logs.slice(logSeen)) {
      totals.skippedAsPaid += Number(/Skipped because Midtrans shows them paid[^:]*: (\d+)/.exec(line)?.[1] ?? 0);
      totals.carried += Number(/Carried to the next run[^:]*: (\d+)/.exec(line)?.[1] ?? 0);
      expect(line).not.toMatch(/too many times/);
    }
    logSeen = a.env.logs.length;
  };

  for (let day = 1; day <= DAYS; day++) {
    // During the day: payments (half of them notified), pending transfers, refunds of earlier payments.
    a.env.advanceClock(5 * 3_600_000);
    for (const inv of invoices) {
      if (paidAt.has(inv.id)) continue;
      const r = rng();
      if (r < 0.035) {
        if (payLater(inv.id, rng() < 0.5)) totals.paymentsDuringMonth++;
      } else if (r < 0.045) tryPay(inv.id, { status: 'pending', payment_type: 'bank_transfer' });
    }
    for (const [id, tx] of settlement) {
      if (rng() < 0.01) {
        const body = tryPay(id, { status: 'refund', transaction_id: tx });
        if (body) a.post(JSON.stringify(body));
        settlement.delete(id);
        totals.refunds++;
      }
    }
    a.env.advanceClock(DAY - 5 * 3_600_000);
    a.env.newDay();
    const before = a.env.outbox.length;
    if (day % 3 === 0) {
      // A run cut off part-way (a merchant's manual run, or one that hit the limit), then the daily one.
      const cut = a.run('sendPaymentReminders', { context: 'trigger', args: [{ triggerUid: 'manual' }], stopAtCall: 10 + pick(150) });
      if (cut.killed) totals.cutRunsSurvived++;
      // A run that ended before its cut point leaves the cut armed (one-shot): disarm it.
      else a.env.setStopAtCall(undefined);
      a.env.advanceClock(MARKER_STALE_MS + 1);
    }
    const ran = a.env.runDueTriggers(a.fns);
    expect(ran.map((r) => [r.handler, r.error])).toContainEqual(['sendPaymentReminders', null]);
    readReports();
    sentPerDay.push(a.env.outbox.length - before);
  }

  // Every email went to an invoice unpaid when it was sent.
  const emails = a.env.outbox.map((m) => ({
    at: m.at,
    id: /^REF (\S+) \| /.exec(m.body)?.[1] ?? '?',
    when: m.body.split(' | ')[1],
    to: m.to[0],
  }));
  for (const e of emails) expect({ id: e.id, paidBefore: (paidAt.get(e.id) ?? Infinity) <= e.at }).toEqual({ id: e.id, paidBefore: false });
  // At most once per offset.
  const keys = emails.map((e) => `${e.id}|${e.when}`);
  expect(new Set(keys).size).toBe(keys.length);
  const [head, ...rows] = a.env.sheetValues('Reminders').map((r) => r.map(String));
  const log = rows.filter((r) => r[0] !== '').map((r) => Object.fromEntries(head.map((k, i) => [k, r[i]])));
  const claimed = log.filter((l) => l.Status !== 'Not sent').map((l) => `${l['Order ID']}|${l['Due Date']}|${l.Offset}`);
  expect(new Set(claimed).size).toBe(claimed.length);
  expect(log.filter((l) => l.Status === 'Sending')).toEqual([]);
  // Every email is in the log; no day over the quota.
  for (const e of emails)
    expect(log.some((l) => l['Order ID'] === e.id && l.To === e.to && (l.Status === 'Sent' || l.Status.startsWith('Maybe sent')))).toBe(
      true,
    );
  expect(Math.max(...sentPerDay)).toBeLessThanOrEqual(100);
  // Carry-over lost none: each email invoice unpaid all month with a due date by day 20 got its +7 reminder.
  const owed = invoices.filter(
    (inv) => inv.email && !inv.optOut && !inv.badDue && inv.due !== undefined && inv.due + 7 <= DAYS - 3 && !paidAt.has(inv.id),
  );
  expect(owed.length).toBeGreaterThan(30);
  for (const inv of owed) {
    // A 'Not sent' row (released by a cut run before it was tried) may precede the one that went.
    const last = log.some(
      (l) => l['Order ID'] === inv.id && l.Offset === '+7' && (l.Status === 'Sent' || l.Status.startsWith('Maybe sent')),
    );
    expect({ id: inv.id, last }).toEqual({ id: inv.id, last: true });
  }
  // Opted-out rows and rows with a bad Due Date got nothing.
  for (const inv of invoices.filter((x) => x.optOut || x.badDue)) expect(log.filter((l) => l['Order ID'] === inv.id)).toEqual([]);

  totals.sent = emails.length;
  totals.whatsappPrepared = log.filter((l) => l.Channel === 'WhatsApp').length;
  totals.maybeSent = log.filter((l) => l.Status.startsWith('Maybe sent')).length;
  const released = log.filter((l) => l.Status === 'Not sent').length;
  figures.record('reminders-month', {
    invoices: INVOICES,
    days: DAYS,
    ...totals,
    busiestDay: Math.max(...sentPerDay),
    owedFinalReminder: owed.length,
    releasedThenRetried: released,
  });
  expect(totals.carried).toBeGreaterThan(0);
  expect(totals.skippedAsPaid).toBeGreaterThan(0);
  expect(totals.cutRunsSurvived).toBeGreaterThan(0);
});
