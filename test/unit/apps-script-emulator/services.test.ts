/// <reference types="google-apps-script" />
/** Properties, Cache, Lock, Utilities, Content, Html, ScriptApp, Session and logging behave like Apps Script. */
import { createHash, createHmac } from 'crypto';
import fs from 'fs';
import path from 'path';
import {
  ADDON_TRIGGER_FREQUENCY,
  COST,
  EmuTextOutput,
  LOCK_TIMEOUT_MESSAGE,
  MAX_TRIGGERS,
  TOO_MANY_TRIGGERS,
} from '../../../tools/apps-script-emulator';
import { gas, newEnv } from './helpers';
import { testTempDir } from '../../support/temp-dir';

describe('PropertiesService', () => {
  test('script properties start from the options, persist across executions, and read null when missing', () => {
    const env = newEnv({ scriptProperties: { MIDTRANS_SERVER_KEY: 'SB-Mid-server-1' } });
    const props = () => gas(env).PropertiesService.getScriptProperties();
    expect(props().getProperty('MIDTRANS_SERVER_KEY')).toBe('SB-Mid-server-1');
    expect(props().getProperty('MISSING')).toBeNull();
    props().setProperty('CURSOR', '12').setProperties({ A: '1', B: '2' });
    env.newExecution();
    expect(props().getProperties()).toEqual({ MIDTRANS_SERVER_KEY: 'SB-Mid-server-1', CURSOR: '12', A: '1', B: '2' });
    props().deleteProperty('A');
    props().setProperties({ ONLY: 'x' }, true);
    expect(props().getKeys()).toEqual(['ONLY']);
    expect(env.properties.script.get('ONLY')).toBe('x');
  });

  test('values are stored as strings and a value over 9 KB is refused', () => {
    const env = newEnv();
    const p = gas(env).PropertiesService.getUserProperties();
    p.setProperty('N', 5 as unknown as string);
    expect(p.getProperty('N')).toBe('5');
    expect(() => p.setProperty('BIG', 'x'.repeat(9 * 1024 + 1))).toThrow('Argument too large: value');
  });

  test('reads and writes count toward the daily Properties quota; set-up does not', () => {
    const env = newEnv({ dailyQuota: { properties: 3 } });
    env.untracked(() => gas(env).PropertiesService.getScriptProperties().setProperty('SEEDED', '1'));
    const p = gas(env).PropertiesService.getScriptProperties();
    p.getProperty('SEEDED');
    p.setProperty('A', '1');
    p.getProperties();
    expect(() => p.getProperty('A')).toThrow('Service invoked too many times for one day: properties.');
  });

  test('a standalone script has no document properties (null)', () => {
    expect(gas(newEnv({ bound: false })).PropertiesService.getDocumentProperties()).toBeNull();
  });
});

describe('CacheService', () => {
  test('entries expire on the emulated clock (default 600 s, capped at 6 h)', () => {
    const env = newEnv();
    const cache = () => gas(env).CacheService.getScriptCache();
    cache().put('progress', '3/10');
    cache().put('long', 'x', 999999);
    env.advanceClock(599_000);
    expect(cache().get('progress')).toBe('3/10');
    env.advanceClock(1_000);
    expect(cache().get('progress')).toBeNull();
    // Each priced call also moves the clock by a few ms, hence the margins.
    env.advanceClock(21600_000 - 600_000 - 500);
    expect(cache().get('long')).toBe('x');
    env.advanceClock(500);
    expect(cache().get('long')).toBeNull();
  });

  test('documented limits: key ≤ 250 characters, value ≤ 100 KB, 1,000 items (the oldest go)', () => {
    const env = newEnv();
    const cache = gas(env).CacheService.getScriptCache();
    expect(() => cache.put('x'.repeat(251), 'v')).toThrow('Argument too large: key');
    expect(() => cache.put('k', 'x'.repeat(100 * 1024 + 1))).toThrow('Argument too large: value');
    for (let i = 0; i <= 1000; i++) cache.put(`k${i}`, String(i));
    expect(cache.get('k0')).toBeNull();
    expect(cache.get('k1')).toBe('1');
    expect(cache.get('k1000')).toBe('1000');
  });

  test('every call is counted, none against a daily quota; evictCaches drops everything (best-effort cache)', () => {
    const env = newEnv({ dailyQuota: { properties: 1 } });
    const cache = gas(env).CacheService.getScriptCache();
    cache.put('a', '1');
    for (let i = 0; i < 5; i++) cache.get('a');
    expect(env.calls.byMethod['Cache.get']).toBe(5);
    expect(env.calls.byMethod['Cache.put']).toBe(1);
    expect(env.quotaUsage().properties ?? 0).toBe(0);
    env.evictCaches();
    expect(cache.get('a')).toBeNull();
  });

  test('a standalone script has no document cache (null); script and user caches are separate', () => {
    expect(gas(newEnv({ bound: false })).CacheService.getDocumentCache()).toBeNull();
    const env = newEnv();
    gas(env).CacheService.getScriptCache().put('k', 'script');
    expect(gas(env).CacheService.getUserCache().get('k')).toBeNull();
  });
});

describe('Utilities.sleep', () => {
  test('advances the emulated clock by the time slept', () => {
    const env = newEnv();
    const before = env.now();
    gas(env).Utilities.sleep(2000);
    expect(env.now() - before).toBeGreaterThanOrEqual(2000);
  });
});

describe('LockService', () => {
  test('without contention tryLock succeeds, hasLock reports it, releaseLock frees it', () => {
    const env = newEnv();
    const lock = gas(env).LockService.getScriptLock();
    expect(lock.hasLock()).toBe(false);
    expect(lock.tryLock(0)).toBe(true);
    expect(lock.hasLock()).toBe(true);
    lock.releaseLock();
    expect(lock.hasLock()).toBe(false);
  });

  test('with contention tryLock waits its timeout and returns false; waitLock throws the real message', () => {
    const env = newEnv({ lockContention: true });
    const { LockService } = gas(env);
    const before = env.modelledMs();
    expect(LockService.getScriptLock().tryLock(5000)).toBe(false);
    expect(env.modelledMs() - before).toBeCloseTo(5000 + COST.LOCK_CALL_MS + COST.OTHER_CALL_MS, 6);
    expect(() => LockService.getDocumentLock().waitLock(1000)).toThrow(LOCK_TIMEOUT_MESSAGE);
  });

  test('contention as a function of the attempt: held for the first two attempts, then free', () => {
    const env = newEnv({ lockContention: (attempt) => attempt <= 2 });
    const lock = () => gas(env).LockService.getScriptLock();
    expect([lock().tryLock(100), lock().tryLock(100), lock().tryLock(100)]).toEqual([false, false, true]);
  });

  test('locks held by an execution are released when it ends', () => {
    const env = newEnv();
    gas(env).LockService.getScriptLock().tryLock(0);
    env.newExecution();
    expect(gas(env).LockService.getScriptLock().hasLock()).toBe(false);
  });

  test('an overlapping execution (a doPost during a fetch) finds the lock held by the running one', () => {
    const seen: Array<[boolean, string, number]> = [];
    let env!: ReturnType<typeof newEnv>;
    const fetch = () => {
      // Midtrans notifies while the generation run is waiting for its answer.
      env.concurrently(() => {
        const got = gas(env).LockService.getScriptLock().tryLock(3000);
        seen.push([got, env.context, env.calls.total]);
      });
      return { status: 200, headers: {}, body: '{}' };
    };
    env = newEnv({ fetch });
    const { LockService, UrlFetchApp } = gas(env);
    const lock = LockService.getScriptLock();
    lock.tryLock(0);
    const before = env.calls.total;
    UrlFetchApp.fetch('https://x.example/create');
    lock.releaseLock();
    UrlFetchApp.fetch('https://x.example/create');
    expect(seen).toEqual([
      [false, 'webapp', 2],
      [true, 'webapp', 2],
    ]);
    expect(env.calls.total).toBe(before + 3); // the overlapping executions' calls are their own
    expect(env.history.map((h) => h.calls.total)).toEqual([2, 2]);
    expect(lock.hasLock()).toBe(false);
  });

  test('a standalone script has no document lock (null)', () => {
    expect(gas(newEnv({ bound: false })).LockService.getDocumentLock()).toBeNull();
  });
});

describe('Utilities', () => {
  const u = () => gas(newEnv()).Utilities;

  test('computeDigest SHA-512 returns signed bytes equal to node:crypto bytes read as signed ints', () => {
    const input = 'INV-1-1732500000000200150000.00SB-Mid-server-é';
    const bytes = u().computeDigest(u().DigestAlgorithm.SHA_512, input, u().Charset.UTF_8);
    const expected = [...createHash('sha512').update(input, 'utf8').digest()].map((b) => (b > 127 ? b - 256 : b));
    expect(bytes).toEqual(expected);
    expect(Math.min(...bytes)).toBeLessThan(0);
    expect(bytes.every((b) => b >= -128 && b <= 127)).toBe(true);
    // The usual hex pitfall: without zero-padding, bytes below 16 lose a digit.
    const hex = bytes.map((b) => (b & 0xff).toString(16).padStart(2, '0')).join('');
    expect(hex).toBe(createHash('sha512').update(input, 'utf8').digest('hex'));
  });

  test('computeDigest also takes a signed byte array; HMAC-SHA256 matches node:crypto', () => {
    const util = u();
    const asSigned = [...Buffer.from('abc')];
    expect(util.computeDigest(util.DigestAlgorithm.SHA_256, asSigned)).toEqual(
      [...createHash('sha256').update('abc').digest()].map((b) => (b > 127 ? b - 256 : b)),
    );
    expect(util.computeHmacSha256Signature('body', 'key')).toEqual(
      [...createHmac('sha256', 'key').update('body').digest()].map((b) => (b > 127 ? b - 256 : b)),
    );
  });

  test('base64Encode takes strings (UTF-8) and signed byte arrays', () => {
    const util = u();
    expect(util.base64Encode('SB-Mid-server-abc123cde456:')).toBe('U0ItTWlkLXNlcnZlci1hYmMxMjNjZGU0NTY6');
    expect(util.base64Encode([-61, -87])).toBe(Buffer.from('é').toString('base64'));
    expect(util.base64Decode(util.base64Encode('é'))).toEqual([-61, -87]);
  });

  test('getUuid is a v4 UUID, deterministic with a seed', () => {
    const a = gas(newEnv({ seed: 7 })).Utilities;
    const b = gas(newEnv({ seed: 7 })).Utilities;
    const first = a.getUuid();
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(b.getUuid()).toBe(first);
    expect(a.getUuid()).not.toBe(first);
  });

  test('sleep moves the emulated clock and the modelled time; over 5 minutes is refused', () => {
    const env = newEnv();
    const t0 = env.now();
    gas(env).Utilities.sleep(1500);
    expect(env.now() - t0).toBe(1500 + COST.OTHER_CALL_MS);
    expect(() => gas(env).Utilities.sleep(300001)).toThrow('Invalid argument: milliseconds');
  });

  test('formatDate uses Java SimpleDateFormat patterns in the given zone', () => {
    const d = new Date(Date.UTC(2026, 0, 5, 20, 4, 5));
    expect(u().formatDate(d, 'Asia/Jakarta', "yyyy-MM-dd'T'HH:mm:ssXXX")).toBe('2026-01-06T03:04:05+07:00');
    expect(u().formatDate(d, 'UTC', 'yyyy-MM-dd HH:mm:ss Z')).toBe('2026-01-05 20:04:05 +0000');
    expect(u().formatDate(d, 'Asia/Jakarta', 'd MMM yyyy, h:mm a')).toBe('6 Jan 2026, 3:04 AM');
  });
});

describe('ContentService and HtmlService', () => {
  test('createTextOutput carries content and a JSON MIME type', () => {
    const { ContentService } = gas(newEnv());
    const out = ContentService.createTextOutput(JSON.stringify({ ok: true })).setMimeType(ContentService.MimeType.JSON);
    expect((out as unknown as EmuTextOutput).snapshot()).toEqual({ content: '{"ok":true}', mimeType: 'JSON' });
  });

  test('createHtmlOutputFromFile reads the directory it was given; templates escape <?= ?> and not <?!= ?>', () => {
    const dir = testTempDir('gas-html-');
    fs.writeFileSync(path.join(dir, 'Settings.html'), '<h1>Settings</h1>');
    fs.writeFileSync(path.join(dir, 'T.html'), '<p><?= name ?></p><? for (var i = 0; i < 2; i++) { ?>*<? } ?><?!= raw ?>');
    const env = newEnv({ htmlDir: dir });
    const { HtmlService, SpreadsheetApp } = gas(env);
    const page = HtmlService.createHtmlOutputFromFile('Settings').setTitle('Midtrans').setWidth(320);
    SpreadsheetApp.getUi().showSidebar(page);
    expect(env.ui.sidebars).toEqual([{ title: 'Midtrans', width: 320, content: '<h1>Settings</h1>' }]);
    const t = HtmlService.createTemplateFromFile('T') as unknown as Record<string, unknown> & GoogleAppsScript.HTML.HtmlTemplate;
    t.name = '<b>&';
    t.raw = '<i>ok</i>';
    expect(t.evaluate().getContent()).toBe('<p>&lt;b&gt;&amp;</p>**<i>ok</i>');
    expect(() => HtmlService.createHtmlOutputFromFile('Missing')).toThrow('No HTML file named Missing was found.');
  });
});

describe('ScriptApp, Session, logs', () => {
  test('time triggers: after(ms) and everyMinutes(n) are created, listed and deleted', () => {
    const env = newEnv();
    const { ScriptApp } = gas(env);
    const t = ScriptApp.newTrigger('continueGeneration').timeBased().after(60_000).create();
    ScriptApp.newTrigger('timedRefresh').timeBased().everyMinutes(15).create();
    expect(env.triggers.map((x) => [x.handlerFunction, x.afterMs, x.everyMs, x.dueAt! - x.createdAt])).toEqual([
      ['continueGeneration', 60_000, undefined, 60_000],
      ['timedRefresh', undefined, 900_000, 900_000],
    ]);
    expect(ScriptApp.getProjectTriggers().map((x) => x.getHandlerFunction())).toEqual(['continueGeneration', 'timedRefresh']);
    ScriptApp.deleteTrigger(t);
    expect(ScriptApp.getProjectTriggers()).toHaveLength(1);
    expect(() => ScriptApp.newTrigger('x').timeBased().everyMinutes(7)).toThrow(/must be one of 1, 5, 10, 15 or 30/);
  });

  test('at most 20 triggers; an add-on may not trigger more often than hourly', () => {
    const env = newEnv();
    const { ScriptApp } = gas(env);
    for (let i = 0; i < MAX_TRIGGERS; i++) ScriptApp.newTrigger(`f${i}`).timeBased().everyHours(1).create();
    expect(() => ScriptApp.newTrigger('f').timeBased().everyHours(1).create()).toThrow(TOO_MANY_TRIGGERS);
    const addOn = gas(newEnv({ addOn: true })).ScriptApp;
    expect(() => addOn.newTrigger('f').timeBased().after(60_000).create()).toThrow(ADDON_TRIGGER_FREQUENCY);
    expect(() => addOn.newTrigger('f').timeBased().everyHours(1).create()).not.toThrow();
  });

  test('getService().getUrl() is the web app URL; Session knows the zone and hides anonymous callers', () => {
    const env = newEnv({ webAppUrl: 'https://script.google.com/macros/s/DEPLOYMENT/exec', ownerEmail: 'merchant@example.com' });
    const { ScriptApp, Session } = gas(env);
    expect(ScriptApp.getService().getUrl()).toBe('https://script.google.com/macros/s/DEPLOYMENT/exec');
    expect(Session.getScriptTimeZone()).toBe('Asia/Jakarta');
    expect(Session.getActiveUser().getEmail()).toBe('merchant@example.com');
    env.newExecution({ context: 'webapp' });
    expect(Session.getActiveUser().getEmail()).toBe('');
    expect(Session.getEffectiveUser().getEmail()).toBe('merchant@example.com');
  });

  test('Logger.log (with %s) and console.* are captured in logs', () => {
    const env = newEnv();
    const { Logger, console: c } = gas(env);
    Logger.log('created %s of %s', 3, 10);
    c.warn('retry', { status: 503 });
    c.error(new Error('boom'));
    expect(env.logs).toEqual(['created 3 of 10', 'retry {"status":503}', 'Error: boom']);
    expect(env.logEntries.map((e) => e.level)).toEqual(['Logger', 'warn', 'error']);
  });
});

describe('running due triggers', () => {
  test('a due after() trigger fires once in a trigger execution; a recurring one is rescheduled', () => {
    const env = newEnv();
    const { ScriptApp } = gas(env);
    ScriptApp.newTrigger('continueGeneration').timeBased().after(60_000).create();
    ScriptApp.newTrigger('timedRefresh').timeBased().everyMinutes(5).create();
    const seen: string[] = [];
    const fns = {
      continueGeneration: () => seen.push(`continue:${env.context}`),
      timedRefresh: () => {
        seen.push(`refresh:${env.context}`);
        throw new Error('boom');
      },
    };
    expect(env.runDueTriggers(fns)).toEqual([]);
    env.advanceClock(60_000);
    expect(env.runDueTriggers(fns)).toEqual([{ handler: 'continueGeneration', error: null }]);
    env.advanceClock(240_000);
    expect(env.runDueTriggers(fns)).toEqual([{ handler: 'timedRefresh', error: 'boom' }]);
    env.advanceClock(300_000);
    expect(env.runDueTriggers(fns).map((r) => r.handler)).toEqual(['timedRefresh']);
    expect(seen).toEqual(['continue:trigger', 'refresh:trigger', 'refresh:trigger']);
    expect(env.triggers).toHaveLength(2);
  });
});
