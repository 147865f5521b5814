/**
 * A real Redis for n8n's queue mode (Bull): Debian's `redis-server` on a free loopback port, nothing
 * persisted. A machine without it gets a message saying what to install, not a stack trace.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { freePort } from './free-port';
import { type GroupProcess, spawnGroup } from './process-group';

export interface Redis {
  host: string;
  port: number;
  version: string;
  n8nEnv(): Record<string, string>;
  stop(): Promise<void>;
}

export function redisServerPath(): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter).concat(['/usr/bin', '/usr/sbin', '/usr/local/bin'])) {
    const candidate = path.join(dir, 'redis-server');
    if (dir && fs.existsSync(candidate)) return candidate;
  }
  return null;
}

export const REDIS_MISSING =
  'redis-server is not installed: n8n queue mode needs Redis. On Debian/Ubuntu: `apt-get install redis-server` (.ci/run does this).';

export async function startRedis(opts: { log?: (line: string) => void } = {}): Promise<Redis> {
  const bin = redisServerPath();
  if (!bin) throw new Error(REDIS_MISSING);
  const version = /v=(\S+)/.exec(execFileSync(bin, ['--version']).toString())?.[1] ?? 'unknown';
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'midtrans-pl-redis-'));
  let output = '';
  const proc: GroupProcess = spawnGroup(
    bin,
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--dir',
      dir,
      '--daemonize',
      'no',
      '--protected-mode',
      'yes',
    ],
    {
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin' },
      cwd: dir,
      removeIfOrphaned: dir,
      onOutput: (c) => {
        output = (output + c).slice(-20000);
      },
    },
  );
  const stop = async () => {
    await proc.stop(5000);
    fs.rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 15000;
  while (!/Ready to accept connections/.test(output)) {
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`redis-server did not start:\n${output.slice(-2000)}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  opts.log?.(`Redis ${version} on 127.0.0.1:${port}`);
  return {
    host: '127.0.0.1',
    port,
    version,
    n8nEnv: () => ({ QUEUE_BULL_REDIS_HOST: '127.0.0.1', QUEUE_BULL_REDIS_PORT: String(port) }),
    stop,
  };
}
