/// <reference types="google-apps-script" />
/**
 * CacheService with expiry on the emulated clock. Limits as documented: key ≤ 250 characters,
 * value ≤ 100 KB, expiration ≤ 21,600 s (default 600 s). Error texts INFERRED.
 */
import { ExecutionMeter } from './execution-meter';

type Cache = GoogleAppsScript.Cache.Cache;
const MAX_KEY = 250;
const MAX_VALUE_BYTES = 100 * 1024;
const MAX_TTL_S = 21600;

export class CacheStore {
  readonly entries = new Map<string, { value: string; expiresAt: number }>();
}

class EmuCache implements Pick<Cache, 'get' | 'getAll' | 'put' | 'putAll' | 'remove' | 'removeAll'> {
  constructor(private readonly meter: ExecutionMeter, private readonly store: CacheStore) {}

  private call(method: string): void {
    this.meter.record(`Cache.${method}`, 'cache');
  }

  private read(key: string): string | null {
    const e = this.store.entries.get(key);
    if (!e) return null;
    if (e.expiresAt <= this.meter.now()) {
      this.store.entries.delete(key);
      return null;
    }
    return e.value;
  }

  private write(key: string, value: string, seconds: number): void {
    if (typeof key !== 'string' || key.length > MAX_KEY) throw new Error('Argument too large: key');
    if (Buffer.byteLength(String(value)) > MAX_VALUE_BYTES) throw new Error('Argument too large: value');
    const ttl = Math.min(Math.max(1, seconds), MAX_TTL_S);
    this.store.entries.set(key, { value: String(value), expiresAt: this.meter.now() + ttl * 1000 });
  }

  get(key: string): string | null {
    this.call('get');
    return this.read(key);
  }

  getAll(keys: string[]): any {
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
  put(key: string, value: string, expirationInSeconds = 600): void {
    this.call('put');
    this.write(key, value, expirationInSeconds);
  }

  putAll(values: any): void;
  putAll(values: any, expirationInSeconds: number): void;
  putAll(values: any, expirationInSeconds = 600): void {
    this.call('putAll');
    for (const [k, v] of Object.entries(values as Record<string, string>)) this.write(k, v, expirationInSeconds);
  }

  remove(key: string): void {
    this.call('remove');
    this.store.entries.delete(key);
  }

  removeAll(keys: string[]): void {
    this.call('removeAll');
    for (const k of keys) this.store.entries.delete(k);
  }
}

export interface CacheStores {
  script: CacheStore;
  user: CacheStore;
  document: CacheStore;
}

export function createCacheService(meter: ExecutionMeter, stores: CacheStores, bound: boolean): Pick<GoogleAppsScript.Cache.CacheService, 'getScriptCache' | 'getUserCache' | 'getDocumentCache'> {
  const get = (method: string, store: CacheStore): Cache => {
    meter.record(`CacheService.${method}`, 'other');
    return new EmuCache(meter, store) as unknown as Cache;
  };
  return {
    getScriptCache: () => get('getScriptCache', stores.script),
    getUserCache: () => get('getUserCache', stores.user),
    getDocumentCache: () => (bound ? get('getDocumentCache', stores.document) : (meter.record('CacheService.getDocumentCache', 'other'), null)),
  };
}
