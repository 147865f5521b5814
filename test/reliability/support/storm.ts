/**
 * Notification storms: the genuine notifications of a sheet's purchases (made in the simulator, so
 * they are signed and shaped as Midtrans sends them), in the order Midtrans emitted them, plus a
 * shuffled delivery of the same with duplicates, forged bodies, malformed bodies and documented
 * reversals (settlement → deny on Permata VA, Mandiri Bill, Indomaret) mixed in.
 */
import { createHash } from 'crypto';
import { notificationSignature } from '../../../core/src';
import type { NotificationBody, Simulator } from '../../../tools/simulator';
import { rng } from './seeds';

export const sha512Hex = (s: string) => createHash('sha512').update(s, 'utf8').digest('hex');

type Step = { status: string; fraud_status?: string };
/** One purchase's life: its method and the statuses Midtrans moves it through. */
const LIVES: { method: string; steps: Step[] }[] = [
  { method: 'bca_va', steps: [{ status: 'pending' }, { status: 'settlement' }] },
  { method: 'bca_va', steps: [{ status: 'pending' }, { status: 'expire' }] },
  { method: 'bni_va', steps: [{ status: 'pending' }, { status: 'cancel' }] },
  { method: 'gopay', steps: [{ status: 'settlement' }, { status: 'refund' }] },
  { method: 'gopay', steps: [{ status: 'pending' }, { status: 'settlement' }, { status: 'partial_refund' }] },
  { method: 'permata_va', steps: [{ status: 'pending' }, { status: 'settlement' }, { status: 'deny' }] },
  { method: 'echannel', steps: [{ status: 'settlement' }, { status: 'deny' }] },
  { method: 'indomaret', steps: [{ status: 'pending' }, { status: 'settlement' }, { status: 'deny' }] },
  { method: 'credit_card', steps: [{ status: 'capture', fraud_status: 'accept' }, { status: 'settlement' }] },
  {
    method: 'credit_card',
    steps: [
      { status: 'capture', fraud_status: 'challenge' },
      { status: 'capture', fraud_status: 'accept' },
    ],
  },
  { method: 'credit_card', steps: [{ status: 'capture', fraud_status: 'challenge' }, { status: 'deny' }] },
  { method: 'other_qris', steps: [{ status: 'pending' }] },
];

/** Pays each link 1..usageLimit times along random lives; returns every notification, in emission order. */
export function payEverything(
  sim: Simulator,
  links: { orderId: string; usageLimit: number }[],
  seed: number,
): { ordered: NotificationBody[]; reversals: number } {
  const r = rng(seed * 31 + 5);
  // Interleave purchases across links: emission order is the order of the steps below.
  const lives: { orderId: string; method: string; steps: Step[]; transactionId?: string }[] = [];
  for (const l of links) {
    const n = r.int(1, Math.min(l.usageLimit, 3));
    for (let i = 0; i < n; i++) {
      const life = r.pick(LIVES);
      lives.push({ orderId: l.orderId, method: life.method, steps: life.steps.slice(0, r.int(1, life.steps.length)) });
    }
  }
  const ordered: NotificationBody[] = [];
  let reversals = 0;
  while (lives.some((l) => l.steps.length)) {
    const l = r.pick(lives.filter((x) => x.steps.length));
    const step = l.steps.shift() as Step;
    const body = l.transactionId
      ? sim.pay(l.orderId, { ...step, transaction_id: l.transactionId })
      : sim.pay(l.orderId, { ...step, payment_type: l.method });
    l.transactionId = body.transaction_id as string;
    if (step.status === 'deny' && ordered.some((b) => b.transaction_id === l.transactionId && b.transaction_status === 'settlement'))
      reversals++;
    ordered.push(body);
  }
  return { ordered, reversals };
}

export type DeliveryKind = 'genuine' | 'duplicate' | 'forged' | 'malformed';
export interface Delivery {
  kind: DeliveryKind;
  /** The raw HTTP body. */
  text: string;
  /** Why a forged or malformed one is wrong (for failure messages). */
  how?: string;
}

/** Bodies that carry a signature_key but are not Midtrans's: each must be refused. */
function forgeries(genuine: NotificationBody[], r: ReturnType<typeof rng>): Delivery[] {
  const base = r.pick(genuine);
  const other = r.pick(genuine);
  const resigned = { ...base, transaction_status: 'settlement', status_code: '200', fraud_status: 'accept' };
  // Midtrans signs order_id + status_code + gross_amount only (docs/midtrans-contract.md §5.3): a relabelled
  // transaction_status under the same status_code verifies, so that is not a forgery a receiver can
  // see; the forgeries here all touch a signed field or the signature.
  const unpaid = genuine.find((b) => b.status_code !== '200');
  const made: [string, unknown][] = [
    ['amount lowered, signature kept', { ...base, gross_amount: '1.00' }],
    ...(unpaid
      ? [
          ['status raised to settlement, signature kept', { ...unpaid, transaction_status: 'settlement', status_code: '200' }] as [
            string,
            unknown,
          ],
        ]
      : []),
    [
      'signed with another server key',
      { ...resigned, signature_key: notificationSignature(resigned, 'SB-Mid-server-attacker', sha512Hex) },
    ],
    ['signature_key removed', { ...base, signature_key: undefined }],
    [
      'signature from another notification',
      { ...base, signature_key: other.signature_key === base.signature_key ? '0'.repeat(128) : other.signature_key },
    ],
    ['order id moved to another link', { ...base, order_id: `${String(other.order_id)}X` }],
    ['signature upper-cased and truncated', { ...base, signature_key: String(base.signature_key).toUpperCase().slice(0, 127) }],
    ['status_code changed', { ...base, status_code: base.status_code === '200' ? '201' : '200' }],
  ];
  return made.map(([how, body]) => ({ kind: 'forged' as const, how, text: JSON.stringify(body) }));
}

const MALFORMED: [string, string][] = [
  ['empty body', ''],
  ['not JSON', 'order_id=INV-1&transaction_status=settlement'],
  ['truncated JSON', '{"order_id":"INV-1","status_code":"200","gross'],
  ['JSON array', '[{"order_id":"INV-1"}]'],
  ['JSON null', 'null'],
  ['JSON number', '42'],
  ['signed fields as numbers', '{"order_id":1,"status_code":200,"gross_amount":10000,"signature_key":"x"}'],
  ['nested objects', '{"order_id":{"$ne":""},"status_code":{},"gross_amount":[],"signature_key":{}}'],
  [
    'very long order id',
    JSON.stringify({ order_id: 'A'.repeat(100_000), status_code: '200', gross_amount: '1.00', signature_key: 'f'.repeat(128) }),
  ],
  ['prototype keys', '{"__proto__":{"polluted":true},"constructor":{"prototype":{"x":1}},"order_id":"INV-1"}'],
];

/**
 * The storm: every genuine notification at least once, in random order, some repeated 1–3 times,
 * with 3–8 forgeries and 3–8 malformed bodies mixed in.
 */
export function storm(genuine: NotificationBody[], seed: number): Delivery[] {
  const r = rng(seed * 131 + 7);
  const out: Delivery[] = genuine.map((b) => ({ kind: 'genuine' as const, text: JSON.stringify(b) }));
  for (const b of genuine)
    if (r.chance(0.4)) for (let i = r.int(1, 3); i > 0; i--) out.push({ kind: 'duplicate', text: JSON.stringify(b) });
  const forged = r.shuffle(forgeries(genuine, r)).slice(0, r.int(3, 8));
  const malformed = r.shuffle(MALFORMED.map(([how, text]) => ({ kind: 'malformed' as const, how, text }))).slice(0, r.int(3, 8));
  return r.shuffle([...out, ...forged, ...malformed]);
}
