import { z } from 'zod';

const templateName = z.string().regex(/^[a-z0-9_]{1,512}$/, 'a template name: lower-case letters, digits and _');
const languageCode = z.string().regex(/^[a-z]{2,3}(_[A-Z]{2})?$/, 'a WhatsApp language code such as hi, en or en_US');

/** The environment variables of outreach campaigns, joined into the one config schema (src/config/config.ts). */
export const OUTREACH_ENV_SHAPE = {
  /** The approved utility template a campaign sends, with its four quick-reply buttons (docs/whatsapp.md). */
  WHATSAPP_TEMPLATE_CAMPAIGN: templateName.default('sampark_campaign'),
  WHATSAPP_TEMPLATE_CAMPAIGN_LANGUAGE_HI: languageCode.default('hi'),
  WHATSAPP_TEMPLATE_CAMPAIGN_LANGUAGE_EN: languageCode.default('en'),
  /** Campaign messages go only in this IST window ("HH:MM-HH:MM"; no messages at night). */
  OUTREACH_SENDING_WINDOW: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM-HH:MM')
    // An empty window would let messages through only in its one minute, whatever hour that is.
    .refine((window) => window.slice(0, 5) !== window.slice(6), 'the window must not start and end at the same time')
    .default('09:00-20:00'),
  /** Meta's throughput for the phone number, shared by every campaign and instance. */
  OUTREACH_MESSAGES_PER_SECOND: z.coerce.number().int().min(1).max(1000).default(20),
  /** Meta's messaging tier: unique consumers that may get a business-initiated message per day. */
  OUTREACH_DAILY_RECIPIENTS: z.coerce.number().int().min(1).default(1000),
  /** After a message or a reply, when to ask the backend whether the consumer recharged or changed mobile. */
  OUTREACH_OUTCOME_CHECK_HOURS: z.coerce.number().positive().max(24 * 30).default(24),
};

type OutreachEnv = { [K in keyof typeof OUTREACH_ENV_SHAPE]: z.infer<(typeof OUTREACH_ENV_SHAPE)[K]> };

/** How campaigns send and follow up. */
export interface OutreachSettings {
  template: { name: string; languages: { hi: string; en: string } };
  /** Minutes of the IST day: sending is allowed from `from` until `until` (wrapping past midnight when from > until). */
  window: { from: number; until: number };
  messagesPerSecond: number;
  dailyRecipients: number;
  outcomeCheckHours: number;
}

export function outreachSettingsFrom(env: OutreachEnv): OutreachSettings {
  const [from = 0, until = 0] = env.OUTREACH_SENDING_WINDOW.split('-').map((clock) => {
    const [hours, minutes] = clock.split(':').map(Number);
    return (hours ?? 0) * 60 + (minutes ?? 0);
  });
  return {
    template: {
      name: env.WHATSAPP_TEMPLATE_CAMPAIGN,
      languages: { hi: env.WHATSAPP_TEMPLATE_CAMPAIGN_LANGUAGE_HI, en: env.WHATSAPP_TEMPLATE_CAMPAIGN_LANGUAGE_EN },
    },
    window: { from, until },
    messagesPerSecond: env.OUTREACH_MESSAGES_PER_SECOND,
    dailyRecipients: env.OUTREACH_DAILY_RECIPIENTS,
    outcomeCheckHours: env.OUTREACH_OUTCOME_CHECK_HOURS,
  };
}

/** The defaults, for tests and tools that build settings without an environment. */
export const DEFAULT_OUTREACH_SETTINGS: OutreachSettings = outreachSettingsFrom(z.object(OUTREACH_ENV_SHAPE).parse({}));
