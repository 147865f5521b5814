/** The add-on's few pure helpers (no Apps Script service involved). */
import { CELL_MAX_CHARS, fitCell, runsOf } from '../../../apps-script/src/cell-writes';
import { usageLimitOf } from '../../../apps-script/src/link-status';
import { maskKey } from '../../../core/src/server-key';

test('runsOf groups row numbers into contiguous ascending runs, ignoring order and repeats', () => {
  expect(runsOf([7, 2, 3, 4, 9, 3, 10])).toEqual([
    { start: 2, length: 3 },
    { start: 7, length: 1 },
    { start: 9, length: 2 },
  ]);
  expect(runsOf([])).toEqual([]);
});

test('usage limits from a cell: a positive whole number, else 1', () => {
  expect([usageLimitOf(500), usageLimitOf('20'), usageLimitOf(''), usageLimitOf('many'), usageLimitOf(0), usageLimitOf(2.5)]).toEqual([
    500, 20, 1, 1, 1, 1,
  ]);
});

test('maskKey keeps the recognisable prefix and the last four characters only', () => {
  expect(maskKey('SB-Mid-server-AbCdEfGhIjKl1234')).toBe('SB-Mid-server-••••••••1234');
  expect(maskKey('Mid-server-AbCdEfGhIjKl9876')).toBe('Mid-server-••••••••9876');
  expect(maskKey('short')).toBe('••••••••');
  expect(maskKey('')).toBe('');
});

test('fitCell keeps text up to the 50,000-character cell limit as is, and shortens longer text saying so (regression, issue 8)', () => {
  expect(fitCell('x'.repeat(CELL_MAX_CHARS))).toBe('x'.repeat(CELL_MAX_CHARS));
  const long = fitCell('y'.repeat(70_000));
  expect(long.length).toBe(CELL_MAX_CHARS);
  expect(long.endsWith(' … (shortened from 70000 characters)')).toBe(true);
});
