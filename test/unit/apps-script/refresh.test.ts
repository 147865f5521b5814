/**
 * Refresh statuses and Deactivate selected links on the built bundle: polling reconciles what
 * notifications missed, in fetchAll chunks, and skips rows whose status can no longer change.
 */
import { MIDTRANS_RETRY_POLICY } from '../../../core/src';
import { createHarness, row, SERVER_KEY, TEMPLATE, type Harness } from './harness';

const AUTH = `Basic ${Buffer.from(`${SERVER_KEY}:`).toString('base64')}`;

function setUp(rows: unknown[][]): Harness {
  const h = createHarness();
  h.setSheet(rows);
  h.run('generatePaymentLinks');
  return h;
}

function select(h: Harness, a1: string[]): void {
  h.env.untracked(() => {
    const sheet = h.env.spreadsheet.getSheetByName('Invoices') as GoogleAppsScript.Spreadsheet.Sheet;
    h.env.spreadsheet.setActiveSheet(sheet);
    h.env.spreadsheet.setActiveRangeList(sheet.getRangeList(a1));
  });
}

const statuses = (h: Harness) =>
  h
    .rows()
    .slice(1)
    .map((r) => r[TEMPLATE.indexOf('Status')]);

test('payments whose notifications never arrived show up after Refresh, fetched in chunks of 25 GETs', () => {
  const h = setUp(Array.from({ length: 60 }, (_, i) => row({ 'Order ID': `R-${i}`, Amount: 20000 })));
  h.sim.pay('R-3', { status: 'settlement', payment_type: 'bank_transfer' });
  h.sim.pay('R-40', { status: 'pending', payment_type: 'bank_transfer' });
  h.sim.pay('R-59', { status: 'settlement', payment_type: 'qris' });
  h.run('refreshStatuses');
  expect(h.env.calls.fetchRoundTrips).toBe(3);
  expect(h.env.calls.fetchRequests).toBe(60);
  expect(h.env.calls.byMethod['UrlFetchApp.fetch'] ?? 0).toBe(0);
  const s = statuses(h);
  expect([s[3], s[40], s[59]]).toEqual(['Paid', 'Pending', 'Paid']);
  expect(s.filter((x) => x === 'Link created')).toHaveLength(57);
  // Midtrans time (GMT+7), as notifications give it, though GET reports an ISO instant.
  expect(String(h.cell(h.rowOf('R-3'), 'Paid At'))).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
  expect(h.env.ui.alerts.pop()?.prompt).toBe('Checked 60 links with Midtrans.');
});

test('the next Refresh skips rows that can no longer change (Paid) and checks the rest', () => {
  const h = setUp(Array.from({ length: 30 }, (_, i) => row({ 'Order ID': `P-${i}`, Amount: 20000 })));
  for (let i = 0; i < 10; i++) h.sim.pay(`P-${i}`, { status: 'settlement', payment_type: 'bank_transfer' });
  h.run('refreshStatuses');
  h.run('refreshStatuses');
  expect(h.env.calls.fetchRequests).toBe(20);
  const paths = h.env.fetches.slice(-20).map((f) => f.url.replace(/^.*\//, ''));
  expect(paths.some((p) => /^P-[0-9]$/.test(p))).toBe(false);
});

test('a multi-use link shows how many have paid', () => {
  const h = setUp([row({ 'Order ID': 'T-1', Amount: 50000, 'Usage Limit': 500, Title: 'Tiket' })]);
  for (let i = 0; i < 3; i++) {
    h.sim.pay('T-1', { status: 'settlement', payment_type: 'qris' });
    h.env.advanceClock(1000);
  }
  h.run('refreshStatuses');
  expect(h.cell(2, 'Status')).toBe('Paid 3/500');
});

test('a link that expired unpaid shows Expired and is not checked again', () => {
  const h = setUp([row({ 'Order ID': 'E-1', Amount: 50000, Expiry: '1 hours' }), row({ 'Order ID': 'E-2', Amount: 50000 })]);
  h.env.advanceClock(2 * 3_600_000);
  h.run('refreshStatuses');
  expect(statuses(h)).toEqual(['Expired', 'Link created']);
  expect(h.cell(2, 'Note')).toBe('');
  h.run('refreshStatuses');
  expect(h.env.calls.fetchRequests).toBe(1);
});

test('a link deleted in the Midtrans dashboard shows Deactivated after Refresh', () => {
  const h = setUp([row({ 'Order ID': 'D-1', Amount: 50000 })]);
  expect(h.sim.handle({ method: 'DELETE', path: '/v1/payment-links/D-1', headers: { authorization: AUTH } }).status).toBe(200);
  h.run('refreshStatuses');
  expect(h.cell(2, 'Status')).toBe('Deactivated');
});

const getsOf = (h: Harness) => h.env.fetches.filter((f) => f.method === 'GET' && f.url.includes('/v1/payment-links/')).length;

test('a GET answered 500 once is asked again after the back-off (the one retry policy) and the row takes the answer', () => {
  const h = createHarness({ faults: { script: [{ route: 'get', call: 1, fault: 500 }] } });
  h.setSheet([row({ 'Order ID': 'F-1', Amount: 50000 })]);
  h.run('generatePaymentLinks');
  h.sim.pay('F-1', { status: 'settlement', payment_type: 'qris' });
  h.run('refreshStatuses');
  expect(getsOf(h)).toBe(2);
  expect(h.cell(2, 'Status')).toBe('Paid');
  expect(h.cell(2, 'Note')).toBe('');
});

test('a GET answered 500 on every attempt is asked exactly MIDTRANS_RETRY_POLICY.maxAttempts times, then the status stays and the Note says so', () => {
  // Four 500s scripted: a Refresh that did not retry would stop at one GET, one that retried past the policy at four.
  const h = createHarness({ faults: { script: [1, 2, 3, 4].map((call) => ({ route: 'get' as const, call, fault: 500 as const })) } });
  h.setSheet([row({ 'Order ID': 'F-1', Amount: 50000 })]);
  h.run('generatePaymentLinks');
  h.run('refreshStatuses');
  expect(getsOf(h)).toBe(MIDTRANS_RETRY_POLICY.maxAttempts);
  expect(h.cell(2, 'Status')).toBe('Link created');
  expect(String(h.cell(2, 'Note'))).toMatch(/^Refresh failed: Midtrans get failed \(500\)/);
  expect(h.env.ui.alerts.pop()?.prompt).toMatch(/1 could not be checked \(see Note\)/);
});

test('a GET answered 400 is not asked again: only 429, 5xx and no answer are retried', () => {
  const h = setUp([row({ 'Order ID': 'B-1', Amount: 50000 })]);
  h.env.properties.script.set('MIDTRANS_SERVER_KEY', 'SB-Mid-server-wrong');
  h.run('refreshStatuses');
  expect(getsOf(h)).toBe(1);
  expect(String(h.cell(2, 'Note'))).toMatch(/^Refresh failed: /);
});

describe('Refresh statuses from the menu asks about the selected rows now', () => {
  const tx = new Map<string, string>();
  function paidLongAgo(): Harness {
    const h = setUp(Array.from({ length: 3 }, (_, i) => row({ 'Order ID': `S-${i}`, Amount: 20000 })));
    for (let i = 0; i < 3; i++) {
      const paid = h.sim.pay(`S-${i}`, { status: 'settlement', payment_type: 'qris' });
      tx.set(`S-${i}`, String(paid.transaction_id));
      h.post(paid);
    }
    h.run('refreshStatuses');
    // A week on, the paid links are well inside their re-check cadence's quiet time.
    h.env.advanceClock(7 * 86_400_000);
    h.run('refreshStatuses');
    return h;
  }

  test('a selected Paid row that was refunded shows Refunded at once; unselected paid rows keep their cadence', () => {
    const h = paidLongAgo();
    const before = getsOf(h);
    // Refunded in the dashboard; neither notification reaches the sheet.
    h.sim.pay('S-1', { status: 'refund', transaction_id: tx.get('S-1') });
    h.sim.pay('S-2', { status: 'refund', transaction_id: tx.get('S-2') });
    select(h, ['A3']);
    h.run('refreshStatuses');
    expect(h.env.fetches.slice(-(getsOf(h) - before)).map((f) => f.url.replace(/^.*\//, ''))).toEqual(['S-1']);
    expect(statuses(h)[1]).toMatch(/^Refunded/);
    expect(statuses(h)[2]).toBe('Paid');
    expect(h.env.ui.alerts.pop()?.prompt).toMatch(/1 selected link among them asked now/);
  });
});

describe('Deactivate selected links', () => {
  test('asks first, then DELETEs the selected links in one round trip; customers can no longer pay', () => {
    const h = setUp(Array.from({ length: 5 }, (_, i) => row({ 'Order ID': `X-${i}`, Amount: 10000 })));
    select(h, ['A2:P3', 'A5']);
    h.run('deactivateSelectedLinks');
    expect(h.env.ui.alerts[h.env.ui.alerts.length - 2].prompt).toMatch(/^Deactivate the payment links in the 3 selected rows\?/);
    expect(h.env.calls.fetchRoundTrips).toBe(1);
    expect(h.env.fetches.slice(-3).map((f) => `${f.method} ${f.url.replace(/^https?:\/\/[^/]+/, '')}`)).toEqual([
      'DELETE /v1/payment-links/X-0',
      'DELETE /v1/payment-links/X-1',
      'DELETE /v1/payment-links/X-3',
    ]);
    expect(statuses(h)).toEqual(['Deactivated', 'Deactivated', 'Link created', 'Deactivated', 'Link created']);
    expect(() => h.sim.pay('X-0', { status: 'settlement', payment_type: 'qris' })).toThrow();
  });

  test('answering No deactivates nothing', () => {
    const h = setUp([row({ 'Order ID': 'N-0', Amount: 10000 })]);
    select(h, ['A2']);
    h.env.ui.responses.push({ button: 'NO' });
    h.run('deactivateSelectedLinks');
    expect(h.env.calls.fetchRequests).toBe(0);
    expect(h.cell(2, 'Status')).toBe('Link created');
    expect(h.env.ui.alerts.pop()?.prompt).toBe('Nothing was deactivated.');
  });

  test('a paid row stays Paid, with a Note that its link was deactivated', () => {
    const h = setUp([row({ 'Order ID': 'Q-0', Amount: 10000 })]);
    h.post(h.sim.pay('Q-0', { status: 'settlement', payment_type: 'qris' }));
    select(h, ['A2']);
    h.run('deactivateSelectedLinks');
    expect(h.cell(2, 'Status')).toBe('Paid');
    expect(h.cell(2, 'Note')).toBe('link deactivated');
  });
});

test('the hourly refresh: switched on from Settings it installs one trigger, and runs without any dialog', () => {
  const h = setUp([row({ 'Order ID': 'H-1', Amount: 10000 })]);
  h.run('setTimedRefresh', 'ui', true);
  h.run('setTimedRefresh', 'ui', true);
  const triggers = h.env.triggers.filter((t) => t.handlerFunction === 'timedRefresh');
  expect(triggers).toHaveLength(1);
  expect(triggers[0].everyMs).toBe(3_600_000);
  h.sim.pay('H-1', { status: 'settlement', payment_type: 'qris' });
  const alerts = h.env.ui.alerts.length;
  h.run('timedRefresh', 'trigger');
  expect(h.cell(2, 'Status')).toBe('Paid');
  expect(h.env.ui.alerts.length).toBe(alerts);
  h.run('setTimedRefresh', 'ui', false);
  expect(h.env.triggers.filter((t) => t.handlerFunction === 'timedRefresh')).toHaveLength(0);
});

test('a payment seen by both a notification and Refresh is counted once, with one Paid At', () => {
  const h = setUp([row({ 'Order ID': 'M-1', Amount: 50000, 'Usage Limit': 3 })]);
  const body = h.sim.pay('M-1', { status: 'settlement', payment_type: 'qris' });
  h.post(body);
  expect(h.cell(2, 'Status')).toBe('Paid 1/3');
  h.env.advanceClock(60_000);
  h.run('refreshStatuses');
  expect(h.cell(2, 'Status')).toBe('Paid 1/3');
  expect(h.cell(2, 'Paid At')).toBe(body.settlement_time);
});

test('Refresh never lowers what a notification already said (a GET that lags behind stays behind)', () => {
  const h = setUp([row({ 'Order ID': 'L-1', Amount: 50000 })]);
  const pending = h.sim.pay('L-1', { status: 'pending', payment_type: 'bank_transfer' });
  const settled = h.sim.pay('L-1', { status: 'settlement', transaction_id: pending.transaction_id });
  h.post(settled);
  // Midtrans's GET still reporting the purchase as pending, as a lagging read replica would.
  const realFetch = h.env.globals.UrlFetchApp as { fetchAll: (r: { url: string }[]) => GoogleAppsScript.URL_Fetch.HTTPResponse[] };
  const fetchAll = realFetch.fetchAll;
  let lagged = 0;
  realFetch.fetchAll = (requests) =>
    fetchAll(requests).map((res) => {
      const original = res.getContentText();
      const text = original.replace(/"SETTLEMENT"/g, '"PENDING"');
      if (text !== original) lagged++;
      return {
        ...res,
        getResponseCode: () => res.getResponseCode(),
        getContentText: () => text,
      } as GoogleAppsScript.URL_Fetch.HTTPResponse;
    });
  h.run('refreshStatuses');
  expect(h.env.calls.fetchRequests).toBe(0); // Paid single-use links are not even asked about...
  h.env.untracked(() =>
    (h.env.spreadsheet.getSheetByName('Invoices') as GoogleAppsScript.Spreadsheet.Sheet)
      .getRange(2, TEMPLATE.indexOf('Status') + 1)
      .setValue('Pending'),
  );
  h.run('refreshStatuses');
  expect(h.env.calls.fetchRequests).toBe(1); // ...but one shown as Pending is, and the stored settlement wins.
  expect(lagged).toBe(1);
  expect(h.cell(2, 'Status')).toBe('Paid');
});

test('the first Refresh creates the state sheet but leaves the merchant on their invoice sheet', () => {
  const h = setUp([row({ 'Order ID': 'V-1', Amount: 10000 })]);
  h.env.untracked(() =>
    h.env.spreadsheet.setActiveSheet(h.env.spreadsheet.getSheetByName('Invoices') as GoogleAppsScript.Spreadsheet.Sheet),
  );
  h.sim.pay('V-1', { status: 'settlement', payment_type: 'qris' });
  h.run('refreshStatuses');
  expect(h.env.untracked(() => h.env.spreadsheet.getSheetByName('Midtrans state'))).not.toBeNull();
  expect(h.env.untracked(() => h.env.spreadsheet.getActiveSheet().getName())).toBe('Invoices');
});

describe('a Refresh that reaches the time budget goes on where it stopped', () => {
  const N = 200;
  // Typed ids in an order unlike the sheet's, so "where it stopped" cannot be a row number.
  const ids = Array.from({ length: N }, (_, i) => `S-${String((i * 37) % N).padStart(3, '0')}`);
  const PAID_EARLY = 'S-003'; // in the first part of the pass (order-id order)
  const PAID_LATE = 'S-196'; // in the part after the stop
  /** A slow Midtrans GET (45 s a round trip) makes a pass of 8 chunks outlast the 4.5-minute budget. */
  function slowSheet(emulator: Parameters<typeof createHarness>[0] = {}): Harness {
    const h = createHarness({ faults: { latencyMs: { get: 45_000 } }, ...emulator });
    h.setSheet(ids.map((id) => row({ 'Order ID': id, Amount: 20000 })));
    h.run('generatePaymentLinks');
    h.sim.pay(PAID_EARLY, { status: 'settlement', payment_type: 'qris' });
    h.sim.pay(PAID_LATE, { status: 'settlement', payment_type: 'qris' });
    return h;
  }
  const getsPerLink = (h: Harness) => {
    const counts = new Map<string, number>();
    for (const f of h.env.fetches)
      if (f.method.toUpperCase() === 'GET') counts.set(f.url.replace(/^.*\//, ''), (counts.get(f.url.replace(/^.*\//, '')) ?? 0) + 1);
    return counts;
  };
  const continuations = (h: Harness) => h.env.triggers.filter((t) => t.handlerFunction === 'continueRefresh');
  const statusOf = (h: Harness, id: string) => h.cell(h.rowOf(id), 'Status');

  test('bound: stops in time, says it continues, and the trigger finishes the pass with each link fetched once, even after a sort', () => {
    const h = slowSheet();
    h.run('refreshStatuses');
    expect(h.env.killed).toBeNull();
    expect(h.env.modelledMs()).toBeLessThan(6 * 60_000);
    const message = h.env.ui.alerts.pop()?.prompt ?? '';
    expect(message).toMatch(
      /^Checked \d+ links with Midtrans; stopped to stay within Apps Script's 6-minute limit with \d+ links left to check; it continues by itself in about a minute \(or run Refresh statuses again\)\.$/,
    );
    const [, checked, left] = /Checked (\d+) .* with (\d+) links left/.exec(message) ?? [];
    expect(Number(checked) + Number(left)).toBe(N);
    expect(Number(left)).toBeGreaterThan(0);
    expect(continuations(h)).toHaveLength(1);
    expect(statusOf(h, PAID_EARLY)).toBe('Paid');
    expect(statusOf(h, PAID_LATE)).toBe('Link created');
    // What is remembered is one order id, not a list of rows.
    expect(String(h.env.properties.script.get('MIDTRANS_REFRESH_PASS')).length).toBeLessThan(100);

    // The merchant reverses the sheet before the continuation runs.
    h.env.untracked(() => {
      const sheet = h.env.spreadsheet.getSheetByName('Invoices') as GoogleAppsScript.Spreadsheet.Sheet;
      const range = sheet.getRange(2, 1, N, TEMPLATE.length);
      range.setValues(range.getValues().reverse());
    });
    for (let i = 0; i < 3 && h.env.properties.script.has('MIDTRANS_REFRESH_PASS'); i++) {
      h.run('continueRefresh', 'trigger', { triggerUid: 'continuation' });
      expect(h.env.killed).toBeNull();
      expect(h.env.modelledMs()).toBeLessThan(6 * 60_000);
    }
    expect(h.env.properties.script.has('MIDTRANS_REFRESH_PASS')).toBe(false);
    expect(continuations(h)).toHaveLength(0);
    const gets = getsPerLink(h);
    expect(gets.size).toBe(N);
    expect([...gets.values()].every((n) => n === 1)).toBe(true);
    expect(statusOf(h, PAID_LATE)).toBe('Paid');
    expect(statuses(h).filter((s) => s === 'Link created')).toHaveLength(N - 2);

    // A continuation that fires with nothing pending does nothing; the next Refresh is a new pass from the top.
    h.run('continueRefresh', 'trigger', { triggerUid: 'late' });
    expect(h.env.calls.fetchRequests).toBe(0);
    h.run('refreshStatuses');
    expect(h.env.fetches.filter((f) => f.method.toUpperCase() === 'GET').slice(N)[0].url).toMatch(/\/S-000$/);
  });

  test('the hourly refresh finishes a pending pass instead of starting over, and the continuation then has nothing to do', () => {
    const h = slowSheet();
    h.run('setTimedRefresh', 'ui', true);
    h.run('timedRefresh', 'trigger');
    expect(h.env.properties.script.has('MIDTRANS_REFRESH_PASS')).toBe(true);
    expect(continuations(h)).toHaveLength(1);
    // A continuation that fires while another run is going is refused and tries again a minute later.
    h.env.untracked(() =>
      h.env.properties.script.set('MIDTRANS_RUN', JSON.stringify({ id: 'other', kind: 'generating links', startedAt: h.env.now() })),
    );
    const before = continuations(h)[0].id;
    h.run('continueRefresh', 'trigger', { triggerUid: 'continuation' });
    expect(h.env.calls.fetchRequests).toBe(0);
    expect(continuations(h)).toHaveLength(1);
    expect(continuations(h)[0].id).not.toBe(before);
    h.env.untracked(() => h.env.properties.script.delete('MIDTRANS_RUN'));

    h.run('timedRefresh', 'trigger');
    expect(h.env.properties.script.has('MIDTRANS_REFRESH_PASS')).toBe(false);
    expect(continuations(h)).toHaveLength(0);
    h.run('continueRefresh', 'trigger', { triggerUid: 'continuation' });
    expect(h.env.calls.fetchRequests).toBe(0);
    expect([...getsPerLink(h).values()].every((n) => n === 1)).toBe(true);
    expect(getsPerLink(h).size).toBe(N);
    expect(statusOf(h, PAID_LATE)).toBe('Paid');
  });

  test('as an add-on (no minute triggers) it says to run Refresh again, and that run picks up where it stopped', () => {
    const h = slowSheet({ emulator: { addOn: true, installationSource: 'WEB_STORE_ADD_ON' } });
    h.run('refreshStatuses');
    expect(h.env.ui.alerts.pop()?.prompt).toMatch(
      /links left to check; run Refresh statuses again to check them: it picks up where this one stopped\.$/,
    );
    expect(continuations(h)).toHaveLength(0);
    h.run('refreshStatuses');
    expect(h.env.ui.alerts.pop()?.prompt).toMatch(
      /^Continued the Refresh that had stopped for time: checked \d+ more links with Midtrans\.$/,
    );
    expect([...getsPerLink(h).values()].every((n) => n === 1)).toBe(true);
    expect(getsPerLink(h).size).toBe(N);
    expect(statusOf(h, PAID_LATE)).toBe('Paid');
  });

  test('a Refresh cut off by a busy sheet resumes after the last chunk it saved: saved links are not asked again, the unsaved chunk is', () => {
    const h = createHarness();
    h.setSheet(ids.slice(0, 60).map((id) => row({ 'Order ID': id, Amount: 20000 })));
    h.run('generatePaymentLinks');
    // The second chunk's write finds the lock taken (a notification being saved) for its whole wait.
    const lockService = h.env.globals.LockService as { getScriptLock: () => { tryLock: (ms: number) => boolean } };
    const getScriptLock = lockService.getScriptLock;
    let writes = 0;
    lockService.getScriptLock = () => {
      const lock = getScriptLock();
      const tryLock = lock.tryLock.bind(lock);
      return Object.assign(lock, { tryLock: (ms: number) => (ms === 30_000 && ++writes === 2 ? false : tryLock(ms)) });
    };
    h.run('refreshStatuses');
    expect(h.env.ui.alerts.pop()?.prompt).toMatch(/run Refresh statuses again/);
    lockService.getScriptLock = getScriptLock;
    h.run('refreshStatuses');
    expect(h.env.ui.alerts.pop()?.prompt).toBe('Continued the Refresh that had stopped for time: checked 35 more links with Midtrans.');
    const gets = getsPerLink(h);
    // The 25 links of the chunk whose write failed are asked again (their answers were never saved).
    expect(gets.size).toBe(60);
    expect([...gets.values()].filter((n) => n === 2)).toHaveLength(25);
  });
});
