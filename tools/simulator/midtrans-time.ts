/** Midtrans writes times in Jakarta time (GMT+7) without a zone suffix (docs/midtrans-contract.md §5.7, GTS). */
const JAKARTA_OFFSET_MS = 7 * 3_600_000;

function parts(ms: number): string[] {
  const d = new Date(ms + JAKARTA_OFFSET_MS);
  const p = (n: number) => String(n).padStart(2, '0');
  return [
    String(d.getUTCFullYear()),
    p(d.getUTCMonth() + 1),
    p(d.getUTCDate()),
    p(d.getUTCHours()),
    p(d.getUTCMinutes()),
    p(d.getUTCSeconds()),
  ];
}

/** `2021-06-23 11:27:20` (notification and status fields). */
export function jakartaDateTime(ms: number): string {
  const [y, mo, d, h, mi, s] = parts(ms);
  return `${y}-${mo}-${d} ${h}:${mi}:${s}`;
}

/** `2020-12-31 18:00 +0700` (GET's `expiry_start`, same shape as the create sample's `start_time`). */
export function jakartaStartTime(ms: number): string {
  const [y, mo, d, h, mi] = parts(ms);
  return `${y}-${mo}-${d} ${h}:${mi} +0700`;
}

export const UNIT_MS: Record<string, number> = { minute: 60_000, hour: 3_600_000, day: 86_400_000 };

export function unitMs(unit: string): number {
  return UNIT_MS[unit.replace(/s$/, '')] ?? 0;
}
