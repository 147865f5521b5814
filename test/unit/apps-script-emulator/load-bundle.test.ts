/// <reference types="google-apps-script" />
/** loadBundle runs a script with Apps Script globals only, and returns its top-level functions. */
import fs from 'fs';
import path from 'path';
import { EmuTextOutput, loadBundle, loadBundleSource, postEvent } from '../../../tools/apps-script-emulator';
import { newEnv } from './helpers';
import { testTempDir } from '../../support/temp-dir';

const probe = `
var __hidden = (function () { return { value: 41 }; })();
function probeGlobals() {
  return {
    require: typeof require, process: typeof process, Buffer: typeof Buffer, setTimeout: typeof setTimeout,
    setInterval: typeof setInterval, fetch: typeof fetch, URL: typeof URL, TextEncoder: typeof TextEncoder,
    module: typeof module, exports: typeof exports, global: typeof global,
    SpreadsheetApp: typeof SpreadsheetApp, UrlFetchApp: typeof UrlFetchApp, Utilities: typeof Utilities,
    Logger: typeof Logger, console: typeof console, JSON: typeof JSON, Promise: typeof Promise,
  };
}
function onOpen(e) { SpreadsheetApp.getUi().createMenu('Midtrans').addItem('Generate', 'generate').addToUi(); return __hidden.value + 1; }
function doPost(e) {
  var body = JSON.parse(e.postData.contents);
  return ContentService.createTextOutput(JSON.stringify({ ok: true, order: body.order_id })).setMimeType(ContentService.MimeType.JSON);
}
function clock() { return [Date.now(), new Date().getTime(), new Date(0).getTime(), typeof Date(), new Date() instanceof Date]; }
function realmChecks() {
  var values = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange(1, 1, 1, 2).getValues();
  var caught;
  try { SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange(0, 1); } catch (e) { caught = e; }
  return [values instanceof Array, values[0][1] instanceof Date, caught instanceof Error, caught instanceof TypeError, caught.message];
}
var notAFunction = 3;
`;

test('the bundle sees no Node globals (require, process, Buffer, setTimeout, fetch…) and all Apps Script ones', () => {
  const env = newEnv();
  const fns = loadBundleSource(probe, env);
  expect(fns.probeGlobals()).toEqual({
    require: 'undefined',
    process: 'undefined',
    Buffer: 'undefined',
    setTimeout: 'undefined',
    setInterval: 'undefined',
    fetch: 'undefined',
    URL: 'undefined',
    TextEncoder: 'undefined',
    module: 'undefined',
    exports: 'undefined',
    global: 'undefined',
    SpreadsheetApp: 'object',
    UrlFetchApp: 'object',
    Utilities: 'object',
    Logger: 'object',
    console: 'object',
    JSON: 'object',
    Promise: 'function',
  });
});

test('it returns exactly the top-level function declarations, which run against the environment', () => {
  const env = newEnv();
  const fns = loadBundleSource(probe, env);
  expect(Object.keys(fns).sort()).toEqual(['clock', 'doPost', 'onOpen', 'probeGlobals', 'realmChecks']);
  expect(fns.onOpen({})).toBe(42);
  expect(env.ui.menus[0].items).toEqual([{ caption: 'Generate', functionName: 'generate' }]);
});

test('doPost gets the web app event object and returns a TextOutput', () => {
  const env = newEnv({ context: 'webapp' });
  const fns = loadBundleSource(probe, env);
  const out = fns.doPost(postEvent('{"order_id":"INV-1"}')) as EmuTextOutput;
  expect(out.snapshot()).toEqual({ content: '{"ok":true,"order":"INV-1"}', mimeType: 'JSON' });
});

test("the script's Date follows the emulated clock, so time budgets see modelled time pass", () => {
  const env = newEnv({ startTime: Date.UTC(2026, 0, 5) });
  const fns = loadBundleSource(probe, env);
  const [now, newDate, epoch, called, isDate] = fns.clock() as [number, number, number, string, boolean];
  expect([now, newDate, epoch, typeof called, isDate]).toEqual([Date.UTC(2026, 0, 5), Date.UTC(2026, 0, 5), 0, 'string', true]);
  env.advanceClock(90_000);
  expect((fns.clock() as number[])[0]).toBe(Date.UTC(2026, 0, 5) + 90_000);
});

test('values and errors made by the emulator pass instanceof Array/Date/Error inside the script', () => {
  const env = newEnv();
  env.untracked(() =>
    env.spreadsheet
      .getSheets()[0]
      .getRange(1, 1, 1, 2)
      .setValues([['x', new Date()]]),
  );
  const fns = loadBundleSource(probe, env);
  expect(fns.realmChecks()).toEqual([true, true, true, false, 'The starting row of the range is too small.']);
});

test('loadBundle reads a file; HtmlService templates evaluate in the script context', () => {
  const dir = testTempDir('gas-bundle-');
  fs.writeFileSync(
    path.join(dir, 'Code.js'),
    'function include(name) { return "[" + name + "]"; }\nfunction page() { return HtmlService.createTemplateFromFile("Page").evaluate().getContent(); }',
  );
  fs.writeFileSync(path.join(dir, 'Page.html'), '<body><?!= include("css") ?></body>');
  const env = newEnv({ htmlDir: dir });
  const fns = loadBundle(path.join(dir, 'Code.js'), env);
  expect(fns.page()).toBe('<body>[css]</body>');
});

const builtBundle = path.join(__dirname, '../../../apps-script/dist/Code.js');
// jest's globalSetup (test/support/build-addon-for-tests.js) builds it, so a missing bundle fails here.
test('the built add-on bundle loads and its onOpen builds the Midtrans menu', () => {
  const env = newEnv();
  const fns = loadBundle(builtBundle, env);
  expect(typeof fns.onOpen).toBe('function');
  expect(typeof fns.doPost).toBe('function');
  fns.onOpen({ authMode: 'FULL' });
  expect(env.ui.menus.map((m) => m.title)).toContain('Midtrans');
});
