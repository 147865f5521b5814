/**
 * What a person at the sheet sees while a long run works: rows done, rows left and the time left at
 * the pace so far. Shown as a toast (Spreadsheet.toast): Apps Script shows it from a running script,
 * each new one replacing the last, which is what keeps it current; a sidebar cannot be pushed to, only
 * poll. A toast from a trigger has nobody to show it to, so the continuation's rows also say so in Note.
 */

/** `45 s`, `3 min`, `1 h 20 min`. */
export function duration(ms: number): string {
  const s = Math.max(1, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  const min = Math.round(s / 60);
  if (min < 60) return `${min} min`;
  const h = Math.floor(min / 60);
  return min % 60 ? `${h} h ${min % 60} min` : `${h} h`;
}

export interface Progress {
  done: number;
  total: number;
  /** Time spent sending so far (this execution). */
  elapsedMs: number;
}

export function progressLine(p: Progress): string {
  const left = p.total - p.done;
  const head = `${p.done} of ${p.total} rows sent to Midtrans, ${left} left`;
  if (p.done === 0 || left === 0) return `${head}…`;
  return `${head}, about ${duration((p.elapsedMs / p.done) * left)} to go…`;
}
