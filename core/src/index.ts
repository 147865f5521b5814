/** The Midtrans Payment Link core: pure functions over plain data; see ports.ts for what is injected. */
export * from './contract';
export * from './ports';
export * from './types';
export { validateCreateRequest, parseStartTime } from './validate-create-request';
export * from './invoice-builder';
export { base32, generateOrderId, generatePaymentLinkId, linkOrderIdFromTransaction, ORDER_ID_PREFIX_MAX } from './ids';
export { constantTimeEqual, notificationSignature, signedFields, verifyNotification } from './verify-notification';
export * from './interpret-notification';
export * from './purchase-record';
export * from './reversal-confirmation';
export * from './link-summary';
export * from './api-calls';
export * from './api-client';
export * from './sheet-rows';
export { base64OfUtf8 } from './base64';
export { describe as describeValue } from './rule-checks';
export { purchaseIdsToAsk, reconcileOrder } from './reconcile-open-orders';
export type { OpenOrder, StatusAnswer, ReconciledChange, OrderReconciliation } from './reconcile-open-orders';
