/**
 * A stored Payment Link and its purchases, and the rules that decide whether it still takes payments
 * (docs/midtrans-contract.md §2.2 usage_limit/expiry, §4 delete).
 */
import type { CreatePaymentLinkRequest } from '../../core/src';
import { readStartTime } from './create-rules';
import { DEFAULT_ENABLED_PAYMENTS } from './payment-methods';
import { jakartaDateTime, jakartaStartTime, unitMs } from './midtrans-time';
import type { NotificationBody } from './types';

export interface StoredPurchase {
  id: number;
  snapToken: string;
  orderId: string;
  transactionId: string;
  /** undefined = page opened but no method chosen yet (status API answers 404, §6). */
  method?: string;
  /** transaction_status as Midtrans names it; 'open' before a method is chosen. */
  status: string;
  fraudStatus?: string;
  grossAmount: number;
  createdAt: number;
  updatedAt: number;
  settledAt?: number;
  /** When a pending purchase lapses on its own. */
  pendingExpiresAt?: number;
  /** True once it has been paid (settlement or capture accepted); a later refund keeps the unit used [inferred]. */
  wasPaid: boolean;
  /** Total refunded so far. */
  refundAmount?: number;
  /** Automatic Fee Imposition: the fee the customer paid on top; `grossAmount` includes it. */
  customerFee?: number;
  /** Refunds made through the refund API (§10.1), oldest first. */
  refunds?: { id: number; key: string; amount: number; at: number; reason: string }[];
  fields: NotificationBody;
}

export interface StoredLink {
  internalId: number;
  orderId: string;
  paymentLinkId: string;
  request: CreatePaymentLinkRequest;
  createdAt: number;
  expiresAt?: number;
  expiryStart?: number;
  deletedAt?: number;
  purchases: StoredPurchase[];
  /**
   * Additive: not a Payment Link but a merchant's own Snap order (its shop), whose one transaction keeps
   * the merchant's order id as is. Midtrans sends its notifications to the same URL (one per account).
   */
  snapOrder?: boolean;
}

/**
 * [inferred] A pending purchase lapses after 24 hours (Snap's default expiry for bank transfers); the
 * reference documents only that expiry gives the held unit back.
 */
export const PENDING_PURCHASE_TTL_MS = 24 * 3_600_000;

export function newLink(internalId: number, paymentLinkId: string, request: CreatePaymentLinkRequest, now: number): StoredLink {
  const link: StoredLink = {
    internalId,
    orderId: request.transaction_details.order_id,
    paymentLinkId,
    request,
    createdAt: now,
    purchases: [],
  };
  if (request.expiry) {
    // §2.2: start_time defaults to the creation time.
    const start = readStartTime(request.expiry.start_time) ?? now;
    link.expiryStart = start;
    link.expiresAt = start + request.expiry.duration * unitMs(request.expiry.unit);
  }
  return link;
}

export const enabledPaymentsOf = (link: StoredLink) => link.request.enabled_payments ?? DEFAULT_ENABLED_PAYMENTS;
export const usageLimitOf = (link: StoredLink) => link.request.usage_limit ?? 1;
export const isDynamic = (link: StoredLink) => link.request.payment_link_type === 'DYNAMIC_AMOUNT';

/** `usage` as GET reports it: purchases that were paid [inferred: §3 "quota used so far", §5.6 "count paid ones"]. */
export function usageOf(link: StoredLink): number {
  return link.purchases.filter((p) => p.wasPaid).length;
}

/** Units held now: paid ones plus pending ones (§2.2: a pending payment holds one unit until it expires). */
export function unitsHeld(link: StoredLink): number {
  return link.purchases.filter((p) => p.wasPaid || p.status === 'pending' || (p.status === 'capture' && p.fraudStatus === 'challenge'))
    .length;
}

export type Availability = 'open' | 'deleted' | 'expired' | 'used_up';

export function availability(link: StoredLink, now: number): Availability {
  if (link.deletedAt !== undefined) return 'deleted';
  if (link.expiresAt !== undefined && now >= link.expiresAt) return 'expired';
  if (unitsHeld(link) >= usageLimitOf(link)) return 'used_up';
  return 'open';
}

/** The amount a purchase of a fixed link pays; for a dynamic link the caller supplies it. */
export function fixedAmountOf(link: StoredLink): number {
  return link.request.transaction_details.gross_amount ?? 0;
}

/** DYNAMIC_AMOUNT bounds [inferred when missing: 1 .. 999,999,999,999]. */
export function dynamicBounds(link: StoredLink): { min: number; max: number; preset?: number } {
  const d = link.request.dynamic_amount ?? {};
  return { min: d.min_amount ?? 1, max: d.max_amount ?? 999_999_999_999, preset: d.preset_amount };
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * GET /v1/payment-links/:order_id, in the documented sample's shape (§3). Fields beyond the sample are
 * those XCT observed (title, custom fields, customer_required, expires_at, created_at/updated_at,
 * deleted_at null, last_snap_transaction_status) [code XCT; values inferred].
 */
export function linkView(link: StoredLink, paymentUrl: string, merchantId: string): Record<string, unknown> {
  const r = link.request;
  const internal = String(link.internalId);
  const cc = r.credit_card ?? {};
  const listed = link.purchases.filter((p) => p.method !== undefined);
  const last = listed[listed.length - 1];
  return {
    id: internal,
    payment_link_url: paymentUrl,
    order_id: link.orderId,
    payment_link_type: r.payment_link_type ?? 'FIXED_AMOUNT',
    merchant_id: merchantId,
    payment_link_id: link.paymentLinkId,
    title: r.title ?? null,
    enabled_payments: enabledPaymentsOf(link),
    usage_limit: usageLimitOf(link),
    gross_amount: isDynamic(link) ? (r.dynamic_amount?.preset_amount ?? 0) : fixedAmountOf(link),
    credit_card_3d_secure: cc.secure ?? false,
    whitelist_bins: cc.whitelist_bins ?? [],
    expiry_start: link.expiryStart !== undefined ? jakartaStartTime(link.expiryStart) : null,
    expiry_duration: r.expiry?.duration ?? null,
    expiry_unit: r.expiry?.unit ?? null,
    expires_at: link.expiresAt !== undefined ? iso(link.expiresAt) : null,
    usage: usageOf(link),
    customer_required: r.customer_required ?? false,
    custom_field1: r.custom_field1 ?? null,
    custom_field2: r.custom_field2 ?? null,
    custom_field3: r.custom_field3 ?? null,
    finish_callback_url: r.callbacks?.finish ?? null,
    item_details: (r.item_details ?? []).map((it, i) => ({
      id: String(i + 1),
      name: it.name,
      price: it.price,
      quantity: it.quantity,
      brand: it.brand ?? null,
      category: it.category ?? null,
      merchant_name: it.merchant_name ?? null,
      item_id: it.id ?? null,
      payment_link_id: internal,
      created_at: iso(link.createdAt),
      updated_at: iso(link.createdAt),
    })),
    customer_details: r.customer_details
      ? {
          id: internal,
          first_name: r.customer_details.first_name ?? null,
          last_name: r.customer_details.last_name ?? null,
          email: r.customer_details.email ?? null,
          phone: r.customer_details.phone ?? null,
          notes: r.customer_details.notes ?? null,
          payment_link_id: internal,
          created_at: iso(link.createdAt),
          updated_at: iso(link.createdAt),
        }
      : null,
    // [inferred] a purchase whose customer has not chosen a method yet is not listed.
    purchases: listed.map((p) => ({
      id: p.id,
      snap_token: p.snapToken,
      order_id: p.orderId,
      payment_status: p.status.toUpperCase(),
      payment_method: (p.fields.payment_type as string).toUpperCase(),
      created_at: iso(p.createdAt),
      updated_at: iso(p.updatedAt),
      payment_link_id: link.internalId,
    })),
    last_snap_transaction_status: last ? last.status.toUpperCase() : null,
    created_at: iso(link.createdAt),
    updated_at: iso(link.createdAt),
    deleted_at: null,
  };
}

export { jakartaDateTime };
