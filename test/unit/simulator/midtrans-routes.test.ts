/**
 * The synchronous handler's Midtrans routes against the reference (docs/midtrans-contract.md §1–4,
 * §6): documented bodies are compared with literals copied from the reference, not with the
 * simulator's own constants.
 */
import { parseTransactionStatus } from '../../../core/src';
import { REFERENCE_REQUEST } from '../../fixtures/reference-request';
import { createSimulator } from '../../../tools/simulator';
import { BASE, KEY, T0, call, fixedLink, newSim, referenceSignature } from './sim-helpers';

const PAYMENT_URL_SHAPE = /^http:\/\/sim\.test\/payment-links\/[a-z0-9-]+$/;

describe('POST /v1/payment-links', () => {
  test('accepts the reference request sample verbatim and answers order_id + payment_url in Midtrans shape', () => {
    const sim = newSim();
    const res = call(sim, 'POST', '/v1/payment-links', REFERENCE_REQUEST);
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ order_id: '001', payment_url: `${BASE}/payment-links/for-payment-123` });
  });

  test('the documented 401 body is exactly {"error_messages":"Access denied due to unauthorized request"} (a string) for a missing, wrong or malformed key', () => {
    const sim = newSim();
    const documented = '{"error_messages":"Access denied due to unauthorized request"}';
    for (const res of [
      call(sim, 'POST', '/v1/payment-links', fixedLink('A1'), null),
      call(sim, 'POST', '/v1/payment-links', fixedLink('A1'), 'SB-Mid-server-wrong'),
      call(sim, 'GET', '/v1/payment-links/A1', undefined, ''),
      call(sim, 'DELETE', '/v1/payment-links/A1', undefined, null),
      { ...sim.handle({ method: 'POST', path: '/v1/payment-links', headers: { authorization: `Bearer ${KEY}` }, body: '{}' }), json: null },
    ]) {
      expect(res.status).toBe(401);
      expect(res.body).toBe(documented);
    }
    expect(sim.stats().createdLinks).toBe(0);
  });

  test("accepts AUTH's worked example header for its key (U0ItTWlkLXNlcnZlci1hYmMxMjNjZGU0NTY6)", () => {
    const sim = createSimulator({ serverKey: 'SB-Mid-server-abc123cde456', publicBaseUrl: BASE, now: () => T0 });
    const res = sim.handle({
      method: 'POST',
      path: '/v1/payment-links',
      headers: { authorization: 'Basic U0ItTWlkLXNlcnZlci1hYmMxMjNjZGU0NTY6' },
      body: JSON.stringify(fixedLink('A2')),
    });
    expect(res.status).toBe(200);
  });

  test('a reused order_id answers 409 with the documented message, even with a different payment_link_id', () => {
    const sim = newSim();
    expect(call(sim, 'POST', '/v1/payment-links', fixedLink('order-123')).status).toBe(200);
    const again = call(
      sim,
      'POST',
      '/v1/payment-links',
      fixedLink('order-123', { transaction_details: { order_id: 'order-123', gross_amount: 150000, payment_link_id: 'other-one' } }),
    );
    expect(again.status).toBe(409);
    expect(again.body).toBe(JSON.stringify({ error_messages: ["The Order ID 'order-123' has been taken"] }));
  });

  test('a reused payment_link_id answers 400 (not 409) with the documented message', () => {
    const sim = newSim();
    const td = (order_id: string) => ({ transaction_details: { order_id, gross_amount: 150000, payment_link_id: 'payment-112' } });
    expect(call(sim, 'POST', '/v1/payment-links', fixedLink('B1', td('B1'))).status).toBe(200);
    const res = call(sim, 'POST', '/v1/payment-links', fixedLink('B2', td('B2')));
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ error_messages: ["This Payment Link ID 'payment-112' has been taken"] });
  });

  test('malformed JSON answers 400 ["Invalid JSON data provided."]', () => {
    const res = call(newSim(), 'POST', '/v1/payment-links', '{"transaction_details": ');
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ error_messages: ['Invalid JSON data provided.'] });
  });

  test('an upper-case payment_link_id answers 400 with the documented charset message', () => {
    const res = call(
      newSim(),
      'POST',
      '/v1/payment-links',
      fixedLink('C1', { transaction_details: { order_id: 'C1', gross_amount: 150000, payment_link_id: 'Has-Caps' } }),
    );
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ error_messages: ['payment_link_id must only contain alphanumeric characters [a-z, 0-9] and hyphens [-]'] });
  });

  test('undocumented rules answer 400 with an array of [inferred] invented messages naming the field: gross ≠ Σ items, title > 40, bad order id', () => {
    const sim = newSim();
    const res = call(sim, 'POST', '/v1/payment-links', {
      ...fixedLink('bad id!'),
      transaction_details: { order_id: 'bad id!', gross_amount: 1 },
      title: 'x'.repeat(41),
    });
    expect(res.status).toBe(400);
    expect(Array.isArray(res.json.error_messages)).toBe(true);
    const text = res.json.error_messages.join('\n');
    expect(text).toMatch(/gross_amount/);
    expect(text).toMatch(/title/);
    expect(text).toMatch(/order_id/);
    expect(sim.stats().createdLinks).toBe(0);
  });

  test('a missing payment_link_id is generated: lower-case [a-z0-9-], unguessable length, and the same for the same seed', () => {
    const a = call(newSim(), 'POST', '/v1/payment-links', fixedLink('D1'));
    const b = call(newSim(), 'POST', '/v1/payment-links', fixedLink('D1'));
    const c = call(newSim({ seed: 8 }), 'POST', '/v1/payment-links', fixedLink('D1'));
    expect(a.json.payment_url).toMatch(PAYMENT_URL_SHAPE);
    const id = a.json.payment_url.split('/').pop();
    expect(id.length).toBeGreaterThanOrEqual(20);
    expect(b.json.payment_url).toBe(a.json.payment_url);
    expect(c.json.payment_url).not.toBe(a.json.payment_url);
  });

  test('stats count every create call per order id (refused ones too) and exactly one created link per order id', () => {
    const sim = newSim();
    call(sim, 'POST', '/v1/payment-links', fixedLink('E1'));
    call(sim, 'POST', '/v1/payment-links', fixedLink('E1'));
    call(sim, 'POST', '/v1/payment-links', fixedLink('E2'));
    call(sim, 'POST', '/v1/payment-links', fixedLink('E3'), 'wrong-key');
    const s = sim.stats();
    expect(s.createdLinks).toBe(2);
    expect(s.createdLinksByOrderId).toEqual({ E1: 1, E2: 1 });
    expect(s.createCallsByOrderId).toEqual({ E1: 2, E2: 1, E3: 1 });
    expect(s.requests).toBe(4);
  });
});

describe('GET and DELETE /v1/payment-links/:order_id', () => {
  test('GET answers the documented sample fields, keyed by the link order id (URL-encoded)', () => {
    const sim = newSim();
    call(sim, 'POST', '/v1/payment-links', REFERENCE_REQUEST);
    call(sim, 'POST', '/v1/payment-links', fixedLink('INV.7~a_b'));
    const res = call(sim, 'GET', '/v1/payment-links/001');
    expect(res.status).toBe(200);
    for (const k of [
      'id',
      'payment_link_url',
      'order_id',
      'payment_link_type',
      'merchant_id',
      'payment_link_id',
      'enabled_payments',
      'usage_limit',
      'gross_amount',
      'credit_card_3d_secure',
      'whitelist_bins',
      'expiry_start',
      'expiry_duration',
      'expiry_unit',
      'usage',
      'item_details',
      'customer_details',
      'purchases',
    ])
      expect(res.json).toHaveProperty(k);
    expect(res.json).toMatchObject({
      order_id: '001',
      payment_link_id: 'for-payment-123',
      payment_link_url: `${BASE}/payment-links/for-payment-123`,
      payment_link_type: 'DYNAMIC_AMOUNT',
      usage_limit: 1,
      usage: 0,
      purchases: [],
      credit_card_3d_secure: true,
      expiry_start: '2022-04-01 18:00 +0700',
      expiry_duration: 20,
      expiry_unit: 'days',
      enabled_payments: ['credit_card', 'bca_va', 'indomaret'],
    });
    // GET echoes both the internal id and the merchant's item id (§3).
    expect(res.json.item_details[0]).toMatchObject({ name: 'Pillow', item_id: 'pil-001', id: '1' });
    expect(call(sim, 'GET', `/v1/payment-links/${encodeURIComponent('INV.7~a_b')}`).json.order_id).toBe('INV.7~a_b');
    // Keyed by order id, not by payment_link_id.
    expect(call(sim, 'GET', '/v1/payment-links/for-payment-123').status).toBe(404);
  });

  test('DELETE answers the documented message echoing the id, then GET and DELETE answer 404, payments are refused, and [inferred] the order id stays taken', () => {
    const sim = newSim();
    call(sim, 'POST', '/v1/payment-links', fixedLink('1525840754698'));
    const del = call(sim, 'DELETE', '/v1/payment-links/1525840754698');
    expect(del.status).toBe(200);
    expect(del.json).toEqual({ message: 'Payment Link with Order ID 1525840754698 deleted' });
    expect(call(sim, 'GET', '/v1/payment-links/1525840754698').status).toBe(404);
    expect(call(sim, 'DELETE', '/v1/payment-links/1525840754698').status).toBe(404);
    expect(call(sim, 'GET', '/v1/payment-links/never-made').json.error_messages).toEqual(expect.any(Array));
    const pay = call(sim, 'POST', '/_sim/payment-links/1525840754698/pay', { status: 'settlement' });
    expect(pay.status).toBe(410);
    expect(call(sim, 'POST', '/v1/payment-links', fixedLink('1525840754698')).status).toBe(409);
  });
});

describe('purchases, usage and expiry', () => {
  test("a purchase's order id is the link's plus '-' and 13 digits of ms; its transaction id is a UUID; GET lists it upper-case", () => {
    const sim = newSim();
    call(sim, 'POST', '/v1/payment-links', fixedLink('INV-7'));
    const n = sim.pay('INV-7', { status: 'pending', payment_type: 'bca_va' });
    expect(n.order_id).toBe(`INV-7-${T0}`);
    expect(n.order_id).toMatch(/^INV-7-\d{13}$/);
    expect(n.transaction_id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const link = call(sim, 'GET', '/v1/payment-links/INV-7').json;
    expect(link.purchases).toEqual([
      expect.objectContaining({ order_id: n.order_id, payment_status: 'PENDING', payment_method: 'BANK_TRANSFER' }),
    ]);
    expect(link.usage).toBe(0);
  });

  test('usage_limit 2: two pending purchases hold both units, a third is refused, expiry of a pending one (after 24 h [inferred]) releases its unit', () => {
    const sim = newSim();
    call(sim, 'POST', '/v1/payment-links', fixedLink('TIX', { usage_limit: 2 }));
    sim.pay('TIX', { status: 'pending' });
    sim.advance(60_000);
    sim.pay('TIX', { status: 'pending' });
    const refused = call(sim, 'POST', '/_sim/payment-links/TIX/pay', { status: 'pending' });
    expect(refused.status).toBe(409);
    expect(refused.json.error_messages[0]).toMatch(/usage limit of 2/);
    sim.advance(24 * 3_600_000 - 60_000); // the first pending purchase lapses after 24 h [inferred TTL]
    const link = call(sim, 'GET', '/v1/payment-links/TIX').json;
    expect(link.purchases.map((p: any) => p.payment_status)).toEqual(['EXPIRE', 'PENDING']);
    expect(call(sim, 'POST', '/_sim/payment-links/TIX/pay', { status: 'settlement' }).status).toBe(200);
    expect(call(sim, 'GET', '/v1/payment-links/TIX').json.usage).toBe(1);
    expect(call(sim, 'POST', '/_sim/payment-links/TIX/pay', { status: 'settlement' }).status).toBe(409);
  });

  test('paid purchases count in usage [inferred: usage = paid purchases]; a used-up link refuses new payments; deny/cancel do not use a unit', () => {
    const sim = newSim();
    call(sim, 'POST', '/v1/payment-links', fixedLink('ONE'));
    const p = sim.pay('ONE', { status: 'pending', payment_type: 'credit_card' });
    sim.pay('ONE', { status: 'deny', transaction_id: p.transaction_id });
    const q = sim.pay('ONE', { status: 'capture', payment_type: 'credit_card' });
    expect(q.fraud_status).toBe('accept');
    const link = call(sim, 'GET', '/v1/payment-links/ONE').json;
    expect(link.usage).toBe(1);
    expect(call(sim, 'POST', '/_sim/payment-links/ONE/pay', { status: 'pending' }).status).toBe(409);
  });

  test('a link past its expiry refuses payments (GET still answers); a start_time in the past counts from then', () => {
    const sim = newSim();
    call(sim, 'POST', '/v1/payment-links', fixedLink('EXP', { expiry: { duration: 1, unit: 'hour' } }));
    call(
      sim,
      'POST',
      '/v1/payment-links',
      fixedLink('OLD', { expiry: { start_time: '2022-04-01 18:00 +0700', duration: 20, unit: 'days' } }),
    );
    expect(call(sim, 'POST', '/_sim/payment-links/OLD/pay', { status: 'pending' }).status).toBe(410);
    sim.advance(3_599_999);
    expect(call(sim, 'POST', '/_sim/payment-links/EXP/pay', { status: 'pending' }).status).toBe(200);
    sim.advance(1);
    const late = call(sim, 'POST', '/_sim/payment-links/EXP/pay', { status: 'pending' });
    expect(late.status).toBe(410);
    expect(late.json.error_messages[0]).toMatch(/expired/);
    const link = call(sim, 'GET', '/v1/payment-links/EXP');
    expect(link.status).toBe(200);
    expect(link.json.expiry_unit).toBe('hour');
  });

  test('refuses a method the link does not enable, and capture for a non-card payment', () => {
    const sim = newSim();
    call(sim, 'POST', '/v1/payment-links', fixedLink('M1', { enabled_payments: ['bca_va', 'gopay'] }));
    expect(call(sim, 'POST', '/_sim/payment-links/M1/pay', { status: 'settlement', payment_type: 'credit_card' }).status).toBe(400);
    expect(call(sim, 'POST', '/_sim/payment-links/M1/pay', { status: 'capture', payment_type: 'gopay' }).status).toBe(400);
    expect(
      call(sim, 'POST', '/_sim/payment-links/M1/pay', { status: 'settlement', payment_type: 'bank_transfer' }).json.va_numbers[0].bank,
    ).toBe('bca');
  });
});

describe('GET /v2/:id/status', () => {
  function paidSim() {
    const sim = newSim();
    call(sim, 'POST', '/v1/payment-links', fixedLink('ST', { usage_limit: 5 }));
    return sim;
  }

  test('an unknown id answers HTTP 200 with status_code "404" in the body, which the core reads as an error', () => {
    const res = call(paidSim(), 'GET', '/v2/nope/status');
    expect(res.status).toBe(200);
    expect(res.json.status_code).toBe('404');
    const parsed = parseTransactionStatus({ status: res.status, body: res.body });
    expect(parsed.ok).toBe(false);
  });

  test('a purchase whose customer has not chosen a method yet answers 404 (body) and [inferred] is not listed by GET', () => {
    const sim = paidSim();
    const open = sim.pay('ST', { status: 'open' });
    expect(call(sim, 'GET', `/v2/${open.order_id}/status`).json.status_code).toBe('404');
    expect(call(sim, 'GET', '/v1/payment-links/ST').json.purchases).toEqual([]);
    const moved = sim.pay('ST', { status: 'pending', transaction_id: open.transaction_id, payment_type: 'gopay' });
    expect(moved.order_id).toBe(open.order_id);
    expect(call(sim, 'GET', `/v2/${open.order_id}/status`).json.status_code).toBe('201');
  });

  test('by suffixed order id or transaction id: pending 201, settlement 200, expired 407 (the notification said 202)', () => {
    const sim = paidSim();
    const p = sim.pay('ST', { status: 'pending', payment_type: 'bca_va' });
    const byOrder = call(sim, 'GET', `/v2/${p.order_id}/status`);
    expect(byOrder.json).toMatchObject({
      status_code: '201',
      transaction_status: 'pending',
      status_message: 'Success, transaction is found',
      order_id: p.order_id,
    });
    expect(call(sim, 'GET', `/v2/${p.transaction_id}/status`).json.transaction_status).toBe('pending');
    const e = sim.pay('ST', { status: 'expire', transaction_id: p.transaction_id });
    expect(e.status_code).toBe('202');
    const expired = call(sim, 'GET', `/v2/${p.order_id}/status`);
    expect(expired.status).toBe(200);
    expect(expired.json.status_code).toBe('407');
    expect(parseTransactionStatus({ status: 200, body: expired.body }).ok).toBe(true);
    const s = sim.pay('ST', { status: 'settlement', payment_type: 'gopay' });
    expect(call(sim, 'GET', `/v2/${s.order_id}/status`).json.status_code).toBe('200');
    // The link's own order id is not a transaction.
    expect(call(sim, 'GET', '/v2/ST/status').json.status_code).toBe('404');
  });

  test('a bad key answers HTTP 401 [inferred: Core API shape, status_message "Unknown Merchant server_key/id"]', () => {
    expect(call(paidSim(), 'GET', '/v2/x/status', undefined, 'SB-Mid-server-nope').status).toBe(401);
  });
});

describe('control routes', () => {
  test('notification URL, pay, clock and reset work through handle()', () => {
    const sim = newSim();
    expect(call(sim, 'POST', '/_sim/notification-url', { url: 'http://127.0.0.1:9/hook' }).json).toEqual({
      url: 'http://127.0.0.1:9/hook',
    });
    const seen: unknown[] = [];
    sim.onNotification((n) => seen.push(n));
    call(sim, 'POST', '/v1/payment-links', fixedLink('CT'));
    const paid = call(sim, 'POST', '/_sim/payment-links/CT/pay', { status: 'settlement', payment_type: 'gopay' });
    expect(paid.status).toBe(200);
    expect(seen).toEqual([{ url: 'http://127.0.0.1:9/hook', body: paid.json }]);
    expect(call(sim, 'POST', '/_sim/clock/advance', { ms: 5000 }).json.now).toBe(T0 + 5000);
    expect(call(sim, 'GET', '/_sim/stats').json.createdLinks).toBe(1);
    call(sim, 'POST', '/_sim/reset');
    expect(sim.now()).toBe(T0);
    expect(call(sim, 'GET', '/v1/payment-links/CT').status).toBe(404);
    expect(sim.stats().createdLinks).toBe(0);
    expect(call(sim, 'POST', '/_sim/payment-links/none/pay', { status: 'settlement' }).status).toBe(404);
    expect(call(sim, 'POST', '/_sim/payment-links/none/pay', { status: 'bogus' }).status).toBe(404);
  });

  test('a new server key replaces the old one at once: the old key gets 401, notifications are signed with the new one, reset restores the first', () => {
    const sim = newSim();
    const NEW = 'SB-Mid-server-SIMnewKey456';
    call(sim, 'POST', '/v1/payment-links', fixedLink('NK'));
    expect(call(sim, 'POST', '/_sim/server-key', { serverKey: '' }).status).toBe(400);
    expect(call(sim, 'POST', '/_sim/server-key', { serverKey: NEW }).status).toBe(200);
    expect(call(sim, 'GET', '/v1/payment-links/NK').status).toBe(401);
    expect(call(sim, 'GET', '/v1/payment-links/NK', undefined, NEW).status).toBe(200);
    const paid = call(sim, 'POST', '/_sim/payment-links/NK/pay', { status: 'settlement', payment_type: 'gopay' }).json;
    expect(paid.signature_key).toBe(referenceSignature(paid, NEW));
    expect(call(sim, 'GET', `/v2/${paid.order_id}/status`, undefined, NEW).json.transaction_status).toBe('settlement');
    expect(call(sim, 'GET', `/v2/${paid.order_id}/status`).status).toBe(401);
    call(sim, 'POST', '/_sim/reset');
    expect(call(sim, 'GET', '/v1/payment-links/NK').status).toBe(404);
  });

  test('an unknown pay status is refused with 400 and the list of statuses', () => {
    const sim = newSim();
    call(sim, 'POST', '/v1/payment-links', fixedLink('US'));
    const res = call(sim, 'POST', '/_sim/payment-links/US/pay', { status: 'paid' });
    expect(res.status).toBe(400);
    expect(res.json.error_messages[0]).toMatch(/settlement/);
  });
});

describe('notification override headers', () => {
  test('X-Override-Notification / X-Append-Notification on create are accepted, counted and ignored (undocumented for PL, §1)', () => {
    const sim = newSim();
    const seen: (string | null)[] = [];
    sim.onNotification((n) => seen.push(n.url));
    call(sim, 'POST', '/_sim/notification-url', { url: 'http://127.0.0.1:9/configured' });
    const res = sim.handle({
      method: 'POST',
      path: '/v1/payment-links',
      headers: {
        authorization: `Basic ${Buffer.from(`${KEY}:`).toString('base64')}`,
        'x-override-notification': 'http://127.0.0.1:9/override',
      },
      body: JSON.stringify(fixedLink('OV')),
    });
    expect(res.status).toBe(200);
    sim.pay('OV', { status: 'settlement' });
    expect(seen).toEqual(['http://127.0.0.1:9/configured']);
    expect(sim.stats().notificationHeadersIgnored).toBe(1);
  });
});
