/**
 * Daily quotas of the consumer tier [quotas]: URL Fetch calls 20,000/day, Properties read/write
 * 50,000/day. Counted over the environment's lifetime (one emulated "day" unless reset); exceeding one
 * throws the message users report: "Service invoked too many times for one day: urlfetch."
 */
export const DAILY_QUOTA = { urlfetch: 20000, properties: 50000 } as const;

export class DailyQuota {
  private used: Record<string, number> = {};
  constructor(private readonly limits: Record<string, number> = DAILY_QUOTA) {}

  /** Consumes `n` units of `service`; throws when the day's quota would be exceeded. */
  consume(service: 'urlfetch' | 'properties', n = 1): void {
    const next = (this.used[service] ?? 0) + n;
    if (next > (this.limits[service] ?? Infinity)) throw new Error(`Service invoked too many times for one day: ${service}.`);
    this.used[service] = next;
  }

  usage(): Record<string, number> {
    return { ...this.used };
  }

  reset(): void {
    this.used = {};
  }
}
