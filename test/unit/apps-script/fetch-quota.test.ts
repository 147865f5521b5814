/**
 * The add-on's ledger of the daily URL Fetch quota (fetch-quota.ts), with small fakes of Properties
 * and Session: which quota an account gets, when the day resets, and what the real quota's refusal does.
 */
import { markExhausted, quotaView, recordRequests } from '../../../apps-script/src/fetch-quota';
import { useSmallFakes, type SmallFakes } from './small-fakes';

let fakes: SmallFakes & { restore: () => void };
afterEach(() => fakes.restore());

const DAY = 24 * 3_600_000;
const T0 = Date.UTC(2026, 0, 5, 3, 0, 0);

test("an address on a domain of its own is given Workspace's 100,000 a day; gmail.com and googlemail.com 20,000", () => {
  fakes = useSmallFakes('finance@toko-contoh.co.id');
  expect(quotaView(T0).limit).toBe(100_000);
  fakes.email = 'merchant@gmail.com';
  expect(quotaView(T0).limit).toBe(20_000);
  fakes.email = 'Merchant@GoogleMail.com';
  expect(quotaView(T0).limit).toBe(20_000);
  expect(fakes.emailCalls).toBe(3);
});

test("when Apps Script will not reveal the address (getEmail() is '') the smaller consumer quota is assumed", () => {
  fakes = useSmallFakes('');
  expect(quotaView(T0).limit).toBe(20_000);
  expect(fakes.emailCalls).toBe(1);
});

test('a quota set in Script Properties wins, and the address is then never asked for', () => {
  fakes = useSmallFakes('finance@toko-contoh.co.id');
  fakes.script.store.MIDTRANS_URLFETCH_DAILY_QUOTA = '50000';
  expect(quotaView(T0).limit).toBe(50_000);
  expect(fakes.emailCalls).toBe(0);
});

test('requests are counted in User Properties (the quota is the user’s) and the count resets 24 hours after the first', () => {
  fakes = useSmallFakes('merchant@gmail.com');
  recordRequests(120, T0);
  recordRequests(30, T0 + 3_600_000);
  expect(quotaView(T0 + 3_600_000)).toEqual({ limit: 20_000, used: 150, left: 19_850, resetsAt: T0 + DAY });
  expect(fakes.script.writes()).toBe(0);
  expect(quotaView(T0 + DAY)).toEqual({ limit: 20_000, used: 0, left: 20_000, resetsAt: undefined });
});

test('when the real quota refuses, the day counts as used up whatever the ledger said', () => {
  fakes = useSmallFakes('merchant@gmail.com');
  recordRequests(10, T0);
  markExhausted(T0 + 60_000, 20_000);
  expect(quotaView(T0 + 60_000).left).toBe(0);
});
