/** Test connection: the core's probe, sent through Apps Script's fetch. */
import { connectionProbeProblem, connectionProbeRequest, readConnectionProbe } from '@midtrans-pl/core';
import { sendAll } from './adapters';
import { requireConfig } from './settings';

export function checkConnection(): { ok: boolean; message: string } {
  const config = requireConfig();
  const problem = connectionProbeProblem(config);
  if (problem) return { ok: false, message: problem };
  const sent = sendAll([connectionProbeRequest(config)]);
  return readConnectionProbe(config, sent.responses?.[0]?.status, sent.failure);
}
