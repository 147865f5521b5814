/// <reference types="google-apps-script" />
/** The emulated MailApp is as strict as Apps Script: its scope, its daily recipient quota, bad addresses; every call counted. */
import { SCOPE, WORKSPACE_EMAIL_QUOTA } from '../../../tools/apps-script-emulator';
import { newEnv } from './helpers';

function mailApp(env: ReturnType<typeof newEnv>): GoogleAppsScript.Mail.MailApp {
  return (env.globals as { MailApp: GoogleAppsScript.Mail.MailApp }).MailApp;
}

test('without script.send_mail in the manifest every MailApp call is refused and nothing is sent', () => {
  const env = newEnv({ oauthScopes: ['https://www.googleapis.com/auth/script.external_request'] });
  expect(() => mailApp(env).sendEmail('budi@example.com', 'Hi', 'Body')).toThrow(
    `You do not have permission to call MailApp.sendEmail. Required permissions: ${SCOPE.sendMail}`,
  );
  expect(() => mailApp(env).getRemainingDailyQuota()).toThrow(/Required permissions/);
  expect(env.outbox).toHaveLength(0);
  // Refused before the service runs, like every call the scope check stops (scopes.ts): it costs nothing.
  expect(env.calls.byMethod['MailApp.sendEmail']).toBeUndefined();
});

test('a consumer account sends 100 recipients a day, then the 101st throws and is not sent; a new day resets it', () => {
  const env = newEnv({ oauthScopes: [SCOPE.sendMail] });
  const mail = mailApp(env);
  for (let i = 0; i < 99; i++) mail.sendEmail(`c${i}@example.com`, 'Hi', 'Body');
  expect(mail.getRemainingDailyQuota()).toBe(1);
  expect(() => mail.sendEmail({ to: 'a@example.com', cc: 'b@example.com', subject: 'Hi', body: 'Body' })).toThrow(
    'Service invoked too many times for one day: email.',
  );
  mail.sendEmail('last@example.com', 'Hi', 'Body');
  expect(() => mail.sendEmail('over@example.com', 'Hi', 'Body')).toThrow('Service invoked too many times for one day: email.');
  expect(env.outbox).toHaveLength(100);
  expect(env.calls.byMethod['MailApp.sendEmail']).toBe(102);
  env.newDay();
  expect(mail.getRemainingDailyQuota()).toBe(100);
});

test('a Workspace quota (1,500) is an option', () => {
  const env = newEnv({ oauthScopes: [SCOPE.sendMail], dailyQuota: { email: WORKSPACE_EMAIL_QUOTA } });
  expect(mailApp(env).getRemainingDailyQuota()).toBe(1500);
});

test.each(['budi', 'budi@example', 'budi @example.com', '<b@x.com>'])('%j is refused as an invalid email and uses no quota', (to) => {
  const env = newEnv({ oauthScopes: [SCOPE.sendMail] });
  expect(() => mailApp(env).sendEmail(to, 'Hi', 'Body')).toThrow(/^Invalid email: /);
  expect(env.outbox).toHaveLength(0);
  expect(mailApp(env).getRemainingDailyQuota()).toBe(100);
});

test('a sent email is kept with its recipients, subject, body and the emulated time', () => {
  const env = newEnv({ oauthScopes: [SCOPE.sendMail] });
  mailApp(env).sendEmail('budi@example.com', 'Pengingat', 'Halo', { name: 'Toko', replyTo: 'toko@example.com' });
  expect(env.outbox).toEqual([
    {
      at: env.now(),
      to: ['budi@example.com'],
      cc: [],
      bcc: [],
      subject: 'Pengingat',
      body: 'Halo',
      name: 'Toko',
      replyTo: 'toko@example.com',
      htmlBody: undefined,
    },
  ]);
});
