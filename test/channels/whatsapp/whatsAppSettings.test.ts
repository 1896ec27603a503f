import { loadWhatsAppSettings } from '../../../src/channels/whatsapp/whatsAppSettings';
import { ConfigError } from '../../../src/config/config';

const REQUIRED = {
  WHATSAPP_APP_SECRET: 'a'.repeat(32),
  WHATSAPP_VERIFY_TOKEN: 'verify-me-please',
  WHATSAPP_ACCESS_TOKEN: 'EAAG'.padEnd(40, 'x'),
  WHATSAPP_PHONE_NUMBER_ID: '106540352242922',
};

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadWhatsAppSettings(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('WhatsApp settings from the environment', () => {
  it('leaves the channel off when no WHATSAPP_* variable is set (empty ones count as unset)', () => {
    expect(loadWhatsAppSettings({})).toBeNull();
    expect(loadWhatsAppSettings({ WHATSAPP_APP_SECRET: '', PORT: '3978' })).toBeNull();
  });

  it('turns the channel on with the four required variables, Meta\'s host and defaults for the rest', () => {
    expect(loadWhatsAppSettings(REQUIRED)).toEqual({
      appSecret: REQUIRED.WHATSAPP_APP_SECRET,
      verifyToken: REQUIRED.WHATSAPP_VERIFY_TOKEN,
      accessToken: REQUIRED.WHATSAPP_ACCESS_TOKEN,
      phoneNumberId: '106540352242922',
      graphUrl: 'https://graph.facebook.com',
      apiVersion: 'v23.0',
      conversationKey: REQUIRED.WHATSAPP_APP_SECRET,
      graphTimeoutMs: 10_000,
      graphRetries: 2,
      templates: {
        names: { ticket_update: 'sampark_ticket_update', agent_reply: 'sampark_agent_reply' },
        languages: { hi: 'hi', en: 'en' },
      },
    });
  });

  it('reads every optional variable', () => {
    const settings = loadWhatsAppSettings({
      ...REQUIRED,
      WHATSAPP_GRAPH_URL: 'http://127.0.0.1:4020/',
      WHATSAPP_API_VERSION: 'v24.0',
      WHATSAPP_CONVERSATION_KEY: 'k'.repeat(32),
      WHATSAPP_GRAPH_TIMEOUT_MS: '2500',
      WHATSAPP_GRAPH_RETRIES: '4',
      WHATSAPP_TEMPLATE_TICKET_UPDATE: 'bihar_ticket_update',
      WHATSAPP_TEMPLATE_AGENT_REPLY: 'bihar_agent_reply',
      WHATSAPP_TEMPLATE_LANGUAGE_HI: 'hi',
      WHATSAPP_TEMPLATE_LANGUAGE_EN: 'en_US',
    });
    expect(settings).toMatchObject({
      graphUrl: 'http://127.0.0.1:4020',
      apiVersion: 'v24.0',
      conversationKey: 'k'.repeat(32),
      graphTimeoutMs: 2500,
      graphRetries: 4,
      templates: { names: { ticket_update: 'bihar_ticket_update', agent_reply: 'bihar_agent_reply' }, languages: { hi: 'hi', en: 'en_US' } },
    });
  });

  it('stops start-up naming every missing variable when the configuration is partial', () => {
    const problems = problemsOf({ WHATSAPP_ACCESS_TOKEN: REQUIRED.WHATSAPP_ACCESS_TOKEN, WHATSAPP_PHONE_NUMBER_ID: '106540352242922' });
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^WHATSAPP_APP_SECRET: missing/);
    expect(problems[1]).toMatch(/^WHATSAPP_VERIFY_TOKEN: missing/);
    expect(problemsOf({ WHATSAPP_GRAPH_URL: 'http://127.0.0.1:4020' })).toHaveLength(4);
  });

  it.each([
    ['WHATSAPP_PHONE_NUMBER_ID', '+91 98765 00001'],
    ['WHATSAPP_GRAPH_URL', 'http://graph.facebook.com'],
    ['WHATSAPP_GRAPH_URL', 'not a url'],
    ['WHATSAPP_API_VERSION', '23'],
    ['WHATSAPP_APP_SECRET', 'short'],
    ['WHATSAPP_TEMPLATE_TICKET_UPDATE', 'Ticket Update'],
    ['WHATSAPP_TEMPLATE_LANGUAGE_EN', 'english'],
    ['WHATSAPP_GRAPH_RETRIES', '9'],
  ])('refuses a bad %s (%s), naming it', (name, value) => {
    const problems = problemsOf({ ...REQUIRED, [name]: value });
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((problem) => problem.startsWith(`${name}:`))).toBe(true);
  });
});
