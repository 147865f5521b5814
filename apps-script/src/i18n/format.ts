/**
 * Money and dates as the customer reads them: `Rp 1.500.000` (the core's formatRupiah) and a WIB
 * calendar day written out, `5 December 2026` / `5 Desember 2026`.
 * Provisional: the message catalogue work replaces this file with its own at merge.
 */
import { formatRupiah, wibDayText, type WibDay } from '@midtrans-pl/core';
import type { Locale } from './locale';

const MONTHS: Record<Locale, readonly string[]> = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  id: ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'],
};

export function rupiah(amount: number): string {
  return formatRupiah(amount);
}

export function wibDate(day: WibDay, locale: Locale): string {
  const [y, m, d] = wibDayText(day).split('-').map(Number);
  return `${d} ${MONTHS[locale][m - 1]} ${y}`;
}
