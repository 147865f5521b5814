/**
 * The core must run anywhere: bundled by esbuild and run in a bare vm context (no require, process,
 * Buffer, URL, TextEncoder, crypto, console), every public piece still works.
 */
import { buildSync } from 'esbuild';
import { createHash } from 'crypto';
import path from 'path';
import vm from 'vm';
import { SIGNATURE_VECTORS } from '../../fixtures/reference-request';

const bundle = buildSync({
  entryPoints: [path.join(__dirname, '../../../core/src/index.ts')],
  bundle: true,
  write: false,
  format: 'iife',
  globalName: 'Core',
  platform: 'neutral',
  target: 'es2019',
}).outputFiles[0].text;

function loadBare() {
  const context = vm.createContext(Object.create(null));
  vm.runInContext(bundle, context);
  return context as { Core: typeof import('../../../core/src') } & Record<string, unknown>;
}

test('the bundle has no imports of its own (no runtime dependencies)', () => {
  expect(bundle).not.toMatch(/\brequire\(/);
});

test('the bundle names no Node, browser or Apps Script global', () => {
  for (const g of [
    'process',
    'Buffer',
    'globalThis',
    'window',
    'document',
    'btoa',
    'atob',
    'TextEncoder',
    'URL(',
    'setTimeout',
    'Utilities',
    'UrlFetchApp',
    'SpreadsheetApp',
  ]) {
    expect({ global: g, found: bundle.includes(g) }).toEqual({ global: g, found: false });
  }
});

test('in a bare vm context it validates, builds, verifies, interprets and summarises', () => {
  const { Core } = loadBare();
  const sha512Hex = (s: string) => createHash('sha512').update(s, 'utf8').digest('hex');
  const v = SIGNATURE_VECTORS[1];
  expect(
    Core.verifyNotification(
      { order_id: v.order_id, status_code: v.status_code, gross_amount: v.gross_amount, signature_key: v.signature },
      v.serverKey,
      sha512Hex,
    ),
  ).toBe(true);
  expect(Core.validateCreateRequest({ transaction_details: { order_id: 'A', gross_amount: 1 } })).toEqual([]);
  const built = Core.buildCreateRequest({ orderId: 'A', amount: 10 }, (n: number) => new Uint8Array(n).fill(7));
  expect(built.ok).toBe(true);
  expect(Core.linkOrderIdFromTransaction('INV-7-1732500000000')).toBe('INV-7');
  expect(Core.authorizationHeader('SB-Mid-server-abc123cde456')).toBe('Basic U0ItTWlkLXNlcnZlci1hYmMxMjNjZGU0NTY6');
  const n = Core.interpretNotification({
    order_id: 'A-1732500000000',
    transaction_id: 't',
    transaction_status: 'settlement',
    gross_amount: '10.00',
    status_code: '200',
  });
  expect(n.ok && n.value.paid).toBe(true);
  expect(
    Core.summariseLink({ order_id: 'A', usage_limit: 3, purchases: [{ order_id: 'A-1', payment_status: 'SETTLEMENT' }] }, 0).status,
  ).toBe('Paid 1/3');
});

test('the async client works in the bare context with injected transport and sleep', async () => {
  const { Core } = loadBare();
  const client = new Core.MidtransClient(
    { serverKey: 'k', baseUrl: 'http://sim' },
    {
      transport: async () => ({ status: 200, body: '{"order_id":"A","payment_url":"http://sim/payment-links/x"}' }),
      sleep: async () => undefined,
    },
  );
  await expect(client.createPaymentLink({ transaction_details: { order_id: 'A', gross_amount: 1 } })).resolves.toMatchObject({
    order_id: 'A',
  });
});
