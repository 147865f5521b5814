/**
 * Adapts the Midtrans simulator (tools/simulator, interface in tools/simulator/types.ts) to the
 * emulator's synchronous `fetch`: any host is routed to the simulator's handler; the path keeps its query.
 */
import type { SimRequest, SimResponse } from '../simulator';
import type { FetchFn, FetchRequest, FetchResult } from './url-fetch';

export interface SimulatorLike {
  handle(req: SimRequest): SimResponse;
}

export function toSimRequest(req: FetchRequest): SimRequest {
  const m = /^https?:\/\/[^/?#]+([^#]*)/i.exec(req.url);
  const path = m && m[1] ? (m[1].startsWith('/') ? m[1] : `/${m[1]}`) : '/';
  const out: SimRequest = { method: req.method.toUpperCase(), path, headers: { ...req.headers } };
  if (req.payload !== undefined) out.body = req.payload;
  return out;
}

export function simulatorFetch(simulator: SimulatorLike): FetchFn {
  return (req: FetchRequest): FetchResult => {
    const res = simulator.handle(toSimRequest(req));
    if (res.timedOut) return { timedOut: true };
    return { status: res.status, headers: { ...res.headers }, body: res.body, latencyMs: res.latencyMs };
  };
}
