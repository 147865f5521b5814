/**
 * The one module that reaches Apps Script's global services; every other module imports them from
 * here under their usual names, so it reads as Apps Script code does, and a test can hand in small
 * fakes (useServices) instead of loading the whole bundle into the emulator. This follows
 * googleworkspace/apps-script-oauth2, whose Service is given its property store, cache and lock by its
 * caller and is tested with small mocks that count their calls. services-boundary.test.ts fails when
 * another module reaches a global directly.
 *
 * Each service is looked up when a method is called, never at module scope: module scope runs in every
 * execution, `onOpen` in AuthMode.NONE included, where most services may not be called
 * (https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle). The manifest
 * lists its scopes, so Apps Script does not infer them from the names used in the code
 * (https://developers.google.com/apps-script/concepts/scopes).
 */
interface Services {
  CacheService: GoogleAppsScript.Cache.CacheService;
  Charts: GoogleAppsScript.Charts.Charts;
  ContentService: GoogleAppsScript.Content.ContentService;
  HtmlService: GoogleAppsScript.HTML.HtmlService;
  LockService: GoogleAppsScript.Lock.LockService;
  PropertiesService: GoogleAppsScript.Properties.PropertiesService;
  ScriptApp: GoogleAppsScript.Script.ScriptApp;
  Session: GoogleAppsScript.Base.Session;
  SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  UrlFetchApp: GoogleAppsScript.URL_Fetch.UrlFetchApp;
  Utilities: GoogleAppsScript.Utilities.Utilities;
}

type ServiceName = keyof Services;

/** Fakes a test put in place of the globals (useServices). */
let fakes: Partial<Record<ServiceName, object>> = {};

function current(name: ServiceName): object {
  const found = fakes[name] ?? (globalThis as unknown as Record<string, unknown>)[name];
  // What Apps Script itself says when a service is missing.
  if (found === undefined || found === null) throw new ReferenceError(`${name} is not defined`);
  return found as object;
}

function service<N extends ServiceName>(name: N): Services[N] {
  return new Proxy({} as Services[N], {
    get(_, property) {
      const target = current(name);
      const value: unknown = Reflect.get(target, property);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

export const CacheService = service('CacheService');
export const Charts = service('Charts');
export const ContentService = service('ContentService');
export const HtmlService = service('HtmlService');
export const LockService = service('LockService');
export const PropertiesService = service('PropertiesService');
export const ScriptApp = service('ScriptApp');
export const Session = service('Session');
export const SpreadsheetApp = service('SpreadsheetApp');
export const UrlFetchApp = service('UrlFetchApp');
export const Utilities = service('Utilities');

/**
 * Tests: the given fakes stand in for the globals until the returned function is called. A fake needs
 * only the methods the code under test calls; any other service stays whatever the global is (none in
 * jest, so a call the test did not expect fails).
 */
export function useServices(replacements: Partial<Record<ServiceName, object>>): () => void {
  const before = fakes;
  fakes = { ...fakes, ...replacements };
  return () => {
    fakes = before;
  };
}
