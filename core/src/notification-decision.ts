/**
 * The whole decision about one notification body, in one place for every receiver:
 *
 *   1. the signature (verify-notification.ts),
 *   2. what it means (interpret-notification.ts) and whether its signed `status_code` fits the status
 *      it claims (status-code-table.ts),
 *   3. the shapes of the unsigned fields that reach a cell or an item (unsigned-fields.ts),
 *   4. a claim that moves money confirmed with the status API (status-confirmation.ts),
 *   5. the facts to record or emit: Midtrans's answer when it was asked, the body otherwise.
 *
 * `decideNotification` runs all five over an async transport (the Midtrans Trigger, and the Midtrans
 * node's Notification ▸ Verify). The Sheets add-on, whose HTTP is synchronous and which keeps each
 * purchase's record, runs the same steps itself: `readNotification`, `needsConfirmation` with the
 * stored record, `confirmationRequest`, `confirmNotification`.
 */
import { redactSecret, type MidtransConfig } from './api-calls';
import { interpretNotification, type Interpretation, type PurchaseState } from './interpret-notification';
import type { Sha512Hex, Transport } from './ports';
import { isPlainObject } from './rule-checks';
import { confirmationRequest, confirmNotification, confirmedBody, needsConfirmation } from './status-confirmation';
import { statusCodeMismatch } from './status-code-table';
import type { MidtransNotification } from './types';
import { unsignedFieldProblem } from './unsigned-fields';
import { signedFields, verifyNotification } from './verify-notification';

export type RefusalReason =
  /** Not shaped like a notification at all (no signed fields). */
  | 'not-a-notification'
  /** The signature does not match this server key: forged, or for another Midtrans account. */
  | 'bad-signature'
  /** Signed, but its `status_code` does not fit the status it claims: edited after signing. */
  | 'status-code-mismatch'
  /** Signed, but its status is unknown or an unsigned field has a shape Midtrans never sends. */
  | 'unreadable';

export type NotificationReading =
  { ok: true; body: MidtransNotification; reading: Interpretation } | { ok: false; refused: RefusalReason; message: string };

/** Steps 1–3: no service call, never throws. */
export function readNotification(body: unknown, serverKey: string, sha512Hex: Sha512Hex): NotificationReading {
  if (!isPlainObject(body) || !signedFields(body)) {
    return {
      ok: false,
      refused: 'not-a-notification',
      message: 'Not a Midtrans notification: expected a JSON object with order_id, status_code, gross_amount and signature_key',
    };
  }
  if (!verifyNotification(body, serverKey, sha512Hex)) return { ok: false, refused: 'bad-signature', message: 'Invalid signature_key' };
  const meaning = interpretNotification(body);
  if (!meaning.ok) return { ok: false, refused: 'unreadable', message: `Cannot read this notification: ${meaning.problem}` };
  const mismatch = statusCodeMismatch(body.status_code, meaning.value.transactionStatus, meaning.value.fraudStatus);
  if (mismatch) return { ok: false, refused: 'status-code-mismatch', message: `Not what Midtrans signed: ${mismatch}` };
  const shape = unsignedFieldProblem(body);
  if (shape) return { ok: false, refused: 'unreadable', message: `Cannot read this notification: ${shape}` };
  return { ok: true, body: body as MidtransNotification, reading: meaning.value };
}

export interface DecideOptions {
  config: MidtransConfig;
  sha512Hex: Sha512Hex;
  transport: Transport;
  /**
   * False skips step 4: a money claim is then believed on its signature alone, which anyone holding
   * one genuine body can abuse (docs/reliability.md, threat model). Default true.
   */
  confirm?: boolean;
  /** The states the caller acts on; a claim of another state is ignored before any status call. Default all. */
  wants?: (state: PurchaseState) => boolean;
}

export type NotificationDecision =
  | { outcome: 'refused'; refused: RefusalReason; message: string }
  /** Nothing to act on: a state the caller does not want, or a claim Midtrans does not vouch for. */
  | { outcome: 'ignored'; reason: 'not-wanted' | 'unconfirmed'; detail: string }
  /** The status API could not be asked; a redelivery can be. */
  | { outcome: 'unavailable'; detail: string }
  /**
   * Act on it: `facts` is what to record or emit; `body` is the notification with, when `confirmed`,
   * its unsigned status fields replaced by Midtrans's answer (status-confirmation.ts CONFIRMED_FIELDS).
   */
  | { outcome: 'accepted'; body: MidtransNotification; facts: Interpretation; confirmed: boolean };

/** Steps 1–5 over an async transport: one status call at most, one attempt (the sender retries; contract.ts WHILE_ANSWERING_A_NOTIFICATION). */
export async function decideNotification(input: unknown, o: DecideOptions): Promise<NotificationDecision> {
  const read = readNotification(input, o.config.serverKey, o.sha512Hex);
  if (!read.ok) return { outcome: 'refused', refused: read.refused, message: read.message };
  const { body, reading } = read;
  const wants = o.wants ?? (() => true);
  if (!wants(reading.state)) return { outcome: 'ignored', reason: 'not-wanted', detail: `state ${reading.state} is not watched` };
  if (o.confirm === false || !needsConfirmation(reading)) return { outcome: 'accepted', body, facts: reading, confirmed: false };
  let answer;
  try {
    answer = await o.transport(confirmationRequest(o.config, reading));
  } catch (e) {
    const why = redactSecret(e instanceof Error ? e.message : String(e), o.config.serverKey);
    return { outcome: 'unavailable', detail: `could not reach Midtrans: ${why}` };
  }
  const c = confirmNotification(reading, answer, o.config.serverKey);
  if (c.verdict === 'unavailable') return { outcome: 'unavailable', detail: c.detail };
  if (c.verdict === 'unconfirmed') return { outcome: 'ignored', reason: 'unconfirmed', detail: c.detail };
  if (!wants(c.facts.state)) return { outcome: 'ignored', reason: 'not-wanted', detail: `state ${c.facts.state} is not watched` };
  return { outcome: 'accepted', body: confirmedBody(body, c.answer), facts: c.facts, confirmed: true };
}
