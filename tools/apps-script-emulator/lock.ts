/// <reference types="google-apps-script" />
/**
 * LockService. Executions run one after another in the emulator, so "another execution holds the lock"
 * is simulated: `lockContention` true (always held elsewhere) or a function of the attempt number
 * (1-based, counted over the environment's lifetime) saying whether that attempt finds it held.
 * A lock held by an overlapping execution (env.concurrently) is contended too.
 * A contended tryLock(ms)/waitLock(ms) waits the whole timeout (modelled time) and fails; an execution's
 * locks are released when it ends (Apps Script releases them at the end of the script).
 */
import { ExecutionMeter } from './execution-meter';

type Lock = GoogleAppsScript.Lock.Lock;
export const LOCK_TIMEOUT_MESSAGE = 'Lock timeout: another process was holding the lock for too long.';
export type LockContention = boolean | ((attempt: number) => boolean);

export class LockState {
  /** scope → index of the execution holding it */
  held = new Map<string, number>();
  attempts = 0;
  constructor(public contention: LockContention = false) {}
  contended(): boolean {
    this.attempts++;
    const c = this.contention;
    return typeof c === 'function' ? c(this.attempts) : c;
  }
}

class EmuLock implements Pick<Lock, 'tryLock' | 'waitLock' | 'releaseLock' | 'hasLock'> {
  constructor(
    private readonly meter: ExecutionMeter,
    private readonly state: LockState,
    private readonly scope: string,
  ) {}

  private acquire(timeoutInMillis: number): boolean {
    const holder = this.state.held.get(this.scope);
    if (holder === this.meter.execution) return true;
    // Held by an overlapping execution (env.concurrently), or contention simulated by the options.
    if (holder !== undefined || this.state.contended()) {
      this.meter.spend(Math.max(0, timeoutInMillis));
      return false;
    }
    this.state.held.set(this.scope, this.meter.execution);
    return true;
  }

  tryLock(timeoutInMillis: number): boolean {
    this.meter.record('Lock.tryLock', 'lock');
    return this.acquire(timeoutInMillis);
  }

  waitLock(timeoutInMillis: number): void {
    this.meter.record('Lock.waitLock', 'lock');
    if (!this.acquire(timeoutInMillis)) throw new Error(LOCK_TIMEOUT_MESSAGE);
  }

  releaseLock(): void {
    this.meter.record('Lock.releaseLock', 'lock');
    if (this.state.held.get(this.scope) === this.meter.execution) this.state.held.delete(this.scope);
  }

  hasLock(): boolean {
    this.meter.record('Lock.hasLock', 'lock');
    return this.state.held.get(this.scope) === this.meter.execution;
  }
}

export function createLockService(
  meter: ExecutionMeter,
  state: LockState,
  bound: boolean,
): Pick<GoogleAppsScript.Lock.LockService, 'getScriptLock' | 'getUserLock' | 'getDocumentLock'> {
  const get = (method: string, scope: string): Lock => {
    meter.record(`LockService.${method}`, 'other');
    return new EmuLock(meter, state, scope) as unknown as Lock;
  };
  return {
    getScriptLock: () => get('getScriptLock', 'script'),
    getUserLock: () => get('getUserLock', 'user'),
    // Outside a document (standalone script) Apps Script returns null.
    getDocumentLock: () =>
      bound ? get('getDocumentLock', 'document') : (meter.record('LockService.getDocumentLock', 'other'), null as unknown as Lock),
  };
}
