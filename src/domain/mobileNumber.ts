import { toAsciiDigits } from './digits';

/** An Indian mobile number reduced to its 10 digits (first digit 6-9). */
export type MobileNumber = string & { readonly brand: 'MobileNumber' };

/** Accepts +91, 91 and 0 prefixes, spaces and dashes; returns null for anything that is not a mobile. */
export function parseMobileNumber(input: string): MobileNumber | null {
  const digits = toAsciiDigits(input).replace(/[\s-]/g, '');
  const match = /^(?:\+?91|0)?([6-9]\d{9})$/.exec(digits);
  return match ? (match[1] as MobileNumber) : null;
}
