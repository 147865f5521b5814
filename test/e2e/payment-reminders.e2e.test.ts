/**
 * The shipped payment-reminder workflow (n8n-node/examples/payment-reminders.json) in a real n8n,
 * against the simulator and a local SMTP stand-in for the message sender: the open invoices come from
 * an n8n Data table, the ones due a reminder today are checked with Midtrans: Get, paid ones are
 * skipped, the rest are emailed and recorded, and a reminder already recorded is never sent again.
 */
import { createLink, pay } from './harness/simulator-client';
import { startSmtpStandIn, type SmtpStandIn } from './harness/smtp-stand-in';
import { startStack, type Stack, tarballFromEnv } from './harness/stack';
import { example } from './workflows';

let stack: Stack;
let smtp: SmtpStandIn;

beforeAll(async () => {
  smtp = await startSmtpStandIn();
  stack = await startStack({ packageTarball: tarballFromEnv() });
}, 300000);

afterAll(async () => {
  await stack?.stop();
  await smtp?.close();
});

/** `2026-12-02`: a day `days` from today in WIB, as the table holds due dates. */
function wibDay(days: number): string {
  return new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

test('the daily reminder workflow emails each unpaid invoice due a reminder today once, skips the paid one, and records what it sent', async () => {
  const { n8n, sim, serverKey, credential } = stack;
  const simUrl = sim!.url;
  const { api } = n8n;
  const table = await api.call<{ id: string }>('POST', '/data-tables', {
    name: 'midtrans_invoices',
    columns: [
      { name: 'order_id', type: 'string' },
      { name: 'customer_name', type: 'string' },
      { name: 'email', type: 'string' },
      { name: 'amount', type: 'number' },
      { name: 'payment_url', type: 'string' },
      { name: 'due_date', type: 'string' },
      { name: 'paid', type: 'boolean' },
      { name: 'reminders_sent', type: 'string' },
      { name: 'last_reminder', type: 'string' },
    ],
  });
  const invoices = [
    { order_id: 'REM-TODAY', due: 0, sent: ',' },
    { order_id: 'REM-IN-3', due: 3, sent: ',' },
    { order_id: 'REM-PAID', due: 0, sent: ',' },
    { order_id: 'REM-IN-2', due: 2, sent: ',' },
    { order_id: 'REM-DONE', due: -1, sent: ',1,' },
  ];
  const rows = [];
  for (const inv of invoices) {
    const link = await createLink(simUrl, serverKey, { orderId: inv.order_id, amount: 1_500_000, expiry: { duration: 30, unit: 'days' } });
    rows.push({
      order_id: inv.order_id,
      customer_name: `Budi ${inv.order_id}`,
      email: `${inv.order_id.toLowerCase()}@example.com`,
      amount: 1_500_000,
      payment_url: link.payment_url,
      due_date: wibDay(inv.due),
      paid: false,
      reminders_sent: inv.sent,
      last_reminder: '',
    });
  }
  await api.call('POST', `/data-tables/${table.id}/rows`, { data: rows });
  // Paid an hour ago; the table does not know yet, Midtrans does.
  await pay(simUrl, 'REM-PAID', { status: 'settlement', payment_type: 'qris' });

  const smtpCredential = await n8n.createCredential({
    name: 'SMTP (local stand-in)',
    type: 'smtp',
    data: { user: '', password: '', host: '127.0.0.1', port: smtp.port, secure: false, disableStartTls: true },
  });
  const wf = example('payment-reminders.json');
  // The test's clock: every 5 seconds instead of daily, so several runs happen (and must not repeat a reminder).
  const schedule = wf.nodes.find((n) => n.type === 'n8n-nodes-base.scheduleTrigger')!;
  schedule.parameters = { rule: { interval: [{ field: 'seconds', secondsInterval: 5 }] } };
  const id = await n8n.importWorkflow(wf, { credentials: { midtransApi: credential, smtp: smtpCredential } });
  await n8n.activate(id);
  const executions = await n8n.waitForExecutions(id, 3, 90000);
  await n8n.deactivate(id);

  expect(executions.filter((e) => e.status !== 'success')).toEqual([]);
  const to = smtp.messages.map((m) => m.to[0]).sort();
  expect(to).toEqual(['rem-in-3@example.com', 'rem-today@example.com']);
  const today = smtp.messages.find((m) => m.to[0] === 'rem-today@example.com')!;
  expect(today.data).toMatch(/Subject: Payment reminder: invoice REM-TODAY/);
  expect(today.text).toContain(rows[0].payment_url);
  expect(today.text).toContain('Rp 1.500.000');
  const after = await api.call<{ data: { order_id: string; reminders_sent: string; last_reminder: string }[] }>(
    'GET',
    `/data-tables/${table.id}/rows?limit=50`,
  );
  const sent = Object.fromEntries(after.data.map((r) => [r.order_id, r.reminders_sent]));
  expect(sent).toEqual({ 'REM-TODAY': ',0,', 'REM-IN-3': ',-3,', 'REM-PAID': ',', 'REM-IN-2': ',', 'REM-DONE': ',1,' });
}, 240000);
