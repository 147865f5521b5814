/** Workflows the suites import, besides the shipped examples in n8n-node/examples. */
import * as fs from 'fs';
import * as path from 'path';
import type { WorkflowJson } from './harness/n8n-client';
import { REPO_ROOT } from './harness/install-package';

export function example(file: string): WorkflowJson {
  return JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'n8n-node', 'examples', file), 'utf8')) as WorkflowJson;
}

const credentials = { midtransApi: { id: 'set-on-import', name: 'Midtrans' } };

/** POST {order_id, amount} → create → get → deactivate; answers with the last node's output. */
export function linkLifecycleWorkflow(): WorkflowJson {
  const node = (name: string, x: number, parameters: Record<string, unknown>) => ({
    name,
    type: 'n8n-nodes-midtrans.midtrans',
    typeVersion: 1,
    position: [x, 0] as [number, number],
    parameters: { resource: 'paymentLink', ...parameters },
    credentials,
  });
  return {
    name: 'e2e: payment link lifecycle',
    nodes: [
      {
        name: 'Order',
        type: 'n8n-nodes-base.webhook',
        typeVersion: 2,
        position: [0, 0],
        webhookId: '0f4d8a7e-6c1b-4e2a-9d3f-5b7c9e1a3d01',
        parameters: { httpMethod: 'POST', path: 'e2e-lifecycle', responseMode: 'lastNode', options: {} },
      },
      node('Create', 200, {
        operation: 'create',
        orderId: '={{ $json.body.order_id }}',
        amountType: 'fixed',
        amount: '={{ $json.body.amount }}',
        title: 'e2e lifecycle',
        onExistingOrderId: 'fail',
      }),
      node('Get', 400, { operation: 'get', orderId: '={{ $json.order_id }}' }),
      node('Deactivate', 600, { operation: 'deactivate', orderId: "={{ $('Create').item.json.order_id }}" }),
    ],
    connections: {
      Order: { main: [[{ node: 'Create', type: 'main', index: 0 }]] },
      Create: { main: [[{ node: 'Get', type: 'main', index: 0 }]] },
      Get: { main: [[{ node: 'Deactivate', type: 'main', index: 0 }]] },
    },
  };
}

/** POST {id, amount, refund_key} → Midtrans ▸ Transaction ▸ Refund; answers with the node's output. */
export function refundWorkflow(): WorkflowJson {
  return {
    name: 'e2e: refund',
    nodes: [
      {
        name: 'Refund request',
        type: 'n8n-nodes-base.webhook',
        typeVersion: 2,
        position: [0, 0],
        webhookId: '5d1e7b3a-2c4f-4a6b-8e9d-0f1a2b3c4d71',
        parameters: { httpMethod: 'POST', path: 'e2e-refund', responseMode: 'lastNode', options: {} },
      },
      {
        name: 'Refund',
        type: 'n8n-nodes-midtrans.midtrans',
        typeVersion: 1,
        position: [200, 0],
        parameters: {
          resource: 'transaction',
          operation: 'refund',
          transactionId: '={{ $json.body.id }}',
          amount: '={{ $json.body.amount }}',
          refundKey: '={{ $json.body.refund_key }}',
          reason: 'e2e refund',
          route: 'auto',
        },
        credentials,
      },
    ],
    connections: { 'Refund request': { main: [[{ node: 'Refund', type: 'main', index: 0 }]] } },
  };
}

/** Midtrans Trigger alone, so the suite reads the item the trigger emits. */
export function triggerOnlyWorkflow(webhookId: string): WorkflowJson {
  return {
    name: 'e2e: Midtrans Trigger',
    nodes: [
      {
        name: 'Midtrans Trigger',
        type: 'n8n-nodes-midtrans.midtransTrigger',
        typeVersion: 1,
        position: [0, 0],
        webhookId,
        parameters: { events: ['*'], options: {} },
        credentials,
      },
    ],
    connections: {},
  };
}

/** The output items of `node` in an execution's run data. */
export function outputOf(
  execution: {
    data?: { resultData: { runData: Record<string, Array<{ data?: { main: Array<Array<{ json: Record<string, unknown> }> | null> } }>> } };
  },
  node: string,
): Record<string, unknown>[] {
  const runs = execution.data?.resultData.runData[node] ?? [];
  return runs.flatMap((r) => (r.data?.main[0] ?? []).map((i) => i.json));
}
