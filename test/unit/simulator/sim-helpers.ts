/** Test helpers: requests to a synchronous simulator, written the way a Midtrans client would. */
import { createHash } from 'node:crypto';
import { createSimulator, type SimResponse, type Simulator, type SimulatorOptions } from '../../../tools/simulator';

export const KEY = 'SB-Mid-server-SIMtest123';
export const BASE = 'http://sim.test';
export const T0 = Date.UTC(2026, 10, 27, 3, 0, 0); // 2026-11-27 10:00 GMT+7

/** A clock the test owns; the simulator adds advance() on top. */
export function newSim(extra: Partial<SimulatorOptions> = {}): Simulator {
  return createSimulator({ serverKey: KEY, publicBaseUrl: BASE, now: () => T0, seed: 7, ...extra });
}

/** Basic auth as §1 describes it, built here independently of the core. */
export const basic = (key: string) => `Basic ${Buffer.from(`${key}:`).toString('base64')}`;

export function call(sim: Simulator, method: string, path: string, body?: unknown, key: string | null = KEY): SimResponse & { json: any } {
  const headers: Record<string, string> = { accept: 'application/json', 'content-type': 'application/json' };
  if (key !== null) headers.authorization = basic(key);
  const res = sim.handle({
    method,
    path,
    headers,
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  let parsed: unknown;
  try {
    parsed = JSON.parse(res.body);
  } catch {
    parsed = undefined;
  }
  return { ...res, json: parsed };
}

export function fixedLink(orderId: string, extra: Record<string, unknown> = {}) {
  return {
    transaction_details: { order_id: orderId, gross_amount: 150000 },
    item_details: [{ id: 'tix', name: 'Ticket', price: 75000, quantity: 2 }],
    usage_limit: 1,
    ...extra,
  };
}

/** The reference's signature formula (§5.3), computed here with node:crypto, not with the core. */
export function referenceSignature(body: Record<string, unknown>, key = KEY): string {
  return createHash('sha512').update(`${body.order_id}${body.status_code}${body.gross_amount}${key}`).digest('hex');
}
