/**
 * Payment reminders: the emails, the WhatsApp reminder texts, the Reminders sheet and the reminder
 * menu items. Empty until the reminders feature lands; its texts go here, in both languages.
 */
import { messages } from '../define';

export const reminders = messages({
  en: {},
  id: {},
});
