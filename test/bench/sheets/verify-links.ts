/**
 * Correctness of one side after its run: every valid row holds the payment_url the simulator has for
 * its order id, made by exactly one successful create (no duplicate links), and no invalid row has a
 * link. A side that fails this has no figures worth printing.
 */
import { paymentUrlOf, type PaymentLink } from '../../../core/src';
import type { AppsScriptEnvironment } from '../../../tools/apps-script-emulator';
import type { Simulator } from '../../../tools/simulator';
import type { Workload } from './invoice-rows';

export interface LinkCheck {
  links: number;
  problems: string[];
}

export function verifyLinks(env: AppsScriptEnvironment, sim: Simulator, serverKey: string, workload: Workload): LinkCheck {
  const values = env.sheetValues('Invoices');
  const head = values[0].map(String);
  const idCol = head.indexOf('Order ID');
  const linkCol = head.indexOf('Payment Link');
  const byOrder = new Map(values.slice(1).map((r) => [String(r[idCol]), String(r[linkCol] ?? '')] as const));
  const auth = `Basic ${Buffer.from(`${serverKey}:`).toString('base64')}`;
  const created = sim.stats().createdLinksByOrderId;
  const problems: string[] = [];
  let links = 0;
  for (const orderId of workload.validOrderIds) {
    const cell = byOrder.get(orderId) ?? '';
    if (cell === '') {
      problems.push(`${orderId}: no link in the sheet`);
      continue;
    }
    const res = sim.handle({
      method: 'GET',
      path: `/v1/payment-links/${encodeURIComponent(orderId)}`,
      headers: { authorization: auth, accept: 'application/json' },
    });
    // The GET view names it payment_link_url (core paymentUrlOf); the create answer says payment_url.
    const known = res.status === 200 ? paymentUrlOf(JSON.parse(res.body) as PaymentLink) : '';
    if (known !== cell) problems.push(`${orderId}: the sheet has ${cell}, the simulator ${known || `answers ${res.status}`}`);
    else if (created[orderId] !== 1) problems.push(`${orderId}: ${created[orderId] ?? 0} links created for it`);
    else links++;
  }
  for (const orderId of workload.invalidOrderIds) {
    if ((byOrder.get(orderId) ?? '') !== '') problems.push(`${orderId}: an invalid row got a link`);
    if (created[orderId]) problems.push(`${orderId}: Midtrans made a link for an invalid row`);
  }
  return { links, problems };
}
