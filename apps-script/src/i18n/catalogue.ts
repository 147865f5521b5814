/**
 * `t(locale, key, params)`: a message in the user's language with `{placeholder}`s filled. Each area's
 * messages live in `messages/<area>.ts` as `{ en: {...}, id: {...} }` with the same keys in both.
 * Provisional (reminders only): the message catalogue work replaces this file with its own at merge.
 */
import { fillTemplate } from '@midtrans-pl/core';
import type { Locale } from './locale';
import { reminders } from './messages/reminders';

const CATALOGUE = { en: { ...reminders.en }, id: { ...reminders.id } };
export type MessageKey = keyof (typeof CATALOGUE)['en'];

export function t(locale: Locale, key: MessageKey, params: Readonly<Record<string, string | number>> = {}): string {
  const text: string = CATALOGUE[locale][key] ?? CATALOGUE.en[key];
  return fillTemplate(text, Object.fromEntries(Object.entries(params).map(([k, v]) => [k.toLowerCase(), String(v)])));
}

/** The same message in every language (to recognise words the add-on wrote, whichever language wrote them). */
export function everyLanguage(key: MessageKey): string[] {
  return [CATALOGUE.en[key], CATALOGUE.id[key]];
}
