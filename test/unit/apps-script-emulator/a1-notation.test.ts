/** A1 notation round-trips with numeric coordinates, as Sheets reads it. */
import fc from 'fast-check';
import { columnLetters, parseA1, toA1 } from '../../../tools/apps-script-emulator/a1-notation';

test('column letters: A=1, Z=26, AA=27, AZ=52, ZZ=702, AAA=703', () => {
  expect([1, 26, 27, 52, 702, 703].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'AZ', 'ZZ', 'AAA']);
});

test('any rectangle written as A1 parses back to the same coordinates (any case, $ anchors allowed)', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 5000 }),
      fc.integer({ min: 1, max: 700 }),
      fc.integer({ min: 1, max: 50 }),
      fc.integer({ min: 1, max: 50 }),
      fc.boolean(),
      (row, column, numRows, numColumns, lower) => {
        const a1 = toA1(row, column, numRows, numColumns);
        const text = lower ? a1.toLowerCase() : a1.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');
        expect(parseA1(text)).toEqual({
          sheetName: undefined,
          startRow: row,
          startColumn: column,
          endRow: row + numRows - 1,
          endColumn: column + numColumns - 1,
        });
      },
    ),
  );
});

test('reversed corners are normalised, open ends stay open, nonsense is refused', () => {
  expect(parseA1('C5:A1')).toMatchObject({ startRow: 1, startColumn: 1, endRow: 5, endColumn: 3 });
  expect(parseA1('B:D')).toMatchObject({ startRow: 1, startColumn: 2, endRow: null, endColumn: 4 });
  expect(parseA1("'It''s'!A1")).toMatchObject({ sheetName: "It's", startRow: 1 });
  for (const bad of ['', 'A', '1', 'A1:B2:C3', 'A0', '1A', 'A1:', 'ABCD1']) expect(parseA1(bad)).toBeNull();
});
