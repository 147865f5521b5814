/**
 * The core's codes and values worded in the user's language: status words, Notes, header labels,
 * header and row problems. The core decides; this file only words.
 */
import {
  SHEET_COLUMNS,
  type HeaderIssue,
  type HeaderLabels,
  type LinkSummary,
  type NotePart,
  type RowProblem,
  type SheetColumn,
  type StatusWord,
} from '@midtrans-pl/core';
import { LOCALES, type Locale } from './define';
import { t, tn, type MessageKey } from './catalogue';
import { rupiah, wibText } from './format';

/** A status word (the core's, or the add-on's own Queued) in `loc`. */
export function statusWord(loc: Locale, word: StatusWord | 'Queued'): string {
  return t(loc, `status.${word}` as MessageKey);
}

/** What the Status cell shows for a summary: `Lunas 3/100` for a multi-use link. */
export function statusText(loc: Locale, s: Pick<LinkSummary, 'word' | 'usageLimit' | 'paidCount'>): string {
  if (s.usageLimit > 1 && s.word === 'Paid') return t(loc, 'status.paidCount', { paid: s.paidCount, limit: s.usageLimit });
  return statusWord(loc, s.word);
}

const PLURAL_NOTES = new Set(['reversed', 'chargebacks']);

export function noteText(loc: Locale, parts: readonly NotePart[]): string {
  return parts
    .map((p) => (PLURAL_NOTES.has(p.code) ? tn(loc, `note.${p.code}`, p.count) : t(loc, `note.${p.code}` as MessageKey, { n: p.count })))
    .join('; ');
}

/** The Status, Paid At and Note cells of a summary, worded. */
export function summaryCells(loc: Locale, s: LinkSummary): { status: string; paidAt: string; note: string } {
  return { status: statusText(loc, s), paidAt: s.paidAt ? wibText(s.paidAt, loc) : '', note: noteText(loc, s.noteParts) };
}

/** Every language's word for a status, so a cell written before a language change is still recognised. */
export function statusWordsOf(word: StatusWord | 'Queued'): string[] {
  return LOCALES.map((l) => statusWord(l, word));
}

export function headerLabel(loc: Locale, column: SheetColumn | 'whatsapp'): string {
  return t(loc, `header.${column}` as MessageKey);
}

/** Every language's header names, for the core's header mapping (English ones are the core's own). */
export function allHeaderLabels(): HeaderLabels {
  const out: Record<string, string[]> = {};
  for (const column of Object.keys(SHEET_COLUMNS) as SheetColumn[]) out[column] = LOCALES.map((l) => headerLabel(l, column));
  return out as HeaderLabels;
}

export function headerIssueText(loc: Locale, issue: HeaderIssue): string {
  const h = (c: SheetColumn) => headerLabel(loc, c);
  switch (issue.code) {
    case 'duplicateColumn':
      return t(loc, 'headerIssue.duplicateColumn', { first: issue.first, second: issue.second, column: h(issue.column) });
    case 'missingColumn':
      return t(loc, 'headerIssue.missingColumn', { column: h(issue.column) });
    default:
      return t(loc, 'headerIssue.missingAmount', { amount: h('amount'), quantity: h('quantity'), unitPrice: h('unitPrice') });
  }
}

/**
 * The Midtrans field rules a sheet row most often breaks, read back from the core's English detail
 * (core rule-checks.ts, validate-create-request.ts) so they can be worded; any other detail is shown
 * as the core gives it.
 */
const RULES: [RegExp, MessageKey, string[]][] = [
  [/^must be at most (\d+) characters, got (\d+)$/, 'rule.tooLong', ['max', 'length']],
  [/^may contain only letters, digits and - _ ~ \. \(no spaces\), got (.*)$/s, 'rule.idCharacters', ['value']],
  // Warnings of inferred rules (core request-policy.ts): the link is still created, and the Note says these.
  [/^does not look like name@example\.com: (.*)$/s, 'rule.email', ['value']],
  [/^is not digits with an optional leading \+: (.*)$/s, 'rule.phone', ['value']],
  [/^(.*) is not in Midtrans's published lists; Midtrans decides whether it is accepted$/s, 'rule.paymentMethod', ['value']],
  [/^repeats (.*); it is sent once$/s, 'rule.repeated', ['value']],
  [/^is (\d+); Midtrans may refuse it \(we expect at least (\d+)\)$/, 'rule.belowMinimum', ['value', 'min']],
  [/^must be between ([\d,]+) and ([\d,]+), got (.*)$/s, 'rule.between', ['min', 'max', 'value']],
];

function ruleText(loc: Locale, detail: string): string {
  for (const [re, key, names] of RULES) {
    const m = re.exec(detail);
    if (m) return t(loc, key, Object.fromEntries(names.map((n, i) => [n, loc === 'id' ? m[i + 1].replace(/,(?=\d{3})/g, '.') : m[i + 1]])));
  }
  return detail;
}

/** A row problem's tail (what follows `Row 7, Amount: `). */
export function problemDetail(loc: Locale, p: Pick<RowProblem, 'code' | 'params'>): string {
  const h = (c: SheetColumn) => headerLabel(loc, c);
  switch (p.code) {
    case 'notWholeCount':
      return t(loc, p.params.what === 'payments' ? 'problem.notWholeCount.payments' : 'problem.notWholeCount.items', p.params);
    case 'priceMissing':
      return t(loc, 'problem.priceMissing', { quantity: h('quantity') });
    case 'amountMismatch':
      return t(loc, 'problem.amountMismatch', {
        amount: rupiah(Number(p.params.amount)),
        quantity: p.params.quantity,
        price: rupiah(Number(p.params.price)),
        total: rupiah(Number(p.params.total)),
        quantityHeader: h('quantity'),
        unitPriceHeader: h('unitPrice'),
        amountHeader: h('amount'),
      });
    case 'amountMissing':
      return t(loc, 'problem.amountMissing', { quantity: h('quantity'), unitPrice: h('unitPrice') });
    case 'invalid':
      return ruleText(loc, String(p.params.detail ?? ''));
    default:
      return t(loc, `problem.${p.code}` as MessageKey, p.params);
  }
}

/** `Row 7, Amount: …` (withRow) or `Amount: …` (in the row's own Note). */
export function rowProblemText(loc: Locale, p: Pick<RowProblem, 'code' | 'params' | 'column'>, row?: number): string {
  const column = headerLabel(loc, p.column);
  const detail = problemDetail(loc, p);
  return row === undefined ? t(loc, 'row.cellProblem', { column, detail }) : t(loc, 'row.problem', { row, column, detail });
}

/** Said after "is also in row N" when rows sharing an Order ID disagree on `columns`. */
export function groupRefusalText(loc: Locale, columns: readonly SheetColumn[]): string {
  const names = columns.map((c) => headerLabel(loc, c));
  const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} ${t(loc, 'word.or')} ${names[names.length - 1]}` : (names[0] ?? '');
  return t(loc, columns.includes('customerName') ? 'group.refusedCustomer' : 'group.refused', { columns: list });
}

/** `3 links` / `3 tautan`. */
export function plural(loc: Locale, n: number, unit: 'link' | 'moreLink' | 'paidLink' | 'row' | 'selectedRow' | 'invoice' | 'day'): string {
  return tn(loc, `unit.${unit}`, n);
}
