/** What the sheets of one emulated spreadsheet share: the meter and the time zone. */
import { ExecutionMeter } from './execution-meter';

export interface SheetContext {
  meter: ExecutionMeter;
  timeZone(): string;
}
