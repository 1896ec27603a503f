import type { Language } from './language';

const IST = 'Asia/Kolkata';

const money = {
  hi: new Intl.NumberFormat('hi-IN', { style: 'currency', currency: 'INR', numberingSystem: 'latn' }),
  en: new Intl.NumberFormat('en-IN', { style: 'currency', currency: 'INR' }),
};

const dateTime = {
  hi: new Intl.DateTimeFormat('hi-IN', { timeZone: IST, dateStyle: 'medium', timeStyle: 'short', numberingSystem: 'latn' }),
  en: new Intl.DateTimeFormat('en-IN', { timeZone: IST, dateStyle: 'medium', timeStyle: 'short' }),
};

const date = {
  hi: new Intl.DateTimeFormat('hi-IN', { timeZone: IST, dateStyle: 'medium', numberingSystem: 'latn' }),
  en: new Intl.DateTimeFormat('en-IN', { timeZone: IST, dateStyle: 'medium' }),
};

/** ₹1,23,456.00 with Indian grouping; a negative balance keeps its minus sign. */
export function formatMoney(amount: number, language: Language): string {
  return money[language].format(amount);
}

/** A moment as the consumer's wall clock shows it (IST), whatever the server's zone. */
export function formatDateTime(at: Date | string, language: Language): string {
  return dateTime[language].format(typeof at === 'string' ? new Date(at) : at);
}

/** A calendar day in IST. */
export function formatDate(at: Date | string, language: Language): string {
  return date[language].format(typeof at === 'string' ? new Date(at) : at);
}
