import { loadLocaleResources } from '../../src/i18n/translator';
import { INTENT_IDS } from '../../src/nlu/intents';
import { TICKET_CATEGORIES } from '../../src/config/ticketPolicy';

/** The staff pages name categories and intents from their own strings: a new one must get a label there. */
describe.each(['en', 'hi'] as const)('staff page labels (%s)', (language) => {
  const resources = loadLocaleResources()[language] as Record<string, Record<string, Record<string, string>>>;

  it.each(['fieldPage', 'opsPage'])('%s names every ticket category', (page) => {
    expect(TICKET_CATEGORIES.filter((category) => !resources[page]?.['category']?.[category])).toEqual([]);
  });

  it('opsPage names every intent', () => {
    expect(INTENT_IDS.filter((intent) => !resources['opsPage']?.['intent']?.[intent])).toEqual([]);
  });
});
