/// <reference types="google-apps-script" />
/** Small fixtures for the emulator's own tests. */
import { createAppsScript, EmulatorOptions, FetchFn } from '../../../tools/apps-script-emulator';
import type { GasSheet } from '../../../tools/apps-script-emulator/gas-types';

/** A scripted server: answers from a table by "METHOD path", 404 otherwise. */
export function scriptedFetch(
  table: Record<string, { status: number; body: string; headers?: Record<string, string> } | 'timeout'>,
): FetchFn {
  return (req) => {
    const path = req.url.replace(/^https?:\/\/[^/]+/, '');
    const hit = table[`${req.method} ${path}`];
    if (hit === 'timeout') return { timedOut: true };
    if (!hit) return { status: 404, headers: { 'content-type': 'application/json' }, body: '{"error":"not found"}' };
    return { status: hit.status, headers: hit.headers ?? { 'content-type': 'application/json' }, body: hit.body };
  };
}

export function newEnv(options: Partial<EmulatorOptions> = {}) {
  return createAppsScript({ fetch: scriptedFetch({}), startTime: Date.UTC(2026, 0, 5, 3, 0, 0), ...options });
}

/** Access the emulator's globals with their real Apps Script types. */
export function gas(env: ReturnType<typeof newEnv>) {
  const g = env.globals as unknown as {
    SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    UrlFetchApp: GoogleAppsScript.URL_Fetch.UrlFetchApp;
    PropertiesService: GoogleAppsScript.Properties.PropertiesService;
    CacheService: GoogleAppsScript.Cache.CacheService;
    LockService: GoogleAppsScript.Lock.LockService;
    Utilities: GoogleAppsScript.Utilities.Utilities;
    ContentService: GoogleAppsScript.Content.ContentService;
    HtmlService: GoogleAppsScript.HTML.HtmlService;
    ScriptApp: GoogleAppsScript.Script.ScriptApp;
    Session: GoogleAppsScript.Base.Session;
    Logger: GoogleAppsScript.Base.Logger;
    console: Console;
  };
  return g;
}

export function sheetOf(env: ReturnType<typeof newEnv>): GasSheet {
  return env.spreadsheet.getSheets()[0];
}
