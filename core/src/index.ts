/** The Midtrans Payment Link core: pure functions over plain data; see ports.ts for what is injected. */
export * from './contract';
export * from './ports';
export * from './types';
export { validateCreateRequest, parseStartTime } from './validate-create-request';
export * from './invoice-builder';
export { generateOrderId, generatePaymentLinkId, linkOrderIdFromTransaction } from './ids';
export { constantTimeEqual, notificationSignature, verifyNotification } from './verify-notification';
export * from './interpret-notification';
export * from './purchase-record';
export * from './reversal-confirmation';
export * from './link-summary';
export * from './api-calls';
export * from './api-client';
export * from './create-protocol';
export * from './sheet-rows';
export { describe as describeValue } from './rule-checks';
