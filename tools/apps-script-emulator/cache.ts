/// <reference types="google-apps-script" />
/**
 * CacheService with expiry on the emulated clock. Limits as documented
 * (https://developers.google.com/apps-script/reference/cache/cache): key ≤ 250 characters, value ≤ 100 KB,
 * expiration ≤ 21,600 s (default 600 s), at most 1,000 items per cache (the oldest go first here:
 * which item Apps Script drops is not documented, INFERRED). The quota table
 * (https://developers.google.com/apps-script/guides/services/quotas) lists no daily quota for it, so
 * none is charged; every call is still counted and priced. A cache is best-effort ("might be removed
 * before this time"): `evict()` drops everything, so a test can prove the script copes. Error texts INFERRED.
 */
import { ExecutionMeter } from './execution-meter';

type Cache = GoogleAppsScript.Cache.Cache;
const MAX_KEY = 250;
const MAX_VALUE_BYTES = 100 * 1024;
const MAX_TTL_S = 21600;
const DEFAULT_TTL_S = 600;
export const MAX_CACHE_ITEMS = 1000;

export class CacheStore {
  readonly entries = new Map<string, { value: string; expiresAt: number }>();
  evict(): void {
    this.entries.clear();
  }
}

class EmuCache implements Pick<Cache, 'get' | 'getAll' | 'put' | 'putAll' | 'remove' | 'removeAll'> {
  constructor(
    private readonly meter: ExecutionMeter,
    private readonly store: CacheStore,
  ) {}

  private call(method: string): void {
    this.meter.record(`Cache.${method}`, 'cache');
  }

  private read(key: string): string | null {
    const e = this.store.entries.get(String(key));
    if (!e) return null;
    if (e.expiresAt <= this.meter.now()) {
      this.store.entries.delete(String(key));
      return null;
    }
    return e.value;
  }

  private check(key: unknown, value: unknown): void {
    if (typeof key !== 'string' || key.length > MAX_KEY) throw new Error('Argument too large: key');
    if (Buffer.byteLength(String(value)) > MAX_VALUE_BYTES) throw new Error('Argument too large: value');
  }

  private write(key: string, value: string, seconds: number): void {
    const ttl = Math.min(Math.max(1, Math.floor(Number(seconds) || DEFAULT_TTL_S)), MAX_TTL_S);
    this.store.entries.delete(key);
    this.store.entries.set(key, { value: String(value), expiresAt: this.meter.now() + ttl * 1000 });
    while (this.store.entries.size > MAX_CACHE_ITEMS) this.store.entries.delete(this.store.entries.keys().next().value as string);
  }

  get(key: string): string | null {
    this.call('get');
    return this.read(key);
  }

  getAll(keys: string[]): { [key: string]: string } {
    this.call('getAll');
    const out: Record<string, string> = {};
    for (const k of keys) {
      const v = this.read(k);
      if (v !== null) out[k] = v;
    }
    return out;
  }

  put(key: string, value: string): void;
  put(key: string, value: string, expirationInSeconds: number): void;
  put(key: string, value: string, expirationInSeconds = DEFAULT_TTL_S): void {
    this.call('put');
    this.check(key, value);
    this.write(key, value, expirationInSeconds);
  }

  putAll(values: { [key: string]: string }): void;
  putAll(values: { [key: string]: string }, expirationInSeconds: number): void;
  putAll(values: { [key: string]: string }, expirationInSeconds = DEFAULT_TTL_S): void {
    this.call('putAll');
    const pairs = Object.entries(values);
    for (const [k, v] of pairs) this.check(k, v);
    for (const [k, v] of pairs) this.write(k, v, expirationInSeconds);
  }

  remove(key: string): void {
    this.call('remove');
    this.store.entries.delete(String(key));
  }

  removeAll(keys: string[]): void {
    this.call('removeAll');
    for (const k of keys) this.store.entries.delete(String(k));
  }
}

export interface CacheStores {
  script: CacheStore;
  user: CacheStore;
  document: CacheStore;
}

export function createCacheService(
  meter: ExecutionMeter,
  stores: CacheStores,
  bound: boolean,
): Pick<GoogleAppsScript.Cache.CacheService, 'getScriptCache' | 'getUserCache' | 'getDocumentCache'> {
  const get = (method: string, store: CacheStore): Cache => {
    meter.record(`CacheService.${method}`, 'other');
    return new EmuCache(meter, store) as unknown as Cache;
  };
  return {
    getScriptCache: () => get('getScriptCache', stores.script),
    getUserCache: () => get('getUserCache', stores.user),
    // Outside a document (standalone script) Apps Script returns null.
    getDocumentCache: () =>
      bound ? get('getDocumentCache', stores.document) : (meter.record('CacheService.getDocumentCache', 'other'), null),
  };
}
