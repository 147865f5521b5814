/**
 * The message catalogue (apps-script/src/i18n): every message exists in English and Bahasa
 * Indonesia with the same placeholders, the check itself catches a one-language message and a
 * placeholder mismatch, and the Indonesian text is not English left untranslated.
 */
import { AREAS, catalogueProblems, t } from '../../../apps-script/src/i18n/catalogue';
import { localeOf } from '../../../apps-script/src/i18n/locale';
import { wibText, wibAt, rupiah } from '../../../apps-script/src/i18n/format';
import { rowProblemText } from '../../../apps-script/src/i18n/words';

test('every message of every area has English and Indonesian text with the same placeholders', () => {
  expect(catalogueProblems(AREAS)).toEqual([]);
});

test('the check fails on a message in one language only, an empty one, and placeholders that differ', () => {
  const broken = {
    demo: {
      en: { 'a.onlyEnglish': 'Only English', 'b.placeholders': 'Row {row}, {column}', 'c.empty': 'x' },
      id: { 'b.placeholders': 'Baris {baris}, {column}', 'c.empty': ' ', 'd.onlyIndonesian': 'Hanya Indonesia' },
    },
  };
  expect(catalogueProblems(broken)).toEqual([
    'demo: "a.onlyEnglish" has no Indonesian text',
    'demo: "b.placeholders" has placeholders {column}, {row} in English but {baris}, {column} in Indonesian',
    'demo: "c.empty" is empty',
    'demo: "d.onlyIndonesian" has no English text',
  ]);
});

/** Texts that read the same in both languages on purpose: product names, codes, words Indonesian shares. */
const SAME_IN_BOTH = new Set([
  'menu.title',
  'header.status',
  'header.whatsapp',
  'payments.status',
  'summary.status',
  'problem.invalid',
  'row.cellProblem',
  'ui.serverKey',
  'ui.languageEn',
  'ui.languageId',
  'connection.midtrans',
  'status.paidCount',
  'reminders.channelEmail',
  'reminders.channelWhatsapp',
  'reminders.lastReminder',
]);

test('no Indonesian message is the English one left untranslated (apart from names and codes)', () => {
  const same: string[] = [];
  for (const area of Object.values(AREAS)) {
    for (const [key, en] of Object.entries(area.en))
      if ((area.id as Record<string, string>)[key] === en && !SAME_IN_BOTH.has(key)) same.push(key);
  }
  expect(same).toEqual([]);
});

test('t fills placeholders and keeps an unknown one as written', () => {
  expect(t('id', 'row.problem', { row: 7, column: 'Jumlah Tagihan', detail: 'kosong' })).toBe('Baris 7, Jumlah Tagihan: kosong');
  expect(t('en', 'status.paidCount', { paid: 3 })).toBe('Paid 3/{limit}');
  expect(t('id', 'status.Paid')).toBe('Lunas');
});

test("the language follows Google's locale tags: id, in (Java's old code), id_ID → Bahasa; anything else → English", () => {
  expect(['id', 'in', 'id_ID', 'in-ID', 'ID'].map(localeOf)).toEqual(['id', 'id', 'id', 'id', 'id']);
  expect(['en', 'en_US', 'nl', '', undefined, 'indonesian'].map(localeOf)).toEqual(['en', 'en', 'en', 'en', 'en', 'en']);
});

test('rupiah reads Rp 1.500.000 in both languages; times read in WIB the Indonesian way', () => {
  expect(rupiah(1500000)).toBe('Rp 1.500.000');
  expect(rupiah(0)).toBe('Rp 0');
  expect(wibText('2026-11-27 10:00:02', 'id')).toBe('27 Nov 2026 10.00.02 WIB');
  expect(wibText('2026-12-05 09:30:00', 'id', false)).toBe('5 Des 2026 09.30 WIB');
  expect(wibText('2026-11-27 10:00:02', 'en')).toBe('2026-11-27 10:00:02');
  // 03:00 UTC is 10:00 in Jakarta.
  expect(wibAt(Date.UTC(2026, 10, 27, 3, 0), 'id')).toBe('27 Nov 2026 10.00 WIB');
});

test("Midtrans's field rules a row breaks most often read in Bahasa; any other detail is shown as the core gives it", () => {
  const invalid = (detail: string) => rowProblemText('id', { column: 'customerEmail', code: 'invalid', params: { detail } }, 9);
  // The core's current wording of the email warning (validate-create-request.ts); bahasa.test.ts reaches it through a real row.
  expect(invalid('does not look like name@example.com: "budi@"')).toBe(
    'Baris 9, Email Pelanggan: tidak tampak seperti nama@contoh.com: "budi@"',
  );
  expect(invalid('must be at most 50 characters, got 61')).toBe('Baris 9, Email Pelanggan: paling banyak 50 karakter, sekarang 61');
  expect(invalid('must be between 1 and 1,000,000, got 0')).toBe('Baris 9, Email Pelanggan: harus antara 1 dan 1.000.000, sekarang 0');
  expect(invalid('something new')).toBe('Baris 9, Email Pelanggan: something new');
  expect(
    rowProblemText('en', { column: 'customerEmail', code: 'invalid', params: { detail: 'must be at most 50 characters, got 61' } }),
  ).toBe('Customer Email: must be at most 50 characters, got 61');
});
