/**
 * A Refresh pass that stopped for time, remembered so the next execution resumes it. A pass visits the
 * links in order-id order, so "where it stopped" is one order id (at most ORDER_ID_MAX characters):
 * small, and still right after the merchant sorts, inserts or deletes rows between executions, which a
 * row number would not be. Each link is visited once per pass: the next part starts after that id.
 */
import { PROPERTY } from './settings';

export interface PendingPass {
  /** The last order id the pass checked; the rest of the pass is every order id after it. */
  after: string;
}

export function pendingPass(): PendingPass | undefined {
  const text = PropertiesService.getScriptProperties().getProperty(PROPERTY.refreshPass);
  if (!text) return undefined;
  try {
    const p = JSON.parse(text) as PendingPass;
    return typeof p.after === 'string' ? { after: p.after } : undefined;
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
