/**
 * Daily quotas of the consumer tier [quotas]: URL Fetch calls 20,000/day, Properties read/write
 * 50,000/day, email recipients 100/day (https://developers.google.com/apps-script/guides/services/quotas). Counted over the environment's lifetime (one emulated "day" unless reset); exceeding one
 * throws the message users report: "Service invoked too many times for one day: urlfetch."
 */
export const DAILY_QUOTA = { urlfetch: 20000, properties: 50000, email: 100 } as const;
/** Email recipients per day on a Google Workspace account [quotas]: 1,500 (consumer accounts: 100). */
export const WORKSPACE_EMAIL_QUOTA = 1500;

export type QuotaService = 'urlfetch' | 'properties' | 'email';

export class DailyQuota {
  private used: Record<string, number> = {};
  constructor(private readonly limits: Record<string, number> = DAILY_QUOTA) {}

  /** Consumes `n` units of `service`; throws when the day's quota would be exceeded. */
  consume(service: QuotaService, n = 1): void {
    const next = (this.used[service] ?? 0) + n;
    if (next > (this.limits[service] ?? Infinity)) throw new Error(`Service invoked too many times for one day: ${service}.`);
    this.used[service] = next;
  }

  remaining(service: QuotaService): number {
    return (this.limits[service] ?? Infinity) - (this.used[service] ?? 0);
  }

  usage(): Record<string, number> {
    return { ...this.used };
  }

  reset(): void {
    this.used = {};
  }
}
