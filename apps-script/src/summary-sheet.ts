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
import { cellOf, cellText, findSheet, invoiceSheet, readInvoiceTable, rowNumberOf, sheetName } from './invoice-sheet';
import { summaryOf, usageLimitOf } from './link-status';
import { StateStore } from './state-store';
import { now } from './adapters';
import { t } from './i18n/catalogue';
import { RUPIAH_NUMBER_FORMAT, rupiah, wibAt } from './i18n/format';
import { locale } from './i18n/locale';
import { plural, statusWord } from './i18n/words';

export function refreshSummary(): string {
  const loc = locale();
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

  const amount = t(loc, 'summary.amount');
  const left: (string | number)[][] = [
    [t(loc, 'summary.title'), t(loc, 'summary.asOf', { when: wibAt(now(), loc) }), ''],
    ['', '', ''],
    [t(loc, 'summary.status'), t(loc, 'summary.invoices'), amount],
    ...s.byStatus.map((b) => [statusWord(loc, b.status), b.invoices, b.amount]),
    ['', '', ''],
    [t(loc, 'summary.collected'), '', s.collected],
    // Automatic Fee Imposition: fees customers paid on top are not invoice money, but they did arrive.
    [t(loc, 'summary.customerFees'), '', s.customerFees],
    [t(loc, 'summary.grossReceived'), '', s.grossReceived],
    [t(loc, 'summary.refunded'), '', s.refunded],
    [t(loc, 'summary.outstanding'), s.outstandingInvoices, s.outstanding],
    [t(loc, 'summary.expiredUnpaid'), s.expiredUnpaidInvoices, s.expiredUnpaid],
  ];
  const right: (string | number)[][] = [
    [t(loc, 'summary.day'), t(loc, 'summary.payments'), amount],
    ...s.perDay.map((d) => [d.day, d.payments, d.amount]),
  ];
  const height = Math.max(left.length, right.length + 2);
  const block = Array.from({ length: height }, (_, r) => [
    ...(left[r] ?? ['', '', '']),
    '',
    ...(r >= 2 ? (right[r - 2] ?? ['', '', '']) : ['', '', '']),
  ]);

  let sheet = findSheet(ss, 'summary');
  if (!sheet) sheet = ss.insertSheet(sheetName(loc, 'summary'));
  sheet.clearContents();
  // Labels (status words, days) as text, so a day is never turned into a date; amounts stay numbers
  // (for the chart and formulas) shown as `Rp 1.500.000`.
  sheet.getRange(1, 1, height, 1).setNumberFormat('@');
  sheet.getRange(1, 5, height, 1).setNumberFormat('@');
  sheet.getRange(1, 3, height, 1).setNumberFormat(RUPIAH_NUMBER_FORMAT);
  sheet.getRange(1, 7, height, 1).setNumberFormat(RUPIAH_NUMBER_FORMAT);
  sheet.getRange(1, 1, height, 7).setValues(block);
  for (const chart of sheet.getCharts()) sheet.removeChart(chart);
  if (s.perDay.length) {
    const rows = s.perDay.length + 1;
    const chart = sheet
      .newChart()
      .setChartType(Charts.ChartType.COLUMN)
      .addRange(sheet.getRange(3, 5, rows, 1))
      .addRange(sheet.getRange(3, 7, rows, 1))
      .setPosition(3, 9, 0, 0)
      .setOption('title', t(loc, 'summary.chartTitle'))
      .setOption('legend', { position: 'none' })
      .build();
    sheet.insertChart(chart);
  }
  ss.setActiveSheet(sheet);
  SpreadsheetApp.flush();
  const figures = { invoices: plural(loc, invoices.size, 'invoice'), collected: rupiah(s.collected), outstanding: rupiah(s.outstanding) };
  return s.perDay.length
    ? t(loc, 'summary.doneWithChart', { ...figures, days: plural(loc, s.perDay.length, 'day') })
    : t(loc, 'summary.done', figures);
}
