/** A read-only view of the emulated Invoices sheet, refreshed every two seconds, for the playground. */
import * as http from 'http';
import type { AddressInfo } from 'net';
import type { SheetsAddon } from '../../test/e2e/harness/sheets-addon';

const escape = (v: unknown) =>
  String(v ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

function page(addon: SheetsAddon): string {
  const [header = [], ...rows] = addon.rows();
  const cell = (v: unknown) => {
    const s = String(v ?? '');
    return /^https?:\/\//.test(s) ? `<a href="${escape(s)}" target="_blank">${escape(s)}</a>` : escape(s);
  };
  return `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="refresh" content="2">
<title>Invoices (emulated Google Sheet)</title>
<style>body{font:14px system-ui,sans-serif;margin:1.5em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}th{background:#f3f3f3}</style>
</head><body><h1>Invoices</h1><p>The Sheets add-on running in the Apps Script emulator. Pay a link and watch its Status change (this page reloads every 2 s).</p>
<table><tr>${(header as unknown[]).map((h) => `<th>${escape(h)}</th>`).join('')}</tr>
${rows.map((r) => `<tr>${r.map((v) => `<td>${cell(v)}</td>`).join('')}</tr>`).join('\n')}
</table></body></html>`;
}

export async function serveSheetView(addon: SheetsAddon, port = 0, host = '127.0.0.1'): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    if (req.method !== 'GET') {
      res.writeHead(405).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(page(addon));
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  return {
    url: `http://${host}:${(server.address() as AddressInfo).port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
