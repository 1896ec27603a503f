import type { TurnContext } from 'botbuilder';
import { recognitionOf } from '../src/bot/turnState';
import { confidenceBand, DEFAULT_THRESHOLDS, type ConfidenceThresholds } from '../src/nlu/confidenceBands';
import { normalizeText } from '../src/nlu/normalize';
import type { Entities, Recognition } from '../src/nlu/recognizer';
import { AskDialog, type Question } from './common/askDialog';
import { parseChoice, parseYesNo, simplify, type Parsed } from './common/parsers';
import { DialogIds } from './dialogIds';
import { isJourney, JOURNEY_INTENTS, type JourneyIntent } from './journeys';
import type { DialogServices } from './services';

/** The journeys offered in the menu, in the order they are numbered (at most 10: a WhatsApp list). */
export const MENU_ITEMS = [
  'recharge_not_credited',
  'supply_not_restored',
  'check_balance',
  'billing_query',
  'meter_fault',
  'update_mobile',
  'complaint_status',
  'how_to_recharge',
  'power_outage',
  'talk_to_agent',
] as const satisfies readonly JourneyIntent[];

/** The dialog that asks "did you mean ...?" with the two likeliest journeys. */
export const DID_YOU_MEAN = 'root.didYouMean';

/** Why the menu is shown: its first line differs. */
export type MenuIntro = 'welcome' | 'help' | 'notUnderstood';

/** Where the consumer's words lead: a journey, a question between the two likeliest, or the menu. */
export type Route =
  | { to: 'journey'; intent: JourneyIntent; entities: Entities }
  | { to: 'didYouMean'; candidates: JourneyIntent[]; entities: Entities }
  | { to: 'menu'; intro: MenuIntro };

/** The "did you mean" route, kept while its question is open. */
export type DidYouMeanRoute = Extract<Route, { to: 'didYouMean' }>;

/** What a "did you mean" answer said: an offered option by position, a journey by name or by new words, or neither. */
export type DidYouMeanReply =
  | { kind: 'candidate'; index: number; entities?: Entities }
  | { kind: 'journey'; intent: JourneyIntent; entities?: Entities }
  | { kind: 'neither' };

/** What a recognizer said, as far as routing needs it. */
export type Understood = Pick<Recognition, 'intent' | 'score' | 'ranked' | 'entities'>;

/** "Neither" as consumers type it, normalised (see normalizeText), besides the button's own title. */
const NEITHER = new Set(
  ['neither', 'none', 'none of these', 'none of them', 'nothing', 'koi nahi', 'koi bhi nahi', 'dono nahi', 'kuch nahi',
    'कोई नहीं', 'कोई भी नहीं', 'दोनों नहीं', 'इनमें से कोई नहीं', 'कुछ नहीं'].map(normalizeText),
);

/** The bands' thresholds: from configuration when the composition root passes them, else the measured defaults. */
export function thresholdsOf(services: DialogServices): ConfidenceThresholds {
  return services.nlu ?? DEFAULT_THRESHOLDS;
}

/**
 * The route of a recognized journey: start it when the score reaches the act threshold, ask "did
 * you mean" with the two likeliest journeys between the thresholds. Undefined for anything else
 * (not a journey, or too unsure), which the caller turns into the menu.
 */
export function journeyRoute(understood: Understood, thresholds: ConfidenceThresholds): Route | undefined {
  const { intent, score, ranked, entities } = understood;
  if (!isJourney(intent)) return undefined;
  const band = confidenceBand(score, thresholds);
  if (band === 'act') return { to: 'journey', intent, entities };
  if (band === 'fallback') return undefined;
  const runnerUp = ranked
    .map((scored) => scored.intent)
    .find((other): other is JourneyIntent => other !== intent && isJourney(other));
  const candidates = runnerUp ? [intent, runnerUp] : [intent];
  return { to: 'didYouMean', candidates, entities };
}

/** The locale key of a journey's title: the menu's, so an option reads the same wherever it is offered. */
export function journeyTitleKey(intent: JourneyIntent): string {
  return `menu.item.${intent}`;
}

/** The menu under a first line (`key`): every menu item numbered and as buttons. */
export const menuQuestion = (key: string, params: Record<string, unknown> = {}): Question => ({
  key,
  params,
  choiceKeys: MENU_ITEMS.map(journeyTitleKey),
});

/** The "did you mean" question: the candidates numbered and as buttons, and a "neither" button. */
export const didYouMeanQuestion = (candidates: readonly JourneyIntent[]): Question => ({
  key: 'didYouMean.ask',
  choiceKeys: candidates.map(journeyTitleKey),
  buttonKeys: ['didYouMean.neither'],
});

/**
 * What the recognizer made of this answer: the bot recognized the turn's text before the dialogs
 * ran, so asking again would only cost a second CLU call.
 */
async function recognitionOfAnswer(services: DialogServices, text: string, context: TurnContext): Promise<Understood> {
  return recognitionOf(context) ?? services.recognizer.recognize(text);
}

/** Every journey with its titles in both languages, for answers typed or tapped by title. */
function journeyOptions(services: DialogServices, intents: readonly JourneyIntent[]) {
  return intents.map((intent) => ({
    id: intent,
    titles: (['hi', 'en'] as const).map((language) => services.translator.forLanguage(language)(journeyTitleKey(intent))),
  }));
}

/** The menu: a number, a button, or any words the recognizer can route to a journey (or to a "did you mean"). */
export function menuDialog(services: DialogServices) {
  const options = journeyOptions(services, MENU_ITEMS);
  return new AskDialog<Route>(DialogIds.menu, services, async (text, context): Promise<Parsed<Route>> => {
    const picked = parseChoice(text, options);
    if (picked.ok) return { ok: true, value: { to: 'journey', intent: picked.value, entities: {} } };
    const route = journeyRoute(await recognitionOfAnswer(services, text, context), thresholdsOf(services));
    if (route) return { ok: true, value: route };
    // The menu was on screen and still nothing matched: say so and point to a person.
    return { ok: false, problem: 'menu.notUnderstoodAgain', params: { helpline: services.policy.helplineNumber } };
  }, {
    reaskKey: 'menu.pickOne',
    // A miss here counts like one before the menu: an agent request that follows says the bot could not help.
    onWrongAnswer: async (context) => {
      const session = await services.memory.sessionOf(context);
      session.fallbacksInARow = (session.fallbacksInARow ?? 0) + 1;
    },
  });
}

/**
 * "Did you mean ...?": "1" or "2", a yes (the first), a journey's title in either language, "neither"
 * in any script, or new words the recognizer is sure of. Which journeys "1" and "2" are stays with
 * the dialog that asked, so this parser is the same for every question.
 */
export function didYouMeanDialog(services: DialogServices) {
  const titles = journeyOptions(services, JOURNEY_INTENTS);
  const neither = new Set([
    ...NEITHER,
    ...(['hi', 'en'] as const).map((language) => normalizeText(services.translator.forLanguage(language)('didYouMean.neither'))),
  ]);
  return new AskDialog<DidYouMeanReply>(DID_YOU_MEAN, services, async (text, context): Promise<Parsed<DidYouMeanReply>> => {
    const answer = simplify(text);
    if (answer === '1' || answer === '2') return { ok: true, value: { kind: 'candidate', index: Number(answer) - 1 } };
    if (neither.has(normalizeText(text))) return { ok: true, value: { kind: 'neither' } };
    const yesNo = parseYesNo(text);
    if (yesNo.ok) return { ok: true, value: yesNo.value ? { kind: 'candidate', index: 0 } : { kind: 'neither' } };
    const byTitle = /^\d+$/.test(answer) ? undefined : parseChoice(text, titles);
    if (byTitle?.ok) return { ok: true, value: { kind: 'journey', intent: byTitle.value } };
    const understood = await recognitionOfAnswer(services, text, context);
    const route = journeyRoute(understood, thresholdsOf(services));
    if (route?.to === 'journey') return { ok: true, value: { kind: 'journey', intent: route.intent, entities: route.entities } };
    // A CA number for an answer ("CA 101000007"): the consumer wants the bot to look, so the likelier
    // journey goes ahead with it instead of a third "tap a button".
    const caNumber = understood.entities.caNumber;
    if (caNumber) return { ok: true, value: { kind: 'candidate', index: 0, entities: { caNumber } } };
    return { ok: false, problem: 'didYouMean.pickOne' };
  });
}
