/**
 * The Settings sidebar in headless Chromium, with `google.script.run` replaced by a stub that routes
 * each call to a fake server in this process: what the page sends, and what it shows, are real.
 * Screenshots land in test-artifacts/ (gitignored) for a human to look at.
 */
import fs from 'fs';
import path from 'path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../../support/browser';
import { sidebarText } from '../../../apps-script/src/i18n/sidebar';

const HTML = fs.readFileSync(path.join(__dirname, '../../../apps-script/src/html/Settings.html'), 'utf8');
const ARTIFACTS = path.join(__dirname, '../../../test-artifacts/apps-script');
const FULL_KEY = 'SB-Mid-server-AbCdEfGhIjKlMnOp1234';

interface View {
  hasKey: boolean;
  maskedKey: string;
  environment: string;
  baseUrl: string;
  webAppUrl: string;
  bound: boolean;
  timedRefresh: boolean;
  language: string;
  text: Record<string, string>;
}

type Handler = (arg: unknown) => unknown;

/** google.script.run as the page sees it: chainable handlers, one async call per server function. */
const RUN_STUB = `(function () {
  function runner(ok, fail) {
    return new Proxy({}, {
      get: function (_t, prop) {
        if (prop === 'withSuccessHandler') return function (f) { return runner(f, fail); };
        if (prop === 'withFailureHandler') return function (f) { return runner(ok, f); };
        return function (arg) {
          window.__serverCall(prop, arg).then(function (r) {
            if (r.error !== undefined) { if (fail) fail(new Error(r.error)); } else if (ok) ok(r.value);
          });
        };
      }
    });
  }
  window.google = { script: { run: runner() } };
})();`;

let browser: Browser;
jest.setTimeout(30_000);

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Opens the sidebar with a stubbed google.script.run whose calls go to `server`; records every call. */
async function openSidebar(server: Record<string, Handler>): Promise<{ page: Page; calls: { name: string; arg: unknown }[] }> {
  const page = await browser.newPage({ viewport: { width: 300, height: 900 } });
  const calls: { name: string; arg: unknown }[] = [];
  await page.exposeFunction('__serverCall', async (name: string, arg: unknown) => {
    calls.push({ name, arg });
    const handler = server[name];
    if (!handler) return { error: `no server function ${name}` };
    try {
      return { value: await handler(arg) };
    } catch (e) {
      return { error: (e as Error).message };
    }
  });
  // setContent does not run init scripts, so the stub goes into the page ahead of its own script.
  await page.setContent(HTML.replace('<head>', `<head><script>${RUN_STUB}</script>`));
  return { page, calls };
}

function view(over: Partial<View> = {}): View {
  return {
    hasKey: true,
    maskedKey: 'SB-Mid-server-••••••••1234',
    environment: 'sandbox',
    baseUrl: '',
    webAppUrl: 'https://script.google.com/macros/s/AKfycbTEST/exec',
    bound: true,
    timedRefresh: false,
    language: '',
    text: sidebarText('en'),
    ...over,
  };
}

test('shows the stored key only masked, and the web app URL for the notification setup', async () => {
  const { page } = await openSidebar({ getSettings: () => view() });
  await page.waitForSelector('#web-app-url');
  expect(await page.textContent('#key-state')).toContain('SB-Mid-server-••••••••1234');
  expect(await page.textContent('#web-app-url')).toBe('https://script.google.com/macros/s/AKfycbTEST/exec');
  expect(await page.inputValue('#server-key')).toBe('');
  expect(await page.isVisible('#timed-section')).toBe(true);
  await page.screenshot({ path: path.join(ARTIFACTS, 'settings-loaded.png'), fullPage: true });
  await page.close();
});

test('saving sends the typed key once, then clears the field so the page never holds it again', async () => {
  let stored = '';
  const { page, calls } = await openSidebar({
    getSettings: () => view({ hasKey: false, maskedKey: '' }),
    saveSettings: (input) => {
      stored = (input as { serverKey: string }).serverKey;
      return view({ environment: (input as { environment: string }).environment });
    },
  });
  await page.waitForSelector('text=No server key stored yet.');
  await page.fill('#server-key', FULL_KEY);
  await page.selectOption('#environment', 'sandbox');
  await page.click('#save');
  await page.waitForSelector('#settings-message.ok');
  expect(stored).toBe(FULL_KEY);
  expect(calls.filter((c) => c.name === 'saveSettings')).toHaveLength(1);
  expect(await page.inputValue('#server-key')).toBe('');
  expect(await page.content()).not.toContain(FULL_KEY);
  await page.screenshot({ path: path.join(ARTIFACTS, 'settings-saved.png'), fullPage: true });
  await page.close();
});

test('a server-side refusal is shown as an error, not as success', async () => {
  const { page } = await openSidebar({
    getSettings: () => view(),
    saveSettings: () => {
      throw new Error('That is the client key; paste the server key.');
    },
  });
  await page.waitForSelector('#web-app-url');
  await page.fill('#server-key', 'SB-Mid-client-xyz');
  await page.click('#save');
  await page.waitForSelector('#settings-message.error');
  expect(await page.textContent('#settings-message')).toBe('That is the client key; paste the server key.');
  await page.screenshot({ path: path.join(ARTIFACTS, 'settings-error.png'), fullPage: true });
  await page.close();
});

test('Test connection shows what the server found, green or red', async () => {
  let ok = true;
  const { page } = await openSidebar({
    getSettings: () => view(),
    testConnection: () =>
      ok
        ? { ok: true, message: 'Connected to Midtrans sandbox: the server key was accepted.' }
        : { ok: false, message: 'Midtrans sandbox rejected the server key (401).' },
  });
  await page.waitForSelector('#web-app-url');
  await page.click('#test');
  await page.waitForSelector('#settings-message.ok');
  expect(await page.textContent('#settings-message')).toContain('accepted');
  ok = false;
  await page.click('#test');
  await page.waitForSelector('#settings-message.error');
  expect(await page.textContent('#settings-message')).toContain('401');
  await page.close();
});

test('the timed refresh is offered only to a bound script, and the switch reaches the server', async () => {
  const unbound = await openSidebar({ getSettings: () => view({ bound: false, webAppUrl: '' }) });
  await unbound.page.waitForSelector('text=Not deployed as a web app yet', { state: 'attached' });
  expect(await unbound.page.isVisible('#timed-section')).toBe(false);
  await unbound.page.screenshot({ path: path.join(ARTIFACTS, 'settings-not-deployed.png'), fullPage: true });
  await unbound.page.close();

  const bound = await openSidebar({ getSettings: () => view(), setTimedRefresh: (on) => view({ timedRefresh: on as boolean }) });
  await bound.page.waitForSelector('#web-app-url');
  await bound.page.check('#timed-refresh');
  await bound.page.waitForSelector('#settings-message.ok');
  expect(bound.calls.filter((c) => c.name === 'setTimedRefresh').map((c) => c.arg)).toEqual([true]);
  expect(await bound.page.isChecked('#timed-refresh')).toBe(true);
  await bound.page.close();
});

test('Continue calls the server again while a run keeps stopping for time, and a double click starts one run', async () => {
  let remaining = 3;
  let inFlight = 0;
  let maxInFlight = 0;
  const { page, calls } = await openSidebar({
    getSettings: () => view(),
    continueGeneration: async () => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((r) => setTimeout(r, 50));
      inFlight--;
      remaining--;
      return {
        created: 25,
        recovered: 0,
        failed: 0,
        invalid: 0,
        remaining,
        stoppedForTime: remaining > 0,
        message: remaining > 0 ? `${remaining} left` : 'All links ready.',
      };
    },
  });
  await page.waitForSelector('#web-app-url');
  await page.dblclick('#continue');
  await page.waitForFunction("document.getElementById('run-message').textContent === 'All links ready.'");
  expect(calls.filter((c) => c.name === 'continueGeneration')).toHaveLength(3);
  expect(maxInFlight).toBe(1);
  await page.screenshot({ path: path.join(ARTIFACTS, 'settings-continue-done.png'), fullPage: true });
  await page.close();
});

test('Reminders section: its words come from the server, and Save sends the switch, schedule, language and both templates', async () => {
  const labels: Record<string, string> = {
    sidebarTitle: 'Pengingat pembayaran',
    sidebarIntro: 'intro',
    sidebarEnabled: 'Pengingat aktif',
    sidebarSchedule: 'Hari dari jatuh tempo',
    sidebarScheduleHint: 'hint',
    sidebarLanguage: 'Bahasa pelanggan',
    sidebarDaily: 'harian',
    sidebarPlaceholders: 'ph',
    sidebarSave: 'Simpan pengingat',
    sidebarSaved: 'Tersimpan.',
    sidebarDailyOn: 'on',
    sidebarDailyOff: 'off',
    subject_en: 'Subjek (English)',
    body_en: 'Pesan (English)',
    subject_id: 'Subjek (Bahasa Indonesia)',
    body_id: 'Pesan (Bahasa Indonesia)',
    language_en: 'English',
    language_id: 'Bahasa Indonesia',
  };
  const reminders = (over = {}) => ({
    enabled: false,
    offsets: '-3, -1, 0, +3, +7',
    language: 'id',
    daily: false,
    labels,
    templates: { en: { subject: '', body: '' }, id: { subject: '', body: '' } },
    defaults: {
      en: { subject: 'Payment reminder: {title}', body: 'Hello {name}' },
      id: { subject: 'Pengingat pembayaran: {title}', body: 'Halo {name}' },
    },
    ...over,
  });
  let saved: unknown;
  const { page, calls } = await openSidebar({
    getSettings: () => view(),
    getWhatsappTemplate: () => ({ template: '', defaultTemplate: 'Halo {name}' }),
    getReminderSettings: () => reminders(),
    saveReminderSettings: (input) => {
      saved = input;
      return reminders({ enabled: true, offsets: '-1, 0, +3' });
    },
    setDailyReminderRun: (on) => reminders({ daily: on }),
  });
  await page.waitForSelector('text=Pengingat pembayaran');
  expect(await page.getAttribute('#rem-body-id', 'placeholder')).toBe('Halo {name}');
  expect(await page.isVisible('#rem-daily')).toBe(true);
  await page.check('#rem-enabled');
  await page.fill('#rem-offsets', '+3 0 -1');
  await page.fill('#rem-body-en', 'Hi {name}, pay here: {link}');
  await page.click('#rem-save');
  await page.waitForSelector('#rem-message.ok');
  expect(await page.textContent('#rem-message')).toBe('Tersimpan.');
  expect(saved).toEqual({
    enabled: true,
    offsets: '+3 0 -1',
    language: 'id',
    templates: { en: { subject: '', body: 'Hi {name}, pay here: {link}' }, id: { subject: '', body: '' } },
  });
  expect(await page.inputValue('#rem-offsets')).toBe('-1, 0, +3');
  await page.check('#rem-daily');
  await page.waitForSelector('#rem-message.ok >> text=on');
  expect(calls.filter((c) => c.name === 'setDailyReminderRun').map((c) => c.arg)).toEqual([true]);
  await page.screenshot({ path: path.join(ARTIFACTS, 'settings-reminders.png'), fullPage: true });
  await page.close();
});
