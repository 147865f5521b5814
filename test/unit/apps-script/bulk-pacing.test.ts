/**
 * Bulk runs at Apps Script's and Midtrans' limits, on the built bundle in the emulator against the
 * simulator: chunks that follow Midtrans' pace (429s, Retry-After, timeouts), the daily URL Fetch quota
 * (warned before sending, stopped at, continued when it resets, said in the sheet), and the progress
 * toast a person sees while the run works. The pure pacing rules are pinned first.
 */
import { chunkFor, firstPace, nextPace, FIRST_CHUNK, MAX_CHUNK, PROBE_AFTER, type ChunkOutcome } from '../../../apps-script/src/chunk-size';
import fs from 'fs';
import path from 'path';
import { createHarness, row, TEMPLATE, type Harness } from './harness';

const clean = (sent: number, extra: Partial<ChunkOutcome> = {}): ChunkOutcome => ({
  sent,
  throttled: 0,
  timedOut: false,
  elapsedMs: 2000,
  ...extra,
});

function simpleRows(n: number): unknown[][] {
  return Array.from({ length: n }, (_, i) =>
    row({ 'Customer Name': `Pelanggan ${i}`, 'Customer Email': `p${i}@example.com`, Amount: 10000 + i }),
  );
}
const colOf = (name: string) => TEMPLATE.indexOf(name);
const linkCount = (h: Harness) =>
  h
    .rows()
    .slice(1)
    .filter((r) => String(r[colOf('Payment Link')]).startsWith('https://')).length;
const statusCount = (h: Harness, s: string) =>
  h
    .rows()
    .slice(1)
    .filter((r) => r[colOf('Status')] === s).length;

/** The sizes of every fetchAll the bundle makes. */
function recordSizes(h: Harness): number[] {
  const sizes: number[] = [];
  const app = h.env.globals.UrlFetchApp as { fetchAll: (r: unknown[]) => unknown[] };
  const real = app.fetchAll;
  app.fetchAll = (requests: unknown[]) => {
    sizes.push(requests.length);
    return real(requests);
  };
  return sizes;
}

describe('the pace (chunk-size.ts)', () => {
  test('doubles on clean chunks up to the cap; a short last chunk does not grow it', () => {
    let p = firstPace();
    expect(p.size).toBe(FIRST_CHUNK);
    const sizes = [];
    for (let i = 0; i < 8; i++) {
      sizes.push(p.size);
      p = nextPace(p, clean(p.size));
    }
    expect(sizes).toEqual([25, 50, 100, 200, 400, MAX_CHUNK, MAX_CHUNK, MAX_CHUNK]);
    expect(nextPace({ size: 100, cleanAtCeiling: 0 }, clean(30)).size).toBe(100);
  });

  test('429s shrink it to what Midtrans accepted, which becomes a ceiling probed 10% higher only after PROBE_AFTER clean chunks', () => {
    let p = nextPace({ size: 50, cleanAtCeiling: 0 }, clean(50, { throttled: 30 }));
    expect([p.size, p.ceiling]).toEqual([20, 20]);
    for (let i = 1; i < PROBE_AFTER; i++) {
      p = nextPace(p, clean(20));
      expect(p.size).toBe(20);
    }
    p = nextPace(p, clean(20));
    expect([p.size, p.ceiling]).toEqual([22, 22]);
    p = nextPace(p, clean(22, { throttled: 2 }));
    expect([p.size, p.ceiling]).toEqual([20, 20]);
    expect(nextPace({ size: 5, cleanAtCeiling: 0 }, clean(5, { throttled: 5 })).size).toBe(1);
  });

  test('a timeout halves it, never below one', () => {
    expect(nextPace({ size: 100, cleanAtCeiling: 0 }, clean(100, { timedOut: true })).size).toBe(50);
    expect(nextPace({ size: 1, cleanAtCeiling: 0 }, clean(1, { timedOut: true })).size).toBe(1);
  });

  test('no chunk is bigger than the time left carries at the measured cost per create (but always at least one)', () => {
    const p = nextPace(firstPace(), clean(25, { elapsedMs: 5000 })); // 200 ms a create
    expect(p.size).toBe(50);
    expect(chunkFor(p, 60_000)).toBe(50);
    expect(chunkFor(p, 4_000)).toBe(20);
    expect(chunkFor(p, 10)).toBe(1);
    expect(chunkFor(firstPace(), 10)).toBe(FIRST_CHUNK);
  });
});

describe('a rate-limited Midtrans (20 creates at once)', () => {
  test('the first chunk of 25 meets five 429s; the rest go in chunks of 20, every row gets exactly one link', () => {
    const h = createHarness({ faults: { rateLimit: { maxConcurrent: 20 } } });
    h.setSheet(simpleRows(150));
    const sizes = recordSizes(h);
    h.run('generatePaymentLinks');
    expect(linkCount(h)).toBe(150);
    expect(h.sim.stats().createdLinks).toBe(150);
    expect(Object.values(h.sim.stats().createdLinksByOrderId).every((n) => n === 1)).toBe(true);
    // 25 (5 refused, retried as 5), then 20s: never again above what Midtrans took at once.
    expect(sizes.slice(0, 3)).toEqual([25, 5, 20]);
    expect(Math.max(...sizes.slice(2))).toBe(20);
    expect(h.sim.stats().rateLimited).toBe(5);
  });

  test('Retry-After is waited out before the next request goes', () => {
    const h = createHarness({ faults: { rateLimit: { maxConcurrent: 20, retryAfterSeconds: 4 } } });
    h.setSheet(simpleRows(40));
    const sent: number[] = [];
    const app = h.env.globals.UrlFetchApp as { fetchAll: (r: unknown[]) => unknown[] };
    const real = app.fetchAll;
    app.fetchAll = (requests: unknown[]) => {
      sent.push(h.env.now());
      return real(requests);
    };
    h.run('generatePaymentLinks');
    expect(linkCount(h)).toBe(40);
    const sleeps = h.env.calls.byMethod['Utilities.sleep'] ?? 0;
    expect(sleeps).toBeGreaterThan(0);
    // The answer to the first fetchAll arrives about one round trip after it went; the retry waits 4 s past that.
    expect(sent[1] - sent[0]).toBeGreaterThanOrEqual(4000);
  });
});

describe('the daily URL Fetch quota', () => {
  const consumer = { emulator: { ownerEmail: 'merchant@gmail.com', dailyQuota: { urlfetch: 20_000 } } };

  test('a run that needs more than is left says so before sending, sends what fits, and the rest wait with the time in Note', () => {
    const h = createHarness(consumer);
    h.env.properties.script.set('MIDTRANS_URLFETCH_DAILY_QUOTA', '60');
    h.setSheet(simpleRows(100));
    const sizes = recordSizes(h);
    h.run('generatePaymentLinks');
    const warning = h.env.ui.toasts.find((t) => /needs about 100 requests/.test(t.message));
    expect(warning?.message).toMatch(
      /only 60 of today's 60 Apps Script URL Fetch requests are left: it sends 60 rows now and the rest continue at \d{4}-\d\d-\d\d \d\d:\d\d/,
    );
    // Said before the first request: it is the first toast and nothing had been sent at that time.
    expect(h.env.ui.toasts[0]).toBe(warning);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(60);
    expect(linkCount(h)).toBe(60);
    expect(statusCount(h, 'Queued')).toBe(40);
    const notes = h
      .rows()
      .slice(1)
      .filter((r) => r[colOf('Status')] === 'Queued')
      .map((r) => String(r[colOf('Note')]));
    expect(notes.every((n) => /^Waiting for tomorrow's Apps Script URL Fetch quota: continues at 2026-11-28 10:0\d$/.test(n))).toBe(true);
    expect(h.env.ui.alerts.pop()?.prompt).toMatch(
      /stopped at today's Apps Script URL Fetch quota with 40 rows queued; it continues by itself at 2026-11-28 10:0\d/,
    );
    const trigger = h.env.triggers.find((t) => t.handlerFunction === 'continueGeneration');
    expect(trigger?.dueAt).toBeGreaterThanOrEqual(h.env.now() + 23 * 3_600_000);
  });

  test('the next day it continues from the same place and finishes, one link per row', () => {
    const h = createHarness(consumer);
    h.env.properties.script.set('MIDTRANS_URLFETCH_DAILY_QUOTA', '60');
    h.setSheet(simpleRows(100));
    h.run('generatePaymentLinks');
    const trigger = h.env.triggers.find((t) => t.handlerFunction === 'continueGeneration')!;
    // A continuation fired too early (before the reset) sends nothing.
    const early = h.run('continueGeneration', 'trigger', { triggerUid: trigger.id }) as { created: number; stoppedForQuota: boolean };
    expect(early).toMatchObject({ created: 0, stoppedForQuota: true });
    h.env.advanceClock((trigger.dueAt as number) - h.env.now());
    h.env.newDay();
    const report = h.run('continueGeneration', 'trigger', { triggerUid: trigger.id }) as { created: number; stoppedForQuota: boolean };
    expect(report.created).toBe(40);
    expect(report.stoppedForQuota).toBe(false);
    expect(linkCount(h)).toBe(100);
    expect(statusCount(h, 'Queued')).toBe(0);
    expect(h.sim.stats().createdLinks).toBe(100);
  });

  test('when the real quota refuses first (other scripts used it), the rows stay Queued, not Error, and wait for the reset', () => {
    const h = createHarness({ emulator: { ownerEmail: 'merchant@gmail.com', dailyQuota: { urlfetch: 30 } } });
    h.setSheet(simpleRows(100));
    h.run('generatePaymentLinks');
    expect(linkCount(h)).toBe(25);
    expect(statusCount(h, 'Error')).toBe(0);
    expect(statusCount(h, 'Queued')).toBe(75);
    expect(h.env.ui.alerts.pop()?.prompt).toMatch(/stopped at today's Apps Script URL Fetch quota with 75 rows queued/);
  });

  test('a Workspace account (not gmail.com) is given 100,000 a day; a consumer account 20,000', () => {
    const ws = createHarness({ emulator: { ownerEmail: 'finance@toko-contoh.co.id', dailyQuota: { urlfetch: 100_000 } } });
    ws.env.properties.user.set('MIDTRANS_URLFETCH_LEDGER', JSON.stringify({ since: ws.env.now(), used: 99_990 }));
    ws.setSheet(simpleRows(30));
    ws.run('generatePaymentLinks');
    expect(linkCount(ws)).toBe(10);
    const c = createHarness(consumer);
    c.env.properties.user.set('MIDTRANS_URLFETCH_LEDGER', JSON.stringify({ since: c.env.now(), used: 19_990 }));
    c.setSheet(simpleRows(30));
    c.run('generatePaymentLinks');
    expect(linkCount(c)).toBe(10);
  });
});

test('the Workspace quota is only found with userinfo.email in the manifest: without it Apps Script refuses Session.getEffectiveUser and a Workspace account is paced as gmail.com', () => {
  const shipped = (
    JSON.parse(fs.readFileSync(path.join(__dirname, '../../../apps-script/appsscript.json'), 'utf8')) as { oauthScopes: string[] }
  ).oauthScopes;
  const EMAIL_SCOPE = 'https://www.googleapis.com/auth/userinfo.email';
  expect(shipped).toContain(EMAIL_SCOPE);
  const linksMade = (oauthScopes: string[]) => {
    const h = createHarness({ emulator: { ownerEmail: 'finance@toko-contoh.co.id', dailyQuota: { urlfetch: 100_000 }, oauthScopes } });
    h.env.properties.user.set('MIDTRANS_URLFETCH_LEDGER', JSON.stringify({ since: h.env.now(), used: 19_990 }));
    h.setSheet(simpleRows(30));
    h.run('generatePaymentLinks');
    return linkCount(h);
  };
  expect(linksMade(shipped)).toBe(30);
  expect(linksMade(shipped.filter((s) => s !== EMAIL_SCOPE))).toBe(10);
});

describe('progress a person can see', () => {
  test('while a long run works, a toast after each chunk says rows done, rows left and the time to go, each replacing the last', () => {
    const h = createHarness();
    h.setSheet(simpleRows(400));
    h.run('generatePaymentLinks');
    const progress = h.env.ui.toasts.filter((t) => /rows sent to Midtrans/.test(t.message));
    expect(progress.map((t) => t.message.replace(/, about .* to go…$/, ''))).toEqual([
      '25 of 400 rows sent to Midtrans, 375 left',
      '75 of 400 rows sent to Midtrans, 325 left',
      '175 of 400 rows sent to Midtrans, 225 left',
      '375 of 400 rows sent to Midtrans, 25 left',
    ]);
    expect(progress.every((t) => /, about \d+ (s|min) to go…$/.test(t.message))).toBe(true);
    expect(progress.every((t) => t.shown === true && t.title === 'Midtrans')).toBe(true);
    // Kept current: each appears later than the one before, and stays up longer than a chunk takes.
    for (let i = 1; i < progress.length; i++) expect(progress[i].at as number).toBeGreaterThan(progress[i - 1].at as number);
    expect(progress.every((t) => (t.timeoutSeconds ?? 0) >= 30)).toBe(true);
    expect(h.env.calls.byMethod['Spreadsheet.toast']).toBe(h.env.ui.toasts.length);
  });

  test('the estimate follows the pace: with a slow Midtrans it says minutes, not seconds', () => {
    const h = createHarness({ faults: { latencyMs: { create: 20_000 } } });
    h.setSheet(simpleRows(300));
    h.run('generatePaymentLinks');
    const first = h.env.ui.toasts.find((t) => /rows sent to Midtrans/.test(t.message));
    expect(first?.message).toMatch(/^25 of 300 rows sent to Midtrans, 275 left, about \d+ min to go…$/);
  });
});
