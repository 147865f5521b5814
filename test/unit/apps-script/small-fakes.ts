/**
 * Small fakes of the few Apps Script services a module calls, each counting its calls, for testing the
 * add-on's logic without the bundle and the emulator (apps-script/src/services.ts puts them in place).
 * They hold the documented behaviour the tests rely on and nothing else: properties store strings,
 * `tryLock` returns false while another holder has the lock.
 */
import { useServices } from '../../../apps-script/src/services';

export class FakeProperties {
  readonly calls: Record<string, number> = {};
  constructor(readonly store: Record<string, string> = {}) {}
  private count(method: string): void {
    this.calls[method] = (this.calls[method] ?? 0) + 1;
  }
  getProperty(key: string): string | null {
    this.count('getProperty');
    return Object.prototype.hasOwnProperty.call(this.store, key) ? this.store[key] : null;
  }
  getProperties(): Record<string, string> {
    this.count('getProperties');
    return { ...this.store };
  }
  setProperty(key: string, value: string): this {
    this.count('setProperty');
    this.store[key] = String(value);
    return this;
  }
  setProperties(values: Record<string, string>): this {
    this.count('setProperties');
    for (const [k, v] of Object.entries(values)) this.store[k] = String(v);
    return this;
  }
  deleteProperty(key: string): this {
    this.count('deleteProperty');
    delete this.store[key];
    return this;
  }
  /** Every write, whatever the method. */
  writes(): number {
    return (this.calls.setProperty ?? 0) + (this.calls.setProperties ?? 0) + (this.calls.deleteProperty ?? 0);
  }
}

export class FakeLock {
  held = false;
  /** Another execution holds it: tryLock waits and gives up. */
  heldElsewhere = false;
  tries = 0;
  releases = 0;
  tryLock(_ms: number): boolean {
    this.tries++;
    if (this.heldElsewhere) return false;
    this.held = true;
    return true;
  }
  releaseLock(): void {
    this.releases++;
    this.held = false;
  }
}

export interface SmallFakes {
  script: FakeProperties;
  user: FakeProperties;
  lock: FakeLock;
  /** What Session.getEffectiveUser().getEmail() answers ('' when the address may not be revealed). */
  email: string;
  emailCalls: number;
  uuids: number;
}

/** Puts the fakes in place for one test; the returned `restore` puts the globals back. */
export function useSmallFakes(email = ''): SmallFakes & { restore: () => void } {
  const f: SmallFakes & { restore: () => void } = {
    restore: () => undefined,
    script: new FakeProperties(),
    user: new FakeProperties(),
    lock: new FakeLock(),
    email,
    emailCalls: 0,
    uuids: 0,
  };
  f.restore = useServices({
    PropertiesService: { getScriptProperties: () => f.script, getUserProperties: () => f.user },
    LockService: { getScriptLock: () => f.lock },
    Session: {
      getEffectiveUser: () => ({
        getEmail: () => {
          f.emailCalls++;
          return f.email;
        },
      }),
      getScriptTimeZone: () => 'Asia/Jakarta',
    },
    Utilities: {
      getUuid: () => `00000000-0000-4000-8000-${String(++f.uuids).padStart(12, '0')}`,
      formatDate: (d: Date) => d.toISOString().slice(11, 19),
    },
  });
  return f;
}
