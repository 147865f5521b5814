/**
 * What a person at the sheet sees while a long run works: rows done, rows left and the time left at
 * the pace so far. Shown as a toast (Spreadsheet.toast): Apps Script shows it from a running script,
 * each new one replacing the last, which is what keeps it current; a sidebar cannot be pushed to, only
 * poll. A toast from a trigger has nobody to show it to, so the continuation's rows also say so in Note.
 */

import { t } from './i18n/catalogue';
import type { Locale } from './i18n/locale';

/** `45 s`, `3 min`, `1 h 20 min` (`45 detik`, `3 menit`, `1 jam 20 menit`). */
export function duration(ms: number, loc: Locale): string {
  const s = Math.max(1, Math.round(ms / 1000));
  if (s < 60) return t(loc, 'duration.seconds', { n: s });
  const min = Math.round(s / 60);
  if (min < 60) return t(loc, 'duration.minutes', { n: min });
  const h = Math.floor(min / 60);
  return min % 60 ? t(loc, 'duration.hoursMinutes', { h, m: min % 60 }) : t(loc, 'duration.hours', { n: h });
}

export interface Progress {
  done: number;
  total: number;
  /** Time spent sending so far (this execution). */
  elapsedMs: number;
}

export function progressLine(p: Progress, loc: Locale): string {
  const left = p.total - p.done;
  const values = { done: p.done, total: p.total, left };
  if (p.done === 0 || left === 0) return t(loc, 'generate.progress', values);
  return t(loc, 'generate.progressEta', { ...values, eta: duration((p.elapsedMs / p.done) * left, loc) });
}
