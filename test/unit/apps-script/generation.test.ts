/**
 * Generate payment links, on the built bundle in the emulator against the simulator: a 300-row
 * merchant sheet, batching by call counts, plain-text output, concurrency refusals, and reruns after a
 * run cut off at any service call.
 */
import { formatRupiah, parseRupiah } from '../../../core/src';
import { createHarness, row, SERVER_KEY, TEMPLATE, type Harness } from './harness';
import { BROKEN_FIELD, MERCHANT_HEADER, WARNED_FIELD, isValidKind, merchantSheet } from './invoice-fixtures';

const CHUNK = 25;

function col(header: string[], name: string): number {
  return header.indexOf(name);
}

function simpleRows(n: number): unknown[][] {
  return Array.from({ length: n }, (_, i) =>
    row({ 'Customer Name': `Pelanggan ${i}`, 'Customer Email': `p${i}@example.com`, Amount: 10000 + i }),
  );
}

function linkCount(h: Harness): number {
  return h
    .rows()
    .slice(1)
    .filter((r) => String(r[col(TEMPLATE, 'Payment Link')]).startsWith('https://')).length;
}

describe('a realistic 300-row merchant sheet', () => {
  const fixture = merchantSheet(300, 11);
  let h: Harness;
  let before: unknown[][];
  beforeAll(() => {
    h = createHarness();
    h.setSheet(fixture.rows, MERCHANT_HEADER);
    before = h.rows();
    h.run('generatePaymentLinks');
  });

  test('every valid row gets exactly one link, its order id and "Link created"; the simulator made one link per row', () => {
    const after = h.rows();
    const valid = fixture.kinds.filter(isValidKind).length;
    const ids = new Set<string>();
    fixture.kinds.forEach((kind, i) => {
      if (!isValidKind(kind)) return;
      const r = after[i + 1];
      const id = String(r[col(MERCHANT_HEADER, 'Order ID')]);
      expect(id).not.toBe('');
      ids.add(id);
      expect(r[col(MERCHANT_HEADER, 'Status')]).toBe('Link created');
      expect(String(r[col(MERCHANT_HEADER, 'Payment Link')])).toMatch(
        /^https:\/\/app\.sandbox\.midtrans\.com\/payment-links\/[a-z2-7]{26}$/,
      );
      if (kind === 'typed-id') expect(id).toBe(String(before[i + 1][col(MERCHANT_HEADER, 'Order ID')]));
      else expect(id).toMatch(/^INV-[A-Z2-7]{16}$/);
    });
    expect(ids.size).toBe(valid);
    const stats = h.sim.stats();
    expect(stats.createdLinks).toBe(valid);
    expect(Object.values(stats.createdLinksByOrderId).every((n) => n === 1)).toBe(true);
    // Every row that got a link was sent once; so were the rows Midtrans refused (sent despite a warning).
    const refused = fixture.kinds.filter((k) => WARNED_FIELD[k]?.refusedByMidtrans).length;
    expect(Object.keys(stats.createCallsByOrderId)).toHaveLength(ids.size + refused);
    for (const id of ids) expect(stats.createCallsByOrderId[id]).toBe(1);
  });

  test('every invalid row shows Error and a Note naming the field to fix, and gets no order id and no call', () => {
    const after = h.rows();
    fixture.kinds.forEach((kind, i) => {
      const field = BROKEN_FIELD[kind];
      if (!field) return;
      const r = after[i + 1];
      expect({ row: i + 2, status: r[col(MERCHANT_HEADER, 'Status')] }).toEqual({ row: i + 2, status: 'Error' });
      expect(String(r[col(MERCHANT_HEADER, 'Note')])).toMatch(new RegExp(`^${field}: `));
      expect(r[col(MERCHANT_HEADER, 'Order ID')]).toBe('');
      expect(r[col(MERCHANT_HEADER, 'Payment Link')]).toBe('');
    });
  });

  test("blank rows and the merchant's own columns are left exactly as they were", () => {
    const after = h.rows();
    fixture.kinds.forEach((kind, i) => {
      if (kind === 'blank') expect(after[i + 1]).toEqual(before[i + 1]);
      for (const own of ['Sales Rep', 'Region', 'Customer Name', 'Amount', 'Customer Email']) {
        const was = before[i + 1][col(MERCHANT_HEADER, own)];
        const is = after[i + 1][col(MERCHANT_HEADER, own)];
        // The one exception: an empty Amount of a row billed as Quantity × Unit Price shows the billed total.
        if (own === 'Amount' && was === '' && after[i + 1][col(MERCHANT_HEADER, 'Payment Link')] !== '') {
          const price = parseRupiah(before[i + 1][col(MERCHANT_HEADER, 'Unit Price')] as string | number).value ?? NaN;
          const quantity = Number(before[i + 1][col(MERCHANT_HEADER, 'Quantity')] || 1);
          expect(is).toBe(formatRupiah(price * quantity));
          continue;
        }
        expect(is).toEqual(was);
      }
    });
    expect(after[0]).toEqual(MERCHANT_HEADER);
  });

  test('what the add-on wrote is plain text (format @), never a formula', () => {
    h.env.untracked(() => undefined);
    for (let r = 2; r <= 301; r++) {
      for (const name of ['Payment Link', 'Status', 'Note']) {
        const c = h.env.inspectCell('Invoices', r, col(MERCHANT_HEADER, name) + 1);
        if (!c || c.value === '') continue;
        expect({ r, name, format: c.numberFormat, formula: c.formula }).toEqual({ r, name, format: '@', formula: '' });
      }
    }
  });

  test('a row that breaks only an inferred rule is sent: its Note carries the warning, and Midtrans decides', () => {
    const after = h.rows();
    let seen = 0;
    fixture.kinds.forEach((kind, i) => {
      const warned = WARNED_FIELD[kind];
      if (!warned) return;
      seen++;
      const r = after[i + 1];
      const note = String(r[col(MERCHANT_HEADER, 'Note')]);
      if (warned.refusedByMidtrans) {
        expect(r[col(MERCHANT_HEADER, 'Status')]).toBe('Error');
        expect(note).toMatch(/enabled_payments|Payment Methods/);
      } else {
        expect(r[col(MERCHANT_HEADER, 'Status')]).toBe('Link created');
        // The Note is the row's own cell, so it names the column, not the row (as a problem's Note does).
        expect(note).toMatch(new RegExp(`^${warned.field}: `));
      }
    });
    expect(seen).toBeGreaterThan(0);
  });

  test('the summary tells how many links were made, how many rows need fixing and how many Midtrans refused', () => {
    const valid = fixture.kinds.filter(isValidKind).length;
    const invalid = fixture.kinds.filter((k) => BROKEN_FIELD[k]).length;
    const refused = fixture.kinds.filter((k) => WARNED_FIELD[k]?.refusedByMidtrans).length;
    const last = h.env.ui.alerts[h.env.ui.alerts.length - 1];
    expect(last.prompt).toBe(
      `${valid} links ready; ${invalid} rows need fixing (see Note); ${refused} failed at Midtrans (see Note; run Generate again to retry).`,
    );
    expect(h.env.ui.toasts.length).toBeGreaterThan(0);
  });

  test('the whole run fits in one execution of the modelled 6 minutes', () => {
    expect(h.env.killed).toBeNull();
    expect(h.env.modelledMs()).toBeLessThan(6 * 60_000);
  });
});

describe('batching', () => {
  test('100 contiguous rows: 3 fetchAll round trips (25, then 50 after a clean answer, then the last 25), one table read, one write per chunk plus two before', () => {
    const h = createHarness();
    h.setSheet(simpleRows(100));
    h.run('generatePaymentLinks');
    const m = h.env.calls.byMethod;
    const chunks = 3;
    expect(h.env.calls.fetchRoundTrips).toBe(chunks);
    expect(h.env.calls.fetchRequests).toBe(100);
    expect(m['UrlFetchApp.fetch'] ?? 0).toBe(0);
    expect(m['Sheet.getDataRange']).toBe(1);
    // One table read + one Order ID check per chunk (rows may have been sorted meanwhile).
    expect(m['Range.getValues']).toBe(1 + chunks);
    // Order ids (1 block) and queued statuses (1 block) before any create, then one block per chunk.
    expect(m['Range.setValues']).toBe(2 + chunks);
    expect(linkCount(h)).toBe(100);
  });

  test('chunks start at 25 and double while Midtrans answers cleanly: 400 rows go as 25, 50, 100, 200 and the last 25', () => {
    const h = createHarness();
    h.setSheet(simpleRows(400));
    const sizes: number[] = [];
    let before = 0;
    const fetchAll = (h.env.globals.UrlFetchApp as { fetchAll: (r: unknown[]) => unknown[] }).fetchAll;
    (h.env.globals.UrlFetchApp as { fetchAll: (r: unknown[]) => unknown[] }).fetchAll = (requests: unknown[]) => {
      before = requests.length;
      sizes.push(before);
      return fetchAll(requests);
    };
    h.run('generatePaymentLinks');
    expect(sizes).toEqual([CHUNK, 50, 100, 200, 25]);
  });
});

describe('one run at a time', () => {
  test('a second run while another is going is refused with a clear message and sends nothing', () => {
    const h = createHarness();
    h.setSheet(simpleRows(3));
    h.env.untracked(() =>
      h.env.properties.script.set(
        'MIDTRANS_RUN',
        JSON.stringify({ id: 'other', kind: 'generating links', startedAt: h.env.now() - 30_000 }),
      ),
    );
    h.run('generatePaymentLinks');
    expect(h.env.ui.alerts.pop()?.prompt).toMatch(/^Another Midtrans run \(generating links\) started at \d\d:\d\d:\d\d is still going/);
    expect(h.env.fetches).toHaveLength(0);
    expect(linkCount(h)).toBe(0);
  });

  test('when the script lock is held elsewhere the run does not start and says to try again', () => {
    const h = createHarness();
    h.setSheet(simpleRows(3));
    h.env.setLockContention(true);
    h.run('generatePaymentLinks');
    expect(h.env.ui.alerts.pop()?.prompt).toBe('Another Midtrans action is saving right now; try again in a few seconds.');
    expect(h.env.fetches).toHaveLength(0);
  });

  test('a double click (two runs one after the other) makes no second link', () => {
    const h = createHarness();
    h.setSheet(simpleRows(30));
    h.run('generatePaymentLinks');
    const links = h.rows().map((r) => r[col(TEMPLATE, 'Payment Link')]);
    h.run('generatePaymentLinks');
    expect(h.rows().map((r) => r[col(TEMPLATE, 'Payment Link')])).toEqual(links);
    expect(h.sim.stats().createdLinks).toBe(30);
    expect(h.env.calls.fetchRequests).toBe(0);
  });
});

describe('a run cut off at any service call, then run again', () => {
  const ROWS = 60;
  let refused = 0;
  let recovered = 0;
  // A full run, to learn how many service calls it makes and where its fetchAll round trips fall.
  const probe = (() => {
    const h = createHarness();
    h.setSheet(simpleRows(ROWS));
    const fetchAllAt: number[] = [];
    const app = h.env.globals.UrlFetchApp as { fetchAll: (r: unknown[]) => unknown[] };
    const real = app.fetchAll;
    app.fetchAll = (requests: unknown[]) => {
      fetchAllAt.push(h.env.calls.total + 1);
      return real(requests);
    };
    h.run('generatePaymentLinks');
    return { total: h.env.calls.total, fetchAllAt };
  })();
  let seed = 20261127;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  // Right around each create round trip (the links exist at Midtrans, the sheet does not know yet),
  // plus seeded random points over the whole run.
  const cuts = [
    ...probe.fetchAllAt.flatMap((at) => [at, at + 1, at + 3, at + 8]),
    ...Array.from({ length: 8 }, () => 1 + Math.floor(random() * (probe.total - 1))),
    1,
    probe.total - 1,
  ].sort((a, b) => a - b);

  test.each([...new Set(cuts)].filter((c) => c < probe.total))(
    'cut at call %i: the rerun finishes with one link per row, none twice',
    (cut) => {
      const h = createHarness();
      h.setSheet(simpleRows(ROWS));
      h.env.newExecution({ stopAtCall: cut });
      expect(() => h.fns.generatePaymentLinks()).toThrow(/Exceeded maximum execution time/);
      const sentBefore = h.env.fetches.length;
      h.run('generatePaymentLinks');
      const answer = h.env.ui.alerts.pop()?.prompt ?? '';
      if (/still going/.test(answer)) {
        // Killed after it marked itself as running: refused (sending nothing) until no execution could still be alive.
        expect(h.env.fetches.length).toBe(sentBefore);
        refused++;
        h.env.advanceClock(6.5 * 60_000);
        h.run('generatePaymentLinks');
      }
      expect(linkCount(h)).toBe(ROWS);
      const stats = h.sim.stats();
      expect(stats.createdLinks).toBe(ROWS);
      expect(Object.values(stats.createdLinksByOrderId).every((n) => n === 1)).toBe(true);
      const statusCol = col(TEMPLATE, 'Status');
      expect(
        new Set(
          h
            .rows()
            .slice(1)
            .map((r) => r[statusCol]),
        ),
      ).toEqual(new Set(['Link created']));
      // Every row's link is the one Midtrans holds for its order id.
      const ids = h
        .rows()
        .slice(1)
        .map((r) => String(r[col(TEMPLATE, 'Order ID')]));
      expect(new Set(ids).size).toBe(ROWS);
      if (Object.values(stats.createCallsByOrderId).some((n) => n > 1)) recovered++;
    },
  );

  test('the cuts above did exercise both the refusal of a dead run and the 409 recovery', () => {
    expect(refused).toBeGreaterThan(0);
    expect(recovered).toBeGreaterThan(0);
  });
});

test('an order id Midtrans already has for a different amount is an Error naming the Order ID, not a link', () => {
  const h = createHarness();
  const auth = `Basic ${Buffer.from(`${SERVER_KEY}:`).toString('base64')}`;
  const res = h.sim.handle({
    method: 'POST',
    path: '/v1/payment-links',
    headers: { authorization: auth, 'content-type': 'application/json' },
    body: JSON.stringify({ transaction_details: { order_id: 'SO-1', gross_amount: 99000 }, usage_limit: 1 }),
  });
  expect(res.status).toBe(200);
  h.setSheet([row({ 'Order ID': 'SO-1', Amount: 50000 })]);
  h.run('generatePaymentLinks');
  expect(h.cell(2, 'Status')).toBe('Error');
  // The same words the n8n node and the async client give (one message, in the core's create protocol).
  expect(h.cell(2, 'Note')).toBe(
    'Midtrans create failed (409): Order ID "SO-1" is already used by another payment link with a different amount; use a new Order ID',
  );
  expect(h.cell(2, 'Payment Link')).toBe('');
});

describe('the 6-minute limit', () => {
  test('a slow Midtrans makes the run stop in time, queue the rest and continue from a trigger', () => {
    // 45 s per fetchAll: the growing chunks carry ~800 rows in the 4.5-minute budget, so 2,000 cannot fit.
    const h = createHarness({ faults: { latencyMs: { create: 45_000 } } });
    h.setSheet(simpleRows(2000));
    h.run('generatePaymentLinks');
    expect(h.env.killed).toBeNull();
    expect(h.env.modelledMs()).toBeLessThan(6 * 60_000);
    const message = h.env.ui.alerts.pop()?.prompt ?? '';
    expect(message).toMatch(/stopped to stay within Apps Script's 6-minute limit with \d+ rows queued; it continues by itself/);
    const queued = h.rows().filter((r) => r[col(TEMPLATE, 'Status')] === 'Queued').length;
    expect(queued).toBeGreaterThan(0);
    expect(linkCount(h)).toBe(2000 - queued);
    const trigger = h.env.triggers.filter((t) => t.handlerFunction === 'continueGeneration');
    expect(trigger).toHaveLength(1);
    for (let i = 0; i < 5 && h.rows().some((r) => r[col(TEMPLATE, 'Status')] === 'Queued'); i++) {
      h.run('continueGeneration', 'trigger', { triggerUid: 'continuation' });
      expect(h.env.modelledMs()).toBeLessThan(6 * 60_000);
    }
    expect(linkCount(h)).toBe(2000);
    expect(h.sim.stats().createdLinks).toBe(2000);
  });

  test('as an add-on (no minute triggers) it tells the user to press Continue, which finishes the queued rows', () => {
    const h = createHarness({
      faults: { latencyMs: { create: 45_000 } },
      emulator: { addOn: true, installationSource: 'WEB_STORE_ADD_ON' },
    });
    h.setSheet(simpleRows(2000));
    h.run('generatePaymentLinks');
    expect(h.env.ui.alerts.pop()?.prompt).toMatch(/open Midtrans ▸ Settings and press Continue to finish\.$/);
    expect(h.env.triggers.filter((t) => t.handlerFunction === 'continueGeneration')).toHaveLength(0);
    let report = h.run('continueGeneration') as { stoppedForTime: boolean; remaining: number };
    while (report.stoppedForTime) report = h.run('continueGeneration') as { stoppedForTime: boolean; remaining: number };
    expect(linkCount(h)).toBe(2000);
    expect(h.sim.stats().createdLinks).toBe(2000);
  });
});

test('Generate for selected rows sends only the selected rows', () => {
  const h = createHarness();
  h.setSheet(simpleRows(10));
  h.env.untracked(() => {
    const sheet = h.env.spreadsheet.getSheetByName('Invoices') as GoogleAppsScript.Spreadsheet.Sheet;
    h.env.spreadsheet.setActiveSheet(sheet);
    h.env.spreadsheet.setActiveRangeList(sheet.getRangeList(['A3:C4', 'B8']));
  });
  h.run('generateForSelectedRows');
  const withLink = h
    .rows()
    .map((r, i) => (String(r[col(TEMPLATE, 'Payment Link')]).startsWith('https://') ? i + 1 : 0))
    .filter(Boolean);
  expect(withLink).toEqual([3, 4, 8]);
});

test('Generate for selected rows says how many selected rows already had a link and were left alone', () => {
  const h = createHarness();
  h.setSheet(simpleRows(10));
  const selectAndRun = (a1: string[]) => {
    h.env.untracked(() => {
      const sheet = h.env.spreadsheet.getSheetByName('Invoices') as GoogleAppsScript.Spreadsheet.Sheet;
      h.env.spreadsheet.setActiveSheet(sheet);
      h.env.spreadsheet.setActiveRangeList(sheet.getRangeList(a1));
    });
    h.run('generateForSelectedRows');
    return h.env.ui.alerts.pop()?.prompt;
  };
  expect(selectAndRun(['A2:C4'])).toBe('3 links ready.');
  const links = h
    .rows()
    .slice(1, 4)
    .map((r) => r[col(TEMPLATE, 'Payment Link')]);
  expect(selectAndRun(['A2:C6'])).toBe('2 links ready; 3 selected rows already have a link and were left alone.');
  expect(selectAndRun(['B3'])).toBe('Nothing to send: 1 selected row already has a link and was left alone.');
  expect(
    h
      .rows()
      .slice(1, 4)
      .map((r) => r[col(TEMPLATE, 'Payment Link')]),
  ).toEqual(links);
  expect(h.sim.stats().createdLinks).toBe(5);
  expect(linkCount(h)).toBe(5);
});

test('without a server key nothing is sent and the user is told where to set it', () => {
  const h = createHarness({ withKey: false });
  h.setSheet(simpleRows(2));
  h.run('generatePaymentLinks');
  expect(h.env.ui.alerts.pop()?.prompt).toMatch(/^No Midtrans server key yet: open Midtrans ▸ Settings/);
  expect(h.env.fetches).toHaveLength(0);
});

describe('Midtrans faults during a run', () => {
  test('429/500/503 answers are retried in the next round trip and end as links', () => {
    const h = createHarness({
      faults: {
        script: [
          { route: 'create', call: 2, fault: 500 },
          { route: 'create', call: 7, fault: 503 },
          { route: 'create', call: 11, fault: 429 },
        ],
      },
    });
    h.setSheet(simpleRows(20));
    h.run('generatePaymentLinks');
    expect(linkCount(h)).toBe(20);
    expect(h.env.calls.fetchRoundTrips).toBe(2);
    expect(h.env.calls.fetchRequests).toBe(23);
    expect(h.sim.stats().createdLinks).toBe(20);
  });

  test('a timeout fails the whole fetchAll; the retry finds the links that did get made (409) and adopts them', () => {
    const h = createHarness({ faults: { script: [{ route: 'create', call: 4, fault: 'timeout' }] } });
    h.setSheet(simpleRows(10));
    h.run('generatePaymentLinks');
    expect(linkCount(h)).toBe(10);
    const stats = h.sim.stats();
    expect(stats.createdLinks).toBe(10);
    expect(Object.values(stats.createdLinksByOrderId).every((n) => n === 1)).toBe(true);
    // Every create was sent twice (the batch was retried), and the second answer was a 409 recovered by GET.
    expect(Object.values(stats.createCallsByOrderId)).toEqual(Array(10).fill(2));
    expect(h.env.ui.alerts.pop()?.prompt).toBe('10 links ready; 10 of them already existed from an earlier run and were reused.');
  });

  test('a Midtrans that keeps failing leaves Error rows that say to run again, and running again finishes them', () => {
    const h = createHarness({ faults: { errorRates: { '503': 1 }, routes: ['create'] } });
    h.setSheet(simpleRows(3));
    h.run('generatePaymentLinks');
    expect(
      h
        .rows()
        .slice(1)
        .map((r) => r[col(TEMPLATE, 'Status')]),
    ).toEqual(['Error', 'Error', 'Error']);
    expect(String(h.cell(2, 'Note'))).toMatch(
      /\(503\).*; run Generate again later \(the same order id is reused, so no second link is made\)$/,
    );
    const ids = h
      .rows()
      .slice(1)
      .map((r) => r[col(TEMPLATE, 'Order ID')]);
    h.sim.setFaults(undefined);
    h.run('generatePaymentLinks');
    expect(
      h
        .rows()
        .slice(1)
        .map((r) => r[col(TEMPLATE, 'Status')]),
    ).toEqual(['Link created', 'Link created', 'Link created']);
    expect(
      h
        .rows()
        .slice(1)
        .map((r) => r[col(TEMPLATE, 'Order ID')]),
    ).toEqual(ids);
  });
});

test('the merchant sorts the sheet while a run is in flight: every link still lands in its own row', () => {
  const h = createHarness();
  h.setSheet(Array.from({ length: 40 }, (_, i) => row({ 'Customer Name': `C${String(40 - i).padStart(2, '0')}`, Amount: 10000 + i })));
  const app = h.env.globals.UrlFetchApp as { fetchAll: (r: unknown[]) => unknown[] };
  const real = app.fetchAll;
  let sorted = false;
  app.fetchAll = (requests: unknown[]) => {
    const out = real(requests);
    if (!sorted) {
      sorted = true;
      h.env.untracked(() =>
        (h.env.spreadsheet.getSheetByName('Invoices') as GoogleAppsScript.Spreadsheet.Sheet)
          .getRange(2, 1, 40, TEMPLATE.length)
          .sort({ column: TEMPLATE.indexOf('Customer Name') + 1, ascending: true }),
      );
    }
    return out;
  };
  h.run('generatePaymentLinks');
  expect(linkCount(h)).toBe(40);
  // Each row's link is the one Midtrans holds for that row's order id, and its amount is that row's.
  for (const r of h.rows().slice(1)) {
    const id = String(r[col(TEMPLATE, 'Order ID')]);
    const res = h.sim.handle({
      method: 'GET',
      path: `/v1/payment-links/${id}`,
      headers: { authorization: `Basic ${Buffer.from(`${SERVER_KEY}:`).toString('base64')}` },
    });
    const link = JSON.parse(res.body);
    expect({ id, url: r[col(TEMPLATE, 'Payment Link')], amount: r[col(TEMPLATE, 'Amount')] }).toEqual({
      id,
      url: link.payment_link_url,
      amount: link.gross_amount,
    });
  }
});
