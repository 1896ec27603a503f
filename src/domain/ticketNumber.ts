import { toAsciiDigits } from './digits';

/**
 * A complaint number that survives being read out on a phone call: "SP" and eight digits, the last a
 * check digit, so a mistyped or misheard digit is caught instead of finding someone else's ticket.
 * Canonical form "SP28461937"; shown to people as "SP-2846-1937".
 */
export type TicketNumber = string & { readonly brand: 'TicketNumber' };

const PATTERN = /^S\s*P[\s-]*(\d{4})[\s-]*(\d{4})$/i;

/** Makes a ticket number from a 7-digit serial, appending its check digit. */
export function ticketNumberFromSerial(serial: number): TicketNumber {
  if (!Number.isInteger(serial) || serial < 0 || serial > 9_999_999) {
    throw new RangeError(`ticket serial out of range: ${serial}`);
  }
  const body = String(serial).padStart(7, '0');
  return `SP${body}${checkDigit(body)}` as TicketNumber;
}

/** Reads a typed or pasted ticket number; null when it is not one or its check digit is wrong. */
export function parseTicketNumber(input: string): TicketNumber | null {
  const match = PATTERN.exec(toAsciiDigits(input).trim());
  if (!match) return null;
  const digits = `${match[1]}${match[2]}`;
  const body = digits.slice(0, 7);
  return checkDigit(body) === Number(digits[7]) ? (`SP${digits}` as TicketNumber) : null;
}

/** "SP28461937" as "SP-2846-1937", grouped for reading aloud. */
export function formatTicketNumber(ticket: TicketNumber): string {
  return `SP-${ticket.slice(2, 6)}-${ticket.slice(6)}`;
}

/** Luhn check digit: catches every single-digit error and most swaps of neighbours. */
function checkDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i += 1) {
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}
