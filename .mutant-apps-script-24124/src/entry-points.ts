/**
 * The one list of functions Apps Script must see as top-level declarations (menu items, triggers,
 * `google.script.run`, `doPost`). The build appends a forwarding stub for each name and fails when
 * this list and main.ts's exports differ, so a handler cannot be forgotten on either side.
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
  'showSettings',
  // Sidebar callbacks.
  'getSettings',
  'saveSettings',
  'testConnection',
  'setTimedRefresh',
  'continueGeneration',
  // Trigger handlers.
  'timedRefresh',
  'continueRefresh',
] as const;

export type EntryPoint = (typeof ENTRY_POINTS)[number];

/** The IIFE's global name: unlikely to collide with an Apps Script or user global. */
export const BUNDLE_GLOBAL = '__MidtransAddOn';
