/**
 * The Spreadsheet writes of the current execution that Apps Script has not yet applied, kept as undo steps
 * so that an execution ended by force loses exactly them.
 *
 * INFERRED (the strict reading; not documented by Google, not checked against a real account):
 * Apps Script batches Spreadsheet writes and applies them at `SpreadsheetApp.flush()` ("Applies all pending
 * Spreadsheet changes"), at a read that needs them, and when the execution ends normally. What happens to
 * writes still pending when an execution is killed ("Exceeded maximum execution time") is not documented, and
 * Google recommends `flush()` exactly when later work depends on writes having landed. So the emulator takes
 * the reading a script must survive: a cut (the 6-minute limit on modelled time, or `stopAtCall`) undoes every
 * Spreadsheet write since the last flush point — values, formulas, formats, notes, backgrounds, row and
 * column insertions and deletions, sorts, sheet names, and sheets inserted or deleted.
 *
 * Flush points are the cost model's (execution-meter.ts decides them, one definition of "pending"): an
 * explicit `flush()`, every call priced as a 'sheet-read' (it pays for the pending cells), and the normal
 * end of an execution (newExecution, a trigger run starting, an overlapping execution returning; an
 * uncaught script error is a normal end too). Properties, triggers, locks and UrlFetch effects are
 * separate services and are never undone: a fetch that reached the server has happened.
 *
 * Known simplifications: writes made by `untracked` set-up are applied at once and never journaled (a
 * rollback restores the cells it journaled, even over a set-up write made in between); an overlapping
 * execution (`concurrently`) sees the running execution's unflushed writes, and a later cut of the running
 * execution restores its cells' earlier contents even over what the overlapping one wrote there.
 */
export class UnflushedWrites {
  private steps: Array<() => void> = [];

  get size(): number {
    return this.steps.length;
  }

  /** `undo` restores what one write changed; it runs only when the execution is cut. */
  remember(undo: () => void): void {
    this.steps.push(undo);
  }

  /** A flush point: the writes are applied for good. */
  apply(): void {
    this.steps = [];
  }

  /** A cut: undo the writes, newest first, so each step finds the sheet as it left it. */
  discard(): void {
    const steps = this.steps;
    this.steps = [];
    for (let i = steps.length - 1; i >= 0; i--) steps[i]();
  }
}
