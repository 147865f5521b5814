/**
 * Figures each suite measured (seeds, faults, inputs, losses), printed once per file and, when
 * RELIABILITY_FIGURES names a file, appended to it as JSON lines (npm run soak collects them).
 */
import fs from 'fs';

export const figures = {
  record(suite: string, values: Record<string, number | string>): void {
    const line = JSON.stringify({ suite, ...values });
    if (process.env.RELIABILITY_QUIET !== '1') console.log(`[reliability] ${line}`);
    const file = process.env.RELIABILITY_FIGURES;
    if (file) fs.appendFileSync(file, `${line}\n`);
  },
};
