/**
 * Counts and prices every service call of the current execution, owns the emulated clock, and ends the
 * execution the way Apps Script does: at the 6-minute limit (on modelled time) or at a chosen call
 * (`stopAtCall`, for cut-off tests). Once an execution is ended, every further service call in it throws
 * the same error, so a `catch` in the script cannot keep working after the kill. A cut also loses the
 * Spreadsheet writes made since the last flush point (INFERRED, the strict reading: see unflushed-writes.ts).
 */
import { COST, CallDetail, CallKind, FETCHALL_MODELS, FetchAllModel, flushMs, priceCall } from './cost-model';
import { UnflushedWrites } from './unflushed-writes';

export const EXCEEDED_MESSAGE = 'Exceeded maximum execution time';

export interface CallCounts {
  byMethod: Record<string, number>;
  spreadsheetCalls: number;
  cellsTouched: number;
  fetchRoundTrips: number;
  fetchRequests: number;
  total: number;
}

export interface ExecutionSummary {
  index: number;
  calls: CallCounts;
  modelledMs: number;
  killed: string | null;
}

function emptyCounts(): CallCounts {
  return { byMethod: {}, spreadsheetCalls: 0, cellsTouched: 0, fetchRoundTrips: 0, fetchRequests: 0, total: 0 };
}

export class ExecutionMeter {
  calls: CallCounts = emptyCounts();
  readonly history: ExecutionSummary[] = [];
  private elapsed = 0;
  private clockMs: number;
  private pendingWriteCells = 0;
  private unflushed = new UnflushedWrites();
  private killedWith: string | null = null;
  private stopAt: number | undefined;
  private paused = 0;
  private executionIndex = 0;
  private nextExecutionIndex = 1;
  private readonly listeners: Array<(endedExecution: number) => void> = [];
  /** Refuses a call the project or the execution may not make (scopes.ts, auth-mode.ts) by throwing. */
  private gate: ((method: string) => void) | undefined;

  constructor(
    startEpochMs: number,
    stopAtCall: number | undefined,
    private readonly onAdvance?: (ms: number) => void,
    /** The fetchAll constants this environment is priced with (cost-model.ts FETCHALL_MODELS). */
    readonly fetchAllModel: FetchAllModel = FETCHALL_MODELS.central,
  ) {
    this.clockMs = startEpochMs;
    this.stopAt = stopAtCall;
  }

  /** Emulated wall clock (ms since epoch): moves with every priced call, sleep and explicit advance. */
  now(): number {
    return Math.floor(this.clockMs);
  }

  advanceClock(ms: number): void {
    this.clockMs += ms;
    this.onAdvance?.(ms);
  }

  /** Modelled duration of the current execution, including the flush Apps Script does when it ends. */
  modelledMs(): number {
    return this.elapsed + flushMs(this.pendingWriteCells);
  }

  pendingCells(): number {
    return this.pendingWriteCells;
  }

  /**
   * Called by a Spreadsheet write once its call is accepted, with how to undo it: kept until the next flush
   * point, run if the execution is cut first. Untracked set-up is applied for good at once.
   */
  rememberWrite(undo: () => void): void {
    if (this.tracking && !this.killedWith) this.unflushed.remember(undo);
  }

  /** Spreadsheet writes a cut would undo now (for tests of the emulator). */
  unflushedWrites(): number {
    return this.unflushed.size;
  }

  get killed(): string | null {
    return this.killedWith;
  }

  /** Arms a cut at the n-th call of the current execution; one-shot (disarmed once it fires). */
  setStopAtCall(n: number | undefined): void {
    this.stopAt = n;
  }

  setGate(gate: (method: string) => void): void {
    this.gate = gate;
  }

  /** Called with the index of each execution that ends (sequentially or as a concurrent one). */
  onExecutionEnd(listener: (endedExecution: number) => void): void {
    this.listeners.push(listener);
  }

  /** Index of the current execution (0 for the first). */
  get execution(): number {
    return this.executionIndex;
  }

  /** Test set-up and inspection: calls made inside `fn` are neither counted, priced nor cut. */
  untracked<T>(fn: () => T): T {
    this.paused++;
    try {
      return fn();
    } finally {
      this.paused--;
    }
  }

  get tracking(): boolean {
    return this.paused === 0;
  }

  newExecution(): void {
    this.endCurrent();
    this.startFresh();
  }

  private endCurrent(): void {
    // A normal end applies the pending writes (a cut execution has already discarded them).
    this.unflushed.apply();
    this.history.push({ index: this.executionIndex, calls: this.calls, modelledMs: this.modelledMs(), killed: this.killedWith });
    for (const l of this.listeners) l(this.executionIndex);
  }

  private startFresh(): void {
    this.executionIndex = this.nextExecutionIndex++;
    // Apps Script commits the write-back cache when an execution ends.
    this.pendingWriteCells = 0;
    this.unflushed = new UnflushedWrites();
    this.calls = emptyCounts();
    this.elapsed = 0;
    this.killedWith = null;
  }

  /**
   * Runs `fn` as another execution that overlaps the current one (e.g. a doPost arriving while a
   * generation run waits on fetchAll). It has its own counters, budget and locks; the shared clock moves
   * with it; afterwards the current execution resumes where it was (its armed stopAtCall included).
   */
  concurrently<T>(fn: () => T): T {
    const saved = {
      index: this.executionIndex,
      calls: this.calls,
      elapsed: this.elapsed,
      pending: this.pendingWriteCells,
      unflushed: this.unflushed,
      killed: this.killedWith,
      stopAt: this.stopAt,
    };
    this.stopAt = undefined;
    this.startFresh();
    try {
      return fn();
    } finally {
      this.endCurrent();
      this.executionIndex = saved.index;
      this.calls = saved.calls;
      this.elapsed = saved.elapsed;
      this.pendingWriteCells = saved.pending;
      this.unflushed = saved.unflushed;
      this.killedWith = saved.killed;
      this.stopAt = saved.stopAt;
    }
  }

  /**
   * Records and prices one call. Throws (the call has no effect) when the execution is already ended,
   * when this is the armed `stopAtCall`, or when the call would cross the 6-minute limit.
   */
  record(method: string, kind: CallKind, detail: CallDetail = {}): void {
    if (!this.count(method, kind, detail)) return;
    // The one definition of a flush point: a flush, or any read (it is priced with the pending cells).
    const flushes = kind === 'sheet-read' || kind === 'sheet-flush';
    const ms = priceCall(kind, flushes ? { ...detail, pendingCells: this.pendingWriteCells } : detail, this.fetchAllModel);
    // A flush that would cross the 6-minute limit does not happen: spend() cuts and the writes are lost.
    this.spend(ms);
    if (flushes) {
      this.pendingWriteCells = 0;
      this.unflushed.apply();
    }
    if (kind === 'sheet-write') this.pendingWriteCells += detail.cells ?? 0;
  }

  /**
   * Counts a call and applies the cut checks without pricing it (fetch prices itself once it knows
   * whether the request timed out). Returns false when not tracking (test set-up).
   */
  count(method: string, kind: CallKind, detail: CallDetail = {}): boolean {
    if (!this.tracking) return false;
    if (this.killedWith) throw new Error(this.killedWith);
    // A refused call has no effect and costs nothing, like the real refusal before the service runs.
    this.gate?.(method);
    const c = this.calls;
    c.total++;
    c.byMethod[method] = (c.byMethod[method] ?? 0) + 1;
    if (kind.startsWith('sheet-')) {
      c.spreadsheetCalls++;
      c.cellsTouched += detail.cells ?? 0;
    }
    if (kind === 'fetch') {
      c.fetchRoundTrips++;
      c.fetchRequests += detail.requests ?? 1;
    }
    if (this.stopAt !== undefined && c.total >= this.stopAt) {
      this.stopAt = undefined;
      this.kill();
    }
    return true;
  }

  /** Time spent without a call (Utilities.sleep, waiting for a lock). */
  spend(ms: number, deferLimit = false): void {
    if (!this.tracking) return;
    if (this.killedWith) throw new Error(this.killedWith);
    const allowed = COST.MAX_EXECUTION_MS - this.elapsed;
    if (ms > allowed && !deferLimit) {
      this.elapsed = COST.MAX_EXECUTION_MS;
      this.advanceClock(allowed);
      this.kill();
    }
    this.elapsed += ms;
    this.advanceClock(ms);
  }

  /** For fetch: after the network effect, end the execution if the wait crossed the limit. */
  checkLimit(): void {
    if (!this.tracking) return;
    if (this.elapsed > COST.MAX_EXECUTION_MS) {
      this.elapsed = COST.MAX_EXECUTION_MS;
      this.kill();
    }
  }

  private kill(): never {
    // INFERRED (unflushed-writes.ts): a killed execution's unflushed Spreadsheet writes never land.
    this.unflushed.discard();
    this.pendingWriteCells = 0;
    this.killedWith = EXCEEDED_MESSAGE;
    throw new Error(EXCEEDED_MESSAGE);
  }
}
