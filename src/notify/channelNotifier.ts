import type { Activity, ConversationReference } from 'botbuilder';
import { notificationMessage } from '../conversations/notification';
import type { Translator } from '../i18n/translator';
import type { Logger } from '../log/logger';
import type { ConsumerContact, ConsumerNotice, ConsumerNotifier, NoticeOutcome } from './consumerNotifier';

/** How one channel reaches a conversation again: where its reference is kept and how to send into it. */
export interface ProactiveChannel {
  /** The stored reference of a conversation; null when it was never recorded or has expired. */
  reference(channelId: string, conversationId: string): Promise<Partial<ConversationReference> | null>;
  /** Sends one message into the conversation; throws when the channel refuses (a closed messaging window). */
  deliver(reference: Partial<ConversationReference>, message: Partial<Activity>): Promise<void>;
}

const TICKET_UPDATE = 'ticketUpdate.';
const AGENT_REPLY = 'agent.reply';

/** Registered under this name, a channel serves every channel id without its own (Azure Bot Service channels). */
export const ANY_OTHER_CHANNEL = '*';

/**
 * The ConsumerNotifier of the running service: writes the notice in the consumer's language and
 * hands it to the channel they used. Channels register as they are mounted. A ticket update also
 * carries what a template needs (WhatsApp outside its 24 hours).
 */
export class ChannelNotifier implements ConsumerNotifier {
  private readonly channels = new Map<string, ProactiveChannel>();

  constructor(
    private readonly translator: Translator,
    private readonly logger: Logger,
  ) {}

  /** Makes a channel reachable for notices; `ANY_OTHER_CHANNEL` serves channels not registered by name. */
  register(channelId: string, channel: ProactiveChannel): void {
    this.channels.set(channelId, channel);
  }

  async notify(contact: ConsumerContact, notice: ConsumerNotice): Promise<NoticeOutcome> {
    return this.send(contact, this.message(contact, notice), notice.key);
  }

  /**
   * Sends an activity as it is where a notice to this contact would go: Bot Framework's
   * handoff.status for an agent hub. Channels pass on what they do not show (events) without an error.
   */
  deliver(contact: ConsumerContact, activity: Partial<Activity>): Promise<NoticeOutcome> {
    return this.send(contact, activity, activity.name ?? activity.type ?? 'activity');
  }

  private async send(contact: ConsumerContact, activity: Partial<Activity>, what: string): Promise<NoticeOutcome> {
    const channel = this.channels.get(contact.channel) ?? this.channels.get(ANY_OTHER_CHANNEL);
    if (!channel) return this.undelivered(contact, what, 'unsupported_channel');
    const reference = await channel.reference(contact.channel, contact.conversationId);
    if (!reference) return this.undelivered(contact, what, 'unknown_conversation');
    try {
      await channel.deliver(reference, activity);
      return { delivered: true };
    } catch (error) {
      this.logger.warn({ channel: contact.channel, notice: what, err: error }, 'channel refused a notice');
      return { delivered: false, reason: 'channel_refused' };
    }
  }

  private message(contact: ConsumerContact, notice: ConsumerNotice): Partial<Activity> {
    const t = this.translator.forLanguage(contact.language);
    const text = t(notice.key, notice.params ?? {});
    if (notice.key === AGENT_REPLY) {
      // An agent may answer hours after the consumer last wrote: the agent's words go into a template then.
      return notificationMessage(text, { kind: 'agent_reply', language: contact.language, text: String(notice.params?.text ?? text) });
    }
    if (!notice.key.startsWith(TICKET_UPDATE)) return { type: 'message', text };
    return notificationMessage(text, {
      kind: 'ticket_update',
      language: contact.language,
      ticketNumber: String(notice.params?.number ?? ''),
      status: t(`ticket.status.${notice.key.slice(TICKET_UPDATE.length)}`),
    });
  }

  private undelivered(contact: ConsumerContact, what: string, reason: 'unsupported_channel' | 'unknown_conversation'): NoticeOutcome {
    this.logger.warn({ channel: contact.channel, notice: what, reason }, 'notice could not be delivered');
    return { delivered: false, reason };
  }
}
