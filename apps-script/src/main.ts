/**
 * Every Apps Script entry point, and nothing else: the build exposes exactly these (entry-points.ts)
 * as top-level functions. Module scope does no work (https://developers.google.com/apps-script/guides/v8-runtime: it runs in every execution,
 * including `onOpen` in AuthMode.NONE).
 */
import { redactSecret } from '@midtrans-pl/core';
import { refreshSummary } from './summary-sheet';
import { defaultWhatsappTemplate, saveWhatsappTemplate as saveTemplateText, whatsappTemplate } from './whatsapp-column';
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
  GENERATION_CONTINUATION,
  REFRESH_CONTINUATION,
  clearContinuation,
  isBound,
  scheduleContinuation,
  scheduleContinuationAt,
  setTimedRefreshTrigger,
  type Continuation,
} from './triggers';
import { t } from './i18n/catalogue';
import { locale, resetLocale } from './i18n/locale';
import { sidebarText } from './i18n/sidebar';
import { plural } from './i18n/words';
import { alert, confirm, toast } from './ui';
import { markSelectedSent, planText, sendReminders, type ReminderReport } from './reminders';
import {
  reminderSettingsView,
  saveReminderSettingsInput,
  setDailyReminders,
  type ReminderSettingsInput,
  type ReminderSettingsView,
} from './reminder-settings';
import { isUserError } from './user-error';

/** A message safe to show: the user's own problem as is, anything else with the key scrubbed. */
function describe(e: unknown): string {
  if (isUserError(e)) return e.message;
  const text = e instanceof Error ? e.message : String(e);
  const key = readConfigSafely()?.serverKey ?? '';
  return t(locale(), 'error.unexpected', { detail: redactSecret(text, key) });
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
  resetLocale();
  try {
    alert(action());
  } catch (e) {
    console.error(describe(e));
    alert(describe(e));
  }
}

/** Sidebar callbacks: failures reach `withFailureHandler` as a clean message. */
function forSidebar<T>(action: () => T): T {
  resetLocale();
  try {
    return action();
  } catch (e) {
    throw new Error(describe(e));
  }
}

/**
 * In AuthMode.NONE (a user who has not authorised the add-on yet) properties cannot be read, so the
 * menu then follows the user's Google language alone (locale.ts degrades to it).
 */
export function onOpen(_e?: unknown): void {
  resetLocale();
  const loc = locale();
  SpreadsheetApp.getUi()
    .createMenu(t(loc, 'menu.title'))
    .addItem(t(loc, 'menu.generate'), 'generatePaymentLinks')
    .addItem(t(loc, 'menu.generateSelected'), 'generateForSelectedRows')
    .addItem(t(loc, 'menu.refresh'), 'refreshStatuses')
    .addItem(t(loc, 'menu.deactivate'), 'deactivateSelectedLinks')
    .addItem(t(loc, 'menu.summary'), 'refreshCollectionSummary')
    .addItem(t(loc, 'reminders.menuSend'), 'sendPaymentReminders')
    .addItem(t(loc, 'reminders.menuMark'), 'markRemindersSent')
    .addSeparator()
    .addItem(t(loc, 'menu.template'), 'insertInvoiceTemplate')
    .addItem(t(loc, 'menu.settings'), 'showSettings')
    .addToUi();
}

export function onInstall(e?: unknown): void {
  onOpen(e);
}

export function doPost(e?: GoogleAppsScript.Events.DoPost): GoogleAppsScript.Content.TextOutput {
  resetLocale();
  try {
    const answer = handleNotification(e);
    return jsonOutput({ ok: answer.ok, result: answer.result });
  } catch (err) {
    console.error(describe(err));
    return jsonOutput({ ok: false, result: 'error' });
  }
}

export function doGet(): GoogleAppsScript.Content.TextOutput {
  resetLocale();
  return jsonOutput({ ok: true, service: t(locale(), 'webapp.service'), accepts: 'POST' });
}

function runGeneration(scope: Parameters<typeof generate>[0], ask?: (question: string) => boolean): GenerationReport {
  // A run over every row (or every queued row) takes over a pending continuation; a run over a
  // selection does not, or queued rows outside the selection would wait forever.
  if (typeof scope !== 'function' && scope.kind !== 'selected') clearContinuation(GENERATION_CONTINUATION);
  return generate(scope, {
    onStoppedForTime: () => scheduleContinuation(GENERATION_CONTINUATION),
    onStoppedForQuota: (at) => scheduleContinuationAt(GENERATION_CONTINUATION, at),
    ask,
  });
}

export function generatePaymentLinks(): void {
  fromMenu(() => runGeneration({ kind: 'all' }, confirm).message);
}

export function generateForSelectedRows(): void {
  fromMenu(() => runGeneration({ kind: 'selected', rows: selectedRows(invoiceSheet()) }, confirm).message);
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
  resetLocale();
  try {
    console.log(runRefresh({ quiet: true }).message);
  } catch (e) {
    // A manual run in progress, or no key yet: the next hour tries again.
    console.log(describe(e));
  }
}

/** Trigger handler: the rest of a Refresh pass that stopped for time. */
export function continueRefresh(): void {
  resetLocale();
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
    if (!confirm(t(locale(), 'deactivate.confirm', { rows: plural(locale(), rows.size, 'selectedRow') }))) {
      return t(locale(), 'deactivate.cancelled');
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
  resetLocale();
  const html = HtmlService.createHtmlOutputFromFile('Settings').setTitle(t(locale(), 'menu.title'));
  SpreadsheetApp.getUi().showSidebar(html);
}

function webAppUrl(): string {
  try {
    return ScriptApp.getService().getUrl() ?? '';
  } catch {
    return '';
  }
}

type SidebarView = SettingsView & { text: Record<string, string> };

/** The settings and every word the sidebar shows, in the language now in use (a saved change applies at once). */
function sidebarView(): SidebarView {
  resetLocale();
  return { ...settingsView(webAppUrl(), isBound()), text: sidebarText(locale()) };
}

export function getSettings(): SidebarView {
  return forSidebar(sidebarView);
}

export function saveSettings(input: SettingsInput): SidebarView {
  return forSidebar(() => {
    saveSettingsInput(input ?? {});
    return sidebarView();
  });
}

export function testConnection(): { ok: boolean; message: string } {
  return forSidebar(checkConnection);
}

export function setTimedRefresh(on: boolean): SidebarView {
  return forSidebar(() => {
    setTimedRefreshTrigger(Boolean(on));
    return sidebarView();
  });
}

/** Sidebar: the WhatsApp message template ('' = the built-in one) and its default, to show as a hint. */
export function getWhatsappTemplate(): { template: string; defaultTemplate: string } {
  return forSidebar(() => ({ template: whatsappTemplate(), defaultTemplate: defaultWhatsappTemplate(locale()) }));
}

export function saveWhatsappTemplate(text: string): { template: string; defaultTemplate: string } {
  return forSidebar(() => ({ template: saveTemplateText(text), defaultTemplate: defaultWhatsappTemplate(locale()) }));
}

const REMINDER_CONTINUATION: Continuation = {
  handler: 'continuePaymentReminders',
  alsoByHand: 'reminders.continueByHand',
  byHand: 'reminders.continueLater',
};

function runReminders(ask: boolean): ReminderReport {
  return sendReminders({
    confirm: ask ? (plan, loc) => confirm(planText(plan, loc)) : undefined,
    onStoppedForTime: () => scheduleContinuation(REMINDER_CONTINUATION),
  });
}

/**
 * The menu's run (after a confirmation saying how many reminders go out, and to whom) and the daily
 * trigger's (no one to ask: it runs when the merchant switched it on in Settings).
 */
export function sendPaymentReminders(e?: unknown): void {
  const fromTrigger = typeof e === 'object' && e !== null && 'triggerUid' in e;
  if (!fromTrigger) return fromMenu(() => runReminders(true).message);
  resetLocale();
  try {
    console.log(runReminders(false).message);
  } catch (err) {
    // Switched off, another run going, no key: the next day tries again.
    console.log(describe(err));
  }
}

/** Trigger handler: the rest of a reminder run that stopped for time. */
export function continuePaymentReminders(): void {
  resetLocale();
  try {
    console.log(runReminders(false).message);
  } catch (err) {
    console.log(describe(err));
  }
}

export function markRemindersSent(): void {
  fromMenu(markSelectedSent);
}

export function getReminderSettings(): ReminderSettingsView {
  return forSidebar(() => reminderSettingsView(locale()));
}

export function saveReminderSettings(input: ReminderSettingsInput): ReminderSettingsView {
  return forSidebar(() => {
    saveReminderSettingsInput(locale(), input ?? {});
    return reminderSettingsView(locale());
  });
}

export function setDailyReminderRun(on: boolean): ReminderSettingsView {
  return forSidebar(() => {
    setDailyReminders(locale(), Boolean(on), isBound());
    return reminderSettingsView(locale());
  });
}
