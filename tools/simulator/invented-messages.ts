/**
 * EVERY MESSAGE IN THIS FILE IS INVENTED [inferred]: Midtrans documents no text for these cases
 * (docs/midtrans-contract.md §2.3: the docs give no other 400 texts, so the simulator makes them up and
 * marks them as such). Shapes follow the documented ones (`{"error_messages": [...]}`) unless noted. Change
 * them here if real sandbox traffic shows otherwise.
 */
/* Create-rule messages live with the rules themselves (create-rules.ts), invented likewise. */

/** GET/DELETE of an unknown or deleted link: 404 status documented (DELPL), body shape and text invented. */
export const linkNotFound = (orderId: string) => `Payment Link with Order ID '${orderId}' not found`;

/**
 * GET /v2/:id/status for an unknown id, or a purchase whose customer has not picked a method yet:
 * HTTP 200 with `status_code` "404" in the body (§6, NODE httpClient.js). The text is the one a public
 * project reports seeing from Midtrans; the `id` field is our guess at its shape.
 */
export const TRANSACTION_NOT_FOUND = "Transaction doesn't exist.";

/**
 * /v2 routes with a bad key: the PL 401 body is documented only for /v1; a public project reports
 * "Unknown Merchant server_key/id" from the Core API, so /v2 answers HTTP 401 with the Core API's shape.
 */
export const UNKNOWN_MERCHANT = 'Unknown Merchant server_key/id';

/** Injected faults. */
export const FAULT_BODIES: Record<'500' | '503' | '429', { error_messages: string[] }> = {
  '500': { error_messages: ['Sorry. Our system is recovering from unexpected issues. Please retry. (simulated fault)'] },
  '503': { error_messages: ['Service temporarily unavailable. Please retry. (simulated fault)'] },
  '429': { error_messages: ['Too many requests. Please retry later. (simulated fault)'] },
};

/** The rate limit's 429 (rate-limit.ts): the status is documented, no body text is. */
export const RATE_LIMITED_BODY = { error_messages: ['Too many requests. Please retry later. (simulated rate limit)'] };

export const ROUTE_NOT_FOUND = (method: string, path: string) => `No route for ${method} ${path} (simulator)`;

/** Payments refused (control API and payment page). */
export const PAY_REFUSED = {
  deleted: (orderId: string) => `Payment Link with Order ID '${orderId}' has been deleted and no longer accepts payments`,
  expired: (orderId: string) => `Payment Link with Order ID '${orderId}' has expired and no longer accepts payments`,
  usedUp: (orderId: string, limit: number) =>
    `Payment Link with Order ID '${orderId}' has reached its usage limit of ${limit} (pending payments hold a unit until they expire)`,
  methodNotEnabled: (method: string, enabled: string[]) =>
    `Payment method '${method}' is not enabled for this link (enabled: ${enabled.join(', ')})`,
  unknownMethod: (method: string) => `Unknown payment method '${method}'`,
  unknownStatus: (status: string) =>
    `Unknown status '${status}'; use pending, settlement, capture, deny, cancel, expire, refund, partial_refund or open`,
  unknownTransaction: (id: string) => `No purchase with transaction_id '${id}' on this link`,
  badTransition: (from: string, to: string) => `A purchase in '${from}' cannot move to '${to}'`,
  captureNeedsCard: 'capture and authorize apply to credit_card payments only',
  amountOutOfRange: (min: number, max: number) => `amount must be a whole number between ${min} and ${max}`,
  customerFieldMissing: (field: string) => `${field} is required by this payment link`,
};

/** Refunds Midtrans refuses for reasons its docs name but give no text for (§10.1, §10.2). */
export const REFUND_REFUSED = {
  channel: (paymentType: string, direct: boolean) =>
    `${direct ? 'Direct refund' : 'Refund'} is not available for payment_type '${paymentType}'`,
  amount: (amount: unknown, left: number) => `Refund amount ${String(amount)} is invalid: ${left} is left to refund`,
  keyReused: (key: string) => `refund_key '${key}' was already used for a different refund`,
  key: 'refund_key may contain only letters, digits, dash and underscore',
};
