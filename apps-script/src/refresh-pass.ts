/**
 * A Refresh pass that stopped for time, remembered so the next execution resumes it. A pass visits the
 * links in order-id order, so "where it stopped" is one order id (at most ORDER_ID_MAX characters):
 * small, and still right after the merchant sorts, inserts or deletes rows between executions, which a
 * row number would not be. Each link is visited once per pass: the next part starts after that id.
 */
import { PropertiesService } from './services';
import { PROPERTY } from './settings';

export interface PendingPass {
  /** The last order id the pass checked; the rest of the pass is every order id after it. */
  after: string;
  /** When the pass started and when the complete pass before it had started: which paid links it re-checks. */
  at?: number;
  since?: number;
}

/**
 * When the last complete Refresh pass started (ms): paid links are re-checked on a cadence counted
 * from it (core refresh-need.ts), so how often Refresh runs does not change how often they are asked.
 */
const LAST_PASS_PROPERTY = 'MIDTRANS_REFRESH_LAST_PASS';

export function lastPassStart(): number | undefined {
  const n = Number(PropertiesService.getScriptProperties().getProperty(LAST_PASS_PROPERTY) ?? '');
  return Number.isFinite(n) && n > 0 ? n : undefined;
}

export function saveLastPassStart(at: number): void {
  PropertiesService.getScriptProperties().setProperty(LAST_PASS_PROPERTY, String(at));
}

export function pendingPass(): PendingPass | undefined {
  const text = PropertiesService.getScriptProperties().getProperty(PROPERTY.refreshPass);
  if (!text) return undefined;
  try {
    const p = JSON.parse(text) as PendingPass;
    if (typeof p.after !== 'string') return undefined;
    const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
    return { after: p.after, at: num(p.at), since: num(p.since) };
  } catch {
    return undefined;
  }
}

export function savePendingPass(pass: PendingPass): void {
  PropertiesService.getScriptProperties().setProperty(PROPERTY.refreshPass, JSON.stringify(pass));
}

export function clearPendingPass(): void {
  PropertiesService.getScriptProperties().deleteProperty(PROPERTY.refreshPass);
}

/** Plain code-unit order: the same in every execution, whatever the locale. */
export function byOrderId(a: { orderId: string }, b: { orderId: string }): number {
  return a.orderId < b.orderId ? -1 : a.orderId > b.orderId ? 1 : 0;
}
