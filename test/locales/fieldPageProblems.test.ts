import { TICKET_CATEGORIES } from '../../src/config/ticketPolicy';
import { loadLocaleResources } from '../../src/i18n/translator';
import { VISIT_REASONS } from '../../src/outreach/campaignVisits';

/**
 * The field page says each ticket's problem in its own language: from the ticket's problem key, else
 * from what its category means. Every key an opener can give, and every category, needs the words.
 */
describe.each(['en', 'hi'] as const)('the field page\'s problem texts (%s)', (language) => {
  const page = (loadLocaleResources()[language] as Record<string, Record<string, Record<string, string>>>)['fieldPage']!;

  it('says what every ticket category means', () => {
    expect(TICKET_CATEGORIES.filter((category) => !page['problemByCategory']?.[category])).toEqual([]);
  });

  it('says why a campaign needs a visit, for every reason a visit ticket is opened', () => {
    expect(VISIT_REASONS.filter((reason) => !page['problem']?.[`campaign_visit_${reason}`]?.includes('{{campaign}}'))).toEqual([]);
  });
});
