/** Notification signatures (docs/midtrans-contract.md §5.3). */
import { isPlainObject } from './rule-checks';
import type { Sha512Hex } from './ports';

/** Compares two strings in time that depends only on their lengths. */
export function constantTimeEqual(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) diff |= (a.charCodeAt(i % (a.length || 1)) | 0) ^ (b.charCodeAt(i % (b.length || 1)) | 0);
  return diff === 0 && a.length === b.length;
}

/**
 * The three signed values as Midtrans concatenates them. They are taken from the body as sent; a
 * number (seen only in the PL page's hand-edited sample) is rebuilt as `String(status_code)` and
 * `gross_amount.toFixed(2)` [inferred, §5.3].
 */
export function signedFields(body: unknown): { orderId: string; statusCode: string; grossAmount: string } | undefined {
  if (!isPlainObject(body)) return undefined;
  const { order_id: orderId, status_code: code, gross_amount: gross } = body;
  if (typeof orderId !== 'string' || orderId === '') return undefined;
  let statusCode: string;
  if (typeof code === 'string' && code !== '') statusCode = code;
  else if (typeof code === 'number' && Number.isInteger(code)) statusCode = String(code);
  else return undefined;
  let grossAmount: string;
  if (typeof gross === 'string' && gross !== '') grossAmount = gross;
  else if (typeof gross === 'number' && Number.isFinite(gross)) grossAmount = gross.toFixed(2);
  else return undefined;
  return { orderId, statusCode, grossAmount };
}

export function notificationSignature(body: unknown, serverKey: string, sha512Hex: Sha512Hex): string | undefined {
  const f = signedFields(body);
  return f ? sha512Hex(f.orderId + f.statusCode + f.grossAmount + serverKey).toLowerCase() : undefined;
}

/** True only for a body whose `signature_key` matches; never throws, whatever it is given. */
export function verifyNotification(body: unknown, serverKey: string, sha512Hex: (s: string) => string): boolean {
  try {
    if (typeof serverKey !== 'string' || serverKey === '' || !isPlainObject(body)) return false;
    const given = body.signature_key;
    if (typeof given !== 'string' || given === '') return false;
    const expected = notificationSignature(body, serverKey, sha512Hex);
    if (typeof expected !== 'string') return false;
    return constantTimeEqual(expected, given.toLowerCase());
  } catch {
    return false;
  }
}
