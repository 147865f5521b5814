/// <reference types="google-apps-script" />
/** What each AuthMode lets an execution call (auth-mode.ts): simple onOpen, installable triggers, the web app. */
import { loadBundleSource } from '../../../tools/apps-script-emulator';
import { gas, newEnv } from './helpers';

const SCOPE = (s: string) => `https://www.googleapis.com/auth/${s}`;

test('NONE (an add-on not yet used in the document): the menu is built, and Properties, the spreadsheet and URL Fetch are refused', () => {
  const env = newEnv();
  env.newExecution({ authMode: 'NONE' });
  const g = gas(env);
  g.SpreadsheetApp.getUi().createMenu('Midtrans').addItem('Go', 'go').addSeparator().addToUi();
  expect(env.ui.menus.map((m) => m.title)).toEqual(['Midtrans']);
  expect(g.Utilities.getUuid()).toMatch(/^[0-9a-f-]{36}$/);
  expect(() => g.PropertiesService.getScriptProperties()).toThrow(
    'You do not have permission to call PropertiesService.getScriptProperties.',
  );
  expect(() => g.SpreadsheetApp.getActiveSpreadsheet()).toThrow(
    /^You do not have permission to call SpreadsheetApp\.getActiveSpreadsheet\. Required permissions: /,
  );
  expect(() => g.UrlFetchApp.fetch('https://example.com/')).toThrow(SCOPE('script.external_request'));
  expect(env.fetches).toHaveLength(0);
});

test('LIMITED (a simple trigger): the bound spreadsheet and Properties work; other files, URL Fetch, triggers and sidebars are refused; the address is blank', () => {
  const env = newEnv();
  env.newExecution({ authMode: 'LIMITED' });
  const g = gas(env);
  g.SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange('A1').setValue('opened');
  g.PropertiesService.getDocumentProperties().setProperty('seen', '1');
  expect(() => g.SpreadsheetApp.openById('other')).toThrow(`Required permissions: ${SCOPE('spreadsheets')}`);
  expect(() => g.UrlFetchApp.fetch('https://example.com/')).toThrow(
    `You do not have permission to call UrlFetchApp.fetch. Required permissions: ${SCOPE('script.external_request')}`,
  );
  expect(() => g.ScriptApp.newTrigger('x')).toThrow(SCOPE('script.scriptapp'));
  expect(() => g.SpreadsheetApp.getUi().showSidebar(g.HtmlService.createHtmlOutput('x'))).toThrow(SCOPE('script.container.ui'));
  expect(g.Session.getActiveUser().getEmail()).toBe('');
  expect(g.Session.getEffectiveUser().getEmail()).toBe('');
  env.newExecution();
  expect(g.Session.getEffectiveUser().getEmail()).toBe('owner@example.com');
});

test('installable triggers run FULL, as their creator: a time-driven handler may fetch and read the address', () => {
  const env = newEnv();
  const g = gas(env);
  g.ScriptApp.newTrigger('hourly').timeBased().everyHours(1).create();
  env.newExecution({ authMode: 'LIMITED' });
  env.advanceClock(3_600_000);
  const seen: string[] = [];
  const ran = env.runDueTriggers({
    hourly: () => {
      seen.push(
        env.authMode,
        g.Session.getEffectiveUser().getEmail(),
        String(g.UrlFetchApp.fetch('https://example.com/', { muteHttpExceptions: true }).getResponseCode()),
      );
    },
  });
  expect(ran).toEqual([{ handler: 'hourly', error: null }]);
  expect(seen).toEqual(['FULL', 'owner@example.com', '404']);
});

test('the web app runs FULL as the deployer: the effective user is the owner, the anonymous caller has no address', () => {
  const env = newEnv();
  env.newExecution({ context: 'webapp' });
  const g = gas(env);
  expect(g.Session.getEffectiveUser().getEmail()).toBe('owner@example.com');
  expect(g.Session.getActiveUser().getEmail()).toBe('');
  expect(() => g.PropertiesService.getScriptProperties().getProperty('x')).not.toThrow();
});

test('top-level code runs in NONE: a bundle that reads Properties at module scope fails to load, one that waits for a call loads', () => {
  expect(() =>
    loadBundleSource('var key = PropertiesService.getScriptProperties().getProperty("K"); function onOpen() {}', newEnv()),
  ).toThrow('You do not have permission to call PropertiesService.getScriptProperties.');
  const env = newEnv();
  const fns = loadBundleSource('function key() { return PropertiesService.getScriptProperties().getProperty("K"); }', env);
  expect(fns.key()).toBeNull();
  expect(env.authMode).toBe('FULL');
});
