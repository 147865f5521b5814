/**
 * The workload of the Sheets benchmark: realistic invoice rows in the template layout (docs/sheets.md "Using it"), the
 * same rows for both sides. One row in a hundred has two phone numbers typed into its phone cell, as
 * real sheets do: 31 characters where Midtrans documents String(20) for phone, so Midtrans refuses it,
 * neither side may give it a link, and "every valid row gets a link" has an exception. (A mistyped email
 * would not do: Midtrans documents only the email's length; its shape is the core's [inferred] check.)
 */
import { TEMPLATE_HEADERS } from '../../../core/src';

const FIRST = ['Siti', 'Budi', 'Dewi', 'Agus', 'Putri', 'Rizky', 'Ayu', 'Hendra', 'Wulan', 'Fajar', 'Nur', 'Bayu'];
const LAST = ['Nurhaliza', 'Santoso', 'Lestari', 'Wijaya', 'Pratama', 'Saputra', 'Kusuma', 'Hidayat', 'Rahmawati', ''];
const ITEMS: [string, number][] = [
  ['Kelas yoga bulanan', 350000],
  ['Tiket konser', 75000],
  ['Kopi susu 1 L', 45000],
  ['Jasa desain logo', 1500000],
  ['Langganan katering', 600000],
  ['Kaos sablon', 95000],
  ['Les privat matematika', 200000],
  ['Servis AC', 250000],
];

export const INVALID_EVERY = 100;

export interface Workload {
  header: string[];
  rows: unknown[][];
  /** Order ids of the rows Midtrans accepts. */
  validOrderIds: string[];
  invalidOrderIds: string[];
}

export function invoiceRows(count: number): Workload {
  const rows: unknown[][] = [];
  const validOrderIds: string[] = [];
  const invalidOrderIds: string[] = [];
  for (let i = 1; i <= count; i++) {
    const orderId = `INV-2026-${String(i).padStart(5, '0')}`;
    const first = FIRST[i % FIRST.length];
    const last = LAST[(i * 7) % LAST.length];
    const [item, price] = ITEMS[(i * 3) % ITEMS.length];
    const quantity = 1 + (i % 3);
    const invalid = i % INVALID_EVERY === 50;
    const email = `${first.toLowerCase()}${i}@example.id`;
    const phone = `+62812${String(10000000 + i * 37).slice(-8)}`;
    (invalid ? invalidOrderIds : validOrderIds).push(orderId);
    const byHeader: Record<string, unknown> = {
      'Order ID': orderId,
      'Customer Name': last ? `${first} ${last}` : first,
      'Customer Email': email,
      'Customer Phone': invalid ? `${phone} / +62813${String(20000000 + i).slice(-8)}` : phone,
      Item: item,
      Quantity: quantity,
      'Unit Price': price,
      Amount: price * quantity,
      Title: `${item} – ${orderId}`,
      Expiry: '7 days',
      'Usage Limit': 1,
    };
    rows.push(TEMPLATE_HEADERS.map((h) => (byHeader[h] === undefined ? '' : byHeader[h])));
  }
  return { header: [...TEMPLATE_HEADERS], rows, validOrderIds, invalidOrderIds };
}
