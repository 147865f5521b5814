/** Every word the Settings sidebar shows, in one object the sidebar fills its elements from (`data-t`). */
import { t } from './catalogue';
import type { Locale } from './define';
import { settings } from './messages/settings';
import { statusWord } from './words';

export function sidebarText(loc: Locale): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, text] of Object.entries(settings[loc])) if (key.startsWith('ui.')) out[key.slice(3)] = text;
  out.step4 = t(loc, 'ui.step4', { paid: statusWord(loc, 'Paid') });
  out.whatsappHelp = t(loc, 'ui.whatsappHelp', {
    column: t(loc, 'header.whatsapp'),
    placeholders: '{name}, {amount}, {title}, {link}, {order_id}',
  });
  out.longRunsHelp = t(loc, 'ui.longRunsHelp', { queued: statusWord(loc, 'Queued') });
  return out;
}
