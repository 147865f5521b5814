/**
 * The playground stack used by the suites, `npm start` and the trigger benchmark: the Midtrans
 * simulator on loopback and a real n8n with our package and a `midtransApi` credential that points at
 * the simulator (or at the real Midtrans sandbox when a server key is given for it).
 */
import { startSimulatorServer, type SimulatorServer } from '../../../tools/simulator';
import { type N8nInstance, startN8n, type StartN8nOptions } from './start-n8n';

export const MIDTRANS_NODE_TYPES = [
  { name: 'n8n-nodes-midtrans.midtrans', version: 1 },
  { name: 'n8n-nodes-midtrans.midtransTrigger', version: 1 },
];

export interface Stack {
  sim: SimulatorServer | null;
  n8n: N8nInstance;
  serverKey: string;
  credential: { id: string; name: string };
  stop(): Promise<void>;
}

export interface StackOptions extends Omit<StartN8nOptions, 'expectNodeTypes'> {
  packageTarball: string;
  serverKey?: string;
  /** Real Midtrans sandbox instead of the simulator (npm start with MIDTRANS_SERVER_KEY). */
  realSandbox?: boolean;
  /** Simulator notification retry delays are multiplied by this (default 0.01: seconds become tens of ms). */
  timeScale?: number;
  simulatorPort?: number;
  credentialName?: string;
}

export async function startStack(opts: StackOptions): Promise<Stack> {
  const serverKey = opts.serverKey ?? 'SB-Mid-server-e2e-local-key';
  const sim = opts.realSandbox
    ? null
    : await startSimulatorServer({
        port: opts.simulatorPort ?? 0,
        serverKey,
        timeScale: opts.timeScale ?? 0.01,
        seed: 7,
        // Retry delays are scaled down, but not the wait for n8n's answer: on a busy machine n8n can take
        // over a second to acknowledge, and a scaled-down timeout would make the simulator redeliver.
        notificationTimeoutMs: 15000,
      });
  let n8n: N8nInstance | null = null;
  try {
    n8n = await startN8n({ ...opts, expectNodeTypes: MIDTRANS_NODE_TYPES });
    const credential = await n8n.createCredential({
      name: opts.credentialName ?? (sim ? 'Midtrans (local simulator)' : 'Midtrans sandbox'),
      type: 'midtransApi',
      data: { serverKey, environment: 'sandbox', baseUrl: sim ? sim.url : '' },
    });
    const started = n8n;
    return {
      sim,
      n8n: started,
      serverKey,
      credential,
      async stop() {
        await started.stop();
        await sim?.close();
      },
    };
  } catch (err) {
    await n8n?.stop();
    await sim?.close();
    throw err;
  }
}

export function tarballFromEnv(): string {
  const t = process.env.MIDTRANS_PL_E2E_TARBALL;
  if (!t) throw new Error('MIDTRANS_PL_E2E_TARBALL is not set: run the e2e suites with `npm run test:e2e`');
  return t;
}
