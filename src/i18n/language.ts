/** The languages Sampark answers in. Romanized Hindi is answered in Hindi (Devanagari). */
export const LANGUAGES = ['hi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export function isLanguage(value: unknown): value is Language {
  return value === 'hi' || value === 'en';
}

/** A channel locale such as "hi-IN" or "en-US" as one of ours, or null when it is neither. */
export function languageFromLocale(locale: string | undefined): Language | null {
  if (!locale) return null;
  const primary = locale.toLowerCase().split(/[-_]/)[0];
  return isLanguage(primary) ? primary : null;
}

/** The locale a message in `language` is labelled with (Activity.locale): Indian Hindi or Indian English. */
export function localeOf(language: Language): string {
  return language === 'hi' ? 'hi-IN' : 'en-IN';
}
