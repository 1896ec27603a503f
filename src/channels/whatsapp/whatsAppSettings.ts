import { z } from 'zod';
import { ConfigError } from '../../config/config';
import { credentialUrl, presentVariables } from '../../config/environment';

/** The four variables without which the channel cannot work; any WHATSAPP_* variable asks for all four. */
const REQUIRED_WHATSAPP_VARIABLES = [
  'WHATSAPP_APP_SECRET',
  'WHATSAPP_VERIFY_TOKEN',
  'WHATSAPP_ACCESS_TOKEN',
  'WHATSAPP_PHONE_NUMBER_ID',
] as const;


const templateName = z.string().regex(/^[a-z0-9_]{1,512}$/, 'a template name: lower-case letters, digits and _');
const languageCode = z.string().regex(/^[a-z]{2,3}(_[A-Z]{2})?$/, 'a WhatsApp language code such as hi, en or en_US');

/** The environment variables of the WhatsApp channel. */
const WhatsAppEnvSchema = z
  .object({
    /** The Meta app's secret: it signs every webhook (X-Hub-Signature-256). */
    WHATSAPP_APP_SECRET: z.string().min(16, 'use the app secret from the Meta app dashboard').optional(),
    /** Any string you choose; Meta sends it back once when you register the webhook. */
    WHATSAPP_VERIFY_TOKEN: z.string().min(8, 'use at least 8 characters').optional(),
    /** A system user's permanent token with whatsapp_business_messaging. */
    WHATSAPP_ACCESS_TOKEN: z.string().min(20).optional(),
    WHATSAPP_PHONE_NUMBER_ID: z.string().regex(/^\d{5,20}$/, 'the numeric phone number id, not the phone number').optional(),
    WHATSAPP_GRAPH_URL: credentialUrl.default('https://graph.facebook.com'),
    WHATSAPP_API_VERSION: z.string().regex(/^v\d{1,3}\.\d$/, 'a Graph API version such as v23.0').default('v23.0'),
    /**
     * Keys the pseudonymous conversation ids made from WhatsApp numbers; the app secret when unset.
     * Set it once and keep it: changing it (or the app secret it falls back to) starts every
     * consumer's conversation afresh.
     */
    WHATSAPP_CONVERSATION_KEY: z.string().min(16).optional(),
    WHATSAPP_GRAPH_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
    /** Extra attempts for a send that got 429, a 5xx or no answer, before the durable job retries it later. */
    WHATSAPP_GRAPH_RETRIES: z.coerce.number().int().min(0).max(5).default(2),
    WHATSAPP_TEMPLATE_TICKET_UPDATE: templateName.default('sampark_ticket_update'),
    WHATSAPP_TEMPLATE_AGENT_REPLY: templateName.default('sampark_agent_reply'),
    WHATSAPP_TEMPLATE_LANGUAGE_HI: languageCode.default('hi'),
    WHATSAPP_TEMPLATE_LANGUAGE_EN: languageCode.default('en'),
  })
  .superRefine((env, ctx) => {
    const given = REQUIRED_WHATSAPP_VARIABLES.filter((name) => env[name] !== undefined);
    if (given.length === REQUIRED_WHATSAPP_VARIABLES.length) return;
    for (const missing of REQUIRED_WHATSAPP_VARIABLES.filter((name) => env[name] === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: [missing],
        message: `missing: the WhatsApp channel needs ${REQUIRED_WHATSAPP_VARIABLES.join(', ')} together`,
      });
    }
  });

/** Which approved template carries each kind of proactive notification. */
export interface TemplateSettings {
  names: { ticket_update: string; agent_reply: string };
  /** WhatsApp's language code for each of our languages. */
  languages: { hi: string; en: string };
}

/** What the WhatsApp channel runs with. */
export interface WhatsAppSettings {
  appSecret: string;
  verifyToken: string;
  accessToken: string;
  phoneNumberId: string;
  /** Without a trailing slash. */
  graphUrl: string;
  apiVersion: string;
  conversationKey: string;
  graphTimeoutMs: number;
  graphRetries: number;
  templates: TemplateSettings;
}

/**
 * The WhatsApp channel's settings, or null when no WHATSAPP_* variable is set (the channel is off).
 * Throws ConfigError naming every bad or missing variable; empty strings count as unset.
 */
export function loadWhatsAppSettings(environment: NodeJS.ProcessEnv): WhatsAppSettings | null {
  const present = Object.fromEntries(Object.entries(presentVariables(environment)).filter(([name]) => name.startsWith('WHATSAPP_')));
  if (Object.keys(present).length === 0) return null;
  const parsed = WhatsAppEnvSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`));
  }
  const env = parsed.data;
  // The refinement above guarantees the four; zod's type cannot say so.
  const required = (name: (typeof REQUIRED_WHATSAPP_VARIABLES)[number]): string => env[name] ?? '';
  return {
    appSecret: required('WHATSAPP_APP_SECRET'),
    verifyToken: required('WHATSAPP_VERIFY_TOKEN'),
    accessToken: required('WHATSAPP_ACCESS_TOKEN'),
    phoneNumberId: required('WHATSAPP_PHONE_NUMBER_ID'),
    graphUrl: env.WHATSAPP_GRAPH_URL.replace(/\/+$/, ''),
    apiVersion: env.WHATSAPP_API_VERSION,
    conversationKey: env.WHATSAPP_CONVERSATION_KEY ?? required('WHATSAPP_APP_SECRET'),
    graphTimeoutMs: env.WHATSAPP_GRAPH_TIMEOUT_MS,
    graphRetries: env.WHATSAPP_GRAPH_RETRIES,
    templates: {
      names: { ticket_update: env.WHATSAPP_TEMPLATE_TICKET_UPDATE, agent_reply: env.WHATSAPP_TEMPLATE_AGENT_REPLY },
      languages: { hi: env.WHATSAPP_TEMPLATE_LANGUAGE_HI, en: env.WHATSAPP_TEMPLATE_LANGUAGE_EN },
    },
  };
}
