/**
 * Every rule we inferred from the Midtrans docs rather than read in them, and the one place it is
 * written. A rule that is a guess says `[inferred]` (or `[inferred: why]`) where it is written; this
 * index lists each such marker, so one file answers "what did we guess, and where?".
 * test/unit/core/inference-index.test.ts fails when a marker has no entry or an entry's marker is gone.
 *
 * `quote` is the text around the marker, exactly once in `file`, so an entry survives lines moving.
 * Section numbers (§n) follow docs/midtrans-contract.md's reading of the Midtrans Payment Link docs
 * (https://docs.midtrans.com/reference/payment-link-api-overview).
 */
export interface Inference {
  /** Path from the repository root. */
  file: string;
  quote: string;
  /** The guess, in a few words. */
  rule: string;
}

// One entry a line, so the index reads as a table.
// prettier-ignore
export const INFERENCE_INDEX: readonly Inference[] = [
  // Contract limits and value lists.
  { file: 'core/src/contract.ts', quote: 'The regex is [inferred] from the prose', rule: 'order id charset as a regex' },
  { file: 'core/src/contract.ts', quote: '§5.6 [inferred]', rule: 'link order ids stay at or under 36 so a purchase id fits in 50' },
  { file: 'core/src/contract.ts', quote: 'gotcha 10 [inferred]', rule: 'usage_limit is always sent (default 1)' },
  { file: 'core/src/contract.ts', quote: '[inferred: the other item strings\' 50]', rule: 'item id at most 50' },
  { file: 'core/src/contract.ts', quote: 'Email shape [inferred]', rule: 'email shape' },
  { file: 'core/src/contract.ts', quote: 'Phone shape [inferred]', rule: 'phone shape' },
  { file: 'core/src/contract.ts', quote: 'samples use plural [inferred: accept both]', rule: 'expiry unit singular or plural' },
  { file: 'core/src/contract.ts', quote: 'omits seconds [inferred: accept both]', rule: 'start_time with or without seconds' },
  { file: 'core/src/contract.ts', quote: 'Gotcha 20 [inferred]', rule: 'legacy enabled_payments values accepted' },
  { file: 'core/src/contract.ts', quote: 'bank name (letters) [inferred: shape]', rule: 'whitelist_bins entry shape' },
  { file: 'core/src/contract.ts', quote: 'lengths [inferred: PLOLD\'s per-bank maximum', rule: 'custom VA number maximum per bank' },
  { file: 'core/src/contract.ts', quote: 'Amount bounds [inferred]', rule: 'amount at least 1, at most 2^53 - 1' },
  { file: 'core/src/contract.ts', quote: 'bank/store fields) is [inferred]', rule: 'which notifications are reversal channels' },
  { file: 'core/src/contract.ts', quote: '§6 [inferred from NODE httpClient.js]', rule: 'status API errors inside an HTTP 200 body' },
  { file: 'core/src/contract.ts', quote: '§1 [inferred]: nothing documents PL rate limits', rule: 'which HTTP statuses are retried' },
  { file: 'core/src/contract.ts', quote: 'is below). §1 [inferred]:', rule: 'one retry policy: 3 tries, 1 s doubling back-off' },
  // Create protocol and reconciliation.
  { file: 'core/src/create-protocol.ts', quote: 'fail on existing ids. [inferred]', rule: 'a 409 on a retry is checked as our own lost create' },
  { file: 'core/src/reconcile-open-orders.ts', quote: '(never seen; a guard) [inferred]', rule: "a purchase under another link's order id is not this order's" },
  { file: 'core/src/transaction-actions.ts', quote: 'go to the direct path by default [inferred', rule: 'GoPay, QRIS and ShopeePay refunds use Direct Refund by default' },
  // Sheets finance: refresh cadence, summary, WhatsApp.
  { file: 'core/src/refresh-need.ts', quote: '[inferred: the GET sample shows only `EXPIRE`', rule: 'GET payment_status words are upper-case transaction statuses' },
  { file: 'core/src/refresh-need.ts', quote: 'one GET a month [inferred: Midtrans', rule: 'no refund window: old paid links asked monthly' },
  { file: 'core/src/collection-summary.ts', quote: "amounts [inferred: a partial refund's amount", rule: 'a partial refund counts its gross as collected' },
  { file: 'core/src/whatsapp.ts', quote: 'country code [inferred from the', rule: 'Indonesian mobile number shape' },
  // Validation.
  { file: 'core/src/validate-create-request.ts', quote: '[inferred lower bound]', rule: 'expiry duration at least 1 (a warning)' },
  { file: 'core/src/validate-create-request.ts', quote: '[inferred: min ≤ preset ≤ max]', rule: 'dynamic amounts ordered (a warning)' },
  // Notification verification and interpretation.
  { file: 'core/src/verify-notification.ts', quote: '`gross_amount.toFixed(2)` [inferred, §5.3]', rule: 'numeric signed fields rebuilt as strings' },
  { file: 'core/src/notification-shape.ts', quote: 'Largest notification text accepted [inferred', rule: 'a notification body is at most 32 KB of text' },
  { file: 'core/src/notification-shape.ts', quote: '[inferred: UUIDs and short words in every sample]', rule: 'transaction id ≤ 100, status words ≤ 40 characters' },
  { file: 'core/src/interpret-notification.ts', quote: '`failure` is undocumented [inferred:', rule: 'transaction_status failure means failed' },
  { file: 'core/src/interpret-notification.ts', quote: 'partial refund of the money [inferred]', rule: 'partial_chargeback is a partial refund' },
  { file: 'core/src/status-code-table.ts', quote: '[inferred: "202" like the other refusals]', rule: 'capture with fraud deny carries status code 202' },
  { file: 'core/src/status-code-table.ts', quote: '[inferred: "200" like the refunds, whose', rule: 'chargebacks carry status code 200' },
  { file: 'core/src/status-code-table.ts', quote: '[inferred: "202" like deny, cancel and expire]', rule: 'failure carries status code 202' },
  { file: 'core/src/status-confirmation.ts', quote: '[inferred: that a Payment Link purchase\'s suffixed order id', rule: 'the status API is asked by the purchase\'s signed order id' },
  { file: 'core/src/unsigned-fields.ts', quote: 'Charset and length are [inferred:', rule: 'transaction id: letters, digits, - _ ., at most 64' },
  { file: 'core/src/unsigned-fields.ts', quote: '(NOTIF) [inferred: lower-case words', rule: 'payment type: lower-case word, at most 40' },
  // Status model and summary.
  { file: 'core/src/link-summary.ts', quote: '§3\n * [inferred]: expiry, usage and deletion are derived', rule: 'no link-level status: derived from expiry, usage, deletion' },
  { file: 'core/src/link-summary.ts', quote: '`2026-11-27T03:00:02.037Z`, [inferred]', rule: 'GET updated_at is an ISO instant' },
  { file: 'core/src/link-summary.ts', quote: '`capture` + `challenge`) [inferred]', rule: 'GET CAPTURE without fraud status reads as under review' },
  // Front end (Sheets add-on): pacing and quotas, which are Apps Script's side rather than Midtrans's.
  { file: 'apps-script/src/chunk-size.ts', quote: 'fetchAll [inferred: 1,000 in one call', rule: 'at most 500 creates in one fetchAll' },
  { file: 'apps-script/src/adapters.ts', quote: 'before a request [inferred: longer waits', rule: 'the longest Retry-After waited out in an execution' },
  { file: 'apps-script/src/fetch-quota.ts', quote: '[inferred] A gmail.com / googlemail.com user', rule: 'consumer or Workspace UrlFetch quota from the address' },
];
