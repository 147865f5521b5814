/**
 * The n8n front end shows the core's contract, it does not retype it: the payment-method options are
 * the core's current list, the VA number fields and their maximums the core's, the usage limit's bounds
 * the core's, the credential test's host the one the core's client would call, and every problem the
 * core can name maps to a field label the editor shows.
 */
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import {
  API_BASE_URLS,
  apiBaseUrl,
  CARD_TYPES,
  CUSTOMER_REQUIRED_FIELDS,
  ENABLED_PAYMENTS_CURRENT,
  USAGE_LIMIT_MAX,
  USAGE_LIMIT_MIN,
  VA_BANKS,
  VA_NUMBER_MAX,
} from '../../../core/src';
import { MidtransApi } from '../../../n8n-node/credentials/MidtransApi.credentials';
import { description, fieldNameOf, labelOf, VA_FIELDS } from '../../../n8n-node/nodes/Midtrans/resources/paymentLink/create';
import { resolveExpression } from './support/fake-http';

const field = (name: string) => description.find((p) => p.name === name) as INodeProperties;
const extra = (name: string) => (field('additionalFields').options as INodeProperties[]).find((p) => p.name === name) as INodeProperties;

test("Payment Methods offers exactly the core's current enabled_payments, each with a name, in alphabetical order", () => {
  const options = field('paymentMethods').options as INodePropertyOptions[];
  expect(options.map((o) => o.value).sort()).toEqual([...ENABLED_PAYMENTS_CURRENT].sort());
  for (const o of options) expect(o.name).toMatch(/^[A-Z]/);
  expect(options.map((o) => o.name)).toEqual([...options.map((o) => o.name)].sort((a, b) => a.localeCompare(b)));
});

test("Card Transaction Type and Customer Must Fill In offer exactly the core's value lists, named, in alphabetical order", () => {
  for (const [name, codes] of [
    ['cardType', CARD_TYPES],
    ['customerRequiredFields', CUSTOMER_REQUIRED_FIELDS],
  ] as const) {
    const options = extra(name).options as INodePropertyOptions[];
    expect(options.map((o) => o.value).sort()).toEqual([...codes].sort());
    for (const o of options) expect(o.name).toMatch(/^[A-Z]/);
    expect(options.map((o) => o.name)).toEqual([...options.map((o) => o.name)].sort((a, b) => a.localeCompare(b)));
  }
});

test("there is one VA number field per bank in the core's VA_BANKS, and each hint states the core's maximum", () => {
  expect(VA_FIELDS.map((f) => `${f.bank}_va`).sort()).toEqual([...VA_BANKS].sort());
  for (const code of VA_BANKS) {
    const f = VA_FIELDS.find((v) => `${v.bank}_va` === code)!;
    expect(extra(f.name).description).toBe(`Custom virtual account number, digits only (at most ${VA_NUMBER_MAX[code]})`);
  }
});

test("Usage Limit's bounds are the core's", () => {
  expect(field('usageLimit').typeOptions).toMatchObject({ minValue: USAGE_LIMIT_MIN, maxValue: USAGE_LIMIT_MAX });
  expect(field('usageLimit').description).toContain(USAGE_LIMIT_MAX.toLocaleString('en-US'));
});

describe("the credential test calls the host the core's client would", () => {
  const cases: [string, string, string][] = [
    ['sandbox', '', API_BASE_URLS.sandbox],
    ['production', '', API_BASE_URLS.production],
    ['production', '   ', API_BASE_URLS.production],
    ['sandbox', 'http://127.0.0.1:4010', 'http://127.0.0.1:4010'],
    ['production', ' https://proxy.example/midtrans ', 'https://proxy.example/midtrans'],
  ];
  test.each(cases)('environment %s, base URL %j', (environment, baseUrl, expected) => {
    const resolved = String(resolveExpression(new MidtransApi().test.request.baseURL, { serverKey: 'k', environment, baseUrl }));
    expect(apiBaseUrl({ serverKey: 'k', environment: environment as 'sandbox' | 'production', baseUrl })).toBe(expected);
    expect(resolved).toBe(expected);
  });

  test("the base URL field's placeholder is the core's sandbox host", () => {
    expect(new MidtransApi().properties.find((p) => p.name === 'baseUrl')?.placeholder).toBe(API_BASE_URLS.sandbox);
  });
});

test('every invoice path the core can name maps to a label the editor shows, never to a raw parameter path', () => {
  const paths = [
    'orderId',
    'amount',
    'items',
    'items[0].name',
    'items[1].price',
    'items[0].quantity',
    'items[0].id',
    'items[0].brand',
    'items[0].category',
    'items[0].merchantName',
    'dynamicAmount',
    'dynamicAmount.min',
    'dynamicAmount.max',
    'dynamicAmount.preset',
    'title',
    'customer',
    'customer.email',
    'customer.firstName',
    'customer.phone',
    'customer.lastName',
    'customer.notes',
    'customer.requiredFields',
    'expiry',
    'expiry.startTime',
    'expiry.unit',
    'usageLimit',
    'paymentMethods',
    'paymentLinkId',
    'customFields',
    'customFields[0]',
    'customFields[2]',
    'finishUrl',
    'creditCard',
    'creditCard.secure',
    'creditCard.bank',
    'creditCard.channel',
    'creditCard.type',
    'creditCard.allowedBins',
    'creditCard.installment',
    'creditCard.installment.terms.bni',
    ...VA_FIELDS.map((f) => `vaNumbers.${f.bank}`),
  ];
  const shown = new Set<string>();
  const walk = (props: readonly unknown[]) => {
    for (const p of props as { displayName: string; options?: unknown[]; values?: unknown[] }[]) {
      shown.add(p.displayName);
      walk(p.options ?? p.values ?? []);
    }
  };
  walk(description);
  for (const path of paths) {
    const label = fieldNameOf(path, 'fixed');
    // Each part of a label (Line Items › item 2 › Name) is a display name, an item number or a bank.
    for (const part of label.split(/ › |, | or /)) {
      if (!/^item \d+$/.test(part) && !/^[A-Z]+$/.test(part)) expect(shown).toContain(part);
    }
  }
  expect(fieldNameOf('amount', 'items')).toBe(labelOf('items'));
  expect(fieldNameOf('items[1].price', 'items')).toBe('Line Items › item 2 › Price (IDR)');
});
