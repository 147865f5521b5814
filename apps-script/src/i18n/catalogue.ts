/**
 * The one message catalogue: every word the add-on shows or writes comes from here, in English or
 * Bahasa Indonesia. Each area keeps its messages in messages/<area>.ts; `t` fills `{placeholders}`.
 */
import type { Locale, Messages } from './define';
import { menu } from './messages/menu';
import { reminders } from './messages/reminders';
import { runs } from './messages/runs';
import { settings } from './messages/settings';
import { sheets } from './messages/sheets';
import { status } from './messages/status';
import { whatsapp } from './messages/whatsapp';

/** Every area, by name: the completeness and placeholder test reads this. @public: test/unit/apps-script/i18n-catalogue.test.ts */
export const AREAS = { menu, reminders, runs, settings, sheets, status, whatsapp } as const;

type KeysOf<T> = T extends Messages<infer K> ? K : never;
export type MessageKey = { [A in keyof typeof AREAS]: KeysOf<(typeof AREAS)[A]> }[keyof typeof AREAS];

const merged: Record<Locale, Record<string, string>> = { en: {}, id: {} };
for (const area of Object.values(AREAS) as Messages<string>[]) {
  Object.assign(merged.en, area.en);
  Object.assign(merged.id, area.id);
}

export type Params = Record<string, string | number>;

/** The message in `locale` with `{name}` filled from `params`; an unknown placeholder stays as written. */
export function t(locale: Locale, key: MessageKey, params: Params = {}): string {
  const text = merged[locale][key] ?? merged.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** `{n} link` / `{n} links` in English, `{n} tautan` in Indonesian: keys `<base>.one` and `<base>.other`. */
export function tn(locale: Locale, base: string, n: number, params: Params = {}): string {
  return t(locale, `${base}.${n === 1 ? 'one' : 'other'}` as MessageKey, { ...params, n });
}

function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();
}

/**
 * What is wrong with a set of areas: a key in one language only, an empty message, or placeholders
 * that differ between the languages. Empty for the real catalogue (the test pins it). @public: test/unit/apps-script/i18n-catalogue.test.ts
 */
export function catalogueProblems(areas: Record<string, Partial<Record<Locale, Record<string, string>>>>): string[] {
  const out: string[] = [];
  for (const [name, area] of Object.entries(areas)) {
    const en = area.en ?? {};
    const id = area.id ?? {};
    for (const key of new Set([...Object.keys(en), ...Object.keys(id)])) {
      if (!(key in en)) out.push(`${name}: "${key}" has no English text`);
      else if (!(key in id)) out.push(`${name}: "${key}" has no Indonesian text`);
      else if (!en[key].trim() || !id[key].trim()) out.push(`${name}: "${key}" is empty`);
      else if (placeholders(en[key]).join(',') !== placeholders(id[key]).join(',')) {
        out.push(
          `${name}: "${key}" has placeholders {${placeholders(en[key]).join('}, {')}} in English but {${placeholders(id[key]).join('}, {')}} in Indonesian`,
        );
      }
    }
  }
  return out;
}
