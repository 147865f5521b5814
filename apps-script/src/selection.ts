/** Which data rows of the invoice sheet the user has selected (any number of ranges). */
import { SpreadsheetApp } from './services';
import { HEADER_ROWS } from './invoice-sheet';
import { UserError } from './user-error';
import { t } from './i18n/catalogue';
import { locale } from './i18n/locale';

export function selectedRows(sheet: GoogleAppsScript.Spreadsheet.Sheet): Set<number> {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const active = spreadsheet.getActiveSheet();
  if (active.getName() !== sheet.getName()) throw new UserError(t(locale(), 'selection.otherSheet', { sheet: sheet.getName() }));
  const rows = rowsOfActiveRanges(spreadsheet);
  if (rows.size === 0) throw new UserError(t(locale(), 'selection.none'));
  return rows;
}

/** The selected invoice rows when the invoice sheet is the one in view; none otherwise (nothing to refuse). */
export function selectedRowsIfAny(sheet: GoogleAppsScript.Spreadsheet.Sheet): Set<number> {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  return spreadsheet.getActiveSheet().getName() === sheet.getName() ? rowsOfActiveRanges(spreadsheet) : new Set();
}

function rowsOfActiveRanges(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): Set<number> {
  const list = spreadsheet.getActiveRangeList();
  const rows = new Set<number>();
  for (const range of list ? list.getRanges() : []) {
    const first = range.getRow();
    const count = range.getNumRows();
    for (let r = Math.max(first, HEADER_ROWS + 1); r < first + count; r++) rows.add(r);
  }
  return rows;
}
