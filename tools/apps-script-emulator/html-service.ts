/// <reference types="google-apps-script" />
/**
 * HtmlService over a directory of .html files (the add-on's dist). Templates support <? ?>, <?= ?>
 * (HTML-escaped) and <?!= ?> (raw); their code runs in the script's context when a bundle is loaded
 * (so `include()`-style helpers of the bundle work), else in a bare context.
 */
import fs from 'fs';
import path from 'path';
import vm from 'vm';
import { ExecutionMeter } from './execution-meter';

type HtmlOutput = GoogleAppsScript.HTML.HtmlOutput;

export const SandboxMode = { EMULATED: 'EMULATED', IFRAME: 'IFRAME', NATIVE: 'NATIVE' } as const;
export const XFrameOptionsMode = { ALLOWALL: 'ALLOWALL', DEFAULT: 'DEFAULT' } as const;

export class EmuHtmlOutput implements Pick<
  HtmlOutput,
  | 'getContent'
  | 'setContent'
  | 'append'
  | 'getTitle'
  | 'setTitle'
  | 'getWidth'
  | 'setWidth'
  | 'getHeight'
  | 'setHeight'
  | 'setSandboxMode'
  | 'setXFrameOptionsMode'
  | 'addMetaTag'
  | 'setFaviconUrl'
> {
  private title = '';
  private width = 300;
  private height = 500;
  constructor(
    private readonly meter: ExecutionMeter,
    private content: string,
  ) {}

  private call(m: string): void {
    this.meter.record(`HtmlOutput.${m}`, 'other');
  }
  private self(): HtmlOutput {
    return this as unknown as HtmlOutput;
  }
  snapshot(): { title: string; width: number; height: number; content: string } {
    return { title: this.title, width: this.width, height: this.height, content: this.content };
  }
  getContent(): string {
    this.call('getContent');
    return this.content;
  }
  setContent(content: string): HtmlOutput {
    this.call('setContent');
    this.content = content;
    return this.self();
  }
  append(addedContent: string): HtmlOutput {
    this.call('append');
    this.content += addedContent;
    return this.self();
  }
  getTitle(): string {
    this.call('getTitle');
    return this.title;
  }
  setTitle(title: string): HtmlOutput {
    this.call('setTitle');
    this.title = title;
    return this.self();
  }
  getWidth(): number {
    this.call('getWidth');
    return this.width;
  }
  setWidth(width: number): HtmlOutput {
    this.call('setWidth');
    this.width = width;
    return this.self();
  }
  getHeight(): number {
    this.call('getHeight');
    return this.height;
  }
  setHeight(height: number): HtmlOutput {
    this.call('setHeight');
    this.height = height;
    return this.self();
  }
  setSandboxMode(_mode: GoogleAppsScript.HTML.SandboxMode): HtmlOutput {
    this.call('setSandboxMode');
    return this.self();
  }
  setXFrameOptionsMode(_mode: GoogleAppsScript.HTML.XFrameOptionsMode): HtmlOutput {
    this.call('setXFrameOptionsMode');
    return this.self();
  }
  addMetaTag(_name: string, _content: string): HtmlOutput {
    this.call('addMetaTag');
    return this.self();
  }
  setFaviconUrl(_iconUrl: string): HtmlOutput {
    this.call('setFaviconUrl');
    return this.self();
  }
}

function escapeHtml(s: unknown): string {
  return String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/** Compiles scriptlets into a function body that appends to __out. */
export function compileTemplate(source: string): string {
  let code = 'var __out = [];\n';
  const re = /<\?(!=|=)?([\s\S]*?)\?>/g;
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(source))) {
    code += `__out.push(${JSON.stringify(source.slice(last, m.index))});\n`;
    if (m[1] === '=') code += `__out.push(__escape(${m[2]}));\n`;
    else if (m[1] === '!=') code += `__out.push(String((${m[2]}) == null ? '' : (${m[2]})));\n`;
    else code += `${m[2]}\n`;
    last = re.lastIndex;
  }
  code += `__out.push(${JSON.stringify(source.slice(last))});\nreturn __out.join('');`;
  return code;
}

export interface HtmlServiceOptions {
  meter: ExecutionMeter;
  htmlDir?: string;
  /** the loaded bundle's context, once loadBundle ran */
  scriptContext: () => vm.Context | null;
}

export function createHtmlService(o: HtmlServiceOptions) {
  const { meter } = o;
  const readFile = (filename: string): string => {
    const name = filename.endsWith('.html') ? filename : `${filename}.html`;
    const file = o.htmlDir ? path.join(o.htmlDir, name) : '';
    if (!file || !fs.existsSync(file)) throw new Error(`No HTML file named ${filename} was found.`);
    return fs.readFileSync(file, 'utf8');
  };
  const template = (source: string) => {
    const vars: Record<string, unknown> = {};
    const t = {
      evaluate(): HtmlOutput {
        meter.record('HtmlTemplate.evaluate', 'other');
        const ctx = o.scriptContext() ?? vm.createContext({});
        const fn = vm.runInContext(`(function (__vars, __escape) { with (__vars) { ${compileTemplate(source)} } })`, ctx);
        return new EmuHtmlOutput(meter, fn(vars, escapeHtml)) as unknown as HtmlOutput;
      },
      getCode(): string {
        meter.record('HtmlTemplate.getCode', 'other');
        return compileTemplate(source);
      },
      getRawContent(): string {
        meter.record('HtmlTemplate.getRawContent', 'other');
        return source;
      },
    };
    // Template variables are plain properties set by the script (t.name = value).
    return new Proxy(t, {
      set(target, key, value) {
        if (typeof key === 'string' && !(key in target)) vars[key] = value;
        return true;
      },
      get(target, key) {
        if (typeof key === 'string' && key in vars) return vars[key];
        return (target as Record<string | symbol, unknown>)[key];
      },
    });
  };
  return {
    SandboxMode,
    XFrameOptionsMode,
    createHtmlOutput(html?: string): HtmlOutput {
      meter.record('HtmlService.createHtmlOutput', 'other');
      return new EmuHtmlOutput(meter, html ?? '') as unknown as HtmlOutput;
    },
    createHtmlOutputFromFile(filename: string): HtmlOutput {
      meter.record('HtmlService.createHtmlOutputFromFile', 'other');
      return new EmuHtmlOutput(meter, readFile(filename)) as unknown as HtmlOutput;
    },
    createTemplate(html: string) {
      meter.record('HtmlService.createTemplate', 'other');
      return template(html);
    },
    createTemplateFromFile(filename: string) {
      meter.record('HtmlService.createTemplateFromFile', 'other');
      return template(readFile(filename));
    },
  };
}
