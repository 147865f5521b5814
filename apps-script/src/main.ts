/**
 * Every Apps Script entry point, and nothing else: the build exposes exactly these (entry-points.ts)
 * as top-level functions. Module scope does no work (https://developers.google.com/apps-script/guides/v8-runtime: it runs in every execution,
 * including `onOpen` in AuthMode.NONE).
 */
import { DEFAULT_WHATSAPP_TEMPLATE, redactSecret } from '@midtrans-pl/core';
import { refreshSummary } from './summary-sheet';
import { saveWhatsappTemplate as saveTemplateText, whatsappTemplate } from './whatsapp-column';
import { checkConnection } from './connection';
import { HtmlService, ScriptApp, SpreadsheetApp } from './services';
import { generate, type GenerationReport } from './generation';
import { invoiceSheet } from './invoice-sheet';
import { handleNotification, jsonOutput } from './notifications';
import { deactivate, refresh, type RefreshReport } from './refresh';
import { selectedRows, selectedRowsIfAny } from './selection';
import { readConfig, saveSettingsInput, settingsView, type SettingsInput, type SettingsView } from './settings';
import { insertTemplate } from './template';
import { pendingPass } from './refresh-pass';
import {
  GENERATION_CONTINUATION, REFRESH_CONTINUATION, clearContinuation, isBound, scheduleContinuation, scheduleContinuationAt, setTimedRefreshTrigger,
} from './triggers';
import { alert, confirm, plural, toast } from './ui';
import { isUserError } from './user-error';

/** A message safe to show: the user's own problem as is, anything else with the key scrubbed. */
function describe(e: unknown): string {
  if (isUserError(e)) return e.message;
  const text = e instanceof Error ? e.message : String(e);
  const key = readConfigSafely()?.serverKey ?? '';
  return `Something went wrong: ${redactSecret(text, key)}`;
}

function readConfigSafely() {
  try {
    return readConfig();
  } catch {
    return undefined;
  }
}

/** Menu actions report in a dialog and never throw at the user. */
function fromMenu(action: () => string): void {
  try {
    alert(action());
  } catch (e) {
    console.error(describe(e));
    alert(describe(e));
  }
}

/** Sidebar callbacks: failures reach `withFailureHandler` as a clean message. */
function forSidebar<T>(action: () => T): T {
  try {
    return action();
  } catch (e) {
    throw new Error(describe(e));
  }
}

export function onOpen(_e?: unknown): void {
  SpreadsheetApp.getUi()
    .createMenu('Midtrans')
    .addItem('Generate payment links', 'generatePaymentLinks')
    .addItem('Generate for selected rows', 'generateForSelectedRows')
    .addItem('Refresh statuses', 'refreshStatuses')
    .addItem('Deactivate selected links', 'deactivateSelectedLinks')
    .addItem('Collection summary', 'refreshCollectionSummary')
    .addSeparator()
    .addItem('Insert invoice template', 'insertInvoiceTemplate')
    .addItem('Settings', 'showSettings')
    .addToUi();
}

export function onInstall(e?: unknown): void {
  onOpen(e);
}

export function doPost(e?: GoogleAppsScript.Events.DoPost): GoogleAppsScript.Content.TextOutput {
  try {
    const answer = handleNotification(e);
    return jsonOutput({ ok: answer.ok, result: answer.result });
  } catch (err) {
    console.error(describe(err));
    return jsonOutput({ ok: false, result: 'error' });
  }
}

export function doGet(): GoogleAppsScript.Content.TextOutput {
  return jsonOutput({ ok: true, service: 'Midtrans payment notifications for this spreadsheet', accepts: 'POST' });
}

function runGeneration(scope: Parameters<typeof generate>[0]): GenerationReport {
  // A run over every row (or every queued row) takes over a pending continuation; a run over a
  // selection does not, or queued rows outside the selection would wait forever.
  if (typeof scope !== 'function' && scope.kind !== 'selected') clearContinuation(GENERATION_CONTINUATION);
  return generate(scope, {
    onStoppedForTime: () => scheduleContinuation(GENERATION_CONTINUATION),
    onStoppedForQuota: (at) => scheduleContinuationAt(GENERATION_CONTINUATION, at),
  });
}

export function generatePaymentLinks(): void {
  fromMenu(() => runGeneration({ kind: 'all' }).message);
}

export function generateForSelectedRows(): void {
  fromMenu(() => runGeneration({ kind: 'selected', rows: selectedRows(invoiceSheet()) }).message);
}

/** Trigger handler and the sidebar's Continue button: the rows a stopped run left `Queued`. */
export function continueGeneration(e?: unknown): GenerationReport {
  const fromTrigger = typeof e === 'object' && e !== null && 'triggerUid' in e;
  try {
    const report = forSidebar(() => runGeneration({ kind: 'queued' }));
    toast(report.message, 10);
    return report;
  } catch (err) {
    // Refused because another run is going (or the lock was busy): try again a minute later.
    if (fromTrigger) scheduleContinuation(GENERATION_CONTINUATION);
    throw err;
  }
}

/**
 * Every Refresh (menu, hourly, continuation) first finishes a pass that stopped for time, so the
 * hourly refresh and a pending continuation never check a link twice or skip one.
 */
function runRefresh(options: { quiet?: boolean; onlyPending?: boolean; askNow?: ReadonlySet<number> }): RefreshReport {
  return refresh({
    ...options,
    onStoppedForTime: () => scheduleContinuation(REFRESH_CONTINUATION),
    onResumedPassFinished: () => clearContinuation(REFRESH_CONTINUATION),
  });
}

/** From the menu: the selected invoice rows are asked now, whatever their cadence (refresh.ts). */
export function refreshStatuses(): void {
  fromMenu(() => runRefresh({ askNow: selectedRowsIfAny(invoiceSheet()) }).message);
}

export function timedRefresh(): void {
  try {
    console.log(runRefresh({ quiet: true }).message);
  } catch (e) {
    // A manual run in progress, or no key yet: the next hour tries again.
    console.log(describe(e));
  }
}

/** Trigger handler: the rest of a Refresh pass that stopped for time. */
export function continueRefresh(): void {
  try {
    console.log(runRefresh({ quiet: true, onlyPending: true }).message);
  } catch (e) {
    console.log(describe(e));
    // Refused because another run is going (or the sheet was busy): try again a minute later.
    if (pendingPassSafely()) scheduleContinuation(REFRESH_CONTINUATION);
  }
}

function pendingPassSafely(): boolean {
  try {
    return pendingPass() !== undefined;
  } catch {
    return false;
  }
}

export function deactivateSelectedLinks(): void {
  fromMenu(() => {
    const rows = selectedRows(invoiceSheet());
    if (!confirm(`Deactivate the payment links in the ${plural(rows.size, 'selected row')}? Customers will no longer be able to pay them. This cannot be undone.`)) {
      return 'Nothing was deactivated.';
    }
    return deactivate(rows).message;
  });
}

export function refreshCollectionSummary(): void {
  fromMenu(refreshSummary);
}

export function insertInvoiceTemplate(): void {
  fromMenu(insertTemplate);
}

export function showSettings(): void {
  const html = HtmlService.createHtmlOutputFromFile('Settings').setTitle('Midtrans');
  SpreadsheetApp.getUi().showSidebar(html);
}

function webAppUrl(): string {
  try {
    return ScriptApp.getService().getUrl() ?? '';
  } catch {
    return '';
  }
}

export function getSettings(): SettingsView {
  return forSidebar(() => settingsView(webAppUrl(), isBound()));
}

export function saveSettings(input: SettingsInput): SettingsView {
  return forSidebar(() => {
    saveSettingsInput(input ?? {});
    return settingsView(webAppUrl(), isBound());
  });
}

export function testConnection(): { ok: boolean; message: string } {
  return forSidebar(checkConnection);
}

export function setTimedRefresh(on: boolean): SettingsView {
  return forSidebar(() => {
    setTimedRefreshTrigger(Boolean(on));
    return settingsView(webAppUrl(), isBound());
  });
}

/** Sidebar: the WhatsApp message template ('' = the built-in one) and its default, to show as a hint. */
export function getWhatsappTemplate(): { template: string; defaultTemplate: string } {
  return forSidebar(() => ({ template: whatsappTemplate(), defaultTemplate: DEFAULT_WHATSAPP_TEMPLATE }));
}

export function saveWhatsappTemplate(text: string): { template: string; defaultTemplate: string } {
  return forSidebar(() => ({ template: saveTemplateText(text), defaultTemplate: DEFAULT_WHATSAPP_TEMPLATE }));
}
