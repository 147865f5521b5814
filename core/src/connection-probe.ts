/**
 * Test connection: one GET of a payment link that cannot exist. 404 (or 200) proves Midtrans accepted
 * the key; 401 says it did not. Nothing is created, so the probe is safe in production.
 */
import { getLinkRequest, redactSecret, type MidtransConfig } from './api-calls';
import { baseUrlUseProblem } from './base-url-policy';
import type { HttpRequest } from './ports';

export const PROBE_ORDER_ID = 'midtrans-sheets-connection-test';

export function connectionProbeRequest(config: MidtransConfig): HttpRequest {
  return getLinkRequest(config, PROBE_ORDER_ID);
}

/** Why the probe must not be sent with these settings (base-url-policy.ts): the key would leave Midtrans. */
export function connectionProbeProblem(config: MidtransConfig): string | undefined {
  return baseUrlUseProblem(config.baseUrl, config.environment ?? 'sandbox');
}

export interface ProbeVerdict {
  ok: boolean;
  message: string;
}

/** `status` is the probe's HTTP status, or undefined when nothing answered (then `failure` says why). */
export function readConnectionProbe(
  config: MidtransConfig,
  status: number | undefined,
  failure?: string,
): ProbeVerdict {
  const environment = config.environment ?? 'sandbox';
  const where = config.baseUrl ? config.baseUrl : `Midtrans ${environment}`;
  if (status === undefined)
    return {
      ok: false,
      message: `Could not reach ${where}: ${redactSecret(failure ?? 'no answer', config.serverKey)}`,
    };
  if (status === 404 || status === 200)
    return { ok: true, message: `Connected to ${where}: the server key was accepted.` };
  if (status === 401)
    return {
      ok: false,
      message: `${where} rejected the server key (401). Check that it is the server key of the ${environment} environment.`,
    };
  return { ok: false, message: `${where} answered HTTP ${status}; try again in a minute.` };
}
