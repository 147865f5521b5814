/**
 * The simulator as one synchronous handler: request in, response out, state in memory, clock and
 * randomness injected. The HTTP server (server.ts) and the Apps Script emulator both wrap it.
 */
import { createHash } from 'node:crypto';
import type { CreatePaymentLinkRequest } from '../../core/src';
import { createRuleProblems } from './create-rules';
import { INVALID_JSON, UNAUTHORIZED_BODY, linkDeleted, orderIdTaken, paymentLinkIdTaken } from './documented-messages';
import {
  FAULT_BODIES,
  PAY_REFUSED,
  RATE_LIMITED_BODY,
  ROUTE_NOT_FOUND,
  TRANSACTION_NOT_FOUND,
  UNKNOWN_MERCHANT,
  linkNotFound,
} from './invented-messages';
import { FaultPlan } from './faults';
import { RateLimiter } from './rate-limit';
import { basicAuthUser, json, parseJsonBody, splitPath } from './http-helpers';
import { linkView, newLink, type StoredLink, type StoredPurchase } from './link-state';
import { handlePageForm, renderPaymentPage, type PageHost } from './payment-page';
import { SimulatorError, payLink, statusViewOf, type PayContext } from './purchase-actions';
import { randomStreams, uuidFrom } from './seeded-random';
import { transactionAction, type ActionKind } from './transaction-actions';
import type {
  DeliveryAttempt,
  EmittedNotification,
  FaultOptions,
  NotificationBody,
  PayAction,
  SimRequest,
  SimResponse,
  SimRoute,
  Simulator,
  SimulatorOptions,
  SimulatorStats,
  SnapOrderAction,
} from './types';

const sha512Hex = (s: string) => createHash('sha512').update(s, 'utf8').digest('hex');

function emptyStats(): SimulatorStats {
  return {
    createdLinks: 0,
    createCallsByOrderId: {},
    createdLinksByOrderId: {},
    requests: 0,
    requestsByRoute: {},
    responsesByStatus: {},
    faultsInjected: {},
    purchases: 0,
    notificationsEmitted: 0,
    notificationsDropped: 0,
    notificationsDuplicated: 0,
    notificationsReordered: 0,
    notificationHeadersIgnored: 0,
    rateLimited: 0,
    rateLimitedWithRetryAfter: 0,
  };
}

const bump = (m: Record<string, number>, k: string) => {
  m[k] = (m[k] ?? 0) + 1;
};

export function createSimulator(options: SimulatorOptions): Simulator {
  const seed = options.seed ?? 1;
  const baseUrl = options.publicBaseUrl.replace(/\/+$/, '');
  const merchantId = options.merchantId ?? 'G000000001';
  const startedAt = Date.now();
  const baseNow = options.now ?? (() => startedAt);

  let random = randomStreams(seed);
  let offset = 0;
  let links = new Map<string, StoredLink>();
  /** Purchases by their order id and by transaction id, and the pending ones: lookups stay O(1) with thousands of links. */
  let purchaseIndex = new Map<string, { link: StoredLink; purchase: StoredPurchase }>();
  let pending = new Map<StoredPurchase, StoredLink>();
  /** No pending purchase lapses before this; lets the sweep on every request cost nothing most of the time. */
  let nextDue = Infinity;
  let byPaymentLinkId = new Map<string, StoredLink>();
  /** The merchant's own Snap orders (a shop), by their order id: never a Payment Link, never listed by GET. */
  let snapOrders = new Map<string, StoredLink>();
  let feeImposition = options.feeImposition;
  let stats = emptyStats();
  let nextLinkId = 1;
  let nextPurchaseId = 1;
  let notifyUrl: string | null = null;
  /** The merchant's server key now: it can change (POST /_sim/server-key), as when Midtrans issues a new one. */
  let serverKey = options.serverKey;
  let emitted: EmittedNotification[] = [];
  let held: (() => void)[] = [];
  let attempts: DeliveryAttempt[] = [];
  const listeners: ((n: EmittedNotification) => void)[] = [];
  const faults = new FaultPlan(options.faults, () => random.faults());
  const limiter = new RateLimiter(options.faults?.rateLimit, seed);

  const now = () => baseNow() + offset;
  const paymentUrlOf = (link: StoredLink) => `${baseUrl}/payment-links/${encodeURIComponent(link.paymentLinkId)}`;
  const payContext = (): PayContext => ({
    now: now(),
    ids: random.ids,
    nextPurchaseId: () => nextPurchaseId++,
    serverKey,
    merchantId,
    sha512Hex,
    feeImposition,
  });

  function flushHeld(): void {
    const release = held;
    held = [];
    for (const deliver of release) deliver();
  }

  /** Hands a notification to the listeners, through the drop/duplicate/reorder faults. */
  function emit(body: NotificationBody): void {
    const n: EmittedNotification = { url: notifyUrl, body };
    stats.notificationsEmitted++;
    emitted.push(n);
    const fate = faults.notificationFate();
    if (fate.drop) {
      stats.notificationsDropped++;
      return;
    }
    const deliver = () => {
      for (const l of listeners) l(n);
      if (fate.duplicate) {
        stats.notificationsDuplicated++;
        for (const l of listeners) l(n);
      }
    };
    if (fate.reorder) {
      // Held back until the next notification has gone out (or the clock moves).
      stats.notificationsReordered++;
      held.push(deliver);
      return;
    }
    deliver();
    flushHeld();
  }

  /** Pending purchases whose time ran out become `expire` and say so (§2.2: expiry gives the unit back). */
  function sweepExpiries(): void {
    const t = now();
    if (t < nextDue) return;
    const due = [...pending].filter(([p]) => p.pendingExpiresAt !== undefined && p.pendingExpiresAt <= t);
    due.sort(([a], [b]) => (a.pendingExpiresAt as number) - (b.pendingExpiresAt as number));
    for (const [p, link] of due) {
      const out = payLink(
        link,
        { status: 'expire', transaction_id: p.transactionId },
        { ...payContext(), now: p.pendingExpiresAt as number },
      );
      track(link, out.purchase);
      if (out.notification) emit(out.notification);
    }
    nextDue = Infinity;
    for (const p of pending.keys()) nextDue = Math.min(nextDue, p.pendingExpiresAt ?? Infinity);
  }

  function track(link: StoredLink, p: StoredPurchase): void {
    if (!purchaseIndex.has(p.orderId)) stats.purchases++;
    purchaseIndex.set(p.orderId, { link, purchase: p });
    purchaseIndex.set(p.transactionId, { link, purchase: p });
    if (p.status === 'pending') {
      pending.set(p, link);
      nextDue = Math.min(nextDue, p.pendingExpiresAt ?? Infinity);
    } else pending.delete(p);
  }

  function pay(orderId: string, action: PayAction): NotificationBody {
    sweepExpiries();
    const link = links.get(orderId);
    if (!link) throw new SimulatorError(404, linkNotFound(orderId));
    const out = payLink(link, action ?? ({} as PayAction), payContext());
    track(link, out.purchase);
    if (!out.notification)
      return { order_id: out.purchase.orderId, transaction_id: out.purchase.transactionId, transaction_status: 'open' };
    emit(out.notification);
    return out.notification;
  }

  function paySnapOrder(orderId: string, action: SnapOrderAction): NotificationBody {
    sweepExpiries();
    let order = snapOrders.get(orderId);
    if (!order) {
      const amount = action?.gross_amount;
      if (typeof amount !== 'number' || !Number.isInteger(amount) || amount < 1)
        throw new SimulatorError(400, PAY_REFUSED.amountOutOfRange(1, Number.MAX_SAFE_INTEGER));
      const request: CreatePaymentLinkRequest = { transaction_details: { order_id: orderId, gross_amount: amount }, usage_limit: 1 };
      if (typeof action.custom_field1 === 'string') request.custom_field1 = action.custom_field1;
      order = { ...newLink(0, '', request, now()), snapOrder: true };
      snapOrders.set(orderId, order);
    }
    const out = payLink(order, action, payContext());
    track(order, out.purchase);
    if (!out.notification) throw new SimulatorError(400, PAY_REFUSED.unknownStatus('open'));
    emit(out.notification);
    return out.notification;
  }

  // ---- Midtrans routes -------------------------------------------------------------------------

  function createLink(req: SimRequest): SimResponse {
    const parsed = parseJsonBody(req);
    if (!parsed.ok) return json(400, { error_messages: [INVALID_JSON] });
    const body = parsed.value;
    // The simulator's own reading of the docs (create-rules.ts), never the core's validator it tests.
    const issues = createRuleProblems(body);
    if (issues.length) return json(400, { error_messages: [...new Set(issues.map((p) => p.message))] });
    const request = body as CreatePaymentLinkRequest;
    const id = request.transaction_details.order_id;
    // [inferred] order id first: a request reusing both gets the 409.
    if (links.has(id)) return json(409, { error_messages: [orderIdTaken(id)] });
    const wanted = request.transaction_details.payment_link_id;
    if (wanted !== undefined && byPaymentLinkId.has(wanted)) return json(400, { error_messages: [paymentLinkIdTaken(wanted)] });
    // Midtrans makes one up when the request has none (§2.2 gives no shape [inferred: any id in the documented charset]).
    let paymentLinkId = wanted ?? uuidFrom(random.ids);
    while (byPaymentLinkId.has(paymentLinkId)) paymentLinkId = uuidFrom(random.ids);
    const link = newLink(nextLinkId++, paymentLinkId, JSON.parse(JSON.stringify(request)), now());
    links.set(id, link);
    byPaymentLinkId.set(paymentLinkId, link);
    stats.createdLinks++;
    bump(stats.createdLinksByOrderId, id);
    return json(200, { order_id: id, payment_url: paymentUrlOf(link) });
  }

  /** Every create call that names an order id counts, whatever happens to it (faults and 401s included). */
  function countCreateCall(req: SimRequest): void {
    const h = lowerCaseKeys(req.headers);
    if (h['x-override-notification'] !== undefined || h['x-append-notification'] !== undefined) stats.notificationHeadersIgnored++;
    const parsed = parseJsonBody(req);
    const body = parsed.ok ? (parsed.value as { transaction_details?: { order_id?: unknown } } | null) : null;
    const orderId =
      body && typeof body === 'object' && body.transaction_details && typeof body.transaction_details === 'object'
        ? body.transaction_details.order_id
        : undefined;
    if (typeof orderId === 'string') bump(stats.createCallsByOrderId, orderId);
  }

  function liveLink(orderId: string): StoredLink | undefined {
    const link = links.get(orderId);
    return link && link.deletedAt === undefined ? link : undefined;
  }

  function getLink(orderId: string): SimResponse {
    const link = liveLink(orderId);
    if (!link) return json(404, { error_messages: [linkNotFound(orderId)] });
    return json(200, linkView(link, paymentUrlOf(link), merchantId));
  }

  function deleteLink(orderId: string): SimResponse {
    const link = liveLink(orderId);
    if (!link) return json(404, { error_messages: [linkNotFound(orderId)] });
    link.deletedAt = now();
    return json(200, { message: linkDeleted(orderId) });
  }

  function findPurchase(id: string): { link: StoredLink; purchase: StoredPurchase } | undefined {
    return purchaseIndex.get(id);
  }

  function transactionStatus(id: string): SimResponse {
    const found = findPurchase(id);
    // §6: HTTP 200 with status_code "404" for an unknown id and for a purchase with no method chosen yet.
    if (!found || found.purchase.method === undefined) {
      return json(200, { status_code: '404', status_message: TRANSACTION_NOT_FOUND, id: uuidFrom(random.ids) });
    }
    return json(200, statusViewOf(found.link, found.purchase, payContext()));
  }

  /** §10: refund, direct refund, cancel, expire; a change sends its notification as a payment does. */
  function actOn(kind: ActionKind, id: string, req: SimRequest): SimResponse {
    const found = findPurchase(id);
    if (!found || found.purchase.method === undefined) {
      return json(200, { status_code: '404', status_message: TRANSACTION_NOT_FOUND, id: uuidFrom(random.ids) });
    }
    const parsed = parseJsonBody(req);
    if (req.body && !parsed.ok) return json(200, { status_code: '400', status_message: INVALID_JSON });
    const body = parsed.ok && parsed.value && typeof parsed.value === 'object' ? (parsed.value as Record<string, unknown>) : {};
    const result = transactionAction(kind, found.link, found.purchase, body, payContext());
    if (result.outcome) {
      track(found.link, result.outcome.purchase);
      if (result.outcome.notification) emit(result.outcome.notification);
    }
    return json(200, result.answer);
  }

  // ---- control routes ----------------------------------------------------------------------------

  function control(req: SimRequest, rest: string[], query: URLSearchParams): SimResponse {
    const method = req.method.toUpperCase();
    const route = rest.join('/');
    const body = () => {
      const parsed = parseJsonBody(req);
      return parsed.ok && parsed.value && typeof parsed.value === 'object' ? (parsed.value as Record<string, unknown>) : {};
    };
    if (route === 'notification-url' && method === 'POST') {
      const url = body().url;
      if (url !== null && url !== '' && (typeof url !== 'string' || !/^https?:\/\//.test(url))) {
        return json(400, { error_messages: ['url must be an http(s) URL, or null to stop notifications (simulator)'] });
      }
      notifyUrl = typeof url === 'string' && url !== '' ? url : null;
      return json(200, { url: notifyUrl });
    }
    if (route === 'notification-url' && method === 'GET') return json(200, { url: notifyUrl });
    if (route === 'server-key' && method === 'POST') {
      // A new key replaces the old one at once: the API refuses the old key (401) and every
      // notification from now on is signed with the new one.
      const key = body().serverKey;
      if (typeof key !== 'string' || key.trim() === '')
        return json(400, { error_messages: ['serverKey must be a non-empty string (simulator)'] });
      serverKey = key;
      return json(200, { changed: true });
    }
    if (rest[0] === 'payment-links' && rest.length === 3 && rest[2] === 'pay' && method === 'POST') {
      try {
        return json(200, pay(rest[1], body() as unknown as PayAction));
      } catch (e) {
        if (e instanceof SimulatorError) return json(e.status, { error_messages: [e.message] });
        throw e;
      }
    }
    if (rest[0] === 'snap-orders' && rest.length === 3 && rest[2] === 'pay' && method === 'POST') {
      try {
        return json(200, paySnapOrder(rest[1], body() as unknown as SnapOrderAction));
      } catch (e) {
        if (e instanceof SimulatorError) return json(e.status, { error_messages: [e.message] });
        throw e;
      }
    }
    if (route === 'fee-imposition' && method === 'POST') {
      const b = body();
      const percent = b.percent;
      const fixed = b.fixed;
      const bad = (v: unknown) => v !== undefined && (typeof v !== 'number' || !Number.isFinite(v) || v < 0);
      if (bad(percent) || bad(fixed)) return json(400, { error_messages: ['percent and fixed must be non-negative numbers (simulator)'] });
      feeImposition =
        percent === undefined && fixed === undefined
          ? undefined
          : { percent: percent as number | undefined, fixed: fixed as number | undefined };
      return json(200, { feeImposition: feeImposition ?? null });
    }
    if (route === 'payment-links' && method === 'GET') {
      return json(
        200,
        [...links.values()].map((l) => ({ ...linkView(l, paymentUrlOf(l), merchantId), deleted: l.deletedAt !== undefined })),
      );
    }
    if (route === 'notifications' && method === 'GET') {
      return json(200, query.get('emitted') ? emitted : attempts);
    }
    if (route === 'clock/advance' && method === 'POST') {
      const ms = Number(body().ms);
      if (!Number.isFinite(ms) || ms < 0) return json(400, { error_messages: ['ms must be a non-negative number (simulator)'] });
      advance(ms);
      return json(200, { now: now(), iso: new Date(now()).toISOString() });
    }
    if (route === 'clock' && method === 'GET') return json(200, { now: now(), iso: new Date(now()).toISOString() });
    if (route === 'reset' && method === 'POST') {
      reset();
      return json(200, { reset: true });
    }
    if (route === 'stats' && method === 'GET') return json(200, stats);
    if (route === 'faults' && method === 'POST') {
      setFaults(body() as FaultOptions);
      return json(200, { faults: faults.current ?? null });
    }
    if (route === 'faults' && method === 'GET') return json(200, { faults: faults.current ?? null });
    return json(404, { error_messages: [ROUTE_NOT_FOUND(method, req.path)] });
  }

  // ---- dispatch ----------------------------------------------------------------------------------

  type Match = { route: SimRoute; serve: () => SimResponse; auth: 'v1' | 'v2' | 'none' };

  function match(req: SimRequest): Match {
    const method = req.method.toUpperCase();
    const { segments, query } = splitPath(req.path);
    const notFound = () => json(404, { error_messages: [ROUTE_NOT_FOUND(method, req.path)] });
    if (!segments) return { route: 'unknown', serve: notFound, auth: 'none' };
    const [a, b, c, d] = segments;
    const n = segments.length;
    if (a === 'v1' && b === 'payment-links') {
      if (n === 2 && method === 'POST') return { route: 'create', serve: () => createLink(req), auth: 'v1' };
      if (n === 3 && method === 'GET') return { route: 'get', serve: () => getLink(c), auth: 'v1' };
      if (n === 3 && method === 'DELETE') return { route: 'delete', serve: () => deleteLink(c), auth: 'v1' };
    }
    if (a === 'v2' && n === 3 && c === 'status' && method === 'GET')
      return { route: 'status', serve: () => transactionStatus(b), auth: 'v2' };
    if (a === 'v2' && method === 'POST' && n === 3 && (c === 'refund' || c === 'cancel' || c === 'expire'))
      return { route: c, serve: () => actOn(c, b, req), auth: 'v2' };
    if (a === 'v2' && method === 'POST' && n === 5 && c === 'refund' && d === 'online' && segments[4] === 'direct') {
      return { route: 'direct_refund', serve: () => actOn('direct_refund', b, req), auth: 'v2' };
    }
    if (a === '_sim') return { route: 'control', serve: () => control(req, segments.slice(1), query), auth: 'none' };
    if (a === 'payment-links' && (n === 2 || (n === 3 && c === 'pay')) && d === undefined) {
      const link = byPaymentLinkId.get(b);
      if (method === 'GET' && n === 2) return { route: 'page', serve: () => renderPaymentPage(link, pageHost()), auth: 'none' };
      if (method === 'POST') return { route: 'page', serve: () => handlePageForm(link, req, pageHost()), auth: 'none' };
    }
    return { route: 'unknown', serve: notFound, auth: 'none' };
  }

  function pageHost(): PageHost {
    return { now: now(), pay };
  }

  function unauthorized(kind: 'v1' | 'v2'): SimResponse {
    if (kind === 'v1') return json(401, UNAUTHORIZED_BODY);
    return json(401, { status_code: '401', status_message: UNKNOWN_MERCHANT, id: uuidFrom(random.ids) });
  }

  /** A bug in the simulator answers 500 with its message rather than crashing the caller's process. */
  function serveSafely(m: Match): SimResponse {
    try {
      return m.serve();
    } catch (e) {
      if (e instanceof SimulatorError) return json(e.status, { error_messages: [e.message] });
      return json(500, { error_messages: [`simulator error: ${e instanceof Error ? e.message : String(e)}`] });
    }
  }

  function handle(req: SimRequest): SimResponse {
    stats.requests++;
    sweepExpiries();
    const m = match(req);
    bump(stats.requestsByRoute, m.route);
    if (m.route === 'create') countCreateCall(req);
    const limit = limiter.decide(m.route, now());
    if (limit.limited) {
      stats.rateLimited++;
      const headers: Record<string, string> = {};
      if (limit.retryAfterSeconds !== undefined) {
        stats.rateLimitedWithRetryAfter++;
        headers['retry-after'] = String(limit.retryAfterSeconds);
      }
      const res = json(429, RATE_LIMITED_BODY, headers);
      bump(stats.responsesByStatus, '429');
      return res;
    }
    const latencyMs = faults.latency(m.route);
    const fault = faults.decide(m.route);
    let res: SimResponse;
    if (fault !== undefined && fault !== 'timeout') {
      bump(stats.faultsInjected, String(fault));
      res = json(fault, FAULT_BODIES[String(fault) as '500' | '503' | '429']);
    } else {
      if (m.auth !== 'none' && basicAuthUser(lowerCaseKeys(req.headers)) !== serverKey) res = unauthorized(m.auth);
      else res = serveSafely(m);
      if (fault === 'timeout') {
        bump(stats.faultsInjected, 'timeout');
        res = { status: 0, headers: {}, body: '', timedOut: true };
      }
    }
    bump(stats.responsesByStatus, String(res.status));
    if (latencyMs > 0) res.latencyMs = latencyMs;
    return res;
  }

  function advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new Error(`advance() takes a non-negative number of ms, got ${ms}`);
    offset += ms;
    sweepExpiries();
    flushHeld();
  }

  function reset(): void {
    random = randomStreams(seed);
    offset = 0;
    links = new Map();
    purchaseIndex = new Map();
    pending = new Map();
    nextDue = Infinity;
    byPaymentLinkId = new Map();
    snapOrders = new Map();
    feeImposition = options.feeImposition;
    stats = emptyStats();
    nextLinkId = 1;
    nextPurchaseId = 1;
    notifyUrl = null;
    serverKey = options.serverKey;
    emitted = [];
    held = [];
    attempts = [];
    faults.resetCounts();
    limiter.reset();
  }

  function setFaults(f: FaultOptions | undefined): void {
    faults.set(f);
    faults.resetCounts();
    limiter.set(f?.rateLimit);
  }

  return {
    handle,
    pay,
    advance,
    onNotification: (l) => {
      listeners.push(l);
    },
    stats: () => JSON.parse(JSON.stringify(stats)) as SimulatorStats,
    reset,
    now,
    recordDelivery: (a) => {
      attempts.push(a);
    },
    deliveries: () => attempts.slice(),
    notificationUrl: () => notifyUrl,
    setFaults,
    sweep: () => sweepExpiries(),
    paySnapOrder,
    setFeeImposition: (f) => {
      feeImposition = f;
    },
  };
}

function lowerCaseKeys(h: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h ?? {})) out[k.toLowerCase()] = v;
  return out;
}
