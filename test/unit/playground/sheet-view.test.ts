/**
 * The playground's sheet view in headless Chromium, on the built add-on in the Apps Script emulator and the
 * Midtrans simulator (no n8n needed): it shows every sheet of the emulated spreadsheet, a person can add a
 * row and edit a cell, and the add-on's own menu runs from the page's buttons (Generate, Refresh,
 * Deactivate with the ticked rows as the selection). Each step is checked in the emulated spreadsheet and
 * at the simulator, not only on the page. Screenshots go to test-artifacts/playground/.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createSimulator, type Simulator } from '../../../tools/simulator';
import { loadSheetsAddon, type SheetsAddon } from '../../e2e/harness/sheets-addon';
import { serveSheetView } from '../../../tools/playground/sheet-view';
import { launchBrowser } from '../../support/browser';

const KEY = 'SB-Mid-server-playground-test';
const ARTIFACTS = path.resolve(__dirname, '../../../test-artifacts/playground');
jest.setTimeout(60_000);

let sim: Simulator;
let addon: SheetsAddon;
let view: Awaited<ReturnType<typeof serveSheetView>>;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  sim = createSimulator({ serverKey: KEY, publicBaseUrl: 'https://app.sandbox.midtrans.com', seed: 3 });
  addon = loadSheetsAddon({ simulator: sim, serverKey: KEY, apiBaseUrl: 'https://api.sandbox.midtrans.com' });
  view = await serveSheetView(addon);
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
  await page.goto(view.url);
  await page.waitForSelector('body[data-ready="1"]');
});
afterAll(async () => {
  await browser?.close();
  await view?.close();
});

const statusOf = (orderId: string) => addon.records().find((r) => r['Order ID'] === orderId)?.Status;
async function clickMenu(caption: string): Promise<string> {
  const before = await page.locator('#log div').count();
  await page.getByRole('button', { name: caption, exact: true }).click();
  await page.waitForFunction(`document.querySelectorAll('#log div').length >= ${before + 2}`);
  return (await page.locator('#log div').first().textContent()) ?? '';
}
async function waitForCell(orderId: string, text: RegExp) {
  await page.waitForFunction(
    `[...document.querySelectorAll('#grid tr')].some((tr) => tr.textContent.includes(${JSON.stringify(orderId)}) && new RegExp(${JSON.stringify(text.source)}).test(tr.textContent))`,
  );
}

test('the menu buttons are exactly the items the add-on registered in onOpen', async () => {
  const registered = addon.env.ui.menus
    .flatMap((m) => m.items)
    .filter((e): e is { caption: string; functionName: string } => 'functionName' in e);
  expect(registered.length).toBeGreaterThan(0);
  const buttons = await page.locator('#menu button').evaluateAll((bs) => bs.map((b) => [b.textContent, b.getAttribute('data-fn')]));
  expect(buttons).toEqual(registered.map((e) => [e.caption, e.functionName]));
});

test('Insert invoice template from the page adds the Invoices sheet; a person adds a row and edits a cell', async () => {
  await clickMenu('Insert invoice template');
  await page.waitForSelector('#tabs button[data-sheet="Invoices"]');
  await page.click('#tabs button[data-sheet="Invoices"]');
  await page.fill('[data-field="Order ID"]', 'PLAY-1');
  await page.fill('[data-field="Customer Name"]', 'Sari <b>bold</b>');
  await page.fill('[data-field="Customer Email"]', 'sari@example.com');
  await page.fill('[data-field="Amount"]', '150000');
  await page.click('#add-row');
  await waitForCell('PLAY-1', /150000/);
  // Markup typed into a cell shows as text, never as HTML.
  expect(await page.locator('#grid b').count()).toBe(0);

  const header = addon.rows()[0] as string[];
  const amountCol = header.indexOf('Amount') + 1;
  await page.click(`#grid tr[data-row="2"] td[data-col="${amountCol}"]`);
  await page.fill(`[data-editing="2:${amountCol}"]`, '175000');
  await page.keyboard.press('Enter');
  await waitForCell('PLAY-1', /175000/);
  const record = addon.records()[0];
  expect(record['Customer Name']).toBe('Sari <b>bold</b>');
  expect(record.Amount).toBe('175000'); // kept as typed: the template formats Amount as text (the 150.000 locale trap)
});

test('Generate, then Refresh after a payment at Midtrans, then Deactivate the ticked row: all from the page', async () => {
  const generated = await clickMenu('Generate payment links');
  expect(generated).toMatch(/Generate payment links finished/);
  await waitForCell('PLAY-1', /Link created/);
  expect(sim.stats().createdLinksByOrderId).toEqual({ 'PLAY-1': 1 });
  expect(String(addon.records()[0]['Payment Link'])).toMatch(/^https:\/\/app\.sandbox\.midtrans\.com\/payment-links\//);
  await page.screenshot({ path: path.join(ARTIFACTS, 'sheet-view-invoices.png') });

  // Every sheet of the spreadsheet has a tab, whatever the add-on created (its state sheet included).
  const tabs = await page.locator('#tabs button').evaluateAll((bs) => bs.map((b) => b.getAttribute('data-sheet')));
  expect(tabs).toEqual(addon.env.untracked(() => addon.env.spreadsheet.getSheets().map((s) => s.getName())));

  sim.pay('PLAY-1', { status: 'settlement', payment_type: 'bank_transfer' });
  await clickMenu('Refresh statuses');
  await waitForCell('PLAY-1', /Paid/);
  expect(statusOf('PLAY-1')).toMatch(/^Paid/);

  // A second row, left unpaid, is the one deactivated: tick it and run the item.
  await page.fill('[data-field="Order ID"]', 'PLAY-2');
  await page.fill('[data-field="Amount"]', '50000');
  await page.click('#add-row');
  await waitForCell('PLAY-2', /50000/);
  await clickMenu('Generate payment links');
  await waitForCell('PLAY-2', /Link created/);
  await page.check('input[data-select="3"]');
  const deactivated = await clickMenu('Deactivate selected links');
  expect(deactivated).toMatch(/Alert: .*Deactivate/);
  await waitForCell('PLAY-2', /Deactivated/);
  expect(statusOf('PLAY-2')).toBe('Deactivated');
  expect(statusOf('PLAY-1')).toMatch(/^Paid/);
  expect(sim.stats().requestsByRoute).toEqual(expect.objectContaining({ delete: 1 }));
  await page.screenshot({ path: path.join(ARTIFACTS, 'sheet-view-after-actions.png') });
});

test('the Payments log and the Collection summary (with its chart) show from the page', async () => {
  // PLAY-1 was paid in the test above; the Payments sheet has that purchase, written by Refresh.
  await page.click('#tabs button[data-sheet="Payments"]');
  await waitForCell('PLAY-1', /Paid/);
  const paymentsHeader = await page.locator('#grid tr[data-row="1"] th').allTextContents();
  expect(paymentsHeader).toEqual(expect.arrayContaining(['Time', 'Order ID', 'Transaction ID', 'Payment Method', 'Amount', 'Status']));
  await page.screenshot({ path: path.join(ARTIFACTS, 'sheet-view-payments.png') });

  await clickMenu('Collection summary');
  await page.click('#tabs button[data-sheet="Summary"]');
  await page.waitForSelector('#charts figure[data-chart]');
  const summary = addon.env.untracked(() => addon.env.spreadsheet.getSheetByName('Summary'));
  expect(summary).not.toBeNull();
  const charts = await page.locator('#charts figure').count();
  expect(charts).toBe(addon.env.untracked(() => (summary as unknown as { getCharts(): unknown[] }).getCharts().length));
  expect(await page.locator('#charts .bar').count()).toBeGreaterThan(0);
  await page.screenshot({ path: path.join(ARTIFACTS, 'sheet-view-summary.png'), fullPage: true });
  await page.click('#tabs button[data-sheet="Invoices"]');
});

test('answering No to the confirmation deactivates nothing', async () => {
  await page.fill('[data-field="Order ID"]', 'PLAY-3');
  await page.fill('[data-field="Amount"]', '20000');
  await page.click('#add-row');
  await waitForCell('PLAY-3', /20000/);
  await clickMenu('Generate payment links');
  await waitForCell('PLAY-3', /Link created/);
  await page.check('input[data-select="4"]');
  await page.check('#no');
  const answer = await clickMenu('Deactivate selected links');
  expect(answer).toMatch(/answered NO/);
  expect(statusOf('PLAY-3')).toBe('Link created');
  await page.uncheck('#no');
});

test('the API refuses what the page never sends: an unknown function, a missing sheet, a non-JSON post', async () => {
  const post = (p: string, body: string, type = 'application/json') =>
    fetch(new URL(p, view.url), { method: 'POST', headers: { 'content-type': type }, body });
  const notMenu = await post('/api/run', JSON.stringify({ functionName: 'doPost' }));
  expect(notMenu.status).toBe(400);
  expect(((await notMenu.json()) as { error: string }).error).toMatch(/not in the add-on's menu/);
  expect((await post('/api/row', JSON.stringify({ sheet: 'Nope', values: {} }))).status).toBe(400);
  expect((await post('/api/row', JSON.stringify({ sheet: 'Invoices', values: { Bogus: '1' } }))).status).toBe(400);
  expect((await post('/api/cell', 'sheet=Invoices', 'application/x-www-form-urlencoded')).status).toBe(415);
});

test('Next day moves the emulated clock, the daily reminder run comes due, and the email it sent shows on the page', async () => {
  // A row due tomorrow (WIB) with a Due Date column, reminders switched on with the daily run (as the Settings sidebar does).
  const tomorrow = new Date(addon.env.now() + 7 * 3_600_000 + 86_400_000).toISOString().slice(0, 10);
  addon.env.untracked(() => {
    const sheet = addon.env.spreadsheet.getSheetByName('Invoices')!;
    const width = sheet.getLastColumn();
    sheet.getRange(1, width + 1).setValue('Due Date');
    const header = sheet
      .getRange(1, 1, 1, width + 1)
      .getValues()[0]
      .map(String);
    const row = header.map(
      (h) =>
        (
          ({
            'Order ID': 'PLAY-R',
            Amount: 250000,
            'Customer Email': 'budi@example.com',
            'Customer Name': 'Budi',
            'Due Date': tomorrow,
          }) as Record<string, unknown>
        )[h] ?? '',
    );
    sheet.getRange(sheet.getLastRow() + 1, 1, 1, row.length).setValues([row]);
  });
  await clickMenu('Generate payment links');
  await waitForCell('PLAY-R', /Link created/);
  addon.run('saveReminderSettings', 'ui', { enabled: true, offsets: '0' });
  addon.run('setDailyReminderRun', 'ui', true);
  const before = await page.textContent('#clock');
  await page.click('#next-day');
  await page.waitForSelector('#emails details.email');
  expect(await page.textContent('#clock')).not.toBe(before);
  expect(await page.textContent('#emails summary')).toContain('to budi@example.com: Payment reminder: invoice PLAY-R');
  expect(addon.env.outbox.map((m) => m.to[0])).toEqual(['budi@example.com']);
  await page.screenshot({ path: path.join(ARTIFACTS, 'sheet-view-reminder-email.png'), fullPage: true });
});
