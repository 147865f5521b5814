/**
 * The no-terminal install bundle (`npm run package:sheets` → dist/midtrans-sheets-addon.zip) holds every
 * file the paste path in docs/sheets.md needs, under the names the script editor gives them, and what a
 * merchant pastes runs: loaded from the zip's own bytes into the Apps Script emulator, it builds the
 * Midtrans menu, every menu item names a function the script defines, and Settings opens from the HTML
 * file the zip carries.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { createAppsScript, loadBundleSource, type MenuEntry, type RecordedMenu } from '../../../tools/apps-script-emulator';
import { testTempDir } from '../../support/temp-dir';

const ROOT = path.resolve(__dirname, '../../..');
const ZIP = path.join(ROOT, 'dist', 'midtrans-sheets-addon.zip');
const DIST = path.join(ROOT, 'apps-script', 'dist');

/** The zip's entries by name, read with fflate. */
function readZip(buf: Buffer): Map<string, Buffer> {
  return new Map(Object.entries(unzipSync(new Uint8Array(buf))).map(([name, data]) => [name, Buffer.from(data)]));
}

function menuItems(menus: RecordedMenu[]): string[] {
  const walk = (entries: MenuEntry[]): string[] =>
    entries.flatMap((e) => ('functionName' in e ? [e.functionName] : 'subMenu' in e ? walk(e.subMenu.items) : []));
  return menus.flatMap((m) => walk(m.items));
}

let files: Map<string, Buffer>;

beforeAll(() => {
  fs.rmSync(ZIP, { force: true });
  execFileSync(process.execPath, [path.join(ROOT, 'apps-script', 'scripts', 'package.js')], { cwd: ROOT });
  files = readZip(fs.readFileSync(ZIP));
});

test('the zip holds Code.gs (the built Code.js, byte for byte), every HTML file, the manifest and the steps', () => {
  const html = fs
    .readdirSync(DIST)
    .filter((f) => f.endsWith('.html'))
    .sort();
  expect(html.length).toBeGreaterThan(0);
  expect([...files.keys()].sort()).toEqual(['Code.gs', 'INSTALL.id.txt', 'INSTALL.txt', 'appsscript.json', ...html].sort());
  expect(files.get('Code.gs')!.equals(fs.readFileSync(path.join(DIST, 'Code.js')))).toBe(true);
  for (const f of html) expect(files.get(f)!.equals(fs.readFileSync(path.join(DIST, f)))).toBe(true);
});

test('every HTML file the script opens by name is in the zip', () => {
  const code = files.get('Code.gs')!.toString('utf8');
  const opened = [...code.matchAll(/create(?:HtmlOutput|Template)FromFile\(\s*['"]([^'"]+)['"]/g)].map((m) => m[1]);
  expect(opened.length).toBeGreaterThan(0);
  for (const name of opened) expect(files.has(`${name}.html`)).toBe(true);
});

test('the manifest is the web app the guide deploys: V8, runs as the deployer, reachable by Midtrans, the six scopes', () => {
  const manifest = JSON.parse(files.get('appsscript.json')!.toString('utf8'));
  expect(manifest.runtimeVersion).toBe('V8');
  expect(manifest.webapp).toEqual({ executeAs: 'USER_DEPLOYING', access: 'ANYONE_ANONYMOUS' });
  expect(manifest.oauthScopes).toHaveLength(6);
  const steps = files.get('INSTALL.txt')!.toString('utf8');
  for (const f of files.keys()) if (!f.startsWith('INSTALL')) expect(steps).toContain(f.endsWith('.html') ? 'Settings.html' : f);
  // The same steps in Bahasa Indonesia, naming the same files.
  const langkah = files.get('INSTALL.id.txt')!.toString('utf8');
  for (const f of files.keys()) if (!f.startsWith('INSTALL')) expect(langkah).toContain(f.endsWith('.html') ? 'Settings.html' : f);
  expect(langkah).toContain('Terapkan > Deployment baru');
});

test('pasted as is, the script builds the Midtrans menu, each item runs a defined function, and Settings opens', () => {
  const htmlDir = testTempDir('sheets-bundle-');
  for (const [name, data] of files) if (name.endsWith('.html')) fs.writeFileSync(path.join(htmlDir, name), data);
  const env = createAppsScript({ fetch: () => ({ status: 404, headers: {}, body: '{}' }), htmlDir });
  const fns = loadBundleSource(files.get('Code.gs')!.toString('utf8'), env, 'Code.gs');
  fns.onOpen({});
  expect(env.ui.menus.map((m) => m.title)).toContain('Midtrans');
  const items = menuItems(env.ui.menus);
  expect(items).toEqual(expect.arrayContaining(['showSettings', 'insertInvoiceTemplate']));
  for (const name of items) expect(typeof fns[name]).toBe('function');
  fns.showSettings();
  expect(env.ui.sidebars).toHaveLength(1);
  expect(env.ui.sidebars[0].content).toBe(files.get('Settings.html')!.toString('utf8'));
});
