/**
 * The shape every area's message file has: one object per language with the same keys, so a message
 * missing in one language is a type error (and test/unit/apps-script/i18n-catalogue.test.ts checks the
 * placeholders match).
 */
export type Locale = 'en' | 'id';
export const LOCALES: readonly Locale[] = ['en', 'id'];

export type Messages<K extends string> = Record<Locale, Record<K, string>>;

/** Types an area's messages by its English keys; the Indonesian object must have exactly those. */
export function messages<const E extends Record<string, string>>(m: { en: E; id: Record<keyof E, string> }): Messages<keyof E & string> {
  return m as Messages<keyof E & string>;
}
