/** The real-n8n suites' n8n: the pinned default unless MIDTRANS_PL_N8N_VERSION names another, which gets its own cache folder. */
import * as os from 'os';
import * as path from 'path';
import { defaultCacheDir, installLayout, N8N_VERSION, selectedN8nVersion } from '../../e2e/harness/provision';

const saved = { version: process.env.MIDTRANS_PL_N8N_VERSION, cache: process.env.MIDTRANS_PL_N8N_CACHE };
afterEach(() => {
  for (const [k, v] of [
    ['MIDTRANS_PL_N8N_VERSION', saved.version],
    ['MIDTRANS_PL_N8N_CACHE', saved.cache],
  ] as const) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

test('with no MIDTRANS_PL_N8N_VERSION the suites use the pinned n8n in the usual cache folder', () => {
  delete process.env.MIDTRANS_PL_N8N_VERSION;
  delete process.env.MIDTRANS_PL_N8N_CACHE;
  expect(selectedN8nVersion()).toBe(N8N_VERSION);
  expect(defaultCacheDir()).toBe(path.join(os.homedir(), '.cache', 'midtrans-pl-n8n'));
});

test('another version gets its own cache folder and is what the install layout records', () => {
  delete process.env.MIDTRANS_PL_N8N_CACHE;
  process.env.MIDTRANS_PL_N8N_VERSION = '1.123.81';
  expect(defaultCacheDir()).toBe(path.join(os.homedir(), '.cache', 'midtrans-pl-n8n-1.123.81'));
  expect(installLayout().versions.n8n).toBe('1.123.81');
  process.env.MIDTRANS_PL_N8N_VERSION = N8N_VERSION;
  expect(defaultCacheDir()).toBe(path.join(os.homedir(), '.cache', 'midtrans-pl-n8n'));
});
