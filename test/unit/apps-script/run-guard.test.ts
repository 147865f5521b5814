/** One bulk run at a time (run-guard.ts), with small fakes of Properties, Lock, Session and Utilities. */
import { beginRun, endRun, EXECUTION_LIMIT_MS } from '../../../apps-script/src/run-guard';
import { PROPERTY } from '../../../apps-script/src/settings';
import { useSmallFakes, type SmallFakes } from './small-fakes';

let fakes: SmallFakes & { restore: () => void };
beforeEach(() => {
  fakes = useSmallFakes();
});
afterEach(() => fakes.restore());

const T0 = Date.UTC(2026, 0, 5, 3, 0, 0);

test('a second run while the first is going is refused, names the first, and writes nothing', () => {
  const first = beginRun('generating links', T0);
  expect(first.ok).toBe(true);
  const writesAfterFirst = fakes.script.writes();
  const second = beginRun('refreshing statuses', T0 + 60_000);
  expect(second).toEqual({
    ok: false,
    message: expect.stringMatching(/^Another Midtrans run \(generating links\) started at 03:00:00 is still going/),
  });
  expect(fakes.script.writes()).toBe(writesAfterFirst);
  expect(fakes.lock.tries).toBe(2);
  expect(fakes.lock.releases).toBe(2);
});

test("a marker older than the 6-minute execution limit plus the margin is a dead run's: the next run takes over", () => {
  const dead = beginRun('generating links', T0);
  const next = beginRun('refreshing statuses', T0 + EXECUTION_LIMIT_MS + 30_000);
  expect(next.ok).toBe(true);
  if (!dead.ok || !next.ok) throw new Error('unreachable');
  expect(next.run.id).not.toBe(dead.run.id);
  expect(JSON.parse(fakes.script.store[PROPERTY.run]).id).toBe(next.run.id);
});

test('when another execution holds the script lock the run is refused as busy, without touching Script Properties', () => {
  fakes.lock.heldElsewhere = true;
  expect(beginRun('generating links', T0)).toEqual({ ok: false, message: expect.stringMatching(/saving right now; try again/) });
  expect(fakes.script.calls).toEqual({});
  expect(fakes.lock.releases).toBe(0);
});

test("a run that overran and was declared dead does not clear its successor's marker when it ends", () => {
  const dead = beginRun('generating links', T0);
  const next = beginRun('generating links', T0 + EXECUTION_LIMIT_MS + 60_000);
  if (!dead.ok || !next.ok) throw new Error('both runs should start');
  endRun(dead.run);
  expect(JSON.parse(fakes.script.store[PROPERTY.run]).id).toBe(next.run.id);
  endRun(next.run);
  expect(fakes.script.store[PROPERTY.run]).toBeUndefined();
});
