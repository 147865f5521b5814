/**
 * The add-on calls only what each kind of execution may (the emulator's auth-mode.ts): its onOpen is a
 * simple trigger, its time-driven handlers are installable triggers, doPost is the web app.
 */
import { createHarness, row, SERVER_KEY } from './harness';

test('onOpen builds the same Midtrans menu in AuthMode.NONE, LIMITED and FULL (onInstall), calling nothing a simple trigger may not', () => {
  const menus = (['NONE', 'LIMITED', 'FULL'] as const).map((authMode) => {
    const h = createHarness();
    h.env.newExecution({ authMode });
    (authMode === 'FULL' ? h.fns.onInstall : h.fns.onOpen)({ authMode });
    expect(Object.keys(h.env.calls.byMethod).every((m) => /^(SpreadsheetApp\.getUi|Ui\.createMenu|Menu\.)/.test(m))).toBe(true);
    return h.env.ui.menus;
  });
  expect(menus[0]).toHaveLength(1);
  expect(menus[1]).toEqual(menus[0]);
  expect(menus[2]).toEqual(menus[0]);
});

test('the bundle loads with its module scope in AuthMode.NONE: no service is called before an entry point runs', () => {
  const h = createHarness();
  expect(h.env.history[0]?.calls.total ?? h.env.calls.total).toBe(0);
});

test('the hourly refresh, an installable trigger, runs FULL: it reaches Midtrans and writes the sheet without a UI', () => {
  const h = createHarness();
  h.setSheet([row({ 'Customer Name': 'Budi', 'Customer Email': 'budi@example.com', Amount: 150000 })]);
  h.run('generatePaymentLinks');
  h.run('setTimedRefresh', 'ui', true);
  h.env.advanceClock(3_600_000);
  const ran = h.env.runDueTriggers(h.fns as Record<string, (...args: unknown[]) => unknown>);
  expect(ran.map((r) => [r.handler, r.error])).toEqual([['timedRefresh', null]]);
  expect(h.env.fetches.length).toBeGreaterThan(1);
  expect(h.env.properties.script.get('MIDTRANS_SERVER_KEY')).toBe(SERVER_KEY);
});
