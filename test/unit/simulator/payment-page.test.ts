/**
 * The payment page at payment_url in headless Chromium: it shows the link as configured, and its
 * buttons (pay, leave pending, let it expire) run the real purchase flow and send signed
 * notifications. Screenshots go to test-artifacts/ (gitignored).
 */
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../../support/browser';
import { startSimulatorServer, type SimulatorServer } from '../../../tools/simulator';
import { KEY, basic, referenceSignature } from './sim-helpers';
import { startReceiver } from './receiver';

const ARTIFACTS = path.resolve(__dirname, '../../../test-artifacts');

let server: SimulatorServer;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let browser: Browser;

beforeAll(async () => {
  server = await startSimulatorServer({ serverKey: KEY, seed: 4, timeScale: 1e-5 });
  receiver = await startReceiver();
  browser = await launchBrowser();
  mkdirSync(ARTIFACTS, { recursive: true });
}, 30_000);
afterAll(async () => {
  await browser?.close();
  await server.close();
  await receiver.close();
});

async function createLink(orderId: string, extra: Record<string, unknown> = {}): Promise<string> {
  const res = await fetch(`${server.url}/v1/payment-links`, {
    method: 'POST',
    headers: { authorization: basic(KEY), 'content-type': 'application/json' },
    body: JSON.stringify({
      transaction_details: { order_id: orderId, gross_amount: 190000 },
      title: 'Concert ticket',
      item_details: [{ id: 'tix', name: 'Ticket', price: 95000, quantity: 2 }],
      customer_required: true,
      customer_details: {
        first_name: 'Siti',
        email: 'siti@example.com',
        phone: '+628123456789',
        customer_details_required_fields: ['first_name', 'email'],
      },
      enabled_payments: ['bca_va', 'credit_card', 'gopay'],
      callbacks: { finish: 'https://merchant.example/thanks?ref=1' },
      usage_limit: 1,
      ...extra,
    }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { payment_url: string }).payment_url;
}

async function notificationsFor(orderPrefix: string) {
  await server.idle();
  return receiver.received.map((r) => JSON.parse(r.body)).filter((b) => b.order_id.startsWith(`${orderPrefix}-`));
}

describe('payment page', () => {
  beforeAll(async () => {
    await fetch(`${server.url}/_sim/notification-url`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ url: `${receiver.url}/hook` }),
    });
  });

  test('shows title, amount, items, required customer fields and enabled methods; "Pay now" with BCA VA settles and notifies pending then settlement', async () => {
    const url = await createLink('PAGE-1');
    const page = await (browser as Browser).newPage();
    await page.goto(url);
    expect(await page.textContent('#title')).toBe('Concert ticket');
    expect(await page.textContent('#amount')).toMatch(/190[.,]000/);
    expect(await page.locator('#items tr').count()).toBe(2);
    expect(await page.textContent('#items')).toContain('Ticket');
    expect(await page.inputValue('#customer-first_name')).toBe('Siti');
    expect(await page.getAttribute('#customer-first_name', 'required')).not.toBeNull();
    expect(await page.getAttribute('#customer-phone', 'required')).toBeNull();
    expect(
      await page.locator('input[name=method]').evaluateAll((els) => els.map((e) => (e as unknown as { value: string }).value)),
    ).toEqual(['bca_va', 'credit_card', 'gopay']);
    await page.screenshot({ path: path.join(ARTIFACTS, 'simulator-payment-page.png'), fullPage: true });

    await page.check('input[name=method][value=bca_va]');
    await page.click('#pay');
    await page.waitForSelector('#result-status');
    expect(await page.textContent('#result-status')).toBe('settlement');
    expect(await page.textContent('#result-notifications')).toBe('pending → settlement');
    // [inferred] the finish URL gets order_id, status_code and transaction_status appended, as Snap does.
    expect(await page.getAttribute('#finish', 'href')).toMatch(
      /^https:\/\/merchant\.example\/thanks\?ref=1&order_id=PAGE-1-\d{13}&status_code=200&transaction_status=settlement$/,
    );
    await page.screenshot({ path: path.join(ARTIFACTS, 'simulator-payment-result.png'), fullPage: true });

    const got = await notificationsFor('PAGE-1');
    expect(got.map((n) => [n.transaction_status, n.status_code, n.payment_type])).toEqual([
      ['pending', '201', 'bank_transfer'],
      ['settlement', '200', 'bank_transfer'],
    ]);
    for (const n of got) expect(n.signature_key).toBe(referenceSignature(n));

    // Used up now: the page says so.
    const again = await page.goto(url);
    expect(again?.status()).toBe(410);
    expect(await page.textContent('#unavailable')).toContain('no longer available');
    await page.close();
  }, 30_000);

  test('"Leave it pending" holds the link; "Let it expire" sends pending then expire and frees it; a card captures at once', async () => {
    const page = await (browser as Browser).newPage();
    const url = await createLink('PAGE-2');
    await page.goto(url);
    await page.check('input[name=method][value=gopay]');
    await page.click('#leave-pending');
    await page.waitForSelector('#result-status');
    expect(await page.textContent('#result-status')).toBe('pending');
    await page.goto(url);
    expect(await page.textContent('#unavailable')).toContain('no longer available'); // the pending purchase holds the only unit

    const url3 = await createLink('PAGE-3');
    await page.goto(url3);
    await page.click('#let-expire');
    await page.waitForSelector('#result-status');
    expect(await page.textContent('#result-status')).toBe('expire');
    expect((await notificationsFor('PAGE-3')).map((n) => n.status_code)).toEqual(['201', '202']);
    await page.goto(url3);
    await page.check('input[name=method][value=credit_card]');
    await page.click('#pay');
    await page.waitForSelector('#result-status');
    expect(await page.textContent('#result-status')).toBe('capture');
    const card = (await notificationsFor('PAGE-3')).pop();
    expect(card).toMatchObject({ transaction_status: 'capture', fraud_status: 'accept', masked_card: '48111111-1114', status_code: '200' });
    await page.close();
  }, 30_000);

  test('a DYNAMIC_AMOUNT link asks for the amount within its bounds', async () => {
    const url = await createLink('PAGE-4', {
      transaction_details: { order_id: 'PAGE-4' },
      payment_link_type: 'DYNAMIC_AMOUNT',
      dynamic_amount: { min_amount: 5000, max_amount: 50000, preset_amount: 25000 },
      item_details: undefined,
    });
    const page = await (browser as Browser).newPage();
    await page.goto(url);
    expect(await page.inputValue('#amount')).toBe('25000');
    await page.fill('#amount', '12000');
    await page.click('#pay');
    await page.waitForSelector('#result-status');
    expect((await notificationsFor('PAGE-4')).map((n) => n.gross_amount)).toEqual(['12000.00', '12000.00']);
    await page.close();
  }, 30_000);

  test('the server refuses a form without a required customer field (400) and pays nothing', async () => {
    const url = await createLink('PAGE-5');
    const res = await fetch(`${url}/pay`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'choice=pay&method=bca_va&first_name=&email=a%40b.co',
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('first_name is required');
    const link = (await (await fetch(`${server.url}/v1/payment-links/PAGE-5`, { headers: { authorization: basic(KEY) } })).json()) as {
      purchases: unknown[];
    };
    expect(link.purchases).toEqual([]);
  });

  test('an unknown payment link id answers 404', async () => {
    expect((await fetch(`${server.url}/payment-links/nope`)).status).toBe(404);
  });
});
