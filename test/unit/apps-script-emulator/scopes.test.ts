/// <reference types="google-apps-script" />
/** OAuth scopes: a project whose manifest lists its scopes may call only what they cover (scopes.ts). */
import { gas, newEnv } from './helpers';

const SCOPE = (s: string) => `https://www.googleapis.com/auth/${s}`;

test('without a scope list (detection) every call is allowed', () => {
  const g = gas(newEnv());
  expect(g.Session.getEffectiveUser().getEmail()).toBe('owner@example.com');
  expect(g.UrlFetchApp.fetch('https://example.com/', { muteHttpExceptions: true }).getResponseCode()).toBe(404);
  expect(() => g.ScriptApp.getProjectTriggers()).not.toThrow();
});

test("a call whose scope the manifest lacks throws Apps Script's permission error naming the call and the scope, and has no effect", () => {
  const env = newEnv({ oauthScopes: [SCOPE('spreadsheets.currentonly')] });
  const g = gas(env);
  expect(() => g.Session.getEffectiveUser()).toThrow(
    new Error(`You do not have permission to call Session.getEffectiveUser. Required permissions: ${SCOPE('userinfo.email')}`),
  );
  expect(() => g.Session.getActiveUser()).toThrow(/Session.getActiveUser\. Required permissions: .*userinfo\.email$/);
  expect(() => g.UrlFetchApp.fetch('https://example.com/')).toThrow(
    `You do not have permission to call UrlFetchApp.fetch. Required permissions: ${SCOPE('script.external_request')}`,
  );
  expect(env.fetches).toHaveLength(0);
  expect(() => g.ScriptApp.newTrigger('x')).toThrow(`Required permissions: ${SCOPE('script.scriptapp')}`);
  expect(() => g.SpreadsheetApp.openById('abc')).toThrow(
    `You do not have permission to call SpreadsheetApp.openById. Required permissions: ${SCOPE('spreadsheets')}`,
  );
  expect(() => g.SpreadsheetApp.getUi().showSidebar(g.HtmlService.createHtmlOutput('<p>x</p>'))).toThrow(SCOPE('script.container.ui'));
  expect(env.calls.byMethod['Session.getEffectiveUser']).toBeUndefined();
});

test('calls needing no scope, and spreadsheet calls covered by currentonly, go through', () => {
  const env = newEnv({ oauthScopes: [SCOPE('spreadsheets.currentonly')] });
  const g = gas(env);
  g.PropertiesService.getScriptProperties().setProperty('A', '1');
  expect(g.LockService.getScriptLock().tryLock(10)).toBe(true);
  expect(g.Utilities.getUuid()).toMatch(/^[0-9a-f-]{36}$/);
  expect(g.Session.getScriptTimeZone()).toBe('Asia/Jakarta');
  g.SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange('A1').setValue('x');
  g.SpreadsheetApp.getUi().createMenu('M').addItem('Go', 'go').addToUi();
  expect(env.sheetValues(env.spreadsheet.getSheets()[0].getName())[0][0]).toBe('x');
});

test('either spreadsheet scope covers the spreadsheet calls; the wider one also covers openById', () => {
  const g = gas(newEnv({ oauthScopes: [SCOPE('spreadsheets')] }));
  expect(() => g.SpreadsheetApp.getActiveSpreadsheet().getName()).not.toThrow();
  expect(() => g.SpreadsheetApp.flush()).not.toThrow();
  const none = gas(newEnv({ oauthScopes: [SCOPE('script.external_request')] }));
  expect(() => none.SpreadsheetApp.getActiveSpreadsheet()).toThrow(
    `You do not have permission to call SpreadsheetApp.getActiveSpreadsheet. Required permissions: (${SCOPE('spreadsheets.currentonly')} || ${SCOPE('spreadsheets')})`,
  );
});
