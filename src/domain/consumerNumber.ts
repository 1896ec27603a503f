import { writeSpokenDigits } from './spokenDigits';
import { toAsciiDigits } from './digits';

/** A CA (consumer account) number as printed on the bill: 9 to 12 digits once spaces are removed. */
export type ConsumerNumber = string & { readonly brand: 'ConsumerNumber' };

export type ConsumerNumberParse =
  | { ok: true; value: ConsumerNumber }
  | { ok: false; problem: 'has_letters' | 'wrong_length' | 'empty' };

/**
 * Reads a CA number the way consumers type it: Devanagari digits, spaces, dashes, a "CA" prefix.
 * The backend decides whether it exists; this only decides whether it can be one.
 */
export function parseConsumerNumber(input: string): ConsumerNumberParse {
  const cleaned = toAsciiDigits(writeSpokenDigits(input))
    .trim()
    .replace(/^(ca|c\.a\.|consumer)\s*(no\.?|number|num)?\s*[:.-]?\s*/i, '')
    .replace(/[\s-]/g, '');
  if (cleaned.length === 0) return { ok: false, problem: 'empty' };
  if (/[^0-9]/.test(cleaned)) return { ok: false, problem: 'has_letters' };
  if (cleaned.length < 9 || cleaned.length > 12) return { ok: false, problem: 'wrong_length' };
  return { ok: true, value: cleaned as ConsumerNumber };
}
