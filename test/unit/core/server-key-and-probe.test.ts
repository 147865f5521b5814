/** The core decides what a pasted key is and what the connection probe's answer means; the add-on only shows it. */
import { API_BASE_URLS } from '../../../core/src/contract';
import { classifyKey, serverKeyProblem } from '../../../core/src/server-key';
import { connectionProbeRequest, PROBE_ORDER_ID, readConnectionProbe } from '../../../core/src/connection-probe';

test('classifyKey reads role and environment from the dashboard prefixes', () => {
  expect(classifyKey('SB-Mid-server-abc')).toEqual({ role: 'server', environment: 'sandbox' });
  expect(classifyKey('Mid-server-abc')).toEqual({ role: 'server', environment: 'production' });
  expect(classifyKey('SB-Mid-client-abc')).toEqual({ role: 'client', environment: 'sandbox' });
  expect(classifyKey('Mid-client-abc')).toEqual({ role: 'client', environment: 'production' });
  expect(classifyKey('SB-something')).toEqual({ role: 'unknown', environment: 'sandbox' });
  expect(classifyKey('proxy-key')).toEqual({ role: 'unknown', environment: undefined });
});

test('serverKeyProblem refuses client keys always, and a key of the other environment unless a custom base URL is set', () => {
  expect(serverKeyProblem('Mid-client-abc', 'production', true)).toMatch(/client key/);
  expect(serverKeyProblem('SB-Mid-server- abc', 'sandbox', false)).toMatch(/spaces/);
  expect(serverKeyProblem('SB-Mid-server-abc', 'production', false)).toMatch(/sandbox key/);
  expect(serverKeyProblem('Mid-server-abc', 'sandbox', false)).toMatch(/production key/);
  expect(serverKeyProblem('SB-Mid-server-abc', 'production', true)).toBeUndefined();
  expect(serverKeyProblem('SB-Mid-server-abc', 'sandbox', false)).toBeUndefined();
  expect(serverKeyProblem('Mid-server-abc', 'production', false)).toBeUndefined();
  expect(serverKeyProblem('local-simulator-key', 'sandbox', false)).toBeUndefined();
});

test('the probe is one GET of a link that cannot exist, on the configured environment', () => {
  const req = connectionProbeRequest({ serverKey: 'SB-Mid-server-abc', environment: 'production' });
  expect(req.method).toBe('GET');
  expect(req.url).toBe(`${API_BASE_URLS.production}/v1/payment-links/${PROBE_ORDER_ID}`);
});

test('readConnectionProbe: 404/200 accept, 401 rejects, anything else or no answer fails, never showing the key', () => {
  const config = { serverKey: 'SB-Mid-server-secret', environment: 'sandbox' as const };
  expect(readConnectionProbe(config, 404)).toMatchObject({
    ok: true,
    reason: 'accepted',
    message: 'Connected to Midtrans sandbox: the server key was accepted.',
  });
  expect(readConnectionProbe(config, 200).ok).toBe(true);
  expect(readConnectionProbe(config, 401)).toMatchObject({
    ok: false,
    reason: 'rejected',
    message: expect.stringMatching(/rejected the server key \(401\)/),
  });
  expect(readConnectionProbe(config, 503).message).toMatch(/HTTP 503/);
  const down = readConnectionProbe({ ...config, baseUrl: 'http://localhost:1' }, undefined, 'refused for SB-Mid-server-secret');
  expect(down.ok).toBe(false);
  expect(down.message).toMatch(/^Could not reach http:\/\/localhost:1/);
  expect(down.message).not.toContain('SB-Mid-server-secret');
  expect(down.reason).toBe('unreachable');
  expect(down.failure).not.toContain('SB-Mid-server-secret');
});
