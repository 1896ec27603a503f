import { TICKET_CATEGORIES } from '../../src/config/ticketPolicy';
import { loadLocaleResources } from '../../src/i18n/translator';
import { INTENT_IDS } from '../../src/nlu/intents';
import { TicketStatusSchema } from '../../src/tickets/ticket';

/** The agent console names intents and a consumer's tickets from its own strings: a new one must get a label there. */
describe.each(['en', 'hi'] as const)('agent console labels (%s)', (language) => {
  const strings = (loadLocaleResources()[language] as Record<string, Record<string, Record<string, string>>>)['agentConsole'] ?? {};

  it('names every intent', () => {
    expect(INTENT_IDS.filter((intent) => !strings['intents']?.[intent])).toEqual([]);
  });

  it('names every ticket category and status', () => {
    expect(TICKET_CATEGORIES.filter((category) => !strings['ticketCategories']?.[category])).toEqual([]);
    expect(TicketStatusSchema.options.filter((status) => !strings['ticketStatuses']?.[status])).toEqual([]);
  });
});
