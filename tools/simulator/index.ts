/** The Midtrans simulator: see docs/contributing.md "Simulator". */
export * from './types';
export type { RateLimitOptions } from './rate-limit';
export { createSimulator } from './simulator';
export { SimulatorError } from './purchase-actions';
export { PENDING_PURCHASE_TTL_MS } from './link-state';
export { simRequestOf, startSimulatorServer, type SimulatorServer, type SimulatorServerOptions } from './server';
export { Notifier, type NotifierOptions } from './notifier';
export { RETRY_SCHEDULE_MS, retriesFor } from './retry-policy';
