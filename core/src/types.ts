/**
 * Shapes of the Payment Link API (docs/midtrans-contract.md §2–§6). Responses are lenient: Midtrans adds fields without
 * notice and types them loosely, so every response type keeps unknown fields.
 */
import type { CARD_CHANNELS, CARD_TYPES, CUSTOMER_REQUIRED_FIELDS, ExpiryUnit, VaBank } from './contract';

export interface ItemDetail {
  id?: string;
  name: string;
  price: number;
  quantity: number;
  brand?: string;
  category?: string;
  merchant_name?: string;
}

export interface CustomerDetails {
  first_name?: string;
  last_name?: string;
  email?: string;
  phone?: string;
  notes?: string;
  customer_details_required_fields?: (typeof CUSTOMER_REQUIRED_FIELDS)[number][];
}

export interface CreditCardOptions {
  secure?: boolean;
  bank?: string;
  channel?: (typeof CARD_CHANNELS)[number];
  type?: (typeof CARD_TYPES)[number];
  whitelist_bins?: string[];
  installment?: { required?: boolean; disabled?: boolean; terms?: Record<string, number[]> };
}

/** Custom VA numbers are one optional `<bank>_va` field per bank of the contract's VA_BANKS. */
export interface CreatePaymentLinkRequest extends VaOptions {
  transaction_details: { order_id: string; gross_amount?: number; payment_link_id?: string };
  customer_required?: boolean;
  customer_details?: CustomerDetails;
  item_details?: ItemDetail[];
  usage_limit?: number;
  expiry?: { start_time?: string; duration: number; unit: ExpiryUnit };
  enabled_payments?: string[];
  title?: string;
  payment_link_type?: 'FIXED_AMOUNT' | 'DYNAMIC_AMOUNT';
  dynamic_amount?: { min_amount?: number; max_amount?: number; preset_amount?: number };
  custom_field1?: string;
  custom_field2?: string;
  custom_field3?: string;
  callbacks?: { finish?: string };
  credit_card?: CreditCardOptions;
}
/** @public */
export type VaOptions = Partial<Record<VaBank, { va_number: string }>>;

type Lenient = { [key: string]: unknown };

export interface CreatePaymentLinkResponse extends Lenient {
  order_id: string;
  payment_url: string;
}

export interface Purchase extends Lenient {
  id?: number | string;
  snap_token?: string;
  order_id: string;
  payment_status?: string;
  payment_method?: string;
  created_at?: string;
  updated_at?: string;
}

export interface PaymentLink extends Lenient {
  id?: string | number;
  payment_link_url?: string;
  order_id: string;
  payment_link_type?: string;
  payment_link_id?: string;
  enabled_payments?: string[];
  usage_limit?: number;
  gross_amount?: number;
  expiry_start?: string;
  expiry_duration?: number;
  expiry_unit?: string;
  usage?: number;
  item_details?: Lenient[];
  customer_details?: Lenient;
  purchases?: Purchase[];
}

export interface DeletePaymentLinkResponse extends Lenient {
  message: string;
}

/** A notification or a status-API answer (§5, §6): same field set, strings as Midtrans sends them. */
export interface MidtransNotification extends Lenient {
  transaction_time?: string;
  transaction_status: string;
  transaction_id: string;
  status_message?: string;
  status_code: string;
  signature_key?: string;
  settlement_time?: string;
  payment_type?: string;
  order_id: string;
  merchant_id?: string;
  gross_amount: string;
  fraud_status?: string;
  currency?: string;
  custom_field1?: string;
  custom_field2?: string;
  custom_field3?: string;
}

export type TransactionStatusResponse = MidtransNotification;

/** One rule broken: where (a dotted path into the request) and what to fix. */
export interface ValidationIssue {
  path: string;
  message: string;
}
