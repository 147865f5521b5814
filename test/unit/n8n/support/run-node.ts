import type { ICredentialDataDecryptedObject, IDataObject, INodeExecutionData } from 'n8n-workflow';
import { Midtrans } from '../../../../n8n-node/nodes/Midtrans/Midtrans.node';
import { fakeExecuteFunctions } from './fake-n8n';

export interface NodeRun {
  items: INodeExecutionData[];
  error?: Error & { httpCode?: string | null; description?: string | null; context?: IDataObject };
  httpCalls: number;
}

/** Runs the Midtrans action node once over `items` (one parameter set per input item). */
export async function runMidtrans(
  credentials: ICredentialDataDecryptedObject,
  items: IDataObject[],
  continueOnFail = false,
): Promise<NodeRun> {
  const node = new Midtrans();
  const { context, http } = fakeExecuteFunctions({ description: node.description, credentials, items, continueOnFail });
  try {
    const [out] = await node.execute.call(context);
    return { items: out, httpCalls: http.calls };
  } catch (error) {
    return { items: [], error: error as NodeRun['error'], httpCalls: http.calls };
  }
}

/** Everything a run produced, as text, to prove the server key appears nowhere in it. */
export function everythingIn(run: NodeRun): string {
  const e = run.error;
  const error = e ? [e.message, e.description ?? '', JSON.stringify(e.context ?? {}), e.stack ?? '', JSON.stringify(e)].join('\n') : '';
  return JSON.stringify(run.items) + error;
}
