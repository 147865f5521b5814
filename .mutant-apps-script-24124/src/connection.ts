/** Test connection: one GET for an order id that cannot exist; 404 proves the key was accepted. */
import { getLinkRequest, redactSecret } from '@midtrans-pl/core';
import { sendAll } from './adapters';
import { requireConfig } from './settings';

const PROBE_ORDER_ID = 'midtrans-sheets-connection-test';

export function checkConnection(): { ok: boolean; message: string } {
  const config = requireConfig();
  const where = config.baseUrl ? config.baseUrl : `Midtrans ${config.environment ?? 'sandbox'}`;
  const sent = sendAll([getLinkRequest(config, PROBE_ORDER_ID)]);
  const res = sent.responses?.[0];
  if (!res) return { ok: false, message: `Could not reach ${where}: ${redactSecret(sent.failure ?? 'no answer', config.serverKey)}` };
  if (res.status === 404 || res.status === 200) return { ok: true, message: `Connected to ${where}: the server key was accepted.` };
  if (res.status === 401) return { ok: false, message: `${where} rejected the server key (401). Check that it is the server key of the ${config.environment ?? 'sandbox'} environment.` };
  return { ok: false, message: `${where} answered HTTP ${res.status}; try again in a minute.` };
}
