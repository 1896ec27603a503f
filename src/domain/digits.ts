const DEVANAGARI_ZERO = 0x0966;

/** Turns Devanagari digits (०-९) into ASCII digits so every parser sees one alphabet. */
export function toAsciiDigits(text: string): string {
  return text.replace(/[\u0966-\u096F]/g, (d) => String(d.charCodeAt(0) - DEVANAGARI_ZERO));
}
