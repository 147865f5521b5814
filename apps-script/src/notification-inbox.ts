/**
 * Verified notifications that found the sheet busy, kept until the next holder of the script lock
 * applies them (a generation chunk, a Refresh, the next doPost). Apps Script answers every web-app POST
 * with a 302, so Midtrans may never send the notification again: answering "busy" used to lose it until
 * the next Refresh.
 *
 * One Script Property per notification (`MIDTRANS_INBOX_<uuid>`): a property is written without the
 * lock, and two writers of different keys cannot overwrite each other, whereas two appends to a sheet
 * without the lock could land in the same row. What is kept is the purchase record doPost would have
 * merged (already verified), not the body, so applying it needs no key and no network call. Limits
 * (https://developers.google.com/apps-script/guides/services/quotas): 9 KB a value (a record is a few
 * hundred bytes) and 500 KB a store, shared with the settings; a write the store refuses is reported
 * to the caller, which then answers `busy`.
 */
import type { PurchaseRecord } from '@midtrans-pl/core';
import { PropertiesService, Utilities } from './services';

export const INBOX_PREFIX = 'MIDTRANS_INBOX_';

export interface KeptNotification {
  linkOrderId: string;
  record: PurchaseRecord;
}

function properties(): GoogleAppsScript.Properties.Properties {
  return PropertiesService.getScriptProperties();
}

/** True once it is stored. */
export function keepForLater(kept: KeptNotification): boolean {
  try {
    properties().setProperty(`${INBOX_PREFIX}${Utilities.getUuid()}`, JSON.stringify(kept));
    return true;
  } catch (e) {
    console.warn(`A notification for ${kept.linkOrderId} could not be kept for later: ${e instanceof Error ? e.message : String(e)}`);
    return false;
  }
}

function parse(text: string): KeptNotification | undefined {
  try {
    const v = JSON.parse(text) as Partial<KeptNotification>;
    return typeof v.linkOrderId === 'string' && v.record && typeof v.record === 'object' ? (v as KeptNotification) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Everything kept, in no particular order: merges are monotonic (one Properties read). An unreadable store (its quota spent for the
 * day) reads as empty: what is kept waits for a later lock holder.
 */
export function keptNotifications(): { key: string; kept?: KeptNotification }[] {
  let all: Record<string, string>;
  try {
    all = properties().getProperties();
  } catch {
    return [];
  }
  return Object.keys(all)
    .filter((k) => k.startsWith(INBOX_PREFIX))
    .map((key) => ({ key, kept: parse(all[key]) }));
}

/** After the records are committed (a cut before this only applies them again, which changes nothing). */
export function forgetKept(keys: string[]): void {
  const props = properties();
  for (const key of keys) {
    try {
      props.deleteProperty(key);
    } catch {
      // Left for the next holder: applying a record twice is a duplicate.
    }
  }
}
