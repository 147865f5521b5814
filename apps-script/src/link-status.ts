/** What the Status, Paid At and Note cells show, from the state store; the rules are the core's. */
import {
  purchasesFromLink,
  summariseLink,
  summarisePurchases,
  type LinkLife,
  type LinkSummary,
  type NotePart,
  type PaymentLink,
} from '@midtrans-pl/core';
import type { LinkState, StateStore } from './state-store';

import { statusWordsOf } from './i18n/words';

/**
 * A row waiting for its create call shows `Queued` (not one of Midtrans's words, so ours), in
 * whichever language wrote it: a run stopped before a language change still continues.
 */
export function isQueued(shown: string): boolean {
  return statusWordsOf('Queued').includes(shown);
}

export function usageLimitOf(cell: unknown): number {
  const n = typeof cell === 'number' ? cell : Number(String(cell ?? '').trim());
  return Number.isInteger(n) && n >= 1 ? n : 1;
}

export function summaryOf(state: LinkState, fallback: LinkLife): LinkSummary {
  return summarisePurchases(state.purchases, state.life ?? fallback);
}

/**
 * Folds a GET answer into the store: the link's life and every purchase it lists, merged with what
 * notifications already said, so a GET that lags behind a notification cannot lower a status.
 */
export function foldLinkAnswer(store: StateStore, linkOrderId: string, link: PaymentLink, now: number): NotePart[] {
  const s = summariseLink(link, now);
  // An open link needs no row of its own (the sheet's Usage Limit column serves): the store, read by
  // every notification, then grows with payments and ended links, not with every link ever refreshed.
  if (s.expired || s.deleted || store.link(linkOrderId).life) {
    store.setLife(linkOrderId, { usageLimit: s.usageLimit, expired: s.expired, deleted: s.deleted });
  }
  for (const p of purchasesFromLink(link)) store.mergePurchase(linkOrderId, p);
  // What the Note adds when last_snap_transaction_status knows of a payment the list does not show yet.
  return s.unlistedSettlement ? [{ code: 'unlistedSettlement', count: 0 }] : [];
}

/** GET answered 404 for a link we made: it was deleted (in the dashboard, or by Deactivate). */
export function foldLinkGone(store: StateStore, linkOrderId: string, usageLimit: number): void {
  const previous = store.link(linkOrderId).life;
  store.setLife(linkOrderId, { usageLimit: previous?.usageLimit ?? usageLimit, expired: previous?.expired, deleted: true });
}
