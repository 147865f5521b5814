/** Settings in Script Properties (docs/architecture.md): only the server process ever reads the key back. */
import {
  API_BASE_URLS,
  baseUrlSaveIssue,
  baseUrlUseIssue,
  maskKey,
  serverKeyIssue,
  type BaseUrlIssue,
  type Environment,
  type MidtransConfig,
} from '@midtrans-pl/core';
import { forgetCachedConfig } from './config-cache';
import { t } from './i18n/catalogue';
import { isLocale, locale, saveLanguage, savedLanguage, type Locale } from './i18n/locale';
import { UserError } from './user-error';
import { PropertiesService } from './services';

export const PROPERTY = {
  serverKey: 'MIDTRANS_SERVER_KEY',
  environment: 'MIDTRANS_ENVIRONMENT',
  baseUrl: 'MIDTRANS_API_BASE_URL',
  /** The run in progress (run-guard.ts). */
  run: 'MIDTRANS_RUN',
  /** Where a Refresh pass stopped for time (refresh-pass.ts). */
  refreshPass: 'MIDTRANS_REFRESH_PASS',
  /** 'on' when the hourly refresh trigger is installed. */
  timedRefresh: 'MIDTRANS_TIMED_REFRESH',
} as const;

function properties(): GoogleAppsScript.Properties.Properties {
  return PropertiesService.getScriptProperties();
}

export function isEnvironment(v: unknown): v is Environment {
  return typeof v === 'string' && Object.prototype.hasOwnProperty.call(API_BASE_URLS, v);
}

/** The stored settings, or why they cannot be used (a base URL the key may not go to: base-url-policy.ts). */
export function readSettings(): { config?: MidtransConfig; problem?: BaseUrlIssue } {
  const all = properties().getProperties();
  const serverKey = (all[PROPERTY.serverKey] ?? '').trim();
  if (!serverKey) return {};
  const env = all[PROPERTY.environment];
  const environment = isEnvironment(env) ? env : 'sandbox';
  const baseUrl = (all[PROPERTY.baseUrl] ?? '').trim();
  const problem = baseUrlUseIssue(baseUrl, environment);
  if (problem) return { problem };
  return { config: { serverKey, environment, baseUrl: baseUrl || undefined } };
}

export function readConfig(): MidtransConfig | undefined {
  return readSettings().config;
}

export function requireConfig(): MidtransConfig {
  const { config, problem } = readSettings();
  if (problem) throw new UserError(t(locale(), 'settings.fixBaseUrl', { problem: t(locale(), `baseUrl.${problem}`) }));
  if (!config) throw new UserError(t(locale(), 'settings.noKey'));
  return config;
}

export interface SettingsView {
  hasKey: boolean;
  maskedKey: string;
  environment: Environment;
  baseUrl: string;
  webAppUrl: string;
  bound: boolean;
  timedRefresh: boolean;
  /** The spreadsheet's language choice ('' = the user's Google language) and the language in use. */
  language: Locale | '';
  locale: Locale;
}

export interface SettingsInput {
  /** Empty or absent keeps the stored key. */
  serverKey?: string;
  environment?: string;
  baseUrl?: string;
  /** 'en', 'id', or '' to follow each user's Google language; absent keeps the saved choice. */
  language?: string;
}

export function settingsView(webAppUrl: string, bound: boolean): SettingsView {
  const all = properties().getProperties();
  const key = all[PROPERTY.serverKey] ?? '';
  const env = all[PROPERTY.environment];
  return {
    hasKey: key !== '',
    maskedKey: maskKey(key),
    environment: isEnvironment(env) ? env : 'sandbox',
    baseUrl: all[PROPERTY.baseUrl] ?? '',
    webAppUrl,
    bound,
    timedRefresh: all[PROPERTY.timedRefresh] === 'on',
    language: savedLanguage(),
    locale: locale(),
  };
}

/** Checks everything before storing anything, so a bad field never leaves half-saved settings. */
export function saveSettingsInput(input: SettingsInput): void {
  const updates: Record<string, string> = {};
  const key = typeof input.serverKey === 'string' ? input.serverKey.trim() : '';
  if (key) updates[PROPERTY.serverKey] = key;
  const env = input.environment ?? 'sandbox';
  if (!isEnvironment(env)) throw new UserError(t(locale(), 'settings.badEnvironment', { value: String(env) }));
  const language = input.language;
  if (language !== undefined && language !== '' && !isLocale(language))
    throw new UserError(t(locale(), 'settings.badLanguage', { value: String(language) }));
  updates[PROPERTY.environment] = env;
  const base = typeof input.baseUrl === 'string' ? input.baseUrl.trim() : '';
  // The key goes wherever the base URL points: only Midtrans, this machine, or a host whose saver typed the key now.
  const baseIssue = baseUrlSaveIssue(base, env, key !== '');
  if (baseIssue) throw new UserError(t(locale(), `baseUrl.${baseIssue}`));
  const effectiveKey = key || (properties().getProperty(PROPERTY.serverKey) ?? '');
  const issue = effectiveKey ? serverKeyIssue(effectiveKey, env, base !== '') : undefined;
  if (issue) throw new UserError(t(locale(), `key.${issue}`));
  const props = properties();
  props.setProperties(updates);
  if (base) props.setProperty(PROPERTY.baseUrl, base);
  else props.deleteProperty(PROPERTY.baseUrl);
  if (language !== undefined) saveLanguage(language);
  forgetCachedConfig();
}
