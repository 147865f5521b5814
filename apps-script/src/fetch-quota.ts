/**
 * Apps Script's daily URL Fetch quota (developers.google.com/apps-script/guides/services/quotas):
 * 20,000 calls a day for a consumer (gmail.com) account, 100,000 for Google Workspace; every request
 * inside a fetchAll counts; the count resets 24 hours after the first call. Apps Script has no way to
 * ask how much is left, so the add-on keeps its own ledger of the requests its runs send, per user (the
 * quota is the user's). Other scripts of the same account draw on the same quota unseen: when the real
 * quota refuses first, the run stops the same way (fetchAll's "Service invoked too many times for one
 * day: urlfetch.").
 */
import { PropertiesService, Session } from './services';

const URLFETCH_PER_DAY = { consumer: 20_000, workspace: 100_000 } as const;
const QUOTA_DAY_MS = 24 * 3_600_000;
/** Script property: the account's daily quota, when the guess below is wrong. */
const QUOTA_PROPERTY = 'MIDTRANS_URLFETCH_DAILY_QUOTA';
const LEDGER_PROPERTY = 'MIDTRANS_URLFETCH_LEDGER';

interface Ledger {
  /** When the first counted request of this quota day went out. */
  since: number;
  used: number;
}

export interface QuotaView {
  limit: number;
  used: number;
  left: number;
  /** When the quota day ends (epoch ms); undefined when nothing has been counted yet. */
  resetsAt?: number;
}

/** [inferred] A gmail.com / googlemail.com user is on the consumer quota, anyone else on Workspace's. */
function dailyLimit(): number {
  const set = Number(PropertiesService.getScriptProperties().getProperty(QUOTA_PROPERTY));
  if (Number.isInteger(set) && set > 0) return set;
  let email = '';
  try {
    email = Session.getEffectiveUser().getEmail().toLowerCase();
  } catch {
    email = '';
  }
  return /@(gmail|googlemail)\.com$/.test(email) || email === '' ? URLFETCH_PER_DAY.consumer : URLFETCH_PER_DAY.workspace;
}

function readLedger(at: number): Ledger | undefined {
  const text = PropertiesService.getUserProperties().getProperty(LEDGER_PROPERTY);
  if (!text) return undefined;
  try {
    const l = JSON.parse(text) as Ledger;
    if (typeof l.since !== 'number' || typeof l.used !== 'number') return undefined;
    return at - l.since >= QUOTA_DAY_MS ? undefined : l;
  } catch {
    return undefined;
  }
}

export function quotaView(at: number, limit = dailyLimit()): QuotaView {
  const l = readLedger(at);
  const used = l?.used ?? 0;
  return { limit, used, left: Math.max(0, limit - used), resetsAt: l ? l.since + QUOTA_DAY_MS : undefined };
}

/** Counts `n` requests sent at `at`. */
export function recordRequests(n: number, at: number): void {
  if (n <= 0) return;
  const l = readLedger(at) ?? { since: at, used: 0 };
  l.used += n;
  PropertiesService.getUserProperties().setProperty(LEDGER_PROPERTY, JSON.stringify(l));
}

/** The real quota refused: the day is used up, whatever the ledger said. */
export function markExhausted(at: number, limit: number): void {
  const l = readLedger(at) ?? { since: at, used: 0 };
  l.used = Math.max(l.used, limit);
  PropertiesService.getUserProperties().setProperty(LEDGER_PROPERTY, JSON.stringify(l));
}
