/** Identifiers: generated order ids and link ids, and the way back from a purchase to its link. */
import { LINK_ORDER_ID_SAFE_MAX, PURCHASE_SUFFIX } from './contract';
import type { RandomBytes } from './ports';

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** RFC 4648 base32 without padding, lower case: 5 bits a character, always within `[a-z0-9]`. */
export function base32(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += BASE32[(buffer << (5 - bits)) & 31];
  return out;
}

function randomOf(random: RandomBytes, n: number): Uint8Array {
  const bytes = random(n);
  if (!bytes || bytes.length !== n) throw new Error(`The random source returned ${bytes ? bytes.length : 'no'} bytes, ${n} were asked for`);
  return bytes;
}

/**
 * An unguessable `payment_link_id` (Midtrans's security tip, §2.2): 128 random bits, 26 characters of
 * `[a-z2-7]`, well within the lower-case charset and 50-character limit.
 */
export function generatePaymentLinkId(random: RandomBytes): string {
  return base32(randomOf(random, 16));
}

export const ORDER_ID_PREFIX_MAX = 16;

/**
 * An order id for a row that has none: a readable prefix (sanitised to the order-id charset) and 80
 * random bits, at most 33 characters, so the purchase id with its 14-character suffix stays ≤ 50.
 */
export function generateOrderId(prefix: string, random: RandomBytes): string {
  const clean = prefix
    .replace(/[^A-Za-z0-9_~.-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, ORDER_ID_PREFIX_MAX);
  const token = base32(randomOf(random, 10)).toUpperCase();
  const id = clean ? `${clean}-${token}` : token;
  return id.slice(0, LINK_ORDER_ID_SAFE_MAX);
}

/**
 * The order id with Midtrans's purchase suffix (`-` and 13 digits of epoch milliseconds, §5.6) cut off;
 * an id without that exact tail comes back unchanged. This is the link's order id only if the
 * transaction is a link's purchase, which the tail alone does not show: merchants' own Snap order ids
 * end the same way (`ORDER-26-1765990547301` becomes `ORDER-26`). Whether a transaction belongs to a
 * link is decided in link-claim.ts, from evidence.
 */
export function linkOrderIdFromTransaction(orderId: string): string {
  if (typeof orderId !== 'string') return '';
  return PURCHASE_SUFFIX.test(orderId) ? orderId.slice(0, -14) : orderId;
}
