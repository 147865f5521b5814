/**
 * The playground's sheet view in Bahasa Indonesia, in headless Chromium at 1400 px: the language switch
 * rebuilds the add-on's menu in Bahasa, the template and the Status words read in Bahasa, a person adds the
 * optional WhatsApp column by typing its header, a phone typed as 0812… keeps its 0, 150.000 is billed as
 * Rp 150.000, the Status column is on screen, the hidden state sheet has no tab, and Pengaturan opens the
 * real sidebar, whose buttons reach the emulated script. The screenshot is the one docs/sheets.id.md shows.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createSimulator, type Simulator } from '../../../tools/simulator';
import { loadSheetsAddon, type SheetsAddon } from '../../e2e/harness/sheets-addon';
import { serveSheetView } from '../../../tools/playground/sheet-view';
import { launchBrowser } from '../../support/browser';

const KEY = 'SB-Mid-server-playground-bahasa';
const SCREENSHOT = path.resolve(__dirname, '../../../docs/images/sheets-invoices-id.png');
jest.setTimeout(90_000);

let sim: Simulator;
let addon: SheetsAddon;
let view: Awaited<ReturnType<typeof serveSheetView>>;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  sim = createSimulator({ serverKey: KEY, publicBaseUrl: 'https://app.sandbox.midtrans.com', seed: 5 });
  addon = loadSheetsAddon({ simulator: sim, serverKey: KEY, apiBaseUrl: 'https://api.sandbox.midtrans.com' });
  view = await serveSheetView(addon);
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(view.url);
  await page.waitForSelector('body[data-ready="1"]');
});
afterAll(async () => {
  await browser?.close();
  await view?.close();
});

async function clickMenu(caption: string): Promise<string> {
  const before = await page.locator('#log div').count();
  await page.getByRole('button', { name: caption, exact: true }).click();
  await page.waitForFunction(`document.querySelectorAll('#log div').length >= ${before + 2}`);
  return (await page.locator('#log div').first().textContent()) ?? '';
}

test('a merchant switches to Bahasa Indonesia and works the sheet as they would in Sheets', async () => {
  await page.selectOption('#language', 'id');
  await page.waitForSelector('#menu button[data-fn="insertInvoiceTemplate"]:text-is("Sisipkan templat tagihan")');
  const captions = await page.locator('#menu button').allTextContents();
  expect(captions).toEqual([
    'Buat tautan pembayaran',
    'Buat untuk baris terpilih',
    'Perbarui status',
    'Nonaktifkan tautan terpilih',
    'Ringkasan penagihan',
    'Kirim pengingat pembayaran',
    'Tandai pengingat terpilih sudah dikirim',
    'Sisipkan templat tagihan',
    'Pengaturan',
  ]);

  expect(await clickMenu('Sisipkan templat tagihan')).toContain('Sheet "Tagihan" telah disisipkan');
  await page.click('#tabs button[data-sheet="Tagihan"]');
  // The header row is editable: the optional WhatsApp column goes into the first empty header cell.
  await page.click('#grid tr[data-row="1"] th[data-col="17"]');
  await page.fill('[data-editing="1:17"]', 'WhatsApp');
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-field="WhatsApp"]');

  await page.fill('[data-field="ID Pesanan"]', 'BAYAR-1');
  await page.fill('[data-field="Nama Pelanggan"]', 'Sari Dewi');
  await page.fill('[data-field="Telepon Pelanggan"]', '081234567890');
  await page.fill('[data-field="Jumlah Tagihan"]', '150.000');
  await page.fill('[data-field="Judul"]', 'Kelas yoga');
  await page.click('#add-row');
  await page.waitForFunction(`document.querySelector('#grid').textContent.includes('BAYAR-1')`);

  expect(await clickMenu('Buat tautan pembayaran')).toContain('1 tautan siap.');
  await page.waitForFunction(`document.querySelector('#grid').textContent.includes('Tautan dibuat')`);
  const [header, first] = addon.env.sheetValues('Tagihan') as unknown[][];
  const record = Object.fromEntries((header as string[]).map((h, i) => [h, first[i]]));
  expect(record['Telepon Pelanggan']).toBe('081234567890');
  expect(String(record.WhatsApp)).toMatch(/^https:\/\/wa\.me\/6281234567890\?text=Halo%20Sari%20Dewi/);
  expect(sim.stats().createCallsByOrderId).toEqual({ 'BAYAR-1': 1 });

  // At 1400 px the Status column is on screen.
  // (Measured in one step in the page: the grid is redrawn every two seconds.)
  const statusRight = await page.locator('#grid tr[data-row="1"] th').evaluateAll((ths) => {
    const th = ths.find((e) => e.textContent === 'Status');
    return th ? th.getBoundingClientRect().right : -1;
  });
  expect(statusRight).toBeGreaterThan(0);
  expect(statusRight).toBeLessThanOrEqual(1400);
  // The add-on's hidden state sheet is no tab, as in Sheets.
  expect(await page.locator('#tabs button[data-sheet="Midtrans state"]').count()).toBe(0);

  await page.locator('#sidebar').evaluate((e) => e.classList.remove('open'));
  fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
  await page.screenshot({ path: SCREENSHOT, clip: { x: 0, y: 0, width: 1400, height: 420 } });

  // Pengaturan opens the add-on's own sidebar, in Bahasa, and its buttons reach the script.
  await clickMenu('Pengaturan');
  const frame = page.frameLocator('#sidebar-frame');
  await frame.locator('#key-state').filter({ hasText: 'Key tersimpan' }).waitFor();
  expect(await frame.locator('h2').allTextContents()).toEqual([
    'Server key Midtrans',
    'Notifikasi pembayaran',
    'Pembaruan otomatis',
    'Pesan WhatsApp',
    'Pengingat pembayaran',
    'Proses panjang',
  ]);
  await frame.locator('#test').click();
  await frame.locator('#settings-message').filter({ hasText: 'Terhubung ke' }).waitFor();
});
