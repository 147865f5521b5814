/// <reference types="google-apps-script" />
/**
 * SpreadsheetApp.getUi(): menus, alerts, prompts, sidebars and dialogs are recorded; the answers to
 * alerts and prompts come from a queue a test fills (default: the first button, empty text).
 */
import { asGas, GasMenu, GasUi } from './gas-types';
import { ExecutionMeter } from './execution-meter';

export type ButtonName = 'OK' | 'CANCEL' | 'YES' | 'NO' | 'CLOSE';
export type ButtonSetName = 'OK' | 'OK_CANCEL' | 'YES_NO' | 'YES_NO_CANCEL';

export type MenuEntry = { caption: string; functionName: string } | { separator: true } | { subMenu: RecordedMenu };
export interface RecordedMenu {
  title: string;
  addon: boolean;
  items: MenuEntry[];
}
export interface RecordedHtml {
  title: string;
  width?: number;
  height?: number;
  content: string;
}
export interface UiRecord {
  menus: RecordedMenu[];
  /**
   * Every toast call. `shown`: whether a person could see it — only in an execution started from the
   * open spreadsheet ('ui'); a trigger or the web app has nobody at the sheet (INFERRED: the docs say
   * only that the popup appears in the spreadsheet's lower right corner). `at`: emulated time; each new
   * toast replaces the one before (one on screen at a time).
   */
  toasts: Array<{ message: string; title: string; timeoutSeconds: number | null; shown?: boolean; at?: number }>;
  alerts: Array<{ title: string; prompt: string; buttons: ButtonSetName; answer: ButtonName }>;
  prompts: Array<{ title: string; prompt: string; buttons: ButtonSetName; answer: ButtonName; text: string }>;
  sidebars: RecordedHtml[];
  dialogs: Array<RecordedHtml & { modal: boolean }>;
  /** answers for the next alerts/prompts, consumed in order */
  responses: Array<{ button: ButtonName; text?: string }>;
}

export function emptyUiRecord(): UiRecord {
  return { menus: [], toasts: [], alerts: [], prompts: [], sidebars: [], dialogs: [], responses: [] };
}

const BUTTON: Record<ButtonName, ButtonName> = { OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO', CLOSE: 'CLOSE' };
const BUTTON_SET: Record<ButtonSetName, ButtonSetName> = {
  OK: 'OK',
  OK_CANCEL: 'OK_CANCEL',
  YES_NO: 'YES_NO',
  YES_NO_CANCEL: 'YES_NO_CANCEL',
};

/** What an HtmlOutput passed to showSidebar looks like to the recorder. */
export interface HtmlLike {
  snapshot(): { title: string; width: number; height: number; content: string };
}

function snapshotOf(x: unknown): { title: string; width: number; height: number; content: string } {
  const h = x as Partial<HtmlLike> | null;
  if (!h || typeof h.snapshot !== 'function') throw new Error('Invalid argument: userInterface');
  return h.snapshot();
}

class EmuMenu implements Pick<GasMenu, 'addItem' | 'addSeparator' | 'addSubMenu' | 'addToUi'> {
  readonly record: RecordedMenu;
  constructor(
    private readonly meter: ExecutionMeter,
    private readonly ui: UiRecord,
    title: string,
    addon: boolean,
  ) {
    this.record = { title, addon, items: [] };
  }
  addItem(caption: string, functionName: string): GasMenu {
    this.meter.record('Menu.addItem', 'other');
    if (typeof functionName !== 'string' || functionName === '') throw new Error('Invalid argument: functionName');
    this.record.items.push({ caption, functionName });
    return asGas(this);
  }
  addSeparator(): GasMenu {
    this.meter.record('Menu.addSeparator', 'other');
    this.record.items.push({ separator: true });
    return asGas(this);
  }
  addSubMenu(menu: GasMenu): GasMenu {
    this.meter.record('Menu.addSubMenu', 'other');
    this.record.items.push({ subMenu: (menu as unknown as EmuMenu).record });
    return asGas(this);
  }
  addToUi(): void {
    this.meter.record('Menu.addToUi', 'other');
    this.ui.menus.push(this.record);
  }
}

export class EmuUi implements Pick<
  GasUi,
  'createMenu' | 'createAddonMenu' | 'alert' | 'prompt' | 'showSidebar' | 'showModalDialog' | 'showModelessDialog'
> {
  readonly Button = BUTTON as unknown as GoogleAppsScript.Base.Button;
  readonly ButtonSet = BUTTON_SET as unknown as GoogleAppsScript.Base.ButtonSet;

  constructor(
    private readonly meter: ExecutionMeter,
    private readonly ui: UiRecord,
  ) {}

  private answer(buttons: ButtonSetName): { button: ButtonName; text?: string } {
    const next = this.ui.responses.shift();
    if (next) return next;
    return { button: buttons.startsWith('YES') ? 'YES' : 'OK' };
  }

  createMenu(caption: string): GasMenu {
    this.meter.record('Ui.createMenu', 'other');
    return asGas(new EmuMenu(this.meter, this.ui, caption, false));
  }

  createAddonMenu(): GasMenu {
    this.meter.record('Ui.createAddonMenu', 'other');
    return asGas(new EmuMenu(this.meter, this.ui, '(add-on)', true));
  }

  alert(prompt: string): GoogleAppsScript.Base.Button;
  alert(prompt: string, buttons: GoogleAppsScript.Base.ButtonSet): GoogleAppsScript.Base.Button;
  alert(title: string, prompt: string, buttons: GoogleAppsScript.Base.ButtonSet): GoogleAppsScript.Base.Button;
  alert(a: string, b?: unknown, c?: unknown): GoogleAppsScript.Base.Button {
    this.meter.record('Ui.alert', 'other');
    const [title, prompt, buttons] =
      c !== undefined ? [a, String(b), String(c)] : typeof b === 'string' && b in BUTTON_SET ? ['', a, b] : ['', a, 'OK'];
    const answer = this.answer(buttons as ButtonSetName);
    this.ui.alerts.push({ title, prompt, buttons: buttons as ButtonSetName, answer: answer.button });
    return asGas(answer.button);
  }

  prompt(prompt: string): GoogleAppsScript.Base.PromptResponse;
  prompt(prompt: string, buttons: GoogleAppsScript.Base.ButtonSet): GoogleAppsScript.Base.PromptResponse;
  prompt(title: string, prompt: string, buttons: GoogleAppsScript.Base.ButtonSet): GoogleAppsScript.Base.PromptResponse;
  prompt(a: string, b?: unknown, c?: unknown): GoogleAppsScript.Base.PromptResponse {
    this.meter.record('Ui.prompt', 'other');
    const [title, prompt, buttons] =
      c !== undefined ? [a, String(b), String(c)] : typeof b === 'string' && b in BUTTON_SET ? ['', a, b] : ['', a, 'OK'];
    const answer = this.answer(buttons as ButtonSetName);
    const text = answer.text ?? '';
    this.ui.prompts.push({ title, prompt, buttons: buttons as ButtonSetName, answer: answer.button, text });
    return asGas({ getResponseText: () => text, getSelectedButton: () => answer.button });
  }

  showSidebar(userInterface: GoogleAppsScript.HTML.HtmlOutput): void {
    this.meter.record('Ui.showSidebar', 'other');
    const h = snapshotOf(userInterface);
    this.ui.sidebars.push({ title: h.title, width: h.width, content: h.content });
  }

  showModalDialog(userInterface: GoogleAppsScript.HTML.HtmlOutput, title: string): void {
    this.meter.record('Ui.showModalDialog', 'other');
    const h = snapshotOf(userInterface);
    this.ui.dialogs.push({ title, width: h.width, height: h.height, content: h.content, modal: true });
  }

  showModelessDialog(userInterface: GoogleAppsScript.HTML.HtmlOutput, title: string): void {
    this.meter.record('Ui.showModelessDialog', 'other');
    const h = snapshotOf(userInterface);
    this.ui.dialogs.push({ title, width: h.width, height: h.height, content: h.content, modal: false });
  }
}
