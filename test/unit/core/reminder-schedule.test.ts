/** Payment reminders (issue 23): which offset is due, who may be reminded, in which order. */
import {
  byOldestDue,
  dueDayFromLink,
  dueReminder,
  emailCapacity,
  fillTemplate,
  parseReminderOffsets,
  readDueDate,
  reminderBlock,
  reminderEmail,
  reminderKey,
  wibDay,
  wibDayText,
  type ReminderCandidate,
} from '../../../core/src/reminder-schedule';
import { summarisePurchases } from '../../../core/src/link-summary';
import type { PurchaseRecord } from '../../../core/src/purchase-record';

const DEFAULT = [-3, -1, 0, 3, 7];
const day = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);

describe('dueReminder', () => {
  const due = day('2026-12-10');
  test('nothing is due before the first offset', () => {
    expect(dueReminder({ dueDay: due, today: day('2026-12-06'), offsets: DEFAULT, sentOffsets: new Set() })).toBeUndefined();
  });
  test('the offset whose day is today is due', () => {
    expect(dueReminder({ dueDay: due, today: day('2026-12-07'), offsets: DEFAULT, sentOffsets: new Set() })).toEqual({
      offset: -3,
      day: day('2026-12-07'),
      superseded: [],
    });
  });
  test('a sent offset is never due again, even days later', () => {
    for (const today of ['2026-12-07', '2026-12-08']) {
      expect(dueReminder({ dueDay: due, today: day(today), offsets: DEFAULT, sentOffsets: new Set([-3]) })).toBeUndefined();
    }
  });
  test('after several offsets passed unsent, only the latest is due and the earlier ones are superseded', () => {
    expect(dueReminder({ dueDay: due, today: day('2026-12-13'), offsets: DEFAULT, sentOffsets: new Set([-3]) })).toEqual({
      offset: 3,
      day: day('2026-12-13'),
      superseded: [-1, 0],
    });
  });
  test('an earlier offset never goes out after a later one was sent', () => {
    expect(dueReminder({ dueDay: due, today: day('2026-12-16'), offsets: DEFAULT, sentOffsets: new Set([3]) })).toBeUndefined();
    expect(dueReminder({ dueDay: due, today: day('2026-12-17'), offsets: DEFAULT, sentOffsets: new Set([3]) })?.offset).toBe(7);
  });
  test('after the last offset nothing more is due', () => {
    expect(dueReminder({ dueDay: due, today: day('2027-02-01'), offsets: DEFAULT, sentOffsets: new Set([7]) })).toBeUndefined();
  });
});

describe('days are WIB calendar days', () => {
  test('17:00 UTC is already the next day in Jakarta', () => {
    expect(wibDayText(wibDay(Date.parse('2026-12-09T16:59:59Z')))).toBe('2026-12-09');
    expect(wibDayText(wibDay(Date.parse('2026-12-09T17:00:00Z')))).toBe('2026-12-10');
  });
  test('a link expiring at midnight WIB is due the day before', () => {
    const link = { expiry_start: '2026-12-08 00:00:00 +0700', expiry_duration: 2, expiry_unit: 'days' };
    expect(wibDayText(dueDayFromLink(link as never) as number)).toBe('2026-12-09');
  });
});

describe('readDueDate', () => {
  test.each([
    ['2026-12-31', '2026-12-31'],
    ['31/12/2026', '2026-12-31'],
    ['1-2-2027', '2027-02-01'],
    ['05.01.2027', '2027-01-05'],
  ])('%j reads as %s (day first)', (text, iso) => {
    expect(readDueDate(text)).toEqual({ ok: true, day: day(iso) });
  });
  test('a date cell (midnight in the WIB sheet) reads as the day typed', () => {
    expect(readDueDate(new Date('2026-12-30T17:00:00Z'))).toEqual({ ok: true, day: day('2026-12-31') });
  });
  test.each(['next week', '31/02/2026', '2026-13-01', '12/31/2026', '45000'])('%j is not a date', (text) => {
    expect(readDueDate(text)).toEqual({ ok: false });
  });
  test('an empty cell has no due date', () => {
    expect(readDueDate('  ')).toBeUndefined();
    expect(readDueDate(null)).toBeUndefined();
  });
});

describe('parseReminderOffsets', () => {
  test('reads signs, any separator, sorts and dedupes', () => {
    expect(parseReminderOffsets('+7; -3 0, -1 +3 0')).toEqual({ ok: true, offsets: DEFAULT });
  });
  test.each([
    ['', 'empty'],
    ['-3, tomorrow', 'not-a-number'],
    ['1.5', 'not-a-number'],
    ['400', 'out-of-range'],
    ['1 2 3 4 5 6 7 8 9 10 11', 'too-many'],
  ])('%j is refused (%s)', (text, problem) => {
    expect(parseReminderOffsets(text)).toMatchObject({ ok: false, problem });
  });
});

describe('reminderBlock', () => {
  const purchase = (top: PurchaseRecord['top']): PurchaseRecord => ({
    transactionId: 't',
    orderId: 'o',
    top,
    settled: top === 'paid',
    reversalDeny: false,
    amount: 1,
    paymentType: 'qris',
    paidAt: '',
  });
  test.each([
    [[purchase('paid')], {}, 'paid'],
    [[purchase('refunded')], {}, 'refunded'],
    [[purchase('review')], {}, 'under-review'],
    [[], { deleted: true }, 'deactivated'],
    [[], { expired: true }, 'expired'],
    [[], { usageLimit: 50 }, 'multi-use'],
  ])('%j %j is not reminded (%s)', (purchases, life, block) => {
    expect(reminderBlock(summarisePurchases(purchases, { usageLimit: 1, ...life }))).toBe(block);
  });
  test('an open link, a pending transfer or a failed card attempt is reminded', () => {
    for (const p of [[], [purchase('pending')], [purchase('failed')], [purchase('expired')]]) {
      expect(reminderBlock(summarisePurchases(p, { usageLimit: 1 }))).toBeUndefined();
    }
  });
});

test('candidates go oldest due first: the reminder day, then the due date, then the row', () => {
  const c = (row: number, reminderDay: number, dueDay: number): ReminderCandidate => ({
    orderId: `o${row}`,
    row,
    dueDay,
    reminder: { offset: reminderDay - dueDay, day: reminderDay, superseded: [] },
  });
  const sorted = [c(2, 10, 13), c(3, 9, 12), c(4, 10, 10), c(5, 9, 12)].sort(byOldestDue).map((x) => x.row);
  expect(sorted).toEqual([3, 5, 4, 2]);
});

test('reminderEmail takes one address and refuses lists and typos', () => {
  expect(reminderEmail(' budi@example.com ')).toEqual({ ok: true, address: 'budi@example.com' });
  expect(reminderEmail('budi@example')).toMatchObject({ ok: false, problem: 'not-an-email' });
  expect(reminderEmail('a@x.com, b@y.com')).toMatchObject({ ok: false, problem: 'several' });
  expect(reminderEmail('')).toMatchObject({ ok: false, problem: 'empty' });
});

test('emailCapacity never exceeds what the quota has left', () => {
  expect([emailCapacity(100), emailCapacity(0), emailCapacity(-1), emailCapacity(2.5), emailCapacity(NaN)]).toEqual([100, 0, 0, 2, 0]);
});

test('reminderKey names the invoice, its due date and the offset', () => {
  expect(reminderKey('INV-7', day('2026-12-10'), -3)).toBe('INV-7|2026-12-10|-3');
});

test('fillTemplate fills known placeholders and leaves a typo visible', () => {
  expect(fillTemplate('Hi {name}, {AMOUNT} {nmae}', { name: 'Budi', amount: 'Rp 1.500.000' })).toBe('Hi Budi, Rp 1.500.000 {nmae}');
});
