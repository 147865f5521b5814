/** The WhatsApp message the add-on writes when the merchant has not written their own, and its fallbacks. */
import { messages } from '../define';

export const whatsapp = messages({
  en: {
    'whatsapp.default': 'Hello {name}, here is the payment link for {title} of {amount}: {link}',
    'whatsapp.noName': 'there',
    'whatsapp.invoice': 'invoice {order_id}',
    'whatsapp.noTitle': 'your order',
  },
  id: {
    'whatsapp.default': 'Halo {name}, berikut tautan pembayaran untuk {title} sebesar {amount}: {link}',
    'whatsapp.noName': 'Bapak/Ibu',
    'whatsapp.invoice': 'tagihan {order_id}',
    'whatsapp.noTitle': 'pesanan Anda',
  },
});
