/**
 * What the trust rules of doPost (confirmation, kept busy notifications) and the key's destination
 * rules write or say, for an Indonesian user: a confirmed payment of a `Tagihan` sheet's link is
 * recognised as this sheet's and written in Bahasa, a notification kept while the sheet was busy is
 * written in Bahasa by the next lock holder, and a base URL the key may not go to is refused in Bahasa.
 */
import { createHarness, pay, type Harness } from './harness';

const SHEET = 'Tagihan';

/** An Indonesian user's template with two invoices, links generated. */
function indonesianSheet(): Harness {
  const h = createHarness({ emulator: { userLocale: 'id' } });
  h.run('insertInvoiceTemplate');
  const header = h.env.sheetValues(SHEET)[0].map(String);
  const line = (id: string, amount: number) =>
    header.map((label) => (label === 'ID Pesanan' ? id : label === 'Jumlah Tagihan' ? amount : ''));
  h.env.untracked(() => {
    const sheet = h.env.spreadsheet.getSheetByName(SHEET) as GoogleAppsScript.Spreadsheet.Sheet;
    sheet.getRange(2, 1, 2, header.length).setValues([line('T-1', 150000), line('T-2', 20000)]);
  });
  h.run('generatePaymentLinks');
  return h;
}

function cellOf(h: Harness, orderId: string, label: string): unknown {
  const [header, ...rows] = h.env.sheetValues(SHEET);
  const r = rows.find((line) => String(line[header.indexOf('ID Pesanan')]) === orderId);
  if (!r) throw new Error(`no row ${orderId}`);
  return r[header.indexOf(label)];
}

const statusGets = (h: Harness) => h.env.fetches.filter((f) => /\/v2\/[^/]+\/status$/.test(new URL(f.url).pathname)).length;

test('a settlement of a Tagihan link is confirmed with one status call and written as Lunas with its WIB time', () => {
  const h = indonesianSheet();
  expect(cellOf(h, 'T-1', 'Status')).toBe('Tautan dibuat');
  const before = statusGets(h);
  expect(h.post(pay(h.sim, 'T-1', 'settlement'))).toEqual({ ok: true, result: 'updated' });
  expect(statusGets(h) - before).toBe(1);
  expect(cellOf(h, 'T-1', 'Status')).toBe('Lunas');
  expect(String(cellOf(h, 'T-1', 'Waktu Lunas'))).toMatch(/^\d{1,2} Nov 2026 \d\d\.\d\d\.\d\d WIB$/);
  expect(h.env.sheetValues('Pembayaran')).toHaveLength(2);
});

test('a notification kept while the sheet was busy is written in Bahasa by the next lock holder, another notification', () => {
  const h = indonesianSheet();
  h.env.setLockContention(true);
  expect(h.post(pay(h.sim, 'T-2', 'settlement'))).toEqual({ ok: true, result: 'queued' });
  expect(cellOf(h, 'T-2', 'Status')).toBe('Tautan dibuat');
  h.env.setLockContention(false);
  expect(h.post(pay(h.sim, 'T-1', 'pending'))).toEqual({ ok: true, result: 'updated' });
  expect([cellOf(h, 'T-1', 'Status'), cellOf(h, 'T-2', 'Status')]).toEqual(['Menunggu pembayaran', 'Lunas']);
  expect([...h.env.properties.script.keys()].filter((k) => k.startsWith('MIDTRANS_INBOX_'))).toEqual([]);
});

test('a base URL the key may not go to is refused in Bahasa, at Save and at use, and nothing is sent', () => {
  const h = createHarness({ emulator: { userLocale: 'id' } });
  expect(() => h.run('saveSettings', 'ui', { serverKey: '', environment: 'sandbox', baseUrl: 'https://collector.example' })).toThrow(
    'Untuk mengirim server key ke alamat dasar API selain Midtrans, tempel lagi server key pada penyimpanan yang sama.',
  );
  expect(() => h.run('saveSettings', 'ui', { serverKey: '', environment: 'sandbox', baseUrl: 'http://collector.example' })).toThrow(
    /^Alamat dasar API harus diawali https:\/\//,
  );
  h.env.untracked(() => {
    h.env.properties.script.set('MIDTRANS_ENVIRONMENT', 'production');
    h.env.properties.script.set('MIDTRANS_API_BASE_URL', 'https://collector.example');
  });
  expect(() => h.run('testConnection')).toThrow(
    /^Di production, key hanya dikirim ke Midtrans: .* Buka Midtrans ▸ Pengaturan untuk memperbaikinya\.$/,
  );
  expect(h.env.fetches).toHaveLength(0);
});
