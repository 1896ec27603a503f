import { isLanguage, languageFromLocale, type Language } from '../../i18n/language';

/**
 * The language the page is first shown in: the one asked for in the address (`?lang=en`, a link
 * from an SMS), else the first of ours the browser lists in Accept-Language by preference, else
 * Hindi, which most consumers of the Bihar discoms read.
 */
export function visitorLanguage(asked: string | null, acceptLanguage: string | undefined): Language {
  if (isLanguage(asked)) return asked;
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((entry, index) => {
      const [tag = '', ...parameters] = entry.trim().split(';');
      const quality = parameters.map((parameter) => /^\s*q=([0-9.]+)\s*$/.exec(parameter)?.[1]).find(Boolean);
      return { language: languageFromLocale(tag.trim()), quality: quality === undefined ? 1 : Number(quality), index };
    })
    .filter((entry): entry is { language: Language; quality: number; index: number } => entry.language !== null && entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  return ranked[0]?.language ?? 'hi';
}
