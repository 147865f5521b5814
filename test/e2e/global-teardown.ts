/**
 * After every suite: each process group a suite started (n8n and its task runner) must be gone. One
 * that is not is killed and fails the run, so a teardown bug cannot hide behind a green suite.
 */
import * as fs from 'fs';

function alive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

export default async function globalTeardown(): Promise<void> {
  const dir = process.env.MIDTRANS_PL_E2E_PACK_DIR;
  const log = process.env.MIDTRANS_PL_E2E_PGID_LOG;
  const started = log && fs.existsSync(log) ? fs.readFileSync(log, 'utf8').split('\n').filter(Boolean) : [];
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  // The orphan watchdog gets 5 s after its parent dies; in-process stops are awaited, so a short grace is plenty.
  const deadline = Date.now() + 3000;
  let left = started.filter((line) => alive(Number(line.split(' ')[0])));
  while (left.length && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 200));
    left = left.filter((line) => alive(Number(line.split(' ')[0])));
  }
  for (const line of left) {
    try {
      process.kill(-Number(line.split(' ')[0]), 'SIGKILL');
    } catch {
      /* gone meanwhile */
    }
  }
  process.stderr.write(`[e2e] ${started.length} process group(s) started, ${left.length} left running\n`);
  if (left.length) throw new Error(`process groups left running after the e2e suites (now killed):\n${left.join('\n')}`);
}
