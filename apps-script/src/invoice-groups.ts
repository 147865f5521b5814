/**
 * Multi-line invoices in generation: the core groups the rows (line-item-grouping.ts); here the
 * group's status and link are written on every one of its rows, and the state store learns that the
 * invoice spans several rows, so doPost writes them all too.
 */
import { groupLineItems, readInvoiceRow, type GroupRefusal, type InvoiceGroup } from '@midtrans-pl/core';
import type { RowUpdate } from './cell-writes';
import { rowNumberOf, type InvoiceTable } from './invoice-sheet';
import { rowsOfInvoice } from './invoice-rows';
import type { StateStore } from './state-store';
import { locale } from './i18n/locale';
import { groupRefusalText } from './i18n/words';

export interface Groups {
  byId: Map<string, InvoiceGroup>;
  /** Said after "is also in row N" when rows sharing an Order ID could not be one invoice, '' otherwise. */
  refusedWhy(orderId: string): string;
}

export function invoiceGroups(table: InvoiceTable): Groups {
  const rows = table.rows.map((cells, index) => ({ reading: readInvoiceRow(cells, table.header, rowNumberOf(index)), cells }));
  const { groups, refusals } = groupLineItems(rows, table.header);
  const why = new Map<string, GroupRefusal>(refusals.map((r) => [r.orderId, r]));
  return {
    byId: groups,
    refusedWhy: (orderId) => {
      const r = why.get(orderId);
      return r ? groupRefusalText(locale(), r.columns) : '';
    },
  };
}

/**
 * The chunk's updates with each multi-line invoice's update repeated on all of its rows (found again
 * by Order ID and the Queued mark, wherever a sort moved them). The store is committed first: a cut
 * between the two leaves rows a rerun or Refresh completes, never a notification that misses rows.
 */
export function writeGroupRows(
  table: InvoiceTable,
  store: StateStore,
  groups: Groups,
  updates: RowUpdate[],
  leadRows: Map<string, number | undefined>,
): RowUpdate[] {
  if (groups.byId.size === 0) return updates;
  const out = [...updates];
  let marked = false;
  for (const [orderId, lead] of leadRows) {
    if (lead === undefined || !groups.byId.has(orderId)) continue;
    const update = updates.find((u) => u.row === lead);
    if (!update) continue;
    const rows = rowsOfInvoice(table.sheet, table.header, orderId, 'queued');
    if (update.values.paymentLink) marked = store.setLines(orderId, Math.max(rows.length, 1)) || marked;
    for (const r of rows) if (r !== lead) out.push({ row: r, values: update.values });
  }
  if (marked) store.commit(new Date().toISOString());
  return out;
}
