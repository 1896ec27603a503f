import { randomBytes, randomUUID } from 'node:crypto';
import { conversationIdFor } from '../channels/whatsapp/conversationIds';
import { GraphApiError, GraphClient, type GraphClientOptions } from '../channels/whatsapp/graphClient';
import type { WhatsAppSettings } from '../channels/whatsapp/whatsAppSettings';
import { maskMobile } from '../domain/mask';
import type { Logger } from '../log/logger';
import type { OutreachChannel, SendResult } from './outreachChannel';

/** Indian numbers as WhatsApp addresses them: country code, then the 10 digits. */
function whatsAppAddress(mobile: string): string {
  return `91${mobile}`;
}

/**
 * Campaign messages through the Graph API, with the WhatsApp channel's conversation ids. Each send is
 * one attempt, unlike the channel's replies: a send that got no answer may have reached the consumer,
 * and a campaign message must never go twice. A refusal worth retrying is retried by the campaign's
 * next batch, after the recipient is put back in the queue.
 *
 * Why not the replies' send attempts (channels/whatsapp/sendAttempts.ts): a reply must arrive, so a
 * send whose outcome was lost is confirmed by its status or sent again; a campaign message may be
 * lost but never doubled, and the campaign's atomic claim of each recipient (CampaignStore.claimNext,
 * never handed out again unless Meta refused) already gives that, across crashes and instances
 * (test/outreach/whatsAppCampaignCrash.test.ts kills an instance mid-send).
 */
export function whatsAppOutreachChannel(
  settings: GraphClientOptions['settings'] & Pick<WhatsAppSettings, 'conversationKey'>,
  logger: Logger,
): OutreachChannel {
  const graph = new GraphClient({ settings: { ...settings, graphRetries: 0 }, logger });
  return {
    conversationIdOf: (mobile) => conversationIdFor(whatsAppAddress(mobile), settings.conversationKey),
    send: async (mobile, message): Promise<SendResult> => {
      try {
        return { kind: 'accepted', messageId: await graph.send(whatsAppAddress(mobile), message) };
      } catch (error) {
        if (!(error instanceof GraphApiError)) throw error;
        if (error.status === null) return { kind: 'unknown' };
        return { kind: 'refused', retryLater: error.transient || error.unauthorized, code: error.code };
      }
    },
  };
}

/**
 * The embedded default when WhatsApp is not configured: campaign messages are written to the log
 * (template and masked number only), so a demo campaign runs end to end without Meta.
 */
export function loggingOutreachChannel(logger: Logger): OutreachChannel {
  const key = randomBytes(32).toString('base64url');
  return {
    conversationIdOf: (mobile) => conversationIdFor(whatsAppAddress(mobile), key),
    send: async (mobile, message) => {
      const template = message.type === 'template' ? message.template.name : message.type;
      logger.info({ to: maskMobile(mobile), template }, 'campaign message (WhatsApp is off: logged, not sent)');
      return { kind: 'accepted', messageId: `logged.${randomUUID()}` };
    },
  };
}
