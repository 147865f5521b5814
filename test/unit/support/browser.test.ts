/**
 * launchBrowser() runs the Chromium that `npm ci` brought inside @sparticuz/chromium, never a system
 * browser (this machine may have one; a fresh machine does not), and that browser needs nothing from the
 * system beyond glibc and libgcc: its NSS, NSPR and expat come from the package.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { bundledChromium, launchBrowser } from '../../support/browser';

const REPO_ROOT = path.resolve(__dirname, '../../..');
jest.setTimeout(60_000);

test('the launched browser is the packaged one, unpacked under node_modules/.cache', async () => {
  const { dir, executable } = await bundledChromium();
  expect(path.relative(path.join(REPO_ROOT, 'node_modules', '.cache'), dir).startsWith('..')).toBe(false);
  expect(executable.startsWith(dir)).toBe(true);
  const pkgDir = path.resolve(path.dirname(require.resolve('@sparticuz/chromium')), '..');
  const { version } = JSON.parse(readFileSync(path.join(pkgDir, 'package.json'), 'utf8')) as { version: string };
  const browser = await launchBrowser();
  try {
    // The package's major version is the Chromium major it ships.
    expect(browser.version().split('.')[0]).toBe(version.split('.')[0]);
    const page = await browser.newPage();
    await page.setContent('<button onclick="this.textContent = String(6 * 7)">go</button>');
    await page.click('button');
    expect(await page.textContent('button')).toBe('42');
  } finally {
    await browser.close();
  }
});

test('its shared libraries resolve to the package copies, except glibc and libgcc', async () => {
  const { dir, executable, env } = await bundledChromium();
  const ldd = execFileSync('ldd', [executable], { env: { ...process.env, ...env }, encoding: 'utf8' });
  const resolved = [...ldd.matchAll(/^\s*(\S+) => (\S+)/gm)].map(([, name, file]) => ({ name, file }));
  expect(resolved.find((l) => l.name === 'libnss3.so')?.file.startsWith(dir)).toBe(true);
  const fromSystem = resolved.filter((l) => !l.file.startsWith(dir)).map((l) => l.name.replace(/\.so.*/, ''));
  expect(fromSystem.every((n) => ['libc', 'libm', 'libdl', 'libpthread', 'libgcc_s', 'librt'].includes(n))).toBe(true);
  expect(ldd).not.toMatch(/not found/);
});
