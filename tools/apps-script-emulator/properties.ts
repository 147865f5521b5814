/// <reference types="google-apps-script" />
/**
 * PropertiesService: script, user and document stores that persist across executions. Limits from the
 * quota table (9 KB per value, 500 KB per store); the error texts are INFERRED from user reports.
 */
import { DailyQuota } from './daily-quota';
import { ExecutionMeter } from './execution-meter';

type Properties = GoogleAppsScript.Properties.Properties;
const MAX_VALUE_BYTES = 9 * 1024;
const MAX_STORE_BYTES = 500 * 1024;

export class PropertyStore {
  readonly data = new Map<string, string>();
  constructor(initial: Record<string, string> = {}) {
    for (const [k, v] of Object.entries(initial)) this.data.set(k, String(v));
  }
  bytes(): number {
    let n = 0;
    for (const [k, v] of this.data) n += Buffer.byteLength(k) + Buffer.byteLength(v);
    return n;
  }
}

type PropertyMethods =
  'getProperty' | 'setProperty' | 'setProperties' | 'deleteProperty' | 'deleteAllProperties' | 'getProperties' | 'getKeys';

class EmuProperties implements Pick<Properties, PropertyMethods> {
  constructor(
    private readonly meter: ExecutionMeter,
    private readonly store: PropertyStore,
    private readonly quota: DailyQuota,
  ) {}

  private call(method: string): void {
    this.meter.record(`Properties.${method}`, 'properties');
    if (this.meter.tracking) this.quota.consume('properties');
  }

  private put(key: string, value: unknown): void {
    const k = String(key);
    const v = String(value);
    if (Buffer.byteLength(v) > MAX_VALUE_BYTES) throw new Error('Argument too large: value');
    const before = this.store.data.get(k);
    this.store.data.set(k, v);
    if (this.store.bytes() > MAX_STORE_BYTES) {
      if (before === undefined) this.store.data.delete(k);
      else this.store.data.set(k, before);
      throw new Error('You have exceeded the property storage quota. Please remove some properties and try again.');
    }
  }

  getProperty(key: string): string | null {
    this.call('getProperty');
    return this.store.data.get(String(key)) ?? null;
  }

  setProperty(key: string, value: string): Properties {
    this.call('setProperty');
    this.put(key, value);
    return this as unknown as Properties;
  }

  setProperties(properties: { [key: string]: string }): Properties;
  setProperties(properties: { [key: string]: string }, deleteAllOthers: boolean): Properties;
  setProperties(properties: { [key: string]: string }, deleteAllOthers?: boolean): Properties {
    this.call('setProperties');
    if (deleteAllOthers) this.store.data.clear();
    for (const [k, v] of Object.entries(properties)) this.put(k, v);
    return this as unknown as Properties;
  }

  deleteProperty(key: string): Properties {
    this.call('deleteProperty');
    this.store.data.delete(String(key));
    return this as unknown as Properties;
  }

  deleteAllProperties(): Properties {
    this.call('deleteAllProperties');
    this.store.data.clear();
    return this as unknown as Properties;
  }

  getProperties(): { [key: string]: string } {
    this.call('getProperties');
    return Object.fromEntries(this.store.data);
  }

  getKeys(): string[] {
    this.call('getKeys');
    return [...this.store.data.keys()];
  }
}

export interface PropertyStores {
  script: PropertyStore;
  user: PropertyStore;
  document: PropertyStore;
}

export function createPropertiesService(
  meter: ExecutionMeter,
  stores: PropertyStores,
  bound: boolean,
  quota: DailyQuota,
): Pick<GoogleAppsScript.Properties.PropertiesService, 'getScriptProperties' | 'getUserProperties' | 'getDocumentProperties'> {
  const get = (method: string, store: PropertyStore): Properties => {
    meter.record(`PropertiesService.${method}`, 'other');
    return new EmuProperties(meter, store, quota) as unknown as Properties;
  };
  return {
    getScriptProperties: () => get('getScriptProperties', stores.script),
    getUserProperties: () => get('getUserProperties', stores.user),
    // A standalone script has no document: Apps Script returns null.
    getDocumentProperties: () =>
      bound
        ? get('getDocumentProperties', stores.document)
        : (meter.record('PropertiesService.getDocumentProperties', 'other'), null as unknown as Properties),
  };
}
