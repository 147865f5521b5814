/**
 * Child processes that never outlive us. Each service starts as the leader of its own process group
 * (so n8n's task runner and any grandchild go with it), stop() signals the whole group and waits until
 * the group is empty, and a detached watchdog kills the group if this process dies without calling
 * stop() (a jest worker killed on timeout, Ctrl-C twice, a crash).
 */
import { spawn, ChildProcess } from 'child_process';
import * as fs from 'fs';

export interface GroupProcess {
  pid: number;
  child: ChildProcess;
  /** Resolves with the exit code (or signal) when the leader exits. */
  exited: Promise<number | string | null>;
  /** SIGTERM the group, SIGKILL it after graceMs, resolve once no process of the group is left. */
  stop(graceMs?: number): Promise<void>;
}

const live = new Set<number>();

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    /* already gone */
  }
}

// Last line of defence inside this process: on a normal or error exit, kill what is still running.
process.once('exit', () => {
  for (const pgid of live) signalGroup(pgid, 'SIGKILL');
});

/**
 * Waits for `parentPid` to go (stop() kills the watchdog first, so it only acts for a parent that died
 * without stopping): then ends group `pgid` (SIGTERM, SIGKILL 5 s later) and removes `leftover`.
 */
const WATCHDOG = `
const [parent, pgid] = process.argv.slice(1, 3).map(Number);
const leftover = process.argv[3];
const alive = (pid) => { try { process.kill(pid, 0); return true; } catch { return false; } };
const cleanUp = () => {
  try { process.kill(-pgid, 'SIGKILL'); } catch {}
  if (leftover) setTimeout(() => { try { require('fs').rmSync(leftover, { recursive: true, force: true }); } catch {} process.exit(0); }, 500);
  else process.exit(0);
};
const t = setInterval(() => {
  if (alive(parent)) return;
  clearInterval(t);
  if (!alive(-pgid)) return cleanUp();
  try { process.kill(-pgid, 'SIGTERM'); } catch {}
  setTimeout(cleanUp, 5000);
}, 500);
`;

export function spawnGroup(
  command: string,
  args: string[],
  options: {
    env: NodeJS.ProcessEnv;
    cwd?: string;
    logFile?: string;
    onOutput?: (chunk: string) => void;
    /** A temp folder the watchdog removes if it has to clean up after us. */
    removeIfOrphaned?: string;
  },
): GroupProcess {
  const out = options.logFile ? fs.openSync(options.logFile, 'a') : 'ignore';
  const child = spawn(command, args, {
    env: options.env,
    cwd: options.cwd,
    detached: true,
    stdio: ['ignore', options.onOutput ? 'pipe' : out, options.onOutput ? 'pipe' : out],
  });
  if (options.onOutput) {
    const write = (chunk: Buffer) => {
      if (typeof out === 'number') fs.writeSync(out, chunk);
      options.onOutput!(chunk.toString());
    };
    child.stdout!.on('data', write);
    child.stderr!.on('data', write);
  }
  if (child.pid === undefined) throw new Error(`could not start ${command}`);
  const pgid = child.pid;
  live.add(pgid);
  // The e2e run's global teardown checks every group listed here is gone (no orphan n8n).
  if (process.env.MIDTRANS_PL_E2E_PGID_LOG)
    fs.appendFileSync(process.env.MIDTRANS_PL_E2E_PGID_LOG, `${pgid} ${command} ${args.join(' ')}\n`);
  const exited = new Promise<number | string | null>((resolve) => {
    child.once('exit', (code, signal) => resolve(code ?? signal));
    child.once('error', () => resolve('spawn error'));
  });
  const watchdog = spawn(
    process.execPath,
    ['-e', WATCHDOG, String(process.pid), String(pgid), ...(options.removeIfOrphaned ? [options.removeIfOrphaned] : [])],
    { detached: true, stdio: 'ignore' },
  );
  watchdog.unref();
  child.unref();

  let stopping: Promise<void> | null = null;
  const stop = (graceMs = 10000): Promise<void> => {
    stopping ??= (async () => {
      signalGroup(pgid, 'SIGTERM');
      const deadline = Date.now() + graceMs;
      while (groupAlive(pgid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      if (groupAlive(pgid)) signalGroup(pgid, 'SIGKILL');
      while (groupAlive(pgid)) await new Promise((r) => setTimeout(r, 50));
      live.delete(pgid);
      if (watchdog.pid) signalGroup(watchdog.pid, 'SIGKILL');
      if (typeof out === 'number') fs.closeSync(out);
    })();
    return stopping;
  };
  return { pid: pgid, child, exited, stop };
}
