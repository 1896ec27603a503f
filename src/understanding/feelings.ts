import { hasAnyPhrase, wordsOf } from './words';

/**
 * Anger and distress: days without power, "kitni baar", "worst service", "pareshan". A good agent
 * acknowledges it in one line before the business.
 */
const DISTRESS = [
  'pareshan', 'preshan', 'pareshaan', 'pareshani', 'gussa', 'naraz', 'naaraz', 'tang', 'dukhi', 'kitni baar', 'kitne din',
  'bekar', 'bakwas', 'worst', 'pathetic', 'useless', 'fed up', 'frustrated', 'angry', 'disgusting', 'harassment', 'harass',
  'suffering', 'helpless', 'no one is', 'nobody is', 'koi nahi sun', 'koi sunta nahi', 'sunwai nahi',
  'परेशान', 'परेशानी', 'गुस्सा', 'नाराज़', 'नाराज', 'तंग', 'दुखी', 'कितनी बार', 'बेकार', 'बकवास', 'सुनवाई नहीं',
];

/** An exam at stake: the reply names it, since that is what the consumer is worried about. */
const EXAM = ['exam', 'exams', 'pariksha', 'priksha', 'board', 'परीक्षा', 'इम्तिहान'];

/** What the reply should own first: an exam at stake, anger or distress, or nothing. */
export type Distress = 'exam' | 'distress';

export function distressOf(text: string): Distress | null {
  const words = wordsOf(text);
  if (hasAnyPhrase(words, EXAM)) return 'exam';
  return hasAnyPhrase(words, DISTRESS) ? 'distress' : null;
}
