/**
 * The built artefact itself: what Apps Script needs to find in dist/, and nothing it would choke on.
 */
import fs from 'fs';
import path from 'path';
import vm from 'vm';
import { bundleDir, createHarness } from './harness';

const dir = bundleDir();
const code = fs.readFileSync(path.join(dir, 'Code.js'), 'utf8');
const { ENTRY_POINTS } = require('../../../apps-script/src/entry-points') as { ENTRY_POINTS: readonly string[] };

test('dist holds Code.js, appsscript.json and the sidebar HTML', () => {
  expect(fs.readdirSync(dir).sort()).toEqual(['Code.js', 'Settings.html', 'appsscript.json']);
});

test('every entry point is a real top-level function declaration that forwards its arguments and returns', () => {
  for (const name of ENTRY_POINTS) {
    expect(code).toMatch(
      new RegExp(`^function ${name}\\(\\.\\.\\.args\\) \\{ return __MidtransAddOn\\.${name}\\(\\.\\.\\.args\\); \\}$`, 'm'),
    );
  }
  expect(ENTRY_POINTS).toEqual(
    expect.arrayContaining([
      'onOpen',
      'onInstall',
      'doPost',
      'doGet',
      'generatePaymentLinks',
      'generateForSelectedRows',
      'refreshStatuses',
      'deactivateSelectedLinks',
      'insertInvoiceTemplate',
      'showSettings',
    ]),
  );
});

test('the bundle names no Node or browser global and has no module syntax', () => {
  const forbidden: [string, RegExp][] = [
    ['require(', /\brequire\(/],
    ['process', /\bprocess\./],
    ['Buffer', /\bBuffer\b/],
    ['setTimeout', /\bsetTimeout\b/],
    ['setInterval', /\bsetInterval\b/],
    ['global fetch', /(^|[^.\w])fetch\(/m],
    ['TextEncoder', /\bTextEncoder\b/],
    ['btoa', /\bbtoa\(/],
    ['window', /\bwindow\./],
    ['document', /\bdocument\./],
    ['import', /^\s*import\s/m],
    ['export', /^\s*export\s/m],
    ['crypto', /\bcrypto\./],
  ];
  for (const [name, re] of forbidden) expect({ name, found: re.test(code) }).toEqual({ name, found: false });
});

test('loading the bundle runs no service call (onOpen in AuthMode.NONE must not break on module code)', () => {
  const h = createHarness();
  expect(h.env.calls.total).toBe(0);
  expect(Object.keys(h.fns).sort()).toEqual([...ENTRY_POINTS].sort());
});

test('it also loads in a context with no globals at all', () => {
  const context = vm.createContext(Object.create(null));
  expect(() => vm.runInContext(code, context)).not.toThrow();
});

test('appsscript.json: V8, Jakarta time, web app as the deployer for anonymous callers, six narrow scopes', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'appsscript.json'), 'utf8'));
  expect(manifest).toMatchObject({
    runtimeVersion: 'V8',
    timeZone: 'Asia/Jakarta',
    webapp: { executeAs: 'USER_DEPLOYING', access: 'ANYONE_ANONYMOUS' },
  });
  expect([...manifest.oauthScopes].sort()).toEqual([
    'https://www.googleapis.com/auth/script.container.ui',
    'https://www.googleapis.com/auth/script.external_request',
    'https://www.googleapis.com/auth/script.scriptapp',
    'https://www.googleapis.com/auth/script.send_mail',
    'https://www.googleapis.com/auth/spreadsheets.currentonly',
    'https://www.googleapis.com/auth/userinfo.email',
  ]);
});

test('no call the bundle makes needs more than spreadsheets.currentonly: it never opens a sheet by id or URL', () => {
  expect(code).not.toMatch(/\bopenById\b|\bopenByUrl\b|\bDriveApp\b/);
});
