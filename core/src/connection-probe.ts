/**
 * Test connection: one GET of a payment link that cannot exist. 404 (or 200) proves Midtrans accepted
 * the key; 401 says it did not. Nothing is created, so the probe is safe in production.
 */
import { getLinkRequest, redactSecret, type MidtransConfig } from './api-calls';
import { baseUrlUseIssue, baseUrlUseProblem, type BaseUrlIssue } from './base-url-policy';
import type { HttpRequest } from './ports';

export const PROBE_ORDER_ID = 'midtrans-sheets-connection-test';

export function connectionProbeRequest(config: MidtransConfig): HttpRequest {
  return getLinkRequest(config, PROBE_ORDER_ID);
}

/** Why the probe must not be sent with these settings (base-url-policy.ts): the key would leave Midtrans. */
export function connectionProbeProblem(config: MidtransConfig): string | undefined {
  return baseUrlUseProblem(config.baseUrl, config.environment ?? 'sandbox');
}

/** The same, as a code for a front end's own words. */
export function connectionProbeIssue(config: MidtransConfig): BaseUrlIssue | undefined {
  return baseUrlUseIssue(config.baseUrl, config.environment ?? 'sandbox');
}

export interface ProbeVerdict {
  ok: boolean;
  /** English. */
  message: string;
  /** The same verdict as a code and values, for a front end's own words. */
  reason: 'unreachable' | 'accepted' | 'rejected' | 'http';
  /** The base URL override, or '' for Midtrans's own address in `environment`. */
  where: string;
  environment: string;
  status?: number;
  failure?: string;
}

/** `status` is the probe's HTTP status, or undefined when nothing answered (then `failure` says why). */
export function readConnectionProbe(config: MidtransConfig, status: number | undefined, failure?: string): ProbeVerdict {
  const environment = config.environment ?? 'sandbox';
  const where = config.baseUrl ? config.baseUrl : `Midtrans ${environment}`;
  const base = { where: config.baseUrl ?? '', environment, status };
  if (status === undefined) {
    const why = redactSecret(failure ?? 'no answer', config.serverKey);
    return { ...base, ok: false, reason: 'unreachable', failure: why, message: `Could not reach ${where}: ${why}` };
  }
  if (status === 404 || status === 200)
    return { ...base, ok: true, reason: 'accepted', message: `Connected to ${where}: the server key was accepted.` };
  if (status === 401)
    return {
      ...base,
      ok: false,
      reason: 'rejected',
      message: `${where} rejected the server key (401). Check that it is the server key of the ${environment} environment.`,
    };
  return { ...base, ok: false, reason: 'http', message: `${where} answered HTTP ${status}; try again in a minute.` };
}
