/**
 * The Sheets add-on as it runs for a merchant, stood up locally: the built `apps-script/dist/Code.js`
 * in the Apps Script emulator (its UrlFetchApp wired to the simulator in this process), and its web app
 * served over HTTP the way Apps Script serves `/exec` (https://developers.google.com/apps-script/guides/content#redirects): a POST
 * runs doPost and is answered 302 to a `/macros/echo?user_content_key=…` URL whose GET returns what
 * doPost returned; the echo URL takes GET only (a client that re-POSTs gets 405), and a client that
 * does not follow the redirect sees only the 302, as Midtrans does. A throwing doPost still ends in
 * the 302 (no 5xx), to an HTML error page. [inferred] How long an echo URL stays readable is not
 * documented; here it stays for the life of the server.
 */
import { randomBytes } from 'crypto';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as path from 'path';
import { postEvent, simulatorFetch, type AppsScriptEnvironment } from '../../../tools/apps-script-emulator';
import type { Simulator } from '../../../tools/simulator';
import { configuredProperties, readAddon, startAddon } from '../../support/sheets-addon';
import { REPO_ROOT } from './install-package';

export const ADDON_BUNDLE = path.join(REPO_ROOT, 'apps-script', 'dist', 'Code.js');

export interface SheetsAddon {
  env: AppsScriptEnvironment;
  fns: Record<string, (...args: unknown[]) => unknown>;
  /** Runs an entry point as a fresh execution (menu = 'ui'). */
  run(name: string, context?: 'ui' | 'webapp' | 'trigger', ...args: unknown[]): unknown;
  /** The Invoices sheet, header row first (untracked). */
  rows(): unknown[][];
  /** Row objects keyed by header. */
  records(): Record<string, unknown>[];
  /** Replaces the data rows under the existing header (untracked, like a person typing). */
  typeRows(rows: Record<string, unknown>[]): void;
}

const MIME: Record<string, string> = {
  JSON: 'application/json; charset=utf-8',
  TEXT: 'text/plain; charset=utf-8',
  JAVASCRIPT: 'application/javascript; charset=utf-8',
  CSV: 'text/csv; charset=utf-8',
  XML: 'text/xml; charset=utf-8',
};

export function loadSheetsAddon(opts: { simulator: Simulator; serverKey: string; apiBaseUrl: string; webAppUrl?: string }): SheetsAddon {
  const { env, fns } = startAddon(readAddon(path.dirname(ADDON_BUNDLE)), {
    fetch: simulatorFetch(opts.simulator),
    scriptProperties: configuredProperties(opts.serverKey, opts.apiBaseUrl),
    startTime: opts.simulator.now(),
    // One clock for both: every modelled Apps Script second also passes for the simulator.
    onClockAdvance: (ms) => opts.simulator.advance(ms),
    webAppUrl: opts.webAppUrl,
  });
  const addon: SheetsAddon = {
    env,
    fns,
    run(name, context = 'ui', ...args) {
      const fn = fns[name];
      if (!fn) throw new Error(`the add-on has no entry point ${name}`);
      env.newExecution({ context });
      return fn(...args);
    },
    rows: () => env.sheetValues('Invoices'),
    records() {
      const [header, ...data] = addon.rows();
      return data.map((r) => Object.fromEntries((header as string[]).map((h, i) => [h, r[i]])));
    },
    typeRows(records) {
      env.untracked(() => {
        const sheet = env.spreadsheet.getSheetByName('Invoices');
        if (!sheet) throw new Error('no Invoices sheet: run insertInvoiceTemplate first');
        const width = sheet.getLastColumn();
        const header = sheet.getRange(1, 1, 1, width).getValues()[0] as string[];
        const data = records.map((rec) => header.map((h) => (rec[h] === undefined ? '' : rec[h])));
        if (sheet.getMaxRows() < data.length + 1) sheet.insertRowsAfter(sheet.getMaxRows(), data.length + 1 - sheet.getMaxRows());
        sheet.getRange(2, 1, data.length, width).setValues(data as never);
      });
    },
  };
  return addon;
}

export interface WebAppServer {
  /** The deployment's `/exec` URL, as Deploy ▸ Manage deployments shows it. */
  execUrl: string;
  /** Every POST doPost answered: the body it got and what it returned. */
  posts: { body: string; answer: string }[];
  close(): Promise<void>;
}

export async function serveWebApp(addon: SheetsAddon, opts: { host?: string; port?: number } = {}): Promise<WebAppServer> {
  const host = opts.host ?? '127.0.0.1';
  const deploymentId = `AKfycb${randomBytes(16).toString('hex')}`;
  const echoes = new Map<string, { content: string; mimeType: string }>();
  const posts: { body: string; answer: string }[] = [];
  let base = '';

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', base);
      if (req.method === 'POST' && url.pathname === `/macros/s/${deploymentId}/exec`) {
        const body = Buffer.concat(chunks).toString('utf8');
        const query = Object.fromEntries(url.searchParams.entries());
        let out: { content: string; mimeType: string };
        try {
          addon.env.newExecution({ context: 'webapp' });
          const result = addon.fns.doPost(postEvent(body, query, String(req.headers['content-type'] ?? 'application/json'))) as
            { getContent(): string; getMimeType(): string } | undefined;
          out = addon.env.untracked(() => ({ content: result?.getContent() ?? '', mimeType: result?.getMimeType() ?? 'TEXT' }));
        } catch (e) {
          // Apps Script shows an HTML error page (still behind the 302) when doPost throws.
          out = { content: `<html><body>Error: ${(e as Error).message}</body></html>`, mimeType: 'HTML' };
        }
        posts.push({ body, answer: out.content });
        const key = randomBytes(24).toString('base64url');
        echoes.set(key, out);
        res.writeHead(302, {
          location: `${base}/macros/echo?user_content_key=${key}&lib=${deploymentId}`,
          'content-type': 'text/html; charset=UTF-8',
        });
        res.end('<HTML><HEAD><TITLE>Moved Temporarily</TITLE></HEAD><BODY>Moved Temporarily</BODY></HTML>');
        return;
      }
      if (url.pathname === '/macros/echo' && req.method !== 'GET') {
        res.writeHead(405, { 'content-type': 'text/html', allow: 'GET' });
        res.end('Method Not Allowed');
        return;
      }
      if (req.method === 'GET' && url.pathname === '/macros/echo') {
        const key = url.searchParams.get('user_content_key') ?? '';
        const echo = echoes.get(key);
        if (!echo) {
          res.writeHead(404, { 'content-type': 'text/html' });
          res.end('Sorry, unable to open the file at this time.');
          return;
        }
        res.writeHead(200, { 'content-type': MIME[echo.mimeType] ?? 'text/html; charset=utf-8' });
        res.end(echo.content);
        return;
      }
      res.writeHead(404, { 'content-type': 'text/html' });
      res.end('Sorry, unable to open the file at this time.');
    });
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, host, resolve));
  base = `http://${host}:${(server.address() as AddressInfo).port}`;
  return {
    execUrl: `${base}/macros/s/${deploymentId}/exec`,
    posts,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
