/**
 * Midtrans ▸ Collection summary: a `Summary` sheet rebuilt on demand from the stored state (the core's
 * collection-summary.ts does the sums) with a column chart of payments per day made with the
 * Spreadsheet service's own chart builder.
 *
 * A sheet rather than the sidebar: a finance person keeps it open next to the invoices, prints it,
 * shares or copies it into a report, and the chart stays where they put it; a sidebar is 300 pixels
 * wide, gone when closed, and cannot be shared.
 */
import { Charts, SpreadsheetApp } from './services';
import { collectionSummary, readInvoiceRow, type InvoiceFigure, type PurchaseRecord } from '@midtrans-pl/core';
import { cellOf, cellText, invoiceSheet, readInvoiceTable, rowNumberOf } from './invoice-sheet';
import { summaryOf, usageLimitOf } from './link-status';
import { StateStore } from './state-store';
import { now } from './adapters';
import { plural } from './ui';

export const SUMMARY_SHEET = 'Summary';
const CHART_TITLE = 'Payments per day (Rp)';

function jakartaNow(): string {
  return new Date(now() + 7 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

export function refreshSummary(): string {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const table = readInvoiceTable(invoiceSheet());
  const states = StateStore.load(ss).byLink();

  // One invoice per Order ID with a link; a multi-line invoice's amount is the sum of its rows.
  const invoices = new Map<string, InvoiceFigure & { usageLimit: number }>();
  table.rows.forEach((cells, index) => {
    const orderId = cellText(cellOf(table, index, 'orderId'));
    if (!orderId || !cellText(cellOf(table, index, 'paymentLink'))) return;
    const input = readInvoiceRow(cells, table.header, rowNumberOf(index)).input;
    const amount = input.amount ?? (input.items ?? []).reduce((s, it) => s + it.price * it.quantity, 0);
    const known = invoices.get(orderId);
    if (known) {
      known.amount += amount;
      return;
    }
    const usageLimit = usageLimitOf(cellOf(table, index, 'usageLimit'));
    invoices.set(orderId, { orderId, amount, usageLimit, summary: summaryOf(states.get(orderId) ?? { purchases: [] }, { usageLimit }) });
  });
  const purchases: PurchaseRecord[] = [...invoices.keys()].flatMap((id) => states.get(id)?.purchases ?? []);
  const s = collectionSummary([...invoices.values()], purchases);

  const left: (string | number)[][] = [
    ['Collection summary', `as of ${jakartaNow()} (GMT+7)`, ''],
    ['', '', ''],
    ['Status', 'Invoices', 'Amount (Rp)'],
    ...s.byStatus.map((b) => [b.status, b.invoices, b.amount]),
    ['', '', ''],
    ['Collected', '', s.collected],
    // Automatic Fee Imposition: fees customers paid on top are not invoice money, but they did arrive.
    ['Fees paid by customers', '', s.customerFees],
    ['Gross received', '', s.grossReceived],
    ['Refunded', '', s.refunded],
    ['Outstanding', s.outstandingInvoices, s.outstanding],
    ['Expired or deactivated unpaid', s.expiredUnpaidInvoices, s.expiredUnpaid],
  ];
  const right: (string | number)[][] = [['Day', 'Payments', 'Amount (Rp)'], ...s.perDay.map((d) => [d.day, d.payments, d.amount])];
  const height = Math.max(left.length, right.length + 2);
  const block = Array.from({ length: height }, (_, r) => [
    ...(left[r] ?? ['', '', '']), '',
    ...(r >= 2 ? right[r - 2] ?? ['', '', ''] : ['', '', '']),
  ]);

  let sheet = ss.getSheetByName(SUMMARY_SHEET);
  if (!sheet) sheet = ss.insertSheet(SUMMARY_SHEET);
  sheet.clearContents();
  // Labels (status words, days) as text, so a day is never turned into a date; amounts stay numbers for the chart.
  sheet.getRange(1, 1, height, 1).setNumberFormat('@');
  sheet.getRange(1, 5, height, 1).setNumberFormat('@');
  sheet.getRange(1, 1, height, 7).setValues(block);
  for (const chart of sheet.getCharts()) sheet.removeChart(chart);
  if (s.perDay.length) {
    const rows = s.perDay.length + 1;
    const chart = sheet.newChart()
      .setChartType(Charts.ChartType.COLUMN)
      .addRange(sheet.getRange(3, 5, rows, 1))
      .addRange(sheet.getRange(3, 7, rows, 1))
      .setPosition(3, 9, 0, 0)
      .setOption('title', CHART_TITLE)
      .setOption('legend', { position: 'none' })
      .build();
    sheet.insertChart(chart);
  }
  ss.setActiveSheet(sheet);
  SpreadsheetApp.flush();
  return `Summary updated: ${plural(invoices.size, 'invoice')}, Rp ${s.collected} collected, Rp ${s.outstanding} outstanding${s.perDay.length ? `; payments per day charted over ${plural(s.perDay.length, 'day')}` : ''}.`;
}
