/** How a problem message shows the value it got (rule-checks `describe`, exported as describeValue). */
import { describeValue, validateCreateRequest } from '../../../core/src';

describe('describeValue', () => {
  test('an object or a list is shown as JSON after its kind, never as "[object Object]"', () => {
    expect(describeValue({ campaign: 'diwali', n: 2 })).toBe('an object {"campaign":"diwali","n":2}');
    expect(describeValue(['gopay', { x: 1 }])).toBe('a list ["gopay",{"x":1}]');
    expect(describeValue({})).toBe('an object {}');
  });

  test('long JSON is cut to 60 characters ending in "..."', () => {
    const shown = describeValue({ note: 'x'.repeat(500) });
    expect(shown.startsWith('an object {"note":"xxx')).toBe(true);
    expect(shown.length).toBe('an object '.length + 60);
    expect(shown.endsWith('...')).toBe(true);
  });

  test('values JSON cannot show (circular, bigint inside, functions) are named by kind, without a throw', () => {
    const circular: Record<string, unknown> = { a: 1 };
    circular.self = circular;
    expect(describeValue(circular)).toBe('an object');
    expect(describeValue({ big: BigInt(1) })).toBe('an object');
    expect(describeValue(() => 1)).toBe('a function');
    expect(describeValue(BigInt(12))).toBe('12');
  });

  test('scalars are shown as before: strings quoted and cut, numbers and booleans as is, nothing and null by name', () => {
    expect(describeValue('abc')).toBe('"abc"');
    expect(describeValue(12.5)).toBe('12.5');
    expect(describeValue(false)).toBe('false');
    expect(describeValue(undefined)).toBe('nothing');
    expect(describeValue(null)).toBe('null');
  });

  test('the validator quotes an object order id as JSON', () => {
    const problems = validateCreateRequest({ transaction_details: { order_id: { from: 'sheet' }, gross_amount: 1000 } });
    expect(problems.map((p) => p.message).join('\n')).toContain('{"from":"sheet"}');
  });
});
