/// <reference types="google-apps-script" />
/**
 * MailApp, strict where Apps Script is:
 * - every method needs the `script.send_mail` scope when the manifest lists its scopes (scopes.ts
 *   checks it for every call, as for the other services);
 * - each recipient (to, cc, bcc) counts against the daily "Email recipients per day" quota, 100 on a
 *   consumer account and 1,500 on Google Workspace
 *   (https://developers.google.com/apps-script/guides/services/quotas); a send that would cross it
 *   throws "Service invoked too many times for one day: email." and sends nothing;
 * - an address that is not one is refused with "Invalid email: <address>" and nothing is sent.
 * INFERRED: the exact refusal texts (from public user reports) and that a refused send uses no quota.
 * Every sent email is kept in `outbox` with the emulated time, for tests and the playground.
 */
import { DailyQuota } from './daily-quota';
import { ExecutionMeter } from './execution-meter';

const ADDRESS = /^[^\s@<>,;"]+@[^\s@<>,;"]+\.[^\s@<>,;"]+$/;

export interface SentEmail {
  at: number;
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  body: string;
  htmlBody?: string;
  name?: string;
  replyTo?: string;
}

export interface MailAppOptions {
  meter: ExecutionMeter;
  quota: DailyQuota;
  outbox: SentEmail[];
}

function addresses(list: unknown): string[] {
  if (list === undefined || list === null || list === '') return [];
  return String(list)
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

type Message = GoogleAppsScript.Mail.MailAdvancedParameters & { to?: string; subject?: string; body?: string };

export function createMailApp(o: MailAppOptions) {
  const { meter } = o;
  const send = (m: Message) => {
    meter.record('MailApp.sendEmail', 'mail');
    const to = addresses(m.to);
    const cc = addresses(m.cc);
    const bcc = addresses(m.bcc);
    const all = [...to, ...cc, ...bcc];
    if (to.length === 0) throw new Error('Failed to send email: no recipient');
    for (const a of all) if (!ADDRESS.test(a)) throw new Error(`Invalid email: ${a}`);
    if (typeof m.subject !== 'string') throw new Error('Invalid argument: subject');
    if (meter.tracking) o.quota.consume('email', all.length);
    o.outbox.push({
      at: meter.now(),
      to,
      cc,
      bcc,
      subject: m.subject,
      body: String(m.body ?? ''),
      htmlBody: m.htmlBody,
      name: m.name,
      replyTo: m.replyTo,
    });
  };
  return {
    sendEmail(a: unknown, subject?: unknown, body?: unknown, options?: GoogleAppsScript.Mail.MailAdvancedParameters): void {
      if (typeof a === 'object' && a !== null) send(a as Message);
      else send({ ...(options ?? {}), to: String(a ?? ''), subject: subject as string, body: String(body ?? '') });
    },
    getRemainingDailyQuota(): number {
      meter.record('MailApp.getRemainingDailyQuota', 'other');
      return Math.max(0, o.quota.remaining('email'));
    },
  };
}
