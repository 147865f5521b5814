/**
 * One purchase as a line of the payments log: the same status words as the invoice rows (a purchase
 * summarised on its own), Midtrans's GMT+7 time, and the transaction id once a notification or a
 * status answer has told it (GET of a link lists purchases by their suffixed order id only).
 */
import { summarisePurchases, type StatusWord } from './link-summary';
import { invoiceMoneyOf, type PurchaseRecord } from './purchase-record';

export interface PaymentEntry {
  /** When it was paid, Midtrans's GMT+7 wall clock; '' until paid. */
  time: string;
  /** The invoice's (payment link's) order id. */
  orderId: string;
  /** The purchase's own order id (the link's plus Midtrans's suffix): the key both sources carry. */
  purchaseOrderId: string;
  transactionId: string;
  paymentMethod: string;
  /** What arrived (gross received), the customer's fee included. */
  amount: number;
  /** What the invoice asked. */
  invoiceAmount: number;
  /** The payment fee the customer paid on top (Automatic Fee Imposition); 0 when none is known. */
  customerFee: number;
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
    invoiceAmount: invoiceMoneyOf(record),
    customerFee: record.customerFee ?? 0,
    status: summarisePurchases([record], { usageLimit: 1 }).word,
  };
}
