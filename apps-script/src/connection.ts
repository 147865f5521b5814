/** Test connection: the core's probe, sent through Apps Script's fetch. */
import { connectionProbeProblem, connectionProbeRequest, readConnectionProbe } from '@midtrans-pl/core';
import { sendRetrying } from './send-retrying';
import { requireConfig } from './settings';

export function checkConnection(): { ok: boolean; message: string } {
  const config = requireConfig();
  const problem = connectionProbeProblem(config);
  if (problem) return { ok: false, message: problem };
  const [answer] = sendRetrying([connectionProbeRequest(config)]);
  return 'failure' in answer ? readConnectionProbe(config, undefined, answer.failure) : readConnectionProbe(config, answer.status);
}
