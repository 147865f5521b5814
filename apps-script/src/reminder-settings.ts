/**
 * Reminder settings in Script Properties: the global switch, the schedule (offsets from the due date),
 * the language of the customer's message, the daily run, and the four template texts (English and
 * Bahasa Indonesia, subject and body; '' = the built-in one). Checked whole before anything is stored.
 */
import { DEFAULT_REMINDER_OFFSETS, MAX_REMINDER_OFFSETS, formatReminderOffsets, parseReminderOffsets } from '@midtrans-pl/core';
import { t } from './i18n/catalogue';
import type { Locale } from './i18n/locale';
import { UserError } from './user-error';
import { PropertiesService, ScriptApp } from './services';

const SETTINGS_PROPERTY = 'MIDTRANS_REMINDERS';
const TEMPLATE_PROPERTY = (language: Locale, part: 'subject' | 'body') =>
  `MIDTRANS_REMINDER_${part.toUpperCase()}_${language.toUpperCase()}`;
const SUBJECT_MAX = 200;
const BODY_MAX = 4000;
export const REMINDER_HANDLER = 'sendPaymentReminders';

export interface ReminderSettings {
  enabled: boolean;
  offsets: number[];
  /** The language of the customer's message. */
  language: Locale;
  /** The daily trigger is installed. */
  daily: boolean;
}

export interface ReminderTemplate {
  subject: string;
  body: string;
}

function props(): GoogleAppsScript.Properties.Properties {
  return PropertiesService.getScriptProperties();
}

export function readReminderSettings(fallbackLanguage: Locale): ReminderSettings {
  let stored: Partial<ReminderSettings> = {};
  try {
    stored = JSON.parse(props().getProperty(SETTINGS_PROPERTY) ?? '{}') as Partial<ReminderSettings>;
  } catch {
    stored = {};
  }
  const offsets =
    Array.isArray(stored.offsets) && stored.offsets.every((n) => Number.isInteger(n)) && stored.offsets.length
      ? stored.offsets
      : [...DEFAULT_REMINDER_OFFSETS];
  return {
    enabled: stored.enabled === true,
    offsets,
    language: stored.language === 'en' || stored.language === 'id' ? stored.language : fallbackLanguage,
    daily: stored.daily === true,
  };
}

function writeSettings(s: ReminderSettings): void {
  props().setProperty(SETTINGS_PROPERTY, JSON.stringify(s));
}

/** The merchant's template for a language, the built-in text where they wrote none. */
export function reminderTemplate(language: Locale): ReminderTemplate {
  const p = props();
  return {
    subject: p.getProperty(TEMPLATE_PROPERTY(language, 'subject')) || t(language, 'reminders.templateSubject'),
    body: p.getProperty(TEMPLATE_PROPERTY(language, 'body')) || t(language, 'reminders.templateBody'),
  };
}

export interface ReminderSettingsInput {
  enabled?: boolean;
  offsets?: string;
  language?: string;
  templates?: Partial<Record<Locale, Partial<ReminderTemplate>>>;
}

export interface ReminderSettingsView {
  enabled: boolean;
  offsets: string;
  language: Locale;
  daily: boolean;
  templates: Record<Locale, ReminderTemplate>;
  defaults: Record<Locale, ReminderTemplate>;
  /** The section's words in the user's language (the sidebar has no catalogue of its own). */
  labels: Record<string, string>;
}

const LABELS = [
  'sidebarTitle',
  'sidebarIntro',
  'sidebarEnabled',
  'sidebarSchedule',
  'sidebarScheduleHint',
  'sidebarLanguage',
  'sidebarDaily',
  'sidebarPlaceholders',
  'sidebarSave',
  'sidebarSaved',
  'sidebarDailyOn',
  'sidebarDailyOff',
] as const;

export function reminderSettingsView(ui: Locale): ReminderSettingsView {
  const s = readReminderSettings(ui);
  const stored = (language: Locale): ReminderTemplate => ({
    subject: props().getProperty(TEMPLATE_PROPERTY(language, 'subject')) ?? '',
    body: props().getProperty(TEMPLATE_PROPERTY(language, 'body')) ?? '',
  });
  const builtIn = (language: Locale): ReminderTemplate => ({
    subject: t(language, 'reminders.templateSubject'),
    body: t(language, 'reminders.templateBody'),
  });
  return {
    enabled: s.enabled,
    offsets: formatReminderOffsets(s.offsets),
    language: s.language,
    daily: s.daily,
    templates: { en: stored('en'), id: stored('id') },
    defaults: { en: builtIn('en'), id: builtIn('id') },
    labels: {
      ...Object.fromEntries(LABELS.map((k) => [k, t(ui, `reminders.${k}`)])),
      ...Object.fromEntries(
        (['en', 'id'] as const).flatMap((l) => [
          [`subject_${l}`, t(ui, 'reminders.sidebarSubject', { language: t(l, 'reminders.languageName') })],
          [`body_${l}`, t(ui, 'reminders.sidebarBody', { language: t(l, 'reminders.languageName') })],
          [`language_${l}`, t(l, 'reminders.languageName')],
        ]),
      ),
    },
  };
}

function checkTemplate(ui: Locale, language: Locale, tpl: Partial<ReminderTemplate>): ReminderTemplate {
  const subject = typeof tpl.subject === 'string' ? tpl.subject.trim() : '';
  const body = typeof tpl.body === 'string' ? tpl.body.trim() : '';
  const name = t(language, 'reminders.languageName');
  if (subject.length > SUBJECT_MAX)
    throw new UserError(t(ui, 'reminders.templateTooLong', { language: name, length: subject.length, max: SUBJECT_MAX }));
  if (body.length > BODY_MAX)
    throw new UserError(t(ui, 'reminders.templateTooLong', { language: name, length: body.length, max: BODY_MAX }));
  if (body && !/\{link\}/i.test(body)) throw new UserError(t(ui, 'reminders.templateNoLink', { language: name }));
  return { subject, body };
}

/** Saves what the sidebar sent; every field is checked before any is stored. */
export function saveReminderSettingsInput(ui: Locale, input: ReminderSettingsInput): void {
  const current = readReminderSettings(ui);
  const next: ReminderSettings = { ...current };
  if (typeof input.enabled === 'boolean') next.enabled = input.enabled;
  if (typeof input.offsets === 'string') {
    const r = parseReminderOffsets(input.offsets);
    if (!r.ok) {
      const key = (
        {
          empty: 'reminders.offsetsEmpty',
          'not-a-number': 'reminders.offsetsNotNumber',
          'out-of-range': 'reminders.offsetsRange',
          'too-many': 'reminders.offsetsTooMany',
        } as const
      )[r.problem];
      throw new UserError(t(ui, key, { item: r.item ?? '', max: MAX_REMINDER_OFFSETS }));
    }
    next.offsets = r.offsets;
  }
  if (input.language === 'en' || input.language === 'id') next.language = input.language;
  const templates: [Locale, ReminderTemplate][] = [];
  for (const language of ['en', 'id'] as const) {
    const tpl = input.templates?.[language];
    if (tpl) templates.push([language, checkTemplate(ui, language, tpl)]);
  }
  writeSettings(next);
  const p = props();
  for (const [language, tpl] of templates) {
    for (const part of ['subject', 'body'] as const) {
      if (tpl[part]) p.setProperty(TEMPLATE_PROPERTY(language, part), tpl[part]);
      else p.deleteProperty(TEMPLATE_PROPERTY(language, part));
    }
  }
}

/** The daily run: one trigger a day at about 09:00 in the script's zone (WIB). */
export function setDailyReminders(ui: Locale, on: boolean, bound: boolean): void {
  if (on && !bound) throw new UserError(t(ui, 'reminders.dailyNeedsBound'));
  for (const tr of ScriptApp.getProjectTriggers())
    if (tr.getHandlerFunction() === REMINDER_HANDLER && tr.getEventType() === ScriptApp.EventType.CLOCK) ScriptApp.deleteTrigger(tr);
  if (on) ScriptApp.newTrigger(REMINDER_HANDLER).timeBased().everyDays(1).atHour(9).create();
  writeSettings({ ...readReminderSettings(ui), daily: on });
}
