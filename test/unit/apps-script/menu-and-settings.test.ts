/** The menu, the template and the Settings callbacks on the built bundle. */
import { createHarness, SERVER_KEY, TEMPLATE } from './harness';

test('onOpen adds the Midtrans menu with its six actions', () => {
  const h = createHarness();
  h.run('onOpen');
  expect(h.env.ui.menus).toHaveLength(1);
  const menu = h.env.ui.menus[0];
  expect(menu.title).toBe('Midtrans');
  const names = JSON.stringify(menu.items);
  for (const [caption, fn] of [
    ['Generate payment links', 'generatePaymentLinks'],
    ['Generate for selected rows', 'generateForSelectedRows'],
    ['Refresh statuses', 'refreshStatuses'],
    ['Deactivate selected links', 'deactivateSelectedLinks'],
    ['Insert invoice template', 'insertInvoiceTemplate'],
    ['Settings', 'showSettings'],
  ]) {
    expect(names).toContain(caption);
    expect(names).toContain(fn);
  }
});

test('Insert invoice template creates Invoices with the contract headers; a second time changes nothing', () => {
  const h = createHarness();
  h.run('insertInvoiceTemplate');
  expect(h.rows()[0]).toEqual(TEMPLATE);
  expect(h.env.inspectCell('Invoices', 2, TEMPLATE.indexOf('Order ID') + 1)?.numberFormat).toBe('@');
  h.run('insertInvoiceTemplate');
  expect(h.env.ui.alerts.pop()?.prompt).toBe('"Invoices" already has every column; nothing changed.');
});

test("on a merchant's own sheet the template only adds the missing columns at the end", () => {
  const h = createHarness();
  h.setSheet([['INV-1', 'Budi', 150000]], ['Invoice No', 'Customer', 'Total']);
  h.run('insertInvoiceTemplate');
  const header = h.rows()[0];
  expect(header.slice(0, 3)).toEqual(['Invoice No', 'Customer', 'Total']);
  expect(header).toContain('Payment Link');
  expect(header).not.toContain('Order ID');
  expect(h.rows()[1].slice(0, 3)).toEqual(['INV-1', 'Budi', 150000]);
});

describe('Settings', () => {
  test('the key is stored but only its masked form ever comes back', () => {
    const h = createHarness({ withKey: false });
    const view = h.run('saveSettings', 'ui', {
      serverKey: ` ${SERVER_KEY} `,
      environment: 'sandbox',
      baseUrl: 'https://api.sandbox.midtrans.com',
    }) as Record<string, unknown>;
    expect(h.env.properties.script.get('MIDTRANS_SERVER_KEY')).toBe(SERVER_KEY);
    expect(JSON.stringify(view)).not.toContain(SERVER_KEY);
    expect(view.maskedKey).toBe('SB-Mid-server-••••••••6789');
    expect(JSON.stringify(h.run('getSettings'))).not.toContain(SERVER_KEY);
    expect(h.env.logs.join('\n')).not.toContain(SERVER_KEY);
  });

  test('an empty key field keeps the stored key', () => {
    const h = createHarness();
    h.run('saveSettings', 'ui', { serverKey: '', environment: 'sandbox', baseUrl: '' });
    expect(h.env.properties.script.get('MIDTRANS_SERVER_KEY')).toBe(SERVER_KEY);
    expect(h.env.properties.script.has('MIDTRANS_API_BASE_URL')).toBe(false);
  });

  test.each([
    [{ serverKey: 'SB-Mid-client-abc', environment: 'sandbox' }, /client key/],
    [{ serverKey: 'SB-Mid-server-abc', environment: 'production' }, /sandbox key/],
    [{ serverKey: 'Mid-server-abc', environment: 'sandbox' }, /production key/],
    [{ serverKey: 'SB-Mid-server-abc', environment: 'staging' }, /Environment must be/],
    [{ serverKey: 'SB-Mid-server-abc', environment: 'sandbox', baseUrl: 'api.example.com' }, /must start with https/],
  ])('a mistake is refused with a message and stores nothing: %j', (input, message) => {
    const h = createHarness({ withKey: false });
    expect(() => h.run('saveSettings', 'ui', input)).toThrow(message);
    expect(h.env.properties.script.has('MIDTRANS_SERVER_KEY')).toBe(false);
  });

  test('an editor cannot point the stored key elsewhere: a proxy base URL with the key field empty is refused, and Test connection still goes to Midtrans', () => {
    const h = createHarness();
    expect(() => h.run('saveSettings', 'ui', { serverKey: '', environment: 'sandbox', baseUrl: 'https://collector.example' })).toThrow(
      /paste the server key again/,
    );
    expect(() => h.run('saveSettings', 'ui', { serverKey: '', environment: 'sandbox', baseUrl: 'http://collector.example' })).toThrow(
      /must start with https/,
    );
    expect(h.env.properties.script.get('MIDTRANS_API_BASE_URL')).toBe('https://api.sandbox.midtrans.com');
    h.run('testConnection');
    expect(h.env.fetches.map((f) => new URL(f.url).host)).toEqual(['api.sandbox.midtrans.com']);
  });

  test('a proxy base URL is stored when the key is typed in the same save; a local stand-in needs no key; production takes neither', () => {
    const h = createHarness();
    h.run('saveSettings', 'ui', { serverKey: 'SB-Mid-server-TypedAgain0123', environment: 'sandbox', baseUrl: 'https://proxy.example' });
    expect(h.env.properties.script.get('MIDTRANS_API_BASE_URL')).toBe('https://proxy.example');
    h.run('saveSettings', 'ui', { serverKey: '', environment: 'sandbox', baseUrl: 'http://127.0.0.1:3535' });
    expect(h.env.properties.script.get('MIDTRANS_API_BASE_URL')).toBe('http://127.0.0.1:3535');
    for (const baseUrl of ['https://proxy.example', 'http://localhost:3535'])
      expect(() => h.run('saveSettings', 'ui', { serverKey: 'Mid-server-TypedAgain0123', environment: 'production', baseUrl })).toThrow(
        /In production the key goes only to Midtrans/,
      );
    expect(h.env.properties.script.get('MIDTRANS_ENVIRONMENT')).toBe('sandbox');
  });

  test('production settings with another host stored outside Settings are refused at use: Test connection sends nothing', () => {
    const h = createHarness();
    h.env.untracked(() => {
      h.env.properties.script.set('MIDTRANS_ENVIRONMENT', 'production');
      h.env.properties.script.set('MIDTRANS_API_BASE_URL', 'https://collector.example');
    });
    expect(() => h.run('testConnection')).toThrow(/In production the key goes only to Midtrans/);
    expect(h.env.fetches).toHaveLength(0);
  });

  test('Test connection: accepted key, then a wrong key (401), never showing the key', () => {
    const h = createHarness();
    expect(h.run('testConnection')).toEqual({
      ok: true,
      message: 'Connected to https://api.sandbox.midtrans.com: the server key was accepted.',
    });
    h.env.untracked(() => h.env.properties.script.set('MIDTRANS_SERVER_KEY', 'SB-Mid-server-WrongKey'));
    const r = h.run('testConnection') as { ok: boolean; message: string };
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/rejected the server key \(401\)/);
    expect(r.message).not.toContain('WrongKey');
  });

  test('the sidebar opens from the menu with the settings page', () => {
    const h = createHarness();
    h.run('showSettings');
    expect(h.env.ui.sidebars).toHaveLength(1);
    const view = h.run('getSettings') as Record<string, unknown>;
    expect(h.env.ui.sidebars[0].content).toContain('data-t="step3"');
    expect((view.text as Record<string, string>).step3).toContain('Payment Notification URL');
    expect(view.webAppUrl).toBe('https://script.google.com/macros/s/AKfycbEmulatedDeployment/exec');
    expect(view.bound).toBe(true);
  });
});

test('doGet answers so a merchant can check the web app URL in a browser', () => {
  const h = createHarness();
  const out = h.run('doGet', 'webapp') as { getContent(): string };
  expect(JSON.parse(out.getContent())).toMatchObject({ ok: true, accepts: 'POST' });
});
