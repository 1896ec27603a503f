import { ActionTypes, MessageFactory, type Activity } from 'botbuilder';
import { toAsciiDigits } from '../domain/digits';
import type { Translate } from '../i18n/translator';
import type { SatisfactionRating } from './handoffRecord';

/** The answers in the order of the buttons, so "1", "2", "3" pick them too. */
const RATINGS: readonly SatisfactionRating[] = ['good', 'okay', 'poor'];

/** Words that mean each answer, typed in English, romanized Hindi or Devanagari. */
const WORDS: Record<SatisfactionRating, readonly string[]> = {
  good: ['good', 'very good', 'achhi', 'acchi', 'अच्छी', 'बहुत अच्छी', 'great', 'excellent', 'nice', 'helpful', 'accha', 'achha', 'acha', 'achchha', 'bahut accha', 'bahut achha', 'badhiya', 'badiya', 'mast', 'अच्छा', 'बहुत अच्छा', 'बढ़िया', 'बढिया', '👍', '😊', '🙂'],
  okay: ['okay', 'ok', 'ok ok', 'fine', 'average', 'so so', 'theek', 'thik', 'theek hai', 'thik hai', 'theek thaak', 'thik thak', 'thik-thak', 'theek-thaak', 'ठीक', 'ठीक है', 'ठीक-ठाक', 'ठीक ठाक', 'औसत', '😐'],
  poor: ['poor', 'bad', 'very bad', 'not good', 'useless', 'kharab', 'kharaab', 'bekar', 'bekaar', 'bura', 'accha nahi', 'achha nahi', 'खराब', 'ख़राब', 'बेकार', 'बुरा', 'अच्छा नहीं', '👎', '☹️', '☹', '😞'],
};

/** Lower case, ASCII digits, no trailing politeness or punctuation ("Good!", "अच्छा था", "badhiya tha ji"). */
function simplified(text: string): string {
  return toAsciiDigits(text.normalize('NFC'))
    .toLowerCase()
    .replace(/[।॥.,!?'"]/g, ' ')
    .replace(/\s+(tha|thi|hai|ji|था|थी|है|जी)$/u, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The consumer's answer to "how did the agent help", by button (its title in either language, or
 * its number) or by typed words in any of the three scripts; null when the message is about
 * something else.
 */
export function parseSatisfaction(text: string, buttonTitles: readonly string[]): SatisfactionRating | null {
  const answer = simplified(text);
  if (!answer) return null;
  const number = /^[123]$/.test(answer) ? Number(answer) : NaN;
  if (!Number.isNaN(number)) return RATINGS[number - 1] ?? null;
  const byTitle = buttonTitles.findIndex((title) => simplified(title) === answer);
  if (byTitle >= 0) return RATINGS[byTitle % RATINGS.length] ?? null;
  return RATINGS.find((rating) => WORDS[rating].includes(answer)) ?? null;
}

/** The titles of the three buttons in one language, in the order of RATINGS. */
export function satisfactionTitles(t: Translate): string[] {
  return RATINGS.map((rating) => t(`agent.satisfaction.${rating}`));
}

/** "You are back with the bot; how did the agent help?" with one button per answer. */
export function satisfactionQuestion(t: Translate): Partial<Activity> {
  const actions = satisfactionTitles(t).map((title) => ({ type: ActionTypes.ImBack, title, value: title }));
  return MessageFactory.suggestedActions(actions, t('agent.satisfaction.question'));
}
