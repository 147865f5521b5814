/**
 * The one way the suites stand the built Sheets add-on up: its bundle evaluated in the Apps Script
 * emulator, configured through Script Properties, with the Invoices sheet typed in. The unit suites
 * (test/unit/apps-script/harness.ts), the reliability suites (test/reliability/support/addon.ts) and the
 * real-n8n suites (test/e2e/harness/sheets-addon.ts) differ only in where the bundle comes from and what
 * stands behind UrlFetchApp. No jest hooks here: the playground (tools/playground) loads it too.
 */
import fs from 'fs';
import path from 'path';
import { SHEET_COLUMNS, TEMPLATE_HEADERS } from '../../core/src';
import { createAppsScript, loadBundleSource, type AppsScriptEnvironment, type EmulatorOptions } from '../../tools/apps-script-emulator';

/** A template header; the labels themselves are the core's (pinned by test/unit/core/sheet-rows.test.ts). */
export type Column = (typeof SHEET_COLUMNS)[keyof typeof SHEET_COLUMNS];
export const TEMPLATE = TEMPLATE_HEADERS as readonly Column[];
export const col = (name: Column): number => TEMPLATE.indexOf(name);

export const ADDON_BUILD_SCRIPT = path.join(__dirname, '..', '..', 'apps-script', 'scripts', 'build.js');

export interface AddonBundle {
  /** The folder holding Code.js and the sidebar HTML. */
  dir: string;
  code: string;
}

/** Builds the add-on with `buildScript` (another copy's build.js for a mutant) into `outDir`. */
export function buildAddon(outDir: string, buildScript = ADDON_BUILD_SCRIPT): AddonBundle {
  const { build } = require(buildScript) as { build: (o: { outDir: string }) => { outDir: string } };
  const dir = build({ outDir }).outDir;
  return { dir, code: fs.readFileSync(path.join(dir, 'Code.js'), 'utf8') };
}

/** A bundle built earlier (apps-script/dist after `npm run build`). */
export function readAddon(dir: string): AddonBundle {
  return { dir, code: fs.readFileSync(path.join(dir, 'Code.js'), 'utf8') };
}

/** Script Properties of an add-on whose merchant saved a sandbox key in Settings. */
export function configuredProperties(serverKey: string, apiBaseUrl = 'https://api.sandbox.midtrans.com'): Record<string, string> {
  return { MIDTRANS_SERVER_KEY: serverKey, MIDTRANS_ENVIRONMENT: 'sandbox', MIDTRANS_API_BASE_URL: apiBaseUrl };
}

export interface StartedAddon {
  env: AppsScriptEnvironment;
  fns: Record<string, (...args: unknown[]) => unknown>;
}

/** The OAuth scopes the bundle's manifest (appsscript.json beside Code.js) lists. */
export function manifestScopes(bundle: AddonBundle): string[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(bundle.dir, 'appsscript.json'), 'utf8')) as { oauthScopes?: string[] };
  if (!manifest.oauthScopes) throw new Error(`${bundle.dir}/appsscript.json lists no oauthScopes`);
  return manifest.oauthScopes;
}

/**
 * The bundle's entry points in a fresh emulator, granted only the scopes its manifest lists (as Apps
 * Script does once a manifest lists them); the HTML service reads the bundle's folder.
 */
export function startAddon(bundle: AddonBundle, options: EmulatorOptions): StartedAddon {
  const env = createAppsScript({ htmlDir: bundle.dir, oauthScopes: manifestScopes(bundle), ...options });
  return { env, fns: loadBundleSource(bundle.code, env, 'Code.js') };
}

/**
 * Replaces the Invoices sheet with `header` and `rows` (untracked, like a person typing), growing the
 * grid as needed. `asText` formats the cells as text first, as typed-in text stays text.
 */
export function typeInvoiceSheet(
  env: AppsScriptEnvironment,
  header: readonly string[],
  rows: readonly (readonly unknown[])[],
  options: { asText?: boolean } = {},
): void {
  env.untracked(() => {
    const ss = env.spreadsheet;
    const sheet = ss.getSheetByName('Invoices') ?? ss.insertSheet('Invoices');
    const width = header.length;
    const data = [header, ...rows].map((r) => Array.from({ length: width }, (_, i) => (r[i] === undefined ? '' : r[i])));
    if (sheet.getMaxRows() < data.length) sheet.insertRowsAfter(sheet.getMaxRows(), data.length - sheet.getMaxRows());
    if (sheet.getMaxColumns() < width) sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns());
    if (options.asText) sheet.getRange(1, 1, data.length, width).setNumberFormat('@');
    sheet.getRange(1, 1, data.length, width).setValues(data);
  });
}
