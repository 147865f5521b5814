/**
 * The simulator's public shapes, as the tests, the emulator and the playground use them. Fields added after
 * the first version are marked "additive".
 */
import type { RateLimitOptions } from './rate-limit';

export interface SimRequest {
  method: string;
  /** Path plus query, e.g. `/v1/payment-links/INV-1?x=1`. */
  path: string;
  /** Lower-case header names. */
  headers: Record<string, string>;
  body?: string;
}

export interface SimResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** Fault: the caller must behave as on a network timeout (the request may still have taken effect). */
  timedOut?: boolean;
  /** Additive: injected latency for this answer. The HTTP server really waits this long; a synchronous caller (the Apps Script emulator) prices it. */
  latencyMs?: number;
}

/** Which part of the simulator a request reached; faults and stats are keyed by it. */
export type SimRoute =
  'create' | 'get' | 'delete' | 'status' | 'refund' | 'direct_refund' | 'cancel' | 'expire' | 'page' | 'control' | 'unknown';
export const MIDTRANS_ROUTES: readonly SimRoute[] = ['create', 'get', 'delete', 'status', 'refund', 'direct_refund', 'cancel', 'expire'];

export type InjectedFault = 500 | 503 | 429 | 'timeout';

export interface FaultOptions {
  /** Added delay per route, fixed or drawn uniformly from [min, max] (seeded). */
  latencyMs?: Partial<Record<SimRoute, number | { min: number; max: number }>>;
  /** Probability per call of answering with that status instead of serving the request. */
  errorRates?: Partial<Record<'500' | '503' | '429', number>>;
  /** Probability per call that the request is served but the answer never arrives. */
  timeoutRate?: number;
  /** Routes the error rates and timeouts apply to; default the four Midtrans API routes. */
  routes?: SimRoute[];
  /** Exact faults: the `call`-th request (1-based, counted per route since reset) gets `fault`. Overrides the rates. */
  script?: { route: SimRoute; call: number; fault: InjectedFault }[];
  /** Probabilities per emitted notification. */
  notifications?: { dropRate?: number; duplicateRate?: number; reorderRate?: number };
  /** Additive: a Midtrans rate limit (rate-limit.ts), off when absent; answered 429 before anything else. */
  rateLimit?: RateLimitOptions;
}

export interface SimulatorOptions {
  serverKey: string;
  /** Where payment pages are served; payment_url = `${publicBaseUrl}/payment-links/${payment_link_id}`. */
  publicBaseUrl: string;
  /** Milliseconds since the epoch; default a simulator-owned clock that only advance() moves. */
  now?: () => number;
  /** Randomness (ids, faults, jitter) is deterministic from it; default 1. */
  seed?: number;
  faults?: FaultOptions;
  /** Additive: `merchant_id` in responses and notifications. */
  merchantId?: string;
  /** Additive: Automatic Fee Imposition (also POST /_sim/fee-imposition); off when absent. */
  feeImposition?: FeeImposition;
}

/**
 * Automatic Fee Imposition (docs/midtrans-contract.md §9.3): the customer pays the payment fee on top, so a
 * purchase's `gross_amount` is the link's amount plus the fee and its bodies carry the split in
 * `metadata.extra_info.gross_amount_info`. The fee is `round(amount × percent / 100) + fixed` rupiah
 * (the real fee depends on the channel and the merchant's agreement [inferred]).
 */
export interface FeeImposition {
  percent?: number;
  fixed?: number;
}

/**
 * A notification body as Midtrans sends it. The agreed type is `Record<string, string>`; every signed
 * and scalar field is indeed a string, but some payment types carry arrays (`va_numbers`,
 * `payment_amounts`), so values are typed loosely to stay honest while remaining assignable to it.
 */

export type NotificationBody = Record<string, any>;

export interface PayAction {
  status: string;
  payment_type?: string;
  transaction_id?: string;
  /** Additive: amount for a DYNAMIC_AMOUNT link (default its preset, else min, else 10,000). */
  amount?: number;
  /** Additive: for `partial_refund`, the refunded amount (default half the gross). */
  refund_amount?: number;
  /** Additive: for a card `capture`, `accept` (default) or `challenge`. */
  fraud_status?: string;
  /** Additive: the fee Midtrans charges the customer for a new purchase (Automatic Fee Imposition), overriding the simulator's setting. */
  customer_fee?: number;
}

/** Additive: a merchant's own Snap order, not a Payment Link (POST /_sim/snap-orders/:order_id/pay). */
export interface SnapOrderAction extends PayAction {
  /** Required on the first call: the order's amount. */
  gross_amount?: number;
  /** What the shop put in custom_field1, if anything. */
  custom_field1?: string;
}

export interface EmittedNotification {
  url: string | null;
  body: NotificationBody;
}

/** One HTTP attempt to deliver a notification (docs/contributing.md "Simulator", GET /_sim/notifications). */
export interface DeliveryAttempt {
  url: string;
  body: NotificationBody;
  /** HTTP status, or null when no answer came (refused, reset, timed out). */
  responseStatus: number | null;
  /** 1 = first delivery, 2 = first retry, … (redirect hops share their attempt's number). */
  attempt: number;
  /** Additive: 0 for the attempt itself, n for the n-th redirect followed within it. */
  redirect: number;
  /** Additive: why no status (e.g. "timeout", "ECONNREFUSED"). */
  error?: string;
  /** Additive: wall-clock ms when the attempt finished. */
  at: number;
  /** Additive: what the policy decided after this attempt. */
  outcome: 'delivered' | 'retry' | 'redirect' | 'failed';
}

export interface SimulatorStats {
  createdLinks: number;
  /** Every POST /v1/payment-links that named an order id, per order id (401s, 400s, 409s and injected faults included). */
  createCallsByOrderId: Record<string, number>;
  /** Links actually created per order id (at most 1 by construction; here so tests can say so). */
  createdLinksByOrderId: Record<string, number>;
  requests: number;
  requestsByRoute: Record<string, number>;
  responsesByStatus: Record<string, number>;
  faultsInjected: Record<string, number>;
  purchases: number;
  notificationsEmitted: number;
  notificationsDropped: number;
  notificationsDuplicated: number;
  notificationsReordered: number;
  /** Additive: requests answered 429 by the rate limit (FaultOptions.rateLimit), and how many carried Retry-After. */
  rateLimited: number;
  rateLimitedWithRetryAfter: number;
  /** X-Override-Notification / X-Append-Notification headers seen on create; accepted and ignored (§1: undocumented for PL). */
  notificationHeadersIgnored: number;
}

export interface Simulator {
  handle(req: SimRequest): SimResponse;
  /** Same as POST /_sim/payment-links/:order_id/pay; returns the notification body (queued for delivery). Throws SimulatorError when refused. */
  pay(orderId: string, action: PayAction): NotificationBody;
  advance(ms: number): void;
  onNotification(listener: (n: EmittedNotification) => void): void;
  stats(): SimulatorStats;
  reset(): void;
  /** Additive: the simulated time now. */
  now(): number;
  /** Additive: the delivery log the HTTP notifier writes (served by GET /_sim/notifications). */
  recordDelivery(attempt: DeliveryAttempt): void;
  deliveries(): DeliveryAttempt[];
  /** Additive: where notifications go (POST /_sim/notification-url). */
  notificationUrl(): string | null;
  /** Additive: replace the fault settings at run time (also POST /_sim/faults). */
  setFaults(faults: FaultOptions | undefined): void;
  /** Additive: lapse pending purchases that are due at the current time (every request does this; the HTTP server also does it each second). */
  sweep(): void;
  /**
   * Additive: a payment of the merchant's own Snap order `orderId` (a shop checkout, not a link), kept
   * under exactly that order id, notified to the same URL and answered by the status API; GET of any
   * link never lists it. Returns the notification body.
   */
  paySnapOrder(orderId: string, action: SnapOrderAction): NotificationBody;
  /** Additive: turn Automatic Fee Imposition on (a setting) or off (undefined) for purchases made from now on. */
  setFeeImposition(fee: FeeImposition | undefined): void;
}
