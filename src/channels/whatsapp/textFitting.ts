const graphemes = new Intl.Segmenter('hi', { granularity: 'grapheme' });

/** A cluster ending in a virama (्) or a zero-width joiner binds to the next letter (क्ष, क्‍): never cut there. */
const BINDS_TO_NEXT = /[\u094D\u200C\u200D]$/;

const ELLIPSIS = '…';

/**
 * The text as user-perceived characters. Older ICU versions split a Devanagari conjunct (क्ष) into
 * two clusters at the virama; those are joined again so a cut never leaves half a conjunct.
 */
export function characters(text: string): string[] {
  const clusters: string[] = [];
  for (const { segment } of graphemes.segment(text)) {
    const last = clusters.length - 1;
    if (last >= 0 && BINDS_TO_NEXT.test(clusters[last]!)) clusters[last] += segment;
    else clusters.push(segment);
  }
  return clusters;
}

/** The longest run of whole characters from the start of `text` within `max` UTF-16 units. */
function headWithin(text: string, max: number): string {
  let kept = '';
  for (const character of characters(text)) {
    if (kept.length + character.length > max) break;
    kept += character;
  }
  return kept;
}

/**
 * `text` fitted into `max` UTF-16 units (how WhatsApp's limits are counted here; never more than its
 * characters). A longer text is cut at a word boundary when that keeps at least half of it, else
 * between whole characters (Devanagari vowel signs and conjuncts stay whole), and ends with "…".
 */
export function shorten(text: string, max: number): string {
  const clean = text.trim().replace(/\s+/g, ' ');
  if (clean.length <= max) return clean;
  const room = max - ELLIPSIS.length;
  let kept = headWithin(clean, room);
  const space = kept.lastIndexOf(' ');
  if (space >= room / 2) kept = kept.slice(0, space);
  return kept.replace(/[\s,;:.।-]+$/u, '') + ELLIPSIS;
}

/** Where to end a piece of at most `limit` units: a paragraph, a line, a sentence, a word, or a character. */
function cutPoint(text: string, limit: number): number {
  const head = text.slice(0, limit + 1);
  const enough = limit / 2;
  const paragraph = head.lastIndexOf('\n\n');
  if (paragraph >= enough) return paragraph;
  const line = head.lastIndexOf('\n');
  if (line >= enough) return line;
  let sentence = -1;
  for (const match of head.matchAll(/[.!?।॥](?=\s)/g)) sentence = match.index + 1;
  if (sentence >= enough && sentence <= limit) return sentence;
  const space = head.search(/\s\S*$/);
  if (space >= enough) return space;
  return headWithin(text, limit).length;
}

/**
 * `text` in pieces of at most `limit` UTF-16 units, each ending at a paragraph, line or sentence
 * boundary where one falls in the second half of the piece, never inside a character.
 */
export function splitText(text: string, limit: number): string[] {
  const pieces: string[] = [];
  let rest = text.trim();
  while (rest.length > limit) {
    const cut = cutPoint(rest, limit);
    pieces.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest) pieces.push(rest);
  return pieces;
}
