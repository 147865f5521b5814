/**
 * What the email step of a reminder run has done, kept in Script Properties because a property write
 * lands at once and is never undone by a cut (sheet writes not yet flushed are). Written just before
 * each send (`attempting`) and just after (`sent`), so a run cut off by the 6-minute limit leaves an
 * exact account: sent, the one that may have gone, and the ones never tried.
 */
import { PropertiesService } from './services';

const JOURNAL_PROPERTY = 'MIDTRANS_REMINDER_JOURNAL';

export interface Journal {
  sent: string[];
  /** The key whose send had started when the journal was last written. */
  attempting?: string;
}

export function readJournal(): Journal | undefined {
  const text = PropertiesService.getScriptProperties().getProperty(JOURNAL_PROPERTY);
  if (!text) return undefined;
  try {
    const j = JSON.parse(text) as Journal;
    return Array.isArray(j.sent) ? j : { sent: [] };
  } catch {
    return { sent: [] };
  }
}

export function writeJournal(j: Journal): void {
  PropertiesService.getScriptProperties().setProperty(JOURNAL_PROPERTY, JSON.stringify(j));
}

export function clearJournal(): void {
  PropertiesService.getScriptProperties().deleteProperty(JOURNAL_PROPERTY);
}
