/**
 * The Status words (docs/glossary-id.md has the reasoning for each Indonesian word) and the Note
 * explanations the core gives as codes (core link-summary.ts NoteCode).
 */
import { messages } from '../define';

export const status = messages({
  en: {
    'status.Queued': 'Queued',
    'status.Link created': 'Link created',
    'status.Pending': 'Pending',
    'status.Paid': 'Paid',
    'status.Under review': 'Under review',
    'status.Failed': 'Failed',
    'status.Expired': 'Expired',
    'status.Refunded': 'Refunded',
    'status.Partially refunded': 'Partially refunded',
    'status.Deactivated': 'Deactivated',
    'status.Error': 'Error',
    'status.paidCount': 'Paid {paid}/{limit}',
    'note.reversed.one': '{n} payment reversed by Midtrans (settlement then deny)',
    'note.reversed.other': '{n} payments reversed by Midtrans (settlement then deny)',
    'note.chargebacks.one': '{n} chargeback',
    'note.chargebacks.other': '{n} chargebacks',
    'note.pendingCount': '{n} pending',
    'note.reviewCount': '{n} under review',
    'note.lastAttemptFailed': 'the last payment attempt failed; the customer can try again on the same link',
    'note.attemptExpired': 'the payment attempt expired before it was paid; the link itself is still open',
    'note.usageLimitReached': 'usage limit reached',
    'note.linkDeactivated': 'link deactivated',
    'note.linkExpired': 'link expired',
    'note.unlistedSettlement':
      "Midtrans reports this link's last payment as settled, but its payment list does not show it yet; Refresh again to record it",
  },
  id: {
    'status.Queued': 'Dalam antrean',
    'status.Link created': 'Tautan dibuat',
    'status.Pending': 'Menunggu pembayaran',
    'status.Paid': 'Lunas',
    'status.Under review': 'Sedang ditinjau',
    'status.Failed': 'Gagal',
    'status.Expired': 'Kedaluwarsa',
    'status.Refunded': 'Dana dikembalikan',
    'status.Partially refunded': 'Dana dikembalikan sebagian',
    'status.Deactivated': 'Dinonaktifkan',
    'status.Error': 'Bermasalah',
    'status.paidCount': 'Lunas {paid}/{limit}',
    'note.reversed.one': '{n} pembayaran dibatalkan kembali oleh Midtrans (settlement lalu deny)',
    'note.reversed.other': '{n} pembayaran dibatalkan kembali oleh Midtrans (settlement lalu deny)',
    'note.chargebacks.one': '{n} chargeback (sanggahan kartu)',
    'note.chargebacks.other': '{n} chargeback (sanggahan kartu)',
    'note.pendingCount': '{n} menunggu pembayaran',
    'note.reviewCount': '{n} sedang ditinjau',
    'note.lastAttemptFailed': 'percobaan pembayaran terakhir gagal; pelanggan dapat mencoba lagi dengan tautan yang sama',
    'note.attemptExpired': 'percobaan pembayaran kedaluwarsa sebelum dibayar; tautannya sendiri masih aktif',
    'note.usageLimitReached': 'batas penggunaan tercapai',
    'note.linkDeactivated': 'tautan dinonaktifkan',
    'note.linkExpired': 'tautan kedaluwarsa',
    'note.unlistedSettlement':
      'Midtrans mencatat pembayaran terakhir tautan ini lunas, tetapi daftar pembayarannya belum menampilkannya; Refresh lagi untuk mencatatnya',
  },
});
