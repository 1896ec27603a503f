import type { Entities } from '../src/nlu/recognizer';
import { AskDialog, type Question } from './common/askDialog';
import { parseChoice, type Parsed } from './common/parsers';
import { DialogIds } from './dialogIds';
import { isJourney, type JourneyIntent } from './journeys';
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

/** What the consumer picked: a journey, with anything their words already told. */
export interface MenuPick {
  intent: JourneyIntent;
  entities: Entities;
}

export const menuQuestion = (key: string, params: Record<string, unknown> = {}): Question => ({
  key,
  params,
  choiceKeys: MENU_ITEMS.map((intent) => `menu.item.${intent}`),
});

/** The menu: a number, a button, or any words the recognizer can route to a journey. */
export function menuDialog(services: DialogServices) {
  const options = MENU_ITEMS.map((intent) => ({
    id: intent,
    titles: (['hi', 'en'] as const).map((language) => services.translator.forLanguage(language)(`menu.item.${intent}`)),
  }));
  return new AskDialog<MenuPick>(DialogIds.menu, services, async (text): Promise<Parsed<MenuPick>> => {
    const picked = parseChoice(text, options);
    if (picked.ok) return { ok: true, value: { intent: picked.value, entities: {} } };
    const recognition = await services.recognizer.recognize(text);
    if (isJourney(recognition.intent)) {
      return { ok: true, value: { intent: recognition.intent, entities: recognition.entities } };
    }
    // The menu was on screen and still nothing matched: say so and point to a person.
    return { ok: false, problem: 'menu.notUnderstoodAgain', params: { helpline: services.policy.helplineNumber } };
  }, { reaskKey: 'menu.pickOne' });
}
