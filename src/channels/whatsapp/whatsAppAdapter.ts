import { randomUUID } from 'node:crypto';
import {
  ActivityTypes,
  BotAdapter,
  TurnContext,
  type Activity,
  type ConversationReference,
  type ResourceResponse,
} from 'botbuilder';
import type { Memory } from '../../bot/session';
import { languageOf } from '../../bot/turnState';
import { conversationKey, type ConversationRecord, type ConversationReferenceStore } from '../../conversations/conversationReferenceStore';
import { notificationOf } from '../../conversations/notification';
import { setSharedEvidence, ticketOfTurn } from '../../conversations/sharedEvidence';
import { setVerifiedMobile } from '../../conversations/verifiedSender';
import { parseMobileNumber } from '../../domain/mobileNumber';
import type { Language } from '../../i18n/language';
import type { Translator } from '../../i18n/translator';
import type { Logger } from '../../log/logger';
import type { TicketService } from '../../tickets/ticketService';
import { Acknowledgements, isAcknowledged } from './acknowledgements';
import { conversationIdFor } from './conversationIds';
import type { GraphClient } from './graphClient';
import { activityOf, recentEvidence } from './inboundActivity';
import type { InboundMessage } from './inboundMessage';
import { renderActivity, type RenderWords } from './outboundMapping';
import { Outbox, type OutgoingMessage } from './outbox';
import { templateMessage } from './templates';
import type { ReportUndeliverable } from './undeliverable';
import type { WhatsAppSettings } from './whatsAppSettings';
import { continuationContext } from '../continuation';

/** The channel id the bot sees for WhatsApp activities. */
export const WHATSAPP_CHANNEL_ID = 'whatsapp';

/** WhatsApp's customer service window: free-form messages only this long after the consumer's last message. */
const SERVICE_WINDOW_MS = 24 * 3_600_000;

/** A proactive free-form message outside the 24-hour window with no template for it: not sent. */
export class OutsideMessagingWindowError extends Error {
  constructor(readonly conversationId: string) {
    super(`conversation ${conversationId}: more than 24 hours since the consumer wrote, and the message has no template`);
    this.name = 'OutsideMessagingWindowError';
  }
}

/** What the adapter works with. */
export interface WhatsAppAdapterParts {
  settings: WhatsAppSettings;
  conversations: ConversationReferenceStore;
  outbox: Outbox;
  graph: GraphClient;
  translator: Translator;
  /** To answer a location, photo or unreadable message in the consumer's language without running a turn. */
  memory: Memory;
  tickets: TicketService;
  report: ReportUndeliverable;
  logger: Logger;
  now: () => Date;
  /**
   * Whether a call-centre agent has the conversation: then a location, photo or unreadable message
   * runs a turn like any other, so it reaches the agent instead of being acknowledged by the channel.
   */
  heldByAgents?: (conversationId: string) => Promise<boolean>;
}

/** The message a turn runs for, and the conversation as it stood when it came. */
interface InboundTurn {
  message: InboundMessage;
  key: string;
  record: ConversationRecord;
}

const INBOUND = Symbol('sampark.whatsapp.inbound');

/**
 * Runs the bot for WhatsApp conversations on Meta's Cloud API. Each message from the signed webhook
 * becomes one turn (text, and the ids of tapped buttons and list rows, as typed text); locations and
 * photos are kept for tickets and acknowledged; other kinds get a note of what the bot can read.
 * Replies go to the recipient's outbox and are sent by a durable job; proactive messages outside
 * the 24-hour window go as approved templates or are reported, never silently dropped.
 */
export class WhatsAppAdapter extends BotAdapter {
  private readonly courtesies = new Set<Promise<void>>();
  private readonly acknowledgements: Acknowledgements;

  constructor(private readonly parts: WhatsAppAdapterParts) {
    super();
    this.acknowledgements = new Acknowledgements(parts);
  }

  /** Runs one inbound message through the middleware and `logic` (the bot), or answers it here. */
  async process(message: InboundMessage, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    const conversationId = conversationIdFor(message.address, this.parts.settings.conversationKey);
    const key = conversationKey(WHATSAPP_CHANNEL_ID, conversationId);
    const reference = this.referenceOf(message.address, conversationId);
    const record = await this.parts.conversations.recordInbound(key, reference, new Date(message.sentAt));
    const context = new TurnContext(this, activityOf(message, reference, record));
    context.turnState.set(INBOUND, { message, key, record } satisfies InboundTurn);
    if (message.content.kind !== 'welcome') this.showTyping(message.wamid);

    const content = message.content;
    if (isAcknowledged(content) && !(await this.parts.heldByAgents?.(conversationId))) {
      await this.runMiddleware(context, (turn) => this.acknowledgements.answer(turn, content, key, record));
      return;
    }
    // The number WhatsApp says this message came from; the webhook it came in was signed by Meta.
    const mobile = message.waId ? parseMobileNumber(message.waId) : null;
    if (mobile) setVerifiedMobile(context, mobile);
    setSharedEvidence(context, recentEvidence(record, this.parts.now()));
    await this.runMiddleware(context, logic);
    const ticket = ticketOfTurn(context);
    if (ticket) await this.parts.conversations.noteTicket(key, ticket);
  }

  override async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const inbound = context.turnState.get(INBOUND) as InboundTurn | undefined;
    const responses: ResourceResponse[] = [];
    for (const activity of activities) {
      if (activity.type === ActivityTypes.Message) {
        const ids = await this.queue(context, activity, inbound);
        responses.push({ id: ids.at(-1) ?? '' });
        continue;
      }
      if (activity.type === ActivityTypes.Typing && inbound) this.showTyping(inbound.message.wamid);
      responses.push({ id: '' });
    }
    return responses;
  }

  override async updateActivity(): Promise<void> {
    throw new Error('WhatsApp messages cannot be edited once sent');
  }

  override async deleteActivity(): Promise<void> {
    throw new Error('WhatsApp messages cannot be deleted by the business');
  }

  /**
   * Proactive messages (an agent's reply, a ticket update) into a stored conversation. Outside the
   * 24-hour window a message goes as its notification's template; one without a notification throws
   * OutsideMessagingWindowError (and is reported), so the caller knows it was not sent.
   */
  override async continueConversation(
    reference: Partial<ConversationReference>,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<void> {
    await this.runMiddleware(continuationContext(this, reference, this.parts.now()), logic);
  }

  /** Resolves when the typing indicators already asked for have been sent (or have failed). */
  async idle(): Promise<void> {
    await Promise.allSettled([...this.courtesies]);
  }

  private referenceOf(address: string, conversationId: string): Partial<ConversationReference> {
    const { graphUrl, apiVersion, phoneNumberId } = this.parts.settings;
    return {
      channelId: WHATSAPP_CHANNEL_ID,
      serviceUrl: `${graphUrl}/${apiVersion}/${phoneNumberId}`,
      conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: 'whatsapp' },
      user: { id: address, name: '', role: 'user' },
      bot: { id: phoneNumberId, name: 'Sampark', role: 'bot' },
    };
  }

  /** Queues one message's WhatsApp messages in the recipient's outbox; resolves with their ids. */
  private async queue(context: TurnContext, activity: Partial<Activity>, inbound: InboundTurn | undefined): Promise<string[]> {
    const address = activity.recipient?.id ?? context.activity.from.id;
    const conversationId = activity.conversation?.id ?? context.activity.conversation.id;
    const key = conversationKey(WHATSAPP_CHANNEL_ID, conversationId);
    const notification = notificationOf(activity);
    const template = notification ? templateMessage(notification, this.parts.settings.templates) : null;
    if (!inbound && !(await this.windowOpen(key))) {
      if (!template) {
        this.parts.report({ conversationId, reason: 'outside_window', code: null, notification: false });
        throw new OutsideMessagingWindowError(conversationId);
      }
      return this.parts.outbox.put(address, conversationId, [Outbox.notificationPart(template, null, randomUUID())]);
    }
    const rendering = renderActivity(activity, this.words(notification?.language ?? languageOf(context)));
    const previous = inbound?.record.numberedChoices ?? [];
    if (rendering.numberedChoices.length > 0 || previous.length > 0) {
      await this.parts.conversations.setNumberedChoices(key, rendering.numberedChoices);
      if (inbound) inbound.record.numberedChoices = rendering.numberedChoices;
    }
    const group = randomUUID();
    const messages: OutgoingMessage[] = rendering.messages.map((message) =>
      template ? Outbox.notificationPart(message, template, group) : { message, notification: null },
    );
    return this.parts.outbox.put(address, conversationId, messages);
  }

  private async windowOpen(key: string): Promise<boolean> {
    const last = (await this.parts.conversations.find(key))?.lastInboundAt;
    return last !== null && last !== undefined && this.parts.now().getTime() - Date.parse(last) < SERVICE_WINDOW_MS;
  }

  private words(language: Language): RenderWords {
    const t = this.parts.translator.forLanguage(language);
    return { listButton: t('whatsapp.listButton'), chooseOne: t('whatsapp.chooseOne'), numberedIntro: t('whatsapp.numberedIntro') };
  }

  /** Marks the message read and shows typing under it; a courtesy, so a failure is only logged. */
  private showTyping(wamid: string): void {
    const shown = this.parts.graph
      .showTyping(wamid)
      .catch((error: unknown) => this.parts.logger.debug({ err: error }, 'whatsapp typing indicator not shown'))
      .finally(() => this.courtesies.delete(shown));
    this.courtesies.add(shown);
  }
}
