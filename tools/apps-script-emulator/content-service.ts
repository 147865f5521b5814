/// <reference types="google-apps-script" />
/** ContentService: text outputs with a MIME type, as a web app's doGet/doPost returns them. */
import { ExecutionMeter } from './execution-meter';

export const ContentMimeType = {
  ATOM: 'ATOM',
  CSV: 'CSV',
  ICAL: 'ICAL',
  JAVASCRIPT: 'JAVASCRIPT',
  JSON: 'JSON',
  RSS: 'RSS',
  TEXT: 'TEXT',
  VCARD: 'VCARD',
  XML: 'XML',
} as const;

type TextOutput = GoogleAppsScript.Content.TextOutput;

export class EmuTextOutput implements Pick<
  TextOutput,
  'getContent' | 'setContent' | 'append' | 'clear' | 'getMimeType' | 'setMimeType' | 'getFileName' | 'downloadAsFile'
> {
  private content: string;
  private mimeType: string = ContentMimeType.TEXT;
  private fileName: string | null = null;

  constructor(
    private readonly meter: ExecutionMeter,
    content = '',
  ) {
    this.content = String(content);
  }

  private call(m: string): void {
    this.meter.record(`TextOutput.${m}`, 'other');
  }

  /** What the web app answers: for tests, not a service call. */
  snapshot(): { content: string; mimeType: string } {
    return { content: this.content, mimeType: this.mimeType };
  }

  getContent(): string {
    this.call('getContent');
    return this.content;
  }
  setContent(content: string): TextOutput {
    this.call('setContent');
    this.content = String(content);
    return this as unknown as TextOutput;
  }
  append(addedContent: string): TextOutput {
    this.call('append');
    this.content += String(addedContent);
    return this as unknown as TextOutput;
  }
  clear(): TextOutput {
    this.call('clear');
    this.content = '';
    return this as unknown as TextOutput;
  }
  getMimeType(): GoogleAppsScript.Content.MimeType {
    this.call('getMimeType');
    return this.mimeType as unknown as GoogleAppsScript.Content.MimeType;
  }
  setMimeType(mimeType: GoogleAppsScript.Content.MimeType): TextOutput {
    this.call('setMimeType');
    const m = String(mimeType);
    if (!(m in ContentMimeType)) throw new Error(`Invalid argument: mimeType`);
    this.mimeType = m;
    return this as unknown as TextOutput;
  }
  getFileName(): string {
    this.call('getFileName');
    return this.fileName as string;
  }
  downloadAsFile(filename: string): TextOutput {
    this.call('downloadAsFile');
    this.fileName = filename;
    return this as unknown as TextOutput;
  }
}

export function createContentService(
  meter: ExecutionMeter,
): Pick<GoogleAppsScript.Content.ContentService, 'createTextOutput' | 'MimeType'> {
  return {
    MimeType: ContentMimeType as unknown as typeof GoogleAppsScript.Content.MimeType,
    createTextOutput(content?: string): TextOutput {
      meter.record('ContentService.createTextOutput', 'other');
      return new EmuTextOutput(meter, content ?? '') as unknown as TextOutput;
    },
  } as Pick<GoogleAppsScript.Content.ContentService, 'createTextOutput' | 'MimeType'>;
}
