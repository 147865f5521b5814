/** What the sheets of one emulated spreadsheet share: the meter, the time zone, who is running. */
import { ExecutionMeter } from './execution-meter';

export interface ProtectedWrite {
  sheet: string;
  a1: string;
  method: string;
  description: string;
}

export interface SheetContext {
  meter: ExecutionMeter;
  timeZone(): string;
  /** Owner of the spreadsheet (and of the script, which runs as the deployer). */
  ownerEmail: string;
  /** false: the script runs as an editor who is not the owner, so protected ranges refuse writes. */
  activeUserIsOwner: boolean;
  /** Writes the owner made into protected ranges (allowed for the owner; recorded so tests can see them). */
  protectedWrites: ProtectedWrite[];
}

export const PROTECTED_MESSAGE =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';
