import { ConfigError, loadConfig } from '../../src/config/config';

describe('outreach settings from the environment', () => {
  it('defaults to the campaign template in Hindi and English, 09:00-20:00 IST, and a modest tier', () => {
    expect(loadConfig({}).outreach).toEqual({
      template: { name: 'sampark_campaign', languages: { hi: 'hi', en: 'en' } },
      window: { from: 9 * 60, until: 20 * 60 },
      messagesPerSecond: 20,
      dailyRecipients: 1000,
      outcomeCheckHours: 24,
    });
  });

  it('takes each variable', () => {
    const outreach = loadConfig({
      WHATSAPP_TEMPLATE_CAMPAIGN: 'bijli_abhiyan',
      WHATSAPP_TEMPLATE_CAMPAIGN_LANGUAGE_EN: 'en_US',
      OUTREACH_SENDING_WINDOW: '08:30-19:45',
      OUTREACH_MESSAGES_PER_SECOND: '80',
      OUTREACH_DAILY_RECIPIENTS: '10000',
      OUTREACH_OUTCOME_CHECK_HOURS: '6',
    }).outreach;
    expect(outreach).toEqual({
      template: { name: 'bijli_abhiyan', languages: { hi: 'hi', en: 'en_US' } },
      window: { from: 8 * 60 + 30, until: 19 * 60 + 45 },
      messagesPerSecond: 80,
      dailyRecipients: 10000,
      outcomeCheckHours: 6,
    });
  });

  it.each([
    ['OUTREACH_SENDING_WINDOW', '9-20'],
    // Empty, not "all day": read as a window it would open only for the minute of 00:00 IST, at night.
    ['OUTREACH_SENDING_WINDOW', '00:00-00:00'],
    ['OUTREACH_MESSAGES_PER_SECOND', '0'],
    ['OUTREACH_DAILY_RECIPIENTS', 'many'],
    ['WHATSAPP_TEMPLATE_CAMPAIGN', 'Sampark Campaign'],
  ])('refuses a bad %s, naming it', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(name);
  });
});
