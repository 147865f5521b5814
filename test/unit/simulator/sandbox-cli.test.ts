/**
 * `npm run sandbox` as a new user runs it: `npm run sandbox` starts, prints the base URL, the key
 * and the control-API guide, serves the API with that key, and stops when npm alone gets SIGINT (what
 * a process manager or an IDE's stop button sends; the script `exec`s, so no shell sits between npm's
 * forwarded signal and the simulator).
 */
import { spawn, spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { basic, fixedLink } from './sim-helpers';

const ROOT = path.resolve(__dirname, '../../..');
const SCRIPT = (require(path.join(ROOT, 'package.json')) as { scripts: Record<string, string> }).scripts.sandbox;

let group: number | undefined;
afterAll(() => {
  try {
    if (group) process.kill(-group, 'SIGKILL');
  } catch {
    // Already gone: the test's own stop worked.
  }
});

test('the sandbox script is the documented command, run by tsx from tools/', () => {
  expect(SCRIPT).toBe('exec tsx tools/simulator/cli.ts');
});

test('starts, prints URL, key and a curl guide to the control API, serves with that key, and stops when npm alone gets SIGINT', async () => {
  // Its own process group, so that whatever a failed run leaves behind is stopped after the test.
  const child = spawn(
    'npm',
    ['run', 'sandbox', '--', '--port', '0', '--server-key', 'SB-Mid-server-cliTest', '--time-scale', '0.001', '--seed', '5'],
    { cwd: ROOT, detached: true },
  );
  group = child.pid;
  let out = '';
  child.stdout.on('data', (c: Buffer) => {
    out += c.toString();
  });
  child.stderr.on('data', (c: Buffer) => {
    out += c.toString();
  });
  const url = await new Promise<string>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`no banner: ${out}`)), 15_000);
    child.stdout.on('data', () => {
      const m = /running at (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m && out.includes('_sim/reset')) {
        clearTimeout(t);
        resolve(m[1]);
      }
    });
  });
  expect(out).toContain('Server key:    SB-Mid-server-cliTest');
  for (const route of [
    '/v1/payment-links',
    '/_sim/notification-url',
    '/_sim/payment-links/INV-1/pay',
    '/_sim/notifications',
    '/_sim/clock/advance',
  ])
    expect(out).toContain(`${url}${route}`);
  expect(out).toContain("curl -s -u 'SB-Mid-server-cliTest:'");
  const res = await fetch(`${url}/v1/payment-links`, {
    method: 'POST',
    headers: { authorization: basic('SB-Mid-server-cliTest'), 'content-type': 'application/json' },
    body: JSON.stringify(fixedLink('CLI-1')),
  });
  expect(res.status).toBe(200);
  await new Promise((r) => setTimeout(r, 50));
  expect(out).toMatch(/POST \/v1\/payment-links -> 200/);
  expect(out).not.toContain(Buffer.from('SB-Mid-server-cliTest:').toString('base64')); // the request log never shows the auth header
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  child.kill('SIGINT');
  await exited;
  // The simulator itself is gone, not only npm: its port no longer answers.
  await new Promise((r) => setTimeout(r, 500));
  await expect(fetch(`${url}/v1/payment-links`)).rejects.toThrow();
  expect(out).not.toMatch(/Error|ERR!/);
}, 30_000);

test('a bad option exits 2 with the reason and the usage', () => {
  const r = spawnSync('npm', ['run', '--silent', 'sandbox', '--', '--time-scale', 'fast'], { cwd: ROOT, encoding: 'utf8' });
  expect(r.status).toBe(2);
  expect(r.stderr).toContain('--time-scale must be a number');
  expect(r.stderr).toContain('Usage: npm run sandbox');
}, 30_000);
