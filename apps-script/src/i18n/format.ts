/**
 * How amounts and times read to a person, in one place (the reminder texts call it too): rupiah as
 * Indonesians write it, `Rp 1.500.000`, in both languages (the core's formatRupiah), and times in WIB
 * (Asia/Jakarta, GMT+7: Midtrans's own clock, and the merchant's).
 */
import { formatRupiah, JAKARTA_OFFSET_MS, wibDayText, type WibDay } from '@midtrans-pl/core';
import type { Locale } from './define';

export { formatRupiah as rupiah };

/** Sheets number format that shows a number as `Rp 1.500.000` (the grouping mark is the sheet locale's). */
export const RUPIAH_NUMBER_FORMAT = '"Rp "#,##0';

const MONTHS_ID = ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'];

/**
 * A Midtrans wall-clock time (`2026-11-27 10:00:02`, already GMT+7) as a person reads it: English keeps
 * the sortable form Midtrans sends (the header notes say it is WIB); Indonesian writes
 * `27 Nov 2026 10.00 WIB` (day first, a dot between hours and minutes, as Indonesian spelling has it).
 */
export function wibText(midtransTime: string, loc: Locale, withSeconds = true): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?/.exec(midtransTime);
  if (!m) return midtransTime;
  const [, y, mo, d, h, mi, s] = m;
  if (loc === 'id') return `${Number(d)} ${MONTHS_ID[Number(mo) - 1]} ${y} ${h}.${mi}${withSeconds && s ? `.${s}` : ''} WIB`;
  return `${y}-${mo}-${d} ${h}:${mi}${withSeconds && s ? `:${s}` : ''}`;
}

/** An instant (epoch ms) as WIB text. */
export function wibAt(ms: number, loc: Locale): string {
  return wibText(new Date(ms + JAKARTA_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' '), loc, false);
}

/** `1,000` / `1.000`: counts as the language writes them. */
export function count(n: number, loc: Locale): string {
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, loc === 'id' ? '.' : ',');
}

const MONTH_NAMES: Record<Locale, readonly string[]> = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  id: ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'],
};

/** A WIB calendar day written out for a customer's message: `5 December 2026` / `5 Desember 2026`. */
export function wibDate(day: WibDay, loc: Locale): string {
  const [y, m, d] = wibDayText(day).split('-').map(Number);
  return `${d} ${MONTH_NAMES[loc][m - 1]} ${y}`;
}
