/**
 * The one list of functions Apps Script must see as top-level declarations (menu items, triggers,
 * `google.script.run`, `doPost`). The build appends a forwarding stub for each name and fails when
 * this list and main.ts's exports differ, so a handler cannot be forgotten on either side.
 * @public: scripts/build.js reads it.
 */
export const ENTRY_POINTS = [
  'onOpen',
  'onInstall',
  'doGet',
  'doPost',
  'generatePaymentLinks',
  'generateForSelectedRows',
  'refreshStatuses',
  'deactivateSelectedLinks',
  'insertInvoiceTemplate',
  'refreshCollectionSummary',
  'showSettings',
  'sendPaymentReminders',
  'markRemindersSent',
  // Sidebar callbacks.
  'getSettings',
  'saveSettings',
  'testConnection',
  'setTimedRefresh',
  'continueGeneration',
  'getWhatsappTemplate',
  'saveWhatsappTemplate',
  'getReminderSettings',
  'saveReminderSettings',
  'setDailyReminderRun',
  // Trigger handlers.
  'timedRefresh',
  'continueRefresh',
  'continuePaymentReminders',
] as const;

/** The IIFE's global name: unlikely to collide with an Apps Script or user global. @public: scripts/build.js reads it. */
export const BUNDLE_GLOBAL = '__MidtransAddOn';
