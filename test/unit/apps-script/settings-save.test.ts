/** Saving Settings (settings.ts) checks every field before it stores any, with a small counting fake of Script Properties. */
import { PROPERTY, readConfig, saveSettingsInput } from '../../../apps-script/src/settings';
import { useSmallFakes, type SmallFakes } from './small-fakes';

let fakes: SmallFakes & { restore: () => void };
beforeEach(() => {
  fakes = useSmallFakes();
  fakes.script.store[PROPERTY.serverKey] = 'SB-Mid-server-Stored0123456789';
});
afterEach(() => fakes.restore());

test.each([
  ['an unknown environment', { environment: 'staging' }, /Environment must be "sandbox" or "production"/],
  ['a base URL that is not http(s)', { baseUrl: 'ftp://example.com' }, /must start with https:\/\//],
  [
    'a sandbox key saved as production',
    { serverKey: 'SB-Mid-server-New0123456789abc', environment: 'production' },
    /This is a sandbox key/,
  ],
])('%s is refused with a message and nothing is written, not even the valid fields', (_what, input, message) => {
  expect(() => saveSettingsInput(input)).toThrow(message);
  expect(fakes.script.writes()).toBe(0);
  expect(fakes.script.store[PROPERTY.serverKey]).toBe('SB-Mid-server-Stored0123456789');
});

test('a valid form is stored in one setProperties call; an empty key keeps the stored one and an empty base URL removes the override', () => {
  fakes.script.store[PROPERTY.baseUrl] = 'https://old.example.com';
  saveSettingsInput({ serverKey: '  ', environment: 'sandbox', baseUrl: '' });
  expect(fakes.script.calls.setProperties).toBe(1);
  expect(fakes.script.calls.setProperty ?? 0).toBe(0);
  expect(readConfig()).toEqual({ serverKey: 'SB-Mid-server-Stored0123456789', environment: 'sandbox', baseUrl: undefined });
});
