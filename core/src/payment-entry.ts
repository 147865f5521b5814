/**
 * One purchase as a line of the payments log: the same status words as the invoice rows (a purchase
 * summarised on its own), Midtrans's GMT+7 time, and the transaction id once a notification or a
 * status answer has told it (GET of a link lists purchases by their suffixed order id only).
 */
import { summarisePurchases, type StatusWord } from './link-summary';
import type { PurchaseRecord } from './purchase-record';

export interface PaymentEntry {
  /** When it was paid, Midtrans's GMT+7 wall clock; '' until paid. */
  time: string;
  /** The invoice's (payment link's) order id. */
  orderId: string;
  /** The purchase's own order id (the link's plus Midtrans's suffix): the key both sources carry. */
  purchaseOrderId: string;
  transactionId: string;
  paymentMethod: string;
  amount: number;
  status: StatusWord;
}

export function paymentEntry(linkOrderId: string, record: PurchaseRecord): PaymentEntry {
  return {
    time: record.paidAt,
    orderId: linkOrderId,
    purchaseOrderId: record.orderId,
    transactionId: record.transactionId && record.transactionId !== record.orderId ? record.transactionId : '',
    paymentMethod: record.paymentType,
    amount: record.amount,
    status: summarisePurchases([record], { usageLimit: 1 }).word,
  };
}
