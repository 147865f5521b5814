/** A1 notation as Sheets reads it: `B2`, `A1:C9`, `A:A`, `2:5`, `A2:C` (open end), with an optional sheet. */

export interface A1Parts {
  sheetName?: string;
  startRow: number | null;
  startColumn: number | null;
  /** null = to the last row / column of the sheet */
  endRow: number | null;
  endColumn: number | null;
}

export function columnLetters(column: number): string {
  let s = '';
  let n = column;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function toA1(row: number, column: number, numRows = 1, numColumns = 1): string {
  const start = `${columnLetters(column)}${row}`;
  if (numRows === 1 && numColumns === 1) return start;
  return `${start}:${columnLetters(column + numColumns - 1)}${row + numRows - 1}`;
}

const CELL = /^\$?([A-Za-z]{1,3})?\$?(\d+)?$/;

/** Parses A1 notation; returns null when it is not valid (the caller throws "Range not found"). */
export function parseA1(input: string): A1Parts | null {
  let text = input.trim();
  let sheetName: string | undefined;
  const bang = text.lastIndexOf('!');
  if (bang >= 0) {
    sheetName = text.slice(0, bang);
    if (sheetName.startsWith("'") && sheetName.endsWith("'")) sheetName = sheetName.slice(1, -1).replace(/''/g, "'");
    text = text.slice(bang + 1);
  }
  const [a, b, extra] = text.split(':');
  if (extra !== undefined || !a) return null;
  const p = CELL.exec(a);
  if (!p || (!p[1] && !p[2])) return null;
  const startColumn = p[1] ? columnNumber(p[1]) : null;
  const startRow = p[2] ? Number(p[2]) : null;
  if (startRow === 0) return null;
  if (b === undefined) {
    if (startColumn === null || startRow === null) return null;
    return { sheetName, startRow, startColumn, endRow: startRow, endColumn: startColumn };
  }
  const q = CELL.exec(b);
  if (!q || (!q[1] && !q[2])) return null;
  const endColumn = q[1] ? columnNumber(q[1]) : null;
  const endRow = q[2] ? Number(q[2]) : null;
  if (endRow === 0) return null;
  // `2:5` (rows only) or `A:C` (columns only) must be consistent on both sides.
  if ((startColumn === null) !== (endColumn === null) && startRow === null) return null;
  const r1 = startRow ?? 1;
  const c1 = startColumn ?? 1;
  const r2 = endRow;
  const c2 = endColumn;
  return {
    sheetName,
    startRow: r2 === null ? r1 : Math.min(r1, r2),
    startColumn: c2 === null ? c1 : Math.min(c1, c2),
    endRow: r2 === null ? null : Math.max(r1, r2),
    endColumn: c2 === null ? null : Math.max(c1, c2),
  };
}
