/**
 * Payment reminders (issue 23): the customer's default message, the Reminders sheet's words, the menu's
 * questions and answers, the Notes on rows, Settings' checks and the sidebar's Reminders section.
 */
import { messages } from '../define';

export const reminders = messages({
  en: {
    // The customer's message, filled from Settings' template (these are the defaults).
    'reminders.templateSubject': 'Payment reminder: {title}',
    'reminders.templateBody':
      'Hello {name},\n\nThis is a reminder that {title} for {amount} is {when} ({due_date}, WIB).\n\nYou can pay here: {link}\n\nIf you have already paid, please ignore this message. Thank you.',
    'reminders.defaultName': 'Customer',
    'reminders.defaultTitle': 'invoice {order_id}',
    'reminders.whenBefore': 'due in {days} days',
    'reminders.whenTomorrow': 'due tomorrow',
    'reminders.whenToday': 'due today',
    'reminders.whenYesterday': '1 day overdue',
    'reminders.whenAfter': '{days} days overdue',

    // The Reminders sheet.
    'reminders.statusSending': 'Sending',
    'reminders.statusSent': 'Sent',
    'reminders.statusMaybeSent': 'Maybe sent (the run was cut off while sending)',
    'reminders.statusToSend': 'To send',
    'reminders.statusNotSent': 'Not sent',
    'reminders.channelEmail': 'Email',
    'reminders.channelWhatsapp': 'WhatsApp',
    'reminders.offsetBefore': '{days} days before',
    'reminders.offsetOn': 'on the due date',
    'reminders.offsetAfter': '{days} days after',
    'reminders.lastReminder': '{date} · {offset} · {channel}',

    // The menu and its answers.
    'reminders.kind': 'sending reminders',
    'reminders.menuSend': 'Send payment reminders',
    'reminders.menuMark': 'Mark selected reminders sent',
    'reminders.off': 'Reminders are switched off: turn them on in Midtrans ▸ Settings (Reminders).',
    'reminders.noneDue': 'No reminder is due today.',
    'reminders.confirmIntro': 'Send payment reminders now?',
    'reminders.confirmEmails': 'By email ({count}): {names}.',
    'reminders.confirmWhatsapp': 'WhatsApp messages to prepare in the Reminders sheet ({count}): {names}.',
    'reminders.confirmUnknown': '{count} more invoices have no Due Date: their link’s expiry is checked with Midtrans first.',
    'reminders.confirmCarry': 'Today’s email quota has {left} left: {count} emails wait for the next run, oldest due first.',
    'reminders.confirmCheck': 'Each invoice is checked with Midtrans just before its reminder; paid ones are skipped.',
    'reminders.andMore': '{names} and {count} more',
    'reminders.cancelled': 'No reminder was sent.',
    'reminders.reportSent': 'Email reminders sent: {count}.',
    'reminders.reportWhatsapp':
      'WhatsApp reminders ready in the Reminders sheet: {count} (send them, then use Mark selected reminders sent).',
    'reminders.reportSkipped': 'Skipped because Midtrans shows them paid, refunded, under review, deactivated or expired: {count}.',
    'reminders.reportCarried': 'Carried to the next run because today’s email quota is used up (oldest due go first): {count}.',
    'reminders.reportUnchecked': 'Could not be checked with Midtrans, so left for the next run: {count}.',
    'reminders.reportProblems': 'Rows with a problem (see their Note): {count}.',
    'reminders.reportStopped': 'Stopped to stay within Apps Script’s 6-minute limit with {count} left; {how}.',
    'reminders.reportRecovered': 'Reminders of a run that was cut off, now recorded: {count}.',
    'reminders.reportNothing': 'No reminder was due.',
    'reminders.continueByHand': 'run Send payment reminders again',
    'reminders.continueLater': 'run Send payment reminders again to send them',
    'reminders.busy': 'The sheet stayed busy for 30 seconds; run Send payment reminders again.',
    'reminders.markWrongSheet': 'Select the reminders on the "Reminders" sheet first.',
    'reminders.markNone': 'None of the selected rows is a WhatsApp reminder waiting to be sent.',
    'reminders.markDone': 'WhatsApp reminders marked sent: {count}.',
    'reminders.permission':
      'Email reminders need permission to send email as you: run Midtrans ▸ Send payment reminders from the menu and allow it. ({detail})',

    // Notes on invoice rows.
    'reminders.noteBadDueDate': '{column} ({cell}): "{value}" is not a date; write it as 31/12/2026 or 2026-12-31. No reminder was sent.',
    'reminders.noteBadEmail': '{column} ({cell}): "{value}" cannot get a reminder ({why}).',
    'reminders.noteBadPhone': '{column} ({cell}): cannot get a WhatsApp reminder ({why}).',
    'reminders.emailSeveral': 'write one address',
    'reminders.emailNotEmail': 'not an email address',
    'reminders.emailRefused': 'Gmail refused it: {detail}',

    // Settings.
    'reminders.offsetsEmpty': 'Write at least one reminder day, for example -3, -1, 0, +3, +7.',
    'reminders.offsetsNotNumber': '"{item}" is not a whole number of days; write the schedule as -3, -1, 0, +3, +7.',
    'reminders.offsetsRange': '"{item}" is more than a year from the due date.',
    'reminders.offsetsTooMany': 'At most {max} reminders per invoice.',
    'reminders.templateNoLink': 'The {language} reminder text must contain {link}, where the payment link goes.',
    'reminders.templateTooLong': 'The {language} reminder text is {length} characters; keep it under {max}.',
    'reminders.languageName': 'English',
    'reminders.dailyNeedsBound':
      'A daily reminder run needs the script bound to the sheet (see README); use Send payment reminders from the menu instead.',

    // The Settings sidebar's Reminders section.
    'reminders.sidebarTitle': 'Payment reminders',
    'reminders.sidebarIntro':
      'Emails (from your Google account) and WhatsApp links that remind unpaid customers before and after the Due Date column (or the link’s expiry). Paid, refunded, deactivated and expired invoices are never reminded.',
    'reminders.sidebarEnabled': 'Reminders on',
    'reminders.sidebarSchedule': 'Days from the due date',
    'reminders.sidebarScheduleHint': 'Negative: before; 0: on the day; positive: after. Each is sent at most once per invoice.',
    'reminders.sidebarLanguage': 'Customer’s language',
    'reminders.sidebarDaily': 'Send the due reminders every day at about 09:00 WIB',
    'reminders.sidebarSubject': 'Subject ({language})',
    'reminders.sidebarBody': 'Message ({language})',
    'reminders.sidebarPlaceholders':
      'Placeholders: {name}, {amount}, {due_date}, {when}, {title}, {order_id}, {link}. Empty: the built-in text.',
    'reminders.sidebarSave': 'Save reminders',
    'reminders.sidebarSaved': 'Saved.',
    'reminders.sidebarDailyOn': 'Daily reminders on.',
    'reminders.sidebarDailyOff': 'Daily reminders off.',
  },
  id: {
    'reminders.templateSubject': 'Pengingat pembayaran: {title}',
    'reminders.templateBody':
      'Halo {name},\n\nKami mengingatkan bahwa {title} sebesar {amount} {when} ({due_date}, WIB).\n\nAnda dapat membayar di sini: {link}\n\nJika Anda sudah membayar, mohon abaikan pesan ini. Terima kasih.',
    'reminders.defaultName': 'Bapak/Ibu',
    'reminders.defaultTitle': 'tagihan {order_id}',
    'reminders.whenBefore': 'jatuh tempo dalam {days} hari',
    'reminders.whenTomorrow': 'jatuh tempo besok',
    'reminders.whenToday': 'jatuh tempo hari ini',
    'reminders.whenYesterday': 'sudah lewat jatuh tempo 1 hari',
    'reminders.whenAfter': 'sudah lewat jatuh tempo {days} hari',

    'reminders.statusSending': 'Sedang dikirim',
    'reminders.statusSent': 'Terkirim',
    'reminders.statusMaybeSent': 'Mungkin terkirim (proses terhenti saat mengirim)',
    'reminders.statusToSend': 'Perlu dikirim',
    'reminders.statusNotSent': 'Tidak terkirim',
    'reminders.channelEmail': 'Email',
    'reminders.channelWhatsapp': 'WhatsApp',
    'reminders.offsetBefore': '{days} hari sebelum',
    'reminders.offsetOn': 'pada hari jatuh tempo',
    'reminders.offsetAfter': '{days} hari sesudah',
    'reminders.lastReminder': '{date} · {offset} · {channel}',

    'reminders.kind': 'mengirim pengingat',
    'reminders.menuSend': 'Kirim pengingat pembayaran',
    'reminders.menuMark': 'Tandai pengingat terpilih sudah dikirim',
    'reminders.off': 'Pengingat sedang nonaktif: aktifkan di Midtrans ▸ Pengaturan (Pengingat).',
    'reminders.noneDue': 'Tidak ada pengingat yang jatuh tempo hari ini.',
    'reminders.confirmIntro': 'Kirim pengingat pembayaran sekarang?',
    'reminders.confirmEmails': 'Lewat email ({count}): {names}.',
    'reminders.confirmWhatsapp': 'Pesan WhatsApp yang disiapkan di sheet Reminders ({count}): {names}.',
    'reminders.confirmUnknown': '{count} tagihan lain tidak punya Jatuh Tempo (Due Date): masa berlaku tautannya dicek dulu ke Midtrans.',
    'reminders.confirmCarry':
      'Kuota email hari ini tersisa {left}: {count} email menunggu proses berikutnya, yang paling lama jatuh tempo lebih dulu.',
    'reminders.confirmCheck': 'Setiap tagihan dicek ke Midtrans tepat sebelum pengingatnya; yang sudah dibayar dilewati.',
    'reminders.andMore': '{names} dan {count} lainnya',
    'reminders.cancelled': 'Tidak ada pengingat yang dikirim.',
    'reminders.reportSent': 'Pengingat email terkirim: {count}.',
    'reminders.reportWhatsapp':
      'Pengingat WhatsApp siap di sheet Reminders: {count} (kirim, lalu pilih Tandai pengingat terpilih sudah dikirim).',
    'reminders.reportSkipped':
      'Dilewati karena Midtrans menunjukkan sudah dibayar, dikembalikan, sedang ditinjau, dinonaktifkan atau kedaluwarsa: {count}.',
    'reminders.reportCarried':
      'Ditunda ke proses berikutnya karena kuota email hari ini habis (yang paling lama jatuh tempo lebih dulu): {count}.',
    'reminders.reportUnchecked': 'Tidak bisa dicek ke Midtrans, jadi menunggu proses berikutnya: {count}.',
    'reminders.reportProblems': 'Baris dengan masalah (lihat Note): {count}.',
    'reminders.reportStopped': 'Berhenti agar tidak melewati batas 6 menit Apps Script, tersisa {count}; {how}.',
    'reminders.reportRecovered': 'Pengingat dari proses yang terhenti, kini tercatat: {count}.',
    'reminders.reportNothing': 'Tidak ada pengingat yang jatuh tempo.',
    'reminders.continueByHand': 'jalankan Kirim pengingat pembayaran lagi',
    'reminders.continueLater': 'jalankan Kirim pengingat pembayaran lagi untuk mengirimnya',
    'reminders.busy': 'Sheet sibuk selama 30 detik; jalankan Kirim pengingat pembayaran lagi.',
    'reminders.markWrongSheet': 'Pilih pengingat di sheet "Reminders" terlebih dulu.',
    'reminders.markNone': 'Tidak ada baris terpilih yang berupa pengingat WhatsApp yang menunggu dikirim.',
    'reminders.markDone': 'Pengingat WhatsApp ditandai sudah dikirim: {count}.',
    'reminders.permission':
      'Pengingat email perlu izin mengirim email atas nama Anda: jalankan Midtrans ▸ Kirim pengingat pembayaran dari menu dan izinkan. ({detail})',

    'reminders.noteBadDueDate':
      '{column} ({cell}): "{value}" bukan tanggal; tulis seperti 31/12/2026 atau 2026-12-31. Pengingat tidak dikirim.',
    'reminders.noteBadEmail': '{column} ({cell}): "{value}" tidak bisa menerima pengingat ({why}).',
    'reminders.noteBadPhone': '{column} ({cell}): tidak bisa menerima pengingat WhatsApp ({why}).',
    'reminders.emailSeveral': 'tulis satu alamat saja',
    'reminders.emailNotEmail': 'bukan alamat email',
    'reminders.emailRefused': 'ditolak Gmail: {detail}',

    'reminders.offsetsEmpty': 'Tulis minimal satu hari pengingat, misalnya -3, -1, 0, +3, +7.',
    'reminders.offsetsNotNumber': '"{item}" bukan jumlah hari yang bulat; tulis jadwal seperti -3, -1, 0, +3, +7.',
    'reminders.offsetsRange': '"{item}" lebih dari setahun dari jatuh tempo.',
    'reminders.offsetsTooMany': 'Paling banyak {max} pengingat per tagihan.',
    'reminders.templateNoLink': 'Teks pengingat {language} harus memuat {link}, tempat tautan pembayaran.',
    'reminders.templateTooLong': 'Teks pengingat {language} berisi {length} karakter; buat kurang dari {max}.',
    'reminders.languageName': 'Bahasa Indonesia',
    'reminders.dailyNeedsBound':
      'Pengingat harian memerlukan skrip yang terikat ke sheet (lihat README); gunakan Kirim pengingat pembayaran dari menu.',
    'reminders.sidebarTitle': 'Pengingat pembayaran',
    'reminders.sidebarIntro':
      'Email (dari akun Google Anda) dan tautan WhatsApp untuk mengingatkan pelanggan yang belum membayar sebelum dan sesudah kolom Jatuh Tempo (Due Date), atau masa berlaku tautan. Tagihan yang lunas, dikembalikan, dinonaktifkan atau kedaluwarsa tidak pernah diingatkan.',
    'reminders.sidebarEnabled': 'Pengingat aktif',
    'reminders.sidebarSchedule': 'Hari dari jatuh tempo',
    'reminders.sidebarScheduleHint':
      'Negatif: sebelum; 0: pada hari itu; positif: sesudah. Masing-masing dikirim paling banyak sekali per tagihan.',
    'reminders.sidebarLanguage': 'Bahasa pelanggan',
    'reminders.sidebarDaily': 'Kirim pengingat yang jatuh tempo setiap hari sekitar pukul 09.00 WIB',
    'reminders.sidebarSubject': 'Subjek ({language})',
    'reminders.sidebarBody': 'Pesan ({language})',
    'reminders.sidebarPlaceholders': 'Placeholder: {name}, {amount}, {due_date}, {when}, {title}, {order_id}, {link}. Kosong: teks bawaan.',
    'reminders.sidebarSave': 'Simpan pengingat',
    'reminders.sidebarSaved': 'Tersimpan.',
    'reminders.sidebarDailyOn': 'Pengingat harian aktif.',
    'reminders.sidebarDailyOff': 'Pengingat harian nonaktif.',
  },
});
