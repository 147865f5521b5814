/** The server key goes only to Midtrans (base-url-policy.ts), and no spelling of it survives redaction (api-calls.ts). */
import {
  authorizationHeader,
  baseUrlKind,
  baseUrlSaveProblem,
  baseUrlUseProblem,
  connectionProbeProblem,
  redactSecret,
} from '../../../core/src';

describe('baseUrlKind', () => {
  test.each([
    ['https://api.sandbox.midtrans.com', 'midtrans'],
    ['https://api.midtrans.com/', 'midtrans'],
    ['http://localhost:3535', 'local'],
    ['http://127.0.0.1:3535/', 'local'],
    ['HTTP://LOCALHOST', 'local'],
    ['https://proxy.example.com', 'other'],
    ['http://proxy.example.com', 'invalid'],
    ['http://localhost@evil.example', 'invalid'],
    ['http://localhost.evil.example', 'invalid'],
    ['http://127.0.0.1.nip.io', 'invalid'],
    ['https://api.midtrans.com.evil.example', 'other'],
    ['ftp://api.midtrans.com', 'invalid'],
    ['api.example.com', 'invalid'],
  ])('%s is %s', (url, kind) => {
    expect(baseUrlKind(url)).toBe(kind);
  });
});

describe('where the key may go', () => {
  test('Midtrans and empty always; a local stand-in in sandbox only; another https host only with the key typed in the same save', () => {
    expect(baseUrlSaveProblem('', 'production', false)).toBeUndefined();
    expect(baseUrlSaveProblem('https://api.midtrans.com', 'production', false)).toBeUndefined();
    expect(baseUrlSaveProblem('http://127.0.0.1:3535', 'sandbox', false)).toBeUndefined();
    expect(baseUrlSaveProblem('https://proxy.example.com', 'sandbox', false)).toMatch(/paste the server key again/);
    expect(baseUrlSaveProblem('https://proxy.example.com', 'sandbox', true)).toBeUndefined();
  });

  test('never in production: not a proxy, not even with the key typed, not localhost', () => {
    for (const url of ['https://proxy.example.com', 'http://localhost:3535']) {
      expect(baseUrlSaveProblem(url, 'production', true)).toMatch(/In production the key goes only to Midtrans/);
      expect(baseUrlUseProblem(url, 'production')).toMatch(/In production/);
    }
  });

  test('never over plain http to a host that is not this machine, key typed or not', () => {
    expect(baseUrlSaveProblem('http://proxy.example.com', 'sandbox', true)).toMatch(/must start with https/);
    expect(baseUrlUseProblem('http://proxy.example.com', 'sandbox')).toMatch(/must start with https/);
  });

  test('Test connection is refused for settings whose base URL the key may not go to', () => {
    expect(connectionProbeProblem({ serverKey: 'Mid-server-x', environment: 'production', baseUrl: 'https://collector.example' })).toMatch(
      /In production/,
    );
    expect(connectionProbeProblem({ serverKey: 'SB-Mid-server-x', environment: 'sandbox', baseUrl: 'http://127.0.0.1:1' })).toBeUndefined();
  });
});

describe('redactSecret covers every spelling a proxy might echo', () => {
  // 37 characters: base64 of the key ends in "==" and of key + ":" in "=", so padded and unpadded differ.
  const KEY = 'SB-Mid-server-Abc123XyZ789Def456GhI0j';
  const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
  const b64url = (s: string) => Buffer.from(s, 'utf8').toString('base64url');
  const spellings: [string, string][] = [
    ['the key', KEY],
    ['the key in upper case', KEY.toUpperCase()],
    ['the key in lower case', KEY.toLowerCase()],
    ['the secret part alone', KEY.slice('SB-Mid-server-'.length)],
    ['the secret part in upper case', KEY.slice('SB-Mid-server-'.length).toUpperCase()],
    ['base64(key + ":") (the Authorization header)', authorizationHeader(KEY).slice('Basic '.length)],
    ['base64(key)', b64(KEY)],
    ['base64(key) without padding', b64(KEY).replace(/=+$/, '')],
    ['base64(key + ":") without padding', b64(`${KEY}:`).replace(/=+$/, '')],
  ];

  test('the spellings differ from each other (each one is its own case)', () => {
    expect(new Set(spellings.map(([, s]) => s)).size).toBe(spellings.length);
  });

  test.each(spellings)('%s is redacted', (_name, spelling) => {
    const text = `upstream said: token=${spelling}; retry later`;
    const out = redactSecret(text, KEY);
    expect(out).not.toContain(spelling);
    expect(out).toContain('[redacted]');
    expect(out).toMatch(/^upstream said: token=.*; retry later$/);
  });

  // A key of letters and digits has no base64 "+" or "/" (ASCII bytes never make those 6-bit groups), so
  // its base64url differs only by padding; this key's characters make "+" and "/" appear.
  const ODD = 'SB-Mid-server-Abc123XyZ789Def456GhI100~?';
  test.each([
    ['base64url(key)', b64url(ODD)],
    ['base64url(key + ":")', b64url(`${ODD}:`)],
    ['padded base64url(key + ":")', `${b64url(`${ODD}:`)}=`],
  ])('%s is redacted, where it differs from base64', (_name, spelling) => {
    expect(b64(ODD)).not.toBe(b64url(ODD));
    const out = redactSecret(`echo ${spelling} end`, ODD);
    expect(out).toBe('echo [redacted] end');
  });

  test('a production key: its secret part after "Mid-server-" is redacted too', () => {
    const key = 'Mid-server-Q9w8E7r6T5y4U3i2O1p0';
    expect(redactSecret('x Q9W8E7R6T5Y4U3I2O1P0 y', key)).toBe('x [redacted] y');
  });

  test('text without the key is unchanged, and a short secret part is not hunted for alone', () => {
    expect(redactSecret('Midtrans said: unauthorized', KEY)).toBe('Midtrans said: unauthorized');
    expect(redactSecret('abc is a word', 'SB-Mid-server-abc')).toBe('abc is a word');
  });
});
