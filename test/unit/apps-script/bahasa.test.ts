/**
 * The add-on in Bahasa Indonesia (issue 21): with an Indonesian Google language it shows and writes no
 * English word a merchant reads (menu, dialogs, toasts, template, Status, Notes, Payments, Summary,
 * sidebar), and an English user sees no Indonesian one. "English word" is any word the English
 * catalogue uses and the Indonesian one does not (product names such as Midtrans and WhatsApp are in
 * both); what the merchant typed, the links Midtrans made and its payment method codes are left out of the scan.
 */
import { ENABLED_PAYMENTS_CURRENT } from '../../../core/src';
import { AREAS } from '../../../apps-script/src/i18n/catalogue';
import type { Locale } from '../../../apps-script/src/i18n/define';
import { createHarness, pay, type Harness } from './harness';

/** Midtrans's payment method codes (credit_card, dana) are identifiers, the same in every language. */
const CODES = new RegExp(`\\b(${ENABLED_PAYMENTS_CURRENT.join('|')})\\b`, 'g');
const words = (text: string) =>
  text
    .replace(/\{\w+\}/g, ' ')
    .replace(CODES, ' ')
    .toLowerCase()
    .match(/[a-z]{3,}/g) ?? [];
function wordsOf(loc: Locale): Set<string> {
  const out = new Set<string>();
  for (const area of Object.values(AREAS))
    for (const text of Object.values(area[loc] as Record<string, string>)) words(text).forEach((w) => out.add(w));
  return out;
}
const EN = wordsOf('en');
const ID = wordsOf('id');
const ONLY = { en: new Set([...EN].filter((w) => !ID.has(w))), id: new Set([...ID].filter((w) => !EN.has(w))) };

/** Sheets the merchant reads, in either language (the hidden state sheet is the add-on's own memory). */
const READ_SHEETS = ['Tagihan', 'Pembayaran', 'Ringkasan', 'Invoices', 'Payments', 'Summary'];

/** Every text the merchant was shown or can read in the spreadsheet, minus what they typed themselves. */
function everythingShown(h: Harness, typed: Set<string>): string[] {
  const ui = h.env.ui;
  const out = [
    ...ui.menus.flatMap((m) => [m.title, ...m.items.map((i) => ('caption' in i ? String(i.caption) : ''))]),
    ...ui.alerts.map((a) => a.prompt),
    ...ui.toasts.filter((t) => t.shown !== false).map((t) => t.message),
    ...h.env.spreadsheet
      .getSheets()
      .map((s) => s.getName())
      .filter((n) => n !== 'Sheet1' && n !== 'Midtrans state'),
  ];
  const present = new Set(h.env.spreadsheet.getSheets().map((s) => s.getName()));
  for (const name of READ_SHEETS.filter((n) => present.has(n))) {
    const values = h.env.sheetValues(name);
    values.forEach((line, r) =>
      line.forEach((v, c) => {
        const text = String(v ?? '');
        if (text && !typed.has(text) && !/^https?:\/\//.test(text)) out.push(text);
        const note = h.env.inspectCell(name, r + 1, c + 1)?.note;
        if (note) out.push(note);
      }),
    );
  }
  return out;
}

function leaks(shown: string[], loc: Locale): string[] {
  const foreign = ONLY[loc === 'id' ? 'en' : 'id'];
  return shown.filter((text) => words(text).some((w) => foreign.has(w)));
}

/** A merchant's day in `loc`: template, rows (one with a bad amount, one with a bad phone), generate, payments, refresh, summary, settings. */
function day(loc: Locale): { h: Harness; shown: string[] } {
  const h = createHarness({ emulator: { userLocale: loc } });
  h.run('onOpen');
  h.run('insertInvoiceTemplate');
  const sheetName = loc === 'id' ? 'Tagihan' : 'Invoices';
  const header = h.env.sheetValues(sheetName)[0].map(String);
  const at = (label: string) => header.indexOf(label);
  const L =
    loc === 'id'
      ? {
          id: 'ID Pesanan',
          name: 'Nama Pelanggan',
          phone: 'Telepon Pelanggan',
          item: 'Barang',
          qty: 'Kuantitas',
          price: 'Harga Satuan',
          amount: 'Jumlah Tagihan',
          title: 'Judul',
          limit: 'Batas Penggunaan',
        }
      : {
          id: 'Order ID',
          name: 'Customer Name',
          phone: 'Customer Phone',
          item: 'Item',
          qty: 'Quantity',
          price: 'Unit Price',
          amount: 'Amount',
          title: 'Title',
          limit: 'Usage Limit',
        };
  const rows: Record<string, unknown>[] = [
    { [L.id]: 'D-1', [L.name]: 'Sari Dewi', [L.phone]: '081234567890', [L.amount]: '150.000', [L.title]: 'Kelas yoga' },
    { [L.id]: 'D-2', [L.name]: 'Budi', [L.item]: 'Kaos', [L.qty]: 3, [L.price]: '75.000' },
    { [L.id]: 'D-3', [L.amount]: 'lima ribu' },
    { [L.id]: 'D-4', [L.amount]: 50000, [L.limit]: 3 },
    { [L.id]: 'D-5', [L.amount]: 20000, [L.phone]: '021 555 1234' },
  ];
  const typed = new Set(rows.flatMap((r) => Object.values(r).map(String)));
  h.env.untracked(() => {
    const sheet = h.env.spreadsheet.getSheetByName(sheetName) as GoogleAppsScript.Spreadsheet.Sheet;
    sheet.getRange(1, header.length + 1).setValue('WhatsApp');
    sheet.getRange(2, 1, rows.length, header.length).setValues(rows.map((r) => header.map((label) => r[label] ?? '')));
  });
  h.run('generatePaymentLinks');
  const ids = h.env
    .sheetValues(sheetName)
    .slice(1)
    .map((r) => String(r[at(L.id)]));
  expect(ids).toEqual(['D-1', 'D-2', 'D-3', 'D-4', 'D-5']);
  h.post(pay(h.sim, 'D-1', 'settlement'));
  h.post(pay(h.sim, 'D-4', 'settlement'));
  pay(h.sim, 'D-2', 'pending');
  h.run('refreshStatuses');
  h.run('refreshCollectionSummary');
  h.run('showSettings');
  const settings = h.run('getSettings') as { text: Record<string, string> };
  const shown = [...everythingShown(h, typed), ...Object.values(settings.text), (h.run('testConnection') as { message: string }).message];
  return { h, shown };
}

test('an Indonesian user sees and gets written no English word: menu, template, Status, Notes, WhatsApp reasons, Payments, Summary, dialogs, sidebar', () => {
  const { h, shown } = day('id');
  expect(leaks(shown, 'id')).toEqual([]);
  const sheet = h.env.sheetValues('Tagihan');
  const col = (label: string) => sheet[0].map(String).indexOf(label);
  const status = sheet.slice(1).map((r) => r[col('Status')]);
  expect(status).toEqual(['Lunas', 'Menunggu pembayaran', 'Bermasalah', 'Lunas 1/3', 'Tautan dibuat']);
  expect(sheet[3][col('Catatan')]).toBe('Jumlah Tagihan: "lima ribu" bukan jumlah rupiah bulat');
  expect(String(sheet[5][col('WhatsApp')])).toBe(
    'Baris 6, Telepon Pelanggan: "021 555 1234" bukan nomor ponsel Indonesia (08… dengan 10 sampai 13 angka); tulis sebagai 08…, +62… atau 62…',
  );
  // Quantity × Unit Price: the billed amount shows in the row.
  expect(sheet[2][col('Jumlah Tagihan')]).toBe('Rp 225.000');
  expect(String(sheet[1][col('Waktu Lunas')])).toMatch(
    /^\d{1,2} (Jan|Feb|Mar|Apr|Mei|Jun|Jul|Agu|Sep|Okt|Nov|Des) \d{4} \d{2}\.\d{2}\.\d{2} WIB$/,
  );
  const chat = decodeURIComponent(String(sheet[1][col('WhatsApp')]).split('?text=')[1]);
  expect(chat).toMatch(/^Halo Sari Dewi, berikut tautan pembayaran untuk Kelas yoga sebesar Rp 150\.000: https:/);
  expect(h.env.sheetValues('Pembayaran')[0]).toEqual(expect.arrayContaining(['Waktu', 'ID Pesanan', 'Jumlah', 'Status']));
  expect(h.env.ui.alerts.at(-1)?.prompt).toMatch(/^Ringkasan diperbarui: 4 tagihan, Rp 200\.000 terkumpul, Rp 245\.000 belum dibayar; /);
});

test('an English user sees no Indonesian word, and the same day reads in English', () => {
  const { h, shown } = day('en');
  expect(leaks(shown, 'en')).toEqual([]);
  const sheet = h.env.sheetValues('Invoices');
  const col = (label: string) => sheet[0].map(String).indexOf(label);
  expect(sheet.slice(1).map((r) => r[col('Status')])).toEqual(['Paid', 'Pending', 'Error', 'Paid 1/3', 'Link created']);
  expect(sheet[2][col('Amount')]).toBe('Rp 225.000');
});

test('a warning of an inferred rule (an email that looks odd) is worded in Bahasa: the link is created and the Note says why', () => {
  const h = createHarness({ emulator: { userLocale: 'id' } });
  h.run('insertInvoiceTemplate');
  const header = h.env.sheetValues('Tagihan')[0].map(String);
  const row: Record<string, unknown> = { 'ID Pesanan': 'W-1', 'Jumlah Tagihan': 30000, 'Email Pelanggan': 'putri@' };
  h.env.untracked(() =>
    (h.env.spreadsheet.getSheetByName('Tagihan') as GoogleAppsScript.Spreadsheet.Sheet)
      .getRange(2, 1, 1, header.length)
      .setValues([header.map((label) => row[label] ?? '')]),
  );
  h.run('generatePaymentLinks');
  const [head, line] = h.env.sheetValues('Tagihan');
  const at = (label: string) => line[head.map(String).indexOf(label)];
  expect(at('Status')).toBe('Tautan dibuat');
  expect(at('Catatan')).toBe('Email Pelanggan: tidak tampak seperti nama@contoh.com: "putri@"');
  expect(leaks([String(at('Catatan'))], 'id')).toEqual([]);
});
