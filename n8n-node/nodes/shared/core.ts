/**
 * The parts of the project's Midtrans core the nodes use, bundled into each built node by esbuild (no
 * runtime dependency). Listed file by file rather than through core/src/index.ts so the sheet-row
 * mapping, which only the Sheets add-on needs, stays out of the bundles.
 */
export * from '../../../core/src/contract';
export * from '../../../core/src/types';
export * from '../../../core/src/ports';
export * from '../../../core/src/invoice-builder';
export * from '../../../core/src/verify-notification';
export { notificationShape } from '../../../core/src/notification-shape';
export * from '../../../core/src/interpret-notification';
export * from '../../../core/src/link-summary';
export * from '../../../core/src/api-calls';
export * from '../../../core/src/api-client';
export { whatsappLinkForRequest } from '../../../core/src/whatsapp';
export { reminderBlock } from '../../../core/src/reminder-schedule';
export { answerAbout } from '../../../core/src/status-confirmation';
export {
	decideNotification,
	type NotificationDecision,
} from '../../../core/src/notification-decision';
export {
	claimFromBody,
	claimWithListing,
	linkLookupOf,
	type LinkClaim,
	type LinkLookup,
} from '../../../core/src/link-claim';
export { describe as describeValue } from '../../../core/src/rule-checks';
export {
	purchaseIdsToAsk,
	reconcileOrder,
	type StatusAnswer,
} from '../../../core/src/reconcile-open-orders';
export type { RefundRoute } from '../../../core/src/transaction-actions';
