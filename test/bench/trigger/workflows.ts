/**
 * The two workflows the trigger benchmark compares, each ending in a node that holds the verified
 * notification: (a) our Midtrans Trigger; (b) the baseline a user builds from n8n's own nodes:
 * Webhook (answers at once) → Crypto SHA-512 of order_id + status_code + gross_amount + server key →
 * IF the hash equals signature_key. The baseline must carry the server key inside the workflow (the
 * Crypto node has no credential for it), and its Webhook answers 200 and starts an execution for
 * anything, forged or not: only the IF drops a forgery, after the execution exists.
 */
import type { WorkflowJson } from '../../e2e/harness/n8n-client';

export const OURS_WEBHOOK_ID = '5b0e7a1c-2d3f-4a5b-8c6d-7e8f9a0b1c21';
export const BASELINE_PATH = 'bench-baseline-midtrans';
export const VERIFY_PATH = 'bench-verify-midtrans';
export const SAFE_BASELINE_PATH = 'bench-safe-baseline-midtrans';

const verified = (x: number) => ({
  name: 'Verified',
  type: 'n8n-nodes-base.noOp',
  typeVersion: 1,
  position: [x, 0] as [number, number],
  parameters: {},
});

export function oursWorkflow(options: Record<string, unknown> = {}): WorkflowJson {
  return {
    name: 'bench: Midtrans Trigger',
    nodes: [
      {
        name: 'Midtrans Trigger',
        type: 'n8n-nodes-midtrans.midtransTrigger',
        typeVersion: 1,
        position: [0, 0],
        webhookId: OURS_WEBHOOK_ID,
        parameters: { events: ['*'], options },
        credentials: { midtransApi: { id: 'set-on-import', name: 'Midtrans' } },
      },
      verified(300),
    ],
    connections: { 'Midtrans Trigger': { main: [[{ node: 'Verified', type: 'main', index: 0 }]] } },
  };
}

export function baselineWorkflow(
  serverKey: string,
  path = BASELINE_PATH,
  webhookId = '9d1c3b5a-7e6f-4d2c-b1a0-3f4e5d6c7b81',
): WorkflowJson {
  return {
    name: 'bench: baseline (Webhook → Crypto → IF)',
    nodes: [
      {
        name: 'Webhook',
        type: 'n8n-nodes-base.webhook',
        typeVersion: 2,
        position: [0, 0],
        webhookId,
        parameters: { httpMethod: 'POST', path, responseMode: 'onReceived', options: {} },
      },
      {
        name: 'Crypto',
        type: 'n8n-nodes-base.crypto',
        typeVersion: 2,
        position: [200, 0],
        parameters: {
          action: 'hash',
          type: 'SHA512',
          value: `={{ $json.body.order_id + $json.body.status_code + $json.body.gross_amount + ${JSON.stringify(serverKey)} }}`,
          dataPropertyName: 'expected_signature',
          encoding: 'hex',
        },
      },
      {
        name: 'IF signature matches',
        type: 'n8n-nodes-base.if',
        typeVersion: 2,
        position: [400, 0],
        parameters: {
          conditions: {
            options: { caseSensitive: true, leftValue: '', typeValidation: 'strict' },
            conditions: [
              {
                id: '3c1f9e2a-5b7d-4e6f-8a9b-0c1d2e3f4a51',
                leftValue: '={{ $json.expected_signature }}',
                rightValue: '={{ $json.body.signature_key }}',
                operator: { type: 'string', operation: 'equals' },
              },
            ],
            combinator: 'and',
          },
          options: {},
        },
      },
      verified(600),
    ],
    connections: {
      Webhook: { main: [[{ node: 'Crypto', type: 'main', index: 0 }]] },
      Crypto: { main: [[{ node: 'IF signature matches', type: 'main', index: 0 }]] },
      'IF signature matches': { main: [[{ node: 'Verified', type: 'main', index: 0 }], []] },
    },
  };
}

/**
 * (c) n8n's Webhook (answers at once, as the baseline's does) → Midtrans ▸ Notification ▸ Verify (the
 * Trigger's checks, confirmation with the status API on by default) → IF verified. Like the baseline,
 * a forgery starts an execution and is dropped by the IF; unlike it, the key stays in a credential.
 */
export function verifyWorkflow(confirm = true): WorkflowJson {
  return {
    name: 'bench: Webhook → Midtrans Verify → IF',
    nodes: [
      {
        name: 'Webhook',
        type: 'n8n-nodes-base.webhook',
        typeVersion: 2,
        position: [0, 0],
        webhookId: '2e4a6c8e-0b1d-4f3a-9c5e-7a9b1c3d5e91',
        parameters: { httpMethod: 'POST', path: VERIFY_PATH, responseMode: 'onReceived', options: {} },
      },
      {
        name: 'Midtrans Verify',
        type: 'n8n-nodes-midtrans.midtrans',
        typeVersion: 1,
        position: [200, 0],
        parameters: { resource: 'notification', operation: 'verify', notificationBody: '={{ $json.body }}', skipConfirmation: !confirm },
        credentials: { midtransApi: { id: 'set-on-import', name: 'Midtrans' } },
      },
      {
        name: 'IF verified',
        type: 'n8n-nodes-base.if',
        typeVersion: 2,
        position: [400, 0],
        parameters: {
          conditions: {
            options: { caseSensitive: true, leftValue: '', typeValidation: 'strict' },
            conditions: [
              {
                id: '7b9d1f3a-5c7e-4a9b-8d1f-3a5c7e9b1d41',
                leftValue: '={{ $json.verified }}',
                rightValue: true,
                operator: { type: 'boolean', operation: 'true', singleValue: true },
              },
            ],
            combinator: 'and',
          },
          options: {},
        },
      },
      verified(600),
    ],
    connections: {
      Webhook: { main: [[{ node: 'Midtrans Verify', type: 'main', index: 0 }]] },
      'Midtrans Verify': { main: [[{ node: 'IF verified', type: 'main', index: 0 }]] },
      'IF verified': { main: [[{ node: 'Verified', type: 'main', index: 0 }], []] },
    },
  };
}

/**
 * (d) The baseline made as safe as the Trigger by hand: after the signature IF, an HTTP Request asks
 * the status API about the signed order id (GET {base}/v2/{order_id}/status, Basic auth with the key
 * typed into the node) and a second IF passes the notification only when Midtrans reports the same
 * order and status. A hand-built workflow asks about every verified notification; the Trigger asks
 * only about money moves (docs/midtrans-contract.md §5.8).
 */
export function safeBaselineWorkflow(serverKey: string, statusApiBase: string): WorkflowJson {
  const plain = baselineWorkflow(serverKey, SAFE_BASELINE_PATH, '6f2a4c8e-1b3d-4e5f-9a7c-2d4f6b8a0c31');
  const body = "$('Webhook').item.json.body";
  const nodes = plain.nodes.filter((n) => n.name !== 'Verified');
  nodes.push(
    {
      name: 'Ask status API',
      type: 'n8n-nodes-base.httpRequest',
      typeVersion: 4.2,
      position: [600, 0],
      parameters: {
        method: 'GET',
        url: `={{ ${JSON.stringify(`${statusApiBase.replace(/\/+$/, '')}/v2/`)} + encodeURIComponent(${body}.order_id) + '/status' }}`,
        sendHeaders: true,
        headerParameters: {
          parameters: [
            { name: 'Authorization', value: `Basic ${Buffer.from(`${serverKey}:`).toString('base64')}` },
            { name: 'Accept', value: 'application/json' },
          ],
        },
        options: {},
      },
    },
    {
      name: 'IF Midtrans confirms',
      type: 'n8n-nodes-base.if',
      typeVersion: 2,
      position: [800, 0],
      parameters: {
        conditions: {
          options: { caseSensitive: true, leftValue: '', typeValidation: 'strict' },
          conditions: [
            {
              id: '8c2e4a6b-0d1f-4b3c-9e5a-7c9e1b3d5f61',
              leftValue: '={{ $json.order_id }}',
              rightValue: `={{ ${body}.order_id }}`,
              operator: { type: 'string', operation: 'equals' },
            },
            {
              id: '9d3f5b7c-1e2a-4c4d-8f6b-8d0f2c4e6a71',
              leftValue: '={{ $json.transaction_status }}',
              rightValue: `={{ ${body}.transaction_status }}`,
              operator: { type: 'string', operation: 'equals' },
            },
          ],
          combinator: 'and',
        },
        options: {},
      },
    },
    verified(1000),
  );
  return {
    name: 'bench: safe baseline (Webhook → Crypto → IF → HTTP Request status → IF)',
    nodes,
    connections: {
      ...plain.connections,
      'IF signature matches': { main: [[{ node: 'Ask status API', type: 'main', index: 0 }], []] },
      'Ask status API': { main: [[{ node: 'IF Midtrans confirms', type: 'main', index: 0 }]] },
      'IF Midtrans confirms': { main: [[{ node: 'Verified', type: 'main', index: 0 }], []] },
    },
  };
}
