/** core/src/unsigned-fields.ts: the unsigned fields that reach a cell or an item have the shapes Midtrans sends. */
import { unsignedFieldProblem } from '../../../core/src';

const genuine = {
  transaction_time: '2021-06-23 11:27:20',
  settlement_time: '2021-06-23 11:27:50',
  transaction_id: '9aed5972-5b6a-401e-894b-a32c91ed1a3a',
  payment_type: 'bank_transfer',
  order_id: 'bca-va-01',
};

test('the documented settlement sample and a BI-SNAP transaction id pass; absent fields and empty times are fine', () => {
  expect(unsignedFieldProblem(genuine)).toBeUndefined();
  expect(unsignedFieldProblem({ ...genuine, transaction_id: 'A120251205074834XeVg4mKHIMID' })).toBeUndefined();
  expect(unsignedFieldProblem({ order_id: 'x' })).toBeUndefined();
  expect(unsignedFieldProblem({ ...genuine, settlement_time: '' })).toBeUndefined();
});

test.each([
  ['transaction_id', 'x'.repeat(65)],
  ['transaction_id', '=IMPORTXML("http://evil")'],
  ['transaction_id', 42],
  ['payment_type', 'Bank Transfer'],
  ['payment_type', 'a'.repeat(41)],
  ['settlement_time', '2019-1-1'],
  ['settlement_time', '2026-11-25 10:00:00<script>'],
  ['transaction_time', '2026-13-01 00:00:00'],
  ['expiry_time', 20261125],
])('%s = %j is refused, naming the field', (field, value) => {
  expect(unsignedFieldProblem({ ...genuine, [field]: value })).toMatch(new RegExp(`^${field} `));
});
