/**
 * The whole mission in one run. A merchant's sheet (the built add-on in the Apps Script emulator)
 * generates payment links against the simulator; customers pay, leave a payment pending, get a card
 * denied, or never pay until the link expires; the simulator sends each signed notification to the
 * Midtrans Trigger in a real n8n; the shipped example workflow forwards the signed body to the
 * add-on's web app (answering like Apps Script, with a 302); every row ends with the right status.
 */
import { example } from './workflows';
import { pay, setNotificationUrl } from './harness/simulator-client';
import { loadSheetsAddon, serveWebApp, type SheetsAddon, type WebAppServer } from './harness/sheets-addon';
import { startStack, type Stack, tarballFromEnv } from './harness/stack';

let stack: Stack;
let addon: SheetsAddon;
let webApp: WebAppServer;
let forwardId: string;

const SHEET = [
  {
    'Order ID': 'INV-M-PAID',
    'Customer Name': 'Sari',
    'Customer Email': 'sari@example.com',
    Amount: 150000,
    Title: 'Invoice March',
    Expiry: '7 days',
  },
  { 'Order ID': 'INV-M-PENDING', 'Customer Name': 'Budi', 'Customer Email': 'budi@example.com', Amount: 85000, Expiry: '7 days' },
  { 'Order ID': 'INV-M-DENIED', 'Customer Name': 'Dewi', 'Customer Email': 'dewi@example.com', Amount: 420000, Expiry: '7 days' },
  { 'Order ID': 'INV-M-LATE', 'Customer Name': 'Eko', 'Customer Email': 'eko@example.com', Amount: 60000, Expiry: '7 days' },
  { 'Order ID': 'INV-M-EXPIRES', 'Customer Name': 'Fitri', 'Customer Email': 'fitri@example.com', Amount: 50000, Expiry: '30 minutes' },
];

const statusOf = () => Object.fromEntries(addon.records().map((r) => [String(r['Order ID']), String(r.Status)]));

beforeAll(async () => {
  stack = await startStack({ packageTarball: tarballFromEnv() });
  const sim = stack.sim!;
  addon = loadSheetsAddon({ simulator: sim.simulator, serverKey: stack.serverKey, apiBaseUrl: sim.url });
  webApp = await serveWebApp(addon);

  const workflow = example('forward-notifications-to-sheets.json');
  const forward = workflow.nodes.find((n) => n.type === 'n8n-nodes-base.httpRequest')!;
  forward.parameters.url = webApp.execUrl;
  forwardId = await stack.n8n.importWorkflow(workflow, { credentials: { midtransApi: stack.credential } });
  await stack.n8n.activate(forwardId);
  const [trigger] = await stack.n8n.webhookUrls(forwardId);
  await setNotificationUrl(sim.url, trigger.url);
}, 300000);

afterAll(async () => {
  await webApp?.close();
  await stack?.stop();
});

test('sheet → links → customers → Midtrans Trigger in n8n → forwarded to the add-on web app → every row has the right status', async () => {
  const sim = stack.sim!;
  addon.run('insertInvoiceTemplate');
  addon.typeRows(SHEET);
  addon.run('generatePaymentLinks');

  const generated = addon.records();
  expect(generated.map((r) => r.Status)).toEqual(SHEET.map(() => 'Link created'));
  for (const r of generated) expect(String(r['Payment Link'])).toMatch(new RegExp(`^${sim.url}/`));
  expect(sim.simulator.stats().createdLinks).toBe(SHEET.length);

  // Customers on the payment page (the simulator's control API is what its buttons call).
  await pay(sim.url, 'INV-M-PAID', { status: 'settlement', payment_type: 'bank_transfer' });
  await pay(sim.url, 'INV-M-PENDING', { status: 'pending', payment_type: 'bank_transfer' });
  await pay(sim.url, 'INV-M-DENIED', { status: 'deny', payment_type: 'credit_card' });
  const late = await pay(sim.url, 'INV-M-LATE', { status: 'pending', payment_type: 'bank_transfer' });
  const notifications = 4;
  await stack.n8n.waitForExecutions(forwardId, notifications);
  await pay(sim.url, 'INV-M-LATE', { status: 'settlement', payment_type: 'bank_transfer', transaction_id: late.transaction_id });
  const executions = await stack.n8n.waitForExecutions(forwardId, notifications + 1);

  // Every notification went Midtrans → n8n (a clean 200, first attempt) → the web app (302, followed) → doPost.
  expect(executions.map((e) => e.status)).toEqual(Array(notifications + 1).fill('success'));
  expect(sim.notifications().map((d) => [d.attempt, d.responseStatus])).toEqual(Array(notifications + 1).fill([1, 200]));
  const answers = webApp.posts.map((p) => JSON.parse(p.answer) as { ok: boolean; result: string });
  if (answers.some((a) => !a.ok)) throw new Error(`doPost answered ${JSON.stringify(answers)}; add-on log:\n${addon.env.logs.join('\n')}`);
  expect(answers).toEqual(Array(notifications + 1).fill({ ok: true, result: 'updated' }));
  for (const p of webApp.posts) expect(JSON.parse(p.body)).not.toHaveProperty('payment_link_order_id');

  expect(statusOf()).toEqual({
    'INV-M-PAID': 'Paid',
    'INV-M-PENDING': 'Pending',
    'INV-M-DENIED': 'Failed',
    'INV-M-LATE': 'Paid',
    'INV-M-EXPIRES': 'Link created',
  });

  // Nobody pays INV-M-EXPIRES; an hour later its link has expired, which no notification reports:
  // Refresh statuses (polling) reconciles it and leaves the others as the notifications set them.
  addon.env.advanceClock(3_600_000);
  addon.run('refreshStatuses');
  expect(statusOf()).toEqual({
    'INV-M-PAID': 'Paid',
    'INV-M-PENDING': 'Pending',
    'INV-M-DENIED': 'Failed',
    'INV-M-LATE': 'Paid',
    'INV-M-EXPIRES': 'Expired',
  });
});

test('a forged body forwarded to the web app changes no row', async () => {
  const before = statusOf();
  const forged = {
    order_id: 'INV-M-PENDING-1700000000000',
    status_code: '200',
    gross_amount: '85000.00',
    transaction_status: 'settlement',
    signature_key: '0'.repeat(128),
  };
  const res = await fetch(webApp.execUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(forged),
  });
  expect(res.status).toBe(200); // after following the 302
  expect(await res.json()).toEqual({ ok: false, result: 'rejected' });
  expect(statusOf()).toEqual(before);
});

test("the web app answers like Apps Script: 302 to an echo URL that serves doPost's JSON to GET and refuses POST", async () => {
  const res = await fetch(webApp.execUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
    redirect: 'manual',
  });
  expect(res.status).toBe(302);
  const echo = res.headers.get('location')!;
  expect(echo).toMatch(/\/macros\/echo\?user_content_key=/);
  const got = await fetch(echo);
  expect(got.status).toBe(200);
  expect(got.headers.get('content-type')).toMatch(/^application\/json/);
  expect(await got.json()).toEqual({ ok: false, result: 'rejected' });
  expect((await fetch(echo, { method: 'POST', body: '{}' })).status).toBe(405);
});

test('a notification the add-on cannot take (ok: false) is sent again by the example workflow 30 s later, and lands', async () => {
  const sim = stack.sim!;
  const pending = sim.notifications().find((d) => String(d.body.order_id).startsWith('INV-M-PENDING-'));
  const executionsBefore = (await stack.n8n.waitForExecutions(forwardId, 1)).length;
  const postsBefore = webApp.posts.length;
  // The sheet stays busy and nothing can be kept (a full Properties store): doPost answers busy, ok false.
  addon.env.setLockContention(true);
  addon.env.untracked(() => addon.env.properties.script.set('FILLER', 'x'.repeat(500 * 1024 - 300)));
  await pay(sim.url, 'INV-M-PENDING', {
    status: 'settlement',
    payment_type: 'bank_transfer',
    transaction_id: String(pending?.body.transaction_id),
  });
  const deadline = Date.now() + 20_000;
  while (webApp.posts.length === postsBefore && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  expect(JSON.parse(webApp.posts[postsBefore].answer)).toEqual({ ok: false, result: 'busy' });
  addon.env.setLockContention(false);
  addon.env.untracked(() => addon.env.properties.script.delete('FILLER'));
  const executions = await stack.n8n.waitForExecutions(forwardId, executionsBefore + 1, 90_000);
  expect(executions.slice(0, 1).map((e) => e.status)).toEqual(['success']);
  expect(webApp.posts.slice(postsBefore).map((p) => JSON.parse(p.answer))).toEqual([
    { ok: false, result: 'busy' },
    { ok: true, result: 'updated' },
  ]);
  expect(webApp.posts[postsBefore + 1].body).toBe(webApp.posts[postsBefore].body);
  expect(statusOf()['INV-M-PENDING']).toBe('Paid');
});
