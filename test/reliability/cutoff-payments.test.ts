/**
 * Cut-offs and the Payments sheet (issue 14.2). A doPost or a Refresh ended by the emulator at every
 * one of its service calls in turn (`stopAtCall`; a cut also loses the writes not yet flushed), then
 * the same notification redelivered or Refresh run again.
 *
 * Must hold for every cut point: the invoice rows, the state store and the Payments sheet end exactly
 * as without the cut; the Payments sheet has one row per purchase (never a second row for a purchase
 * half-written by the cut execution); nothing is left half-written in a way a rerun cannot repair.
 * The whole run repeats with an Indonesian user (the add-on writes `Pembayaran`, Bahasa headers and
 * Status words into an English-headed invoice sheet): the same guarantees in either language.
 */
import { createAddon, MARKER_STALE_MS, row, type Addon } from './support/addon';
import { figures } from './support/figures';

const totals = { doPostCutPoints: 0, refreshCutPoints: 0, duplicatesFound: 0, bahasaCutPoints: 0 };
afterAll(() => figures.record('cutoff-payments', totals));

const LANGUAGES = [
  { locale: 'en', sheet: 'Payments', key: 'Purchase Order ID', paid: 'Paid' },
  { locale: 'id', sheet: 'Pembayaran', key: 'ID Pesanan Pembelian', paid: 'Lunas' },
] as const;
let lang: (typeof LANGUAGES)[number] = LANGUAGES[0];

function payments(a: Addon): string[][] {
  if (!a.env.untracked(() => a.env.spreadsheet.getSheetByName(lang.sheet))) return [];
  const [head, ...rows] = a.env.sheetValues(lang.sheet).map((r) => r.map(String));
  const filled = rows.filter((r) => r.some((c) => c !== ''));
  const key = head.indexOf(lang.key);
  if (new Set(filled.map((r) => r[key])).size !== filled.length) totals.duplicatesFound++;
  return [head, ...filled.sort()];
}

function state(a: Addon): string {
  if (!a.env.untracked(() => a.env.spreadsheet.getSheetByName('Midtrans state'))) return '';
  return JSON.stringify(
    a.env
      .sheetValues('Midtrans state')
      .map((r) => r.slice(0, 3))
      .sort(),
  );
}

function paidAddon(ids: string[], usageLimit = '1'): Addon {
  const a = createAddon({ seed: 5, emulator: { userLocale: lang.locale } });
  a.setSheet(ids.map((id) => row({ 'Order ID': id, Amount: '30000', 'Usage Limit': usageLimit, 'Customer Name': `Pembeli ${id}` })));
  expect(a.run('generatePaymentLinks').thrown).toBeUndefined();
  return a;
}

describe.each(LANGUAGES)('in $locale', (language) => {
  beforeAll(() => {
    lang = language;
  });

  test('doPost cut at each of its calls, then redelivered: one Payments row, as if never cut', () => {
    const reference = paidAddon(['C-1', 'C-2']);
    const firstBody = JSON.stringify(reference.sim.pay('C-2', { status: 'settlement', payment_type: 'qris' }));
    reference.post(firstBody);
    const refundBody = JSON.stringify(reference.sim.pay('C-2', { status: 'refund', transaction_id: JSON.parse(firstBody).transaction_id }));
    reference.post(refundBody);
    const expected = { rows: reference.rows(), payments: payments(reference), state: state(reference) };
    expect(expected.payments).toHaveLength(2);
    expect(expected.payments[0]).toContain(lang.key);

    for (const which of ['first', 'refund'] as const) {
      // Until a run is no longer cut: the cap only stops a runaway loop, and reaching it fails the test,
      // so the late cut points (between the Payments row and the state store) are never skipped.
      let reachedTheEnd = false;
      for (let k = 1; k <= 300; k++) {
        const a = paidAddon(['C-1', 'C-2']);
        const first = JSON.stringify(a.sim.pay('C-2', { status: 'settlement', payment_type: 'qris' }));
        const refund = () => JSON.stringify(a.sim.pay('C-2', { status: 'refund', transaction_id: JSON.parse(first).transaction_id }));
        let body = first;
        if (which === 'refund') {
          a.post(first);
          body = refund();
        }
        a.env.newExecution({ context: 'webapp', stopAtCall: k });
        try {
          a.fns.doPost({ postData: { contents: body, type: 'application/json', length: body.length } });
        } catch {
          // The kill escapes the entry point, as in Apps Script.
        }
        const cut = a.env.killed !== null;
        a.post(body);
        if (which === 'first') a.post(refund());
        expect({ k, which, rows: a.rows(), payments: payments(a), state: state(a) }).toEqual({ k, which, ...expected });
        totals.doPostCutPoints++;
        if (lang.locale === 'id') totals.bahasaCutPoints++;
        if (!cut) {
          reachedTheEnd = true;
          break;
        }
      }
      expect({ which, reachedTheEnd }).toEqual({ which, reachedTheEnd: true });
    }
    expect(totals.duplicatesFound).toBe(0);
  });

  test('Refresh cut at each of its calls, then run again: every purchase logged once, as if never cut', () => {
    const ids = Array.from({ length: 30 }, (_, i) => `CR-${String(i).padStart(2, '0')}`);
    const payAll = (a: Addon) => {
      for (const id of ids.slice(0, 27)) a.sim.pay(id, { status: 'settlement', payment_type: 'bank_transfer' });
      a.sim.pay(ids[27], { status: 'pending', payment_type: 'bank_transfer' });
    };
    const reference = paidAddon(ids);
    payAll(reference);
    expect(reference.run('refreshStatuses').thrown).toBeUndefined();
    const expected = { rows: reference.rows(), payments: payments(reference), state: state(reference) };
    expect(expected.payments).toHaveLength(29);
    expect(expected.rows.filter((r) => r.includes(lang.paid))).toHaveLength(27);

    let reachedTheEnd = false;
    for (let k = 1; k <= 400; k++) {
      const a = paidAddon(ids);
      payAll(a);
      const out = a.run('refreshStatuses', { stopAtCall: k });
      // The cut run's marker refuses a rerun until it is stale (run-guard.ts); then Refresh finishes the job.
      a.env.advanceClock(MARKER_STALE_MS + 1);
      for (let i = 0; i < 3; i++) expect(a.run('refreshStatuses').thrown).toBeUndefined();
      expect({ k, rows: a.rows(), payments: payments(a), state: state(a) }).toEqual({ k, ...expected });
      totals.refreshCutPoints++;
      if (lang.locale === 'id') totals.bahasaCutPoints++;
      if (out.killed === null) {
        reachedTheEnd = true;
        break;
      }
    }
    expect(reachedTheEnd).toBe(true);
    expect(totals.duplicatesFound).toBe(0);
  });
});
