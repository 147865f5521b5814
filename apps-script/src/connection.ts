/** Test connection: the core's probe, sent through Apps Script's fetch. */
import { connectionProbeIssue, connectionProbeRequest, readConnectionProbe } from '@midtrans-pl/core';
import { sendRetrying } from './send-retrying';
import { requireConfig } from './settings';
import { t } from './i18n/catalogue';
import { locale } from './i18n/locale';

export function checkConnection(): { ok: boolean; message: string } {
  const config = requireConfig();
  const issue = connectionProbeIssue(config);
  if (issue) return { ok: false, message: t(locale(), `baseUrl.${issue}`) };
  const [answer] = sendRetrying([connectionProbeRequest(config)]);
  const v = 'failure' in answer ? readConnectionProbe(config, undefined, answer.failure) : readConnectionProbe(config, answer.status);
  const loc = locale();
  const where = v.where || t(loc, 'connection.midtrans', { environment: v.environment });
  const values = { where, environment: v.environment, status: v.status ?? '', detail: v.failure ?? '' };
  return { ok: v.ok, message: t(loc, `connection.${v.reason}`, values) };
}
