/**
 * Texts and bodies the reference documents (docs/midtrans-contract.md). Tests compare against these
 * and against the reference independently; nothing made up lives here (see invented-messages.ts).
 */

/** §2.3: the 401 body; `error_messages` is a string, not a list. */
export const UNAUTHORIZED_BODY = { error_messages: 'Access denied due to unauthorized request' };

/** §2.3 409. */
export const orderIdTaken = (orderId: string) => `The Order ID '${orderId}' has been taken`;

/** §2.3 400 sample. */
export const INVALID_JSON = 'Invalid JSON data provided.';
export const paymentLinkIdTaken = (id: string) => `This Payment Link ID '${id}' has been taken`;
export const PAYMENT_LINK_ID_CHARSET = 'payment_link_id must only contain alphanumeric characters [a-z, 0-9] and hyphens [-]';

/** §4 (the path's id echoed, as XCT's live test asserts). */
export const linkDeleted = (orderId: string) => `Payment Link with Order ID ${orderId} deleted`;

/** §5.7: every notification sample's status_message. */
export const NOTIFICATION_STATUS_MESSAGE = 'midtrans payment notification';
/** §6 (GTS): the status API's message when found. */
export const STATUS_FOUND_MESSAGE = 'Success, transaction is found';

/** §10.1 sample answer to a refund. */
export const REFUND_APPROVED = 'Success, refund request is approved';
/** §10.3 sample answer to a cancel. */
export const CANCEL_DONE = 'Success, transaction is canceled';
/** §10.4 sample answer to an expire. */
export const EXPIRE_DONE = 'Success, transaction has expired';
/** §10.3, §10.4: the 412 answer when the purchase's state does not allow the change. */
export const CANNOT_MODIFY = 'Merchant cannot modify the status of the transaction';
