/// <reference types="google-apps-script" />
/** UrlFetchApp: muteHttpExceptions semantics, timeouts, fetchAll, request shaping, the simulator adapter. */
import {
  COST,
  FETCHALL_MODELS,
  fetchAllMs,
  fetchAllTailMs,
  fetchRoundTripMs,
  simulatorFetch,
  TRUNCATE_RESPONSE_AT,
} from '../../../tools/apps-script-emulator';
import { createSimulator } from '../../../tools/simulator';
import { gas, newEnv, scriptedFetch } from './helpers';

const server = scriptedFetch({
  'GET /ok': { status: 200, body: '{"ok":true}', headers: { 'content-type': 'application/json', 'x-request-id': 'r1' } },
  'POST /v1/payment-links': { status: 401, body: JSON.stringify({ error_messages: ['Unauthorized. ' + 'x'.repeat(200)] }) },
  'GET /slow': 'timeout',
});

test('a 4xx without muteHttpExceptions throws "Request failed for <origin> returned code N" with a truncated body', () => {
  const env = newEnv({ fetch: server });
  const { UrlFetchApp } = gas(env);
  let message = '';
  try {
    UrlFetchApp.fetch('https://api.sandbox.midtrans.com/v1/payment-links', { method: 'post', payload: '{}' });
  } catch (e) {
    message = (e as Error).message;
  }
  expect(message).toMatch(
    /^Request failed for https:\/\/api\.sandbox\.midtrans\.com returned code 401\. Truncated server response: \{"error_messages"/,
  );
  expect(message).toMatch(/\.\.\. \(use muteHttpExceptions option to examine full response\)$/);
  const shown = message.slice(message.indexOf('response: ') + 10, message.indexOf('... (use'));
  expect(shown).toHaveLength(TRUNCATE_RESPONSE_AT);
});

test('with muteHttpExceptions the 4xx comes back as a response with the full body', () => {
  const env = newEnv({ fetch: server });
  const r = gas(env).UrlFetchApp.fetch('https://api.sandbox.midtrans.com/v1/payment-links', {
    method: 'post',
    payload: '{}',
    muteHttpExceptions: true,
  });
  expect(r.getResponseCode()).toBe(401);
  expect(JSON.parse(r.getContentText()).error_messages[0]).toHaveLength(214);
});

test('a timeout throws even with muteHttpExceptions, and costs the timeout in modelled time', () => {
  const env = newEnv({ fetch: server });
  expect(() => gas(env).UrlFetchApp.fetch('https://x.example/slow', { muteHttpExceptions: true })).toThrow(
    'Timeout: https://x.example/slow',
  );
  expect(env.modelledMs()).toBe(COST.URLFETCH_TIMEOUT_MS);
});

test('HTTPResponse exposes code, text, headers and signed content bytes', () => {
  const env = newEnv({ fetch: server });
  const r = gas(env).UrlFetchApp.fetch('https://x.example/ok');
  expect(r.getResponseCode()).toBe(200);
  expect(r.getContentText()).toBe('{"ok":true}');
  expect(r.getHeaders()).toEqual({ 'content-type': 'application/json', 'x-request-id': 'r1' });
  expect(r.getAllHeaders()).toEqual(r.getHeaders());
  expect(r.getContent()).toEqual([...Buffer.from('{"ok":true}')]);
});

test('the request carries method, headers (lower-case), contentType and payload as Apps Script sends them', () => {
  const env = newEnv({ fetch: server });
  const { UrlFetchApp } = gas(env);
  UrlFetchApp.fetch('https://x.example/ok', {
    method: 'post',
    contentType: 'application/json',
    payload: '{"a":1}',
    headers: { Authorization: 'Basic abc' },
    muteHttpExceptions: true,
  });
  UrlFetchApp.fetch('https://x.example/ok', { method: 'post', payload: { a: '1 2', b: 'é' }, muteHttpExceptions: true });
  expect(env.fetches[0]).toMatchObject({
    method: 'POST',
    payload: '{"a":1}',
    headers: { authorization: 'Basic abc', 'content-type': 'application/json' },
  });
  expect(env.fetches[1]).toMatchObject({ payload: 'a=1%202&b=%C3%A9', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  expect(() => UrlFetchApp.fetch('ftp://x.example/')).toThrow('Invalid argument: ftp://x.example/');
  expect(() => UrlFetchApp.fetch(`https://x.example/${'a'.repeat(2100)}`)).toThrow('Limit Exceeded: URLFetch URL Length.');
});

test('fetchAll answers in request order, counts one round trip and k requests, and throws on an unmuted failure', () => {
  const env = newEnv({ fetch: server });
  const { UrlFetchApp } = gas(env);
  const rs = UrlFetchApp.fetchAll([
    { url: 'https://x.example/ok' },
    { url: 'https://api.sandbox.midtrans.com/v1/payment-links', method: 'post', payload: '{}', muteHttpExceptions: true },
    'https://x.example/ok',
  ]);
  expect(rs.map((r) => r.getResponseCode())).toEqual([200, 401, 200]);
  expect(env.calls.fetchRoundTrips).toBe(1);
  expect(env.calls.fetchRequests).toBe(3);
  expect(env.calls.byMethod['UrlFetchApp.fetchAll']).toBe(1);
  expect(() => UrlFetchApp.fetchAll([{ url: 'https://x.example/ok' }, { url: 'https://x.example/missing' }])).toThrow(/returned code 404/);
  expect(() =>
    UrlFetchApp.fetchAll([
      { url: 'https://x.example/ok', muteHttpExceptions: true },
      { url: 'https://x.example/slow', muteHttpExceptions: true },
    ]),
  ).toThrow('Timeout');
});

test('fetch is priced as one round trip, fetchAll of k as one round trip + c·(k−1) + the slowest-of-k tail', () => {
  const env = newEnv({ fetch: server });
  const { UrlFetchApp } = gas(env);
  UrlFetchApp.fetch('https://x.example/ok');
  expect(env.modelledMs()).toBeCloseTo(fetchRoundTripMs(), 6);
  env.newExecution();
  UrlFetchApp.fetchAll(Array.from({ length: 10 }, () => 'https://x.example/ok'));
  const c = FETCHALL_MODELS.central;
  // H(10) − 1 = 1/2 + … + 1/10 ≈ 1.929
  expect(env.modelledMs()).toBeCloseTo(fetchRoundTripMs() + 9 * c.perExtraRequestMs.value + 1.928968 * c.answerJitterMs.value, 3);
  expect(fetchAllMs(10)).toBeLessThan((10 * fetchRoundTripMs()) / 4);
  expect(fetchAllMs(1)).toBeCloseTo(fetchRoundTripMs(), 9);
});

test('the fetchAll constant set is chosen per environment: the pessimistic set prices the same call higher', () => {
  const urls = Array.from({ length: 100 }, () => 'https://x.example/ok');
  const central = newEnv({ fetch: server });
  gas(central).UrlFetchApp.fetchAll(urls);
  const pessimistic = newEnv({ fetch: server, fetchAllModel: 'pessimistic' });
  gas(pessimistic).UrlFetchApp.fetchAll(urls);
  const optimistic = newEnv({ fetch: server, fetchAllModel: 'optimistic' });
  gas(optimistic).UrlFetchApp.fetchAll(urls);
  expect(central.modelledMs()).toBeCloseTo(fetchAllMs(100, FETCHALL_MODELS.central), 6);
  expect(pessimistic.modelledMs()).toBeCloseTo(fetchAllMs(100, FETCHALL_MODELS.pessimistic), 6);
  expect(optimistic.modelledMs()).toBeLessThan(central.modelledMs());
  expect(central.modelledMs()).toBeLessThan(pessimistic.modelledMs());
  // c = 100 ms: 99 extra requests add ~9.9 s over one round trip, plus the tail.
  expect(pessimistic.modelledMs() - fetchRoundTripMs()).toBeCloseTo(9900 + fetchAllTailMs(100, FETCHALL_MODELS.pessimistic), 6);
});

test('simulatorFetch routes any host to the simulator with path, query, lower-case headers and body', () => {
  const serverKey = 'SB-Mid-server-emulatortest';
  let env: ReturnType<typeof newEnv> | undefined;
  const sim = createSimulator({ serverKey, publicBaseUrl: 'https://pay.sim.example', now: () => env!.now() });
  env = newEnv({ fetch: simulatorFetch(sim) });
  const { UrlFetchApp, Utilities } = gas(env);
  const auth = { Authorization: `Basic ${Utilities.base64Encode(`${serverKey}:`)}` };
  const created = UrlFetchApp.fetch('https://api.sandbox.midtrans.com/v1/payment-links', {
    method: 'post',
    contentType: 'application/json',
    headers: auth,
    payload: JSON.stringify({ transaction_details: { order_id: 'INV-EMU-1', gross_amount: 10000 } }),
    muteHttpExceptions: true,
  });
  expect(created.getResponseCode()).toBe(200);
  expect(JSON.parse(created.getContentText()).payment_url).toMatch(/^https:\/\/pay\.sim\.example\//);
  const again = UrlFetchApp.fetch('https://api.sandbox.midtrans.com/v1/payment-links', {
    method: 'post',
    contentType: 'application/json',
    headers: auth,
    payload: JSON.stringify({ transaction_details: { order_id: 'INV-EMU-1', gross_amount: 10000 } }),
    muteHttpExceptions: true,
  });
  expect(again.getResponseCode()).toBe(409);
  const got = UrlFetchApp.fetch('https://api.sandbox.midtrans.com/v1/payment-links/INV-EMU-1', { headers: auth, muteHttpExceptions: true });
  expect(got.getResponseCode()).toBe(200);
  expect(() => UrlFetchApp.fetch('https://api.sandbox.midtrans.com/v1/payment-links/INV-EMU-1')).toThrow(/returned code 401/);
  expect(sim.stats().createCallsByOrderId['INV-EMU-1']).toBe(2);
});

test('injected server latency is added to the modelled time; fetchAll pays only the slowest request', () => {
  const slow: Parameters<typeof newEnv>[0] = {
    fetch: (req) => ({ status: 200, headers: {}, body: 'ok', latencyMs: req.url.endsWith('/a') ? 2000 : 500 }),
  };
  const env = newEnv(slow);
  gas(env).UrlFetchApp.fetch('https://x.example/a');
  expect(env.modelledMs()).toBeCloseTo(fetchRoundTripMs() + 2000, 6);
  env.newExecution();
  gas(env).UrlFetchApp.fetchAll(['https://x.example/a', 'https://x.example/b']);
  expect(env.modelledMs()).toBeCloseTo(fetchAllMs(2) + 2000, 6);
});

test('the daily URL Fetch quota counts every request of fetchAll and refuses past it', () => {
  const env = newEnv({ fetch: server, dailyQuota: { urlfetch: 5 } });
  const { UrlFetchApp } = gas(env);
  UrlFetchApp.fetchAll(['https://x.example/ok', 'https://x.example/ok', 'https://x.example/ok']);
  UrlFetchApp.fetch('https://x.example/ok');
  expect(() => UrlFetchApp.fetchAll(['https://x.example/ok', 'https://x.example/ok'])).toThrow(
    'Service invoked too many times for one day: urlfetch.',
  );
  expect(env.quotaUsage()).toEqual({ urlfetch: 4 });
  env.newDay();
  expect(() => UrlFetchApp.fetch('https://x.example/ok')).not.toThrow();
});
