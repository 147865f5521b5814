/**
 * The settings doPost verifies with, kept in the script cache so that a notification costs no Script
 * Properties read: Properties reads count against a daily quota (50,000 a day on a consumer account,
 * https://developers.google.com/apps-script/guides/services/quotas) shared with every menu action, and
 * the quota table lists none for CacheService. The cache is best-effort
 * (https://developers.google.com/apps-script/reference/cache/cache), so a miss falls back to Script
 * Properties and fills it again. Saving Settings empties it. A key changed elsewhere (the script
 * editor's Script Properties) is picked up at the first signature that fails with the cached one,
 * at most once a minute: a flood of forged bodies costs at most one Properties read a minute.
 *
 * Who can read it: the script cache is this script's own, like its Script Properties; every editor of
 * a bound script can read both (docs/sheets.md).
 */
import type { MidtransConfig } from '@midtrans-pl/core';
import { CacheService } from './services';

const CACHE_KEY = 'MIDTRANS_SETTINGS';
/** The longest a cache item may live (21,600 s, the Cache reference). */
const TTL_SECONDS = 21_600;
/** A failed signature re-reads Script Properties only when the cached copy is older than this. */
export const REREAD_AFTER_MS = 60_000;

export interface CachedSettings {
  config?: MidtransConfig;
  /** When Script Properties were read (epoch ms). */
  readAt: number;
  fromCache: boolean;
}

function cache(): GoogleAppsScript.Cache.Cache | null {
  try {
    return CacheService.getScriptCache();
  } catch {
    return null;
  }
}

function parse(text: string | null): Omit<CachedSettings, 'fromCache'> | undefined {
  if (!text) return undefined;
  try {
    const v = JSON.parse(text) as { config?: MidtransConfig; readAt?: unknown };
    return typeof v.readAt === 'number' ? { config: v.config ?? undefined, readAt: v.readAt } : undefined;
  } catch {
    return undefined;
  }
}

/** Reads Script Properties through `read` and keeps the answer (no key stored is kept too). */
export function refreshCachedConfig(read: () => MidtransConfig | undefined): CachedSettings {
  const config = read();
  const entry = { config, readAt: Date.now() };
  try {
    cache()?.put(CACHE_KEY, JSON.stringify(entry), TTL_SECONDS);
  } catch {
    // Best-effort: the next notification reads Script Properties again.
  }
  return { ...entry, fromCache: false };
}

export function cachedConfig(read: () => MidtransConfig | undefined): CachedSettings {
  let kept: ReturnType<typeof parse>;
  try {
    kept = parse(cache()?.get(CACHE_KEY) ?? null);
  } catch {
    kept = undefined;
  }
  return kept ? { ...kept, fromCache: true } : refreshCachedConfig(read);
}

export function forgetCachedConfig(): void {
  try {
    cache()?.remove(CACHE_KEY);
  } catch {
    // Nothing kept, or nothing to reach: either way the next read goes to Script Properties.
  }
}
