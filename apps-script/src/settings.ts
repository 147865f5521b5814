/** Settings in Script Properties (docs/architecture.md): only the server process ever reads the key back. */
import { API_BASE_URLS, baseUrlSaveProblem, baseUrlUseProblem, maskKey, serverKeyProblem, type Environment, type MidtransConfig } from '@midtrans-pl/core';
import { forgetCachedConfig } from './config-cache';
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
export function readSettings(): { config?: MidtransConfig; problem?: string } {
  const all = properties().getProperties();
  const serverKey = (all[PROPERTY.serverKey] ?? '').trim();
  if (!serverKey) return {};
  const env = all[PROPERTY.environment];
  const environment = isEnvironment(env) ? env : 'sandbox';
  const baseUrl = (all[PROPERTY.baseUrl] ?? '').trim();
  const problem = baseUrlUseProblem(baseUrl, environment);
  if (problem) return { problem };
  return { config: { serverKey, environment, baseUrl: baseUrl || undefined } };
}

export function readConfig(): MidtransConfig | undefined {
  return readSettings().config;
}

export function requireConfig(): MidtransConfig {
  const { config, problem } = readSettings();
  if (problem) throw new UserError(`${problem} Open Midtrans ▸ Settings to fix it.`);
  if (!config) throw new UserError('No Midtrans server key yet: open Midtrans ▸ Settings and paste the server key from the Midtrans dashboard (Settings ▸ Access keys).');
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
}

export interface SettingsInput {
  /** Empty or absent keeps the stored key. */
  serverKey?: string;
  environment?: string;
  baseUrl?: string;
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
  };
}

/** Checks everything before storing anything, so a bad field never leaves half-saved settings. */
export function saveSettingsInput(input: SettingsInput): void {
  const updates: Record<string, string> = {};
  const key = typeof input.serverKey === 'string' ? input.serverKey.trim() : '';
  if (key) updates[PROPERTY.serverKey] = key;
  const env = input.environment ?? 'sandbox';
  if (!isEnvironment(env)) throw new UserError(`Environment must be "sandbox" or "production", not "${String(env)}".`);
  updates[PROPERTY.environment] = env;
  const base = typeof input.baseUrl === 'string' ? input.baseUrl.trim() : '';
  // The key goes wherever the base URL points: only Midtrans, this machine, or a host whose saver typed the key now.
  const baseProblem = baseUrlSaveProblem(base, env, key !== '');
  if (baseProblem) throw new UserError(baseProblem);
  const effectiveKey = key || (properties().getProperty(PROPERTY.serverKey) ?? '');
  const problem = effectiveKey ? serverKeyProblem(effectiveKey, env, base !== '') : undefined;
  if (problem) throw new UserError(problem);
  const props = properties();
  props.setProperties(updates);
  if (base) props.setProperty(PROPERTY.baseUrl, base);
  else props.deleteProperty(PROPERTY.baseUrl);
  forgetCachedConfig();
}
