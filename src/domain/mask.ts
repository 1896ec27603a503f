const graphemes = new Intl.Segmenter('hi', { granularity: 'grapheme' });

/**
 * "Ramesh Kumar" as "R***** K****", "सुनीता देवी" as "सु** दे*": enough for the consumer to
 * recognise, too little to leak. Counted in graphemes so a Devanagari vowel sign stays whole.
 */
export function maskName(name: string): string {
  return name
    .trim()
    .split(/\s+/)
    .map((word) => {
      const letters = Array.from(graphemes.segment(word), (part) => part.segment);
      return letters.length === 0 ? '' : letters[0] + '*'.repeat(letters.length - 1);
    })
    .join(' ');
}

/** "9876543210" as "******3210". */
export function maskMobile(mobile: string): string {
  const digits = mobile.replace(/\D/g, '');
  return '*'.repeat(Math.max(0, digits.length - 4)) + digits.slice(-4);
}

/** "1004567890" as "1004xxxx90": a CA number in a list the consumer picks from, or in a log. */
export function maskConsumerNumber(caNumber: string): string {
  if (caNumber.length <= 6) return caNumber;
  return caNumber.slice(0, 4) + 'x'.repeat(caNumber.length - 6) + caNumber.slice(-2);
}

/** Keeps the first word and masks the rest of an address: the locality is enough to confirm. */
export function maskAddress(address: string): string {
  const [first, ...rest] = address.trim().split(/\s+/);
  return [first ?? '', ...rest.map(maskName)].join(' ').trim();
}
