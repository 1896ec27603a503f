import { randomBytes, randomUUID } from 'node:crypto';
import { conversationIdFor } from '../channels/whatsapp/conversationIds';
import { GraphApiError } from '../channels/whatsapp/graphClient';
import type { OutboundMessage } from '../channels/whatsapp/graphMessages';
import { maskMobile } from '../domain/mask';
import type { Logger } from '../log/logger';
import type { OutreachChannel, SendResult } from './outreachChannel';

/** Indian numbers as WhatsApp addresses them: country code, then the 10 digits. */
function whatsAppAddress(mobile: string): string {
  return `91${mobile}`;
}

/** Campaign messages through the WhatsApp channel's Graph API client, with its conversation ids. */
export function whatsAppOutreachChannel(
  graph: { send(address: string, message: OutboundMessage): Promise<string> },
  conversationKey: string,
): OutreachChannel {
  return {
    conversationIdOf: (mobile) => conversationIdFor(whatsAppAddress(mobile), conversationKey),
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
