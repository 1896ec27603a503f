import type { TurnContext } from 'botbuilder';
import type { Memory } from '../../bot/session';
import { setTurnLanguage } from '../../bot/turnState';
import type { ConversationRecord, ConversationReferenceStore } from '../../conversations/conversationReferenceStore';
import { describeEvidence, type SharedEvidence } from '../../conversations/sharedEvidence';
import { formatTicketNumber, type TicketNumber } from '../../domain/ticketNumber';
import type { Language } from '../../i18n/language';
import type { Translator } from '../../i18n/translator';
import type { TicketPhoto } from '../../tickets/ticket';
import type { TicketService } from '../../tickets/ticketService';
import type { InboundContent } from './inboundMessage';

/** What answering without a turn needs. */
export interface AcknowledgementParts {
  conversations: ConversationReferenceStore;
  tickets: TicketService;
  translator: Translator;
  /** The bot's memory, read (never written) for the consumer's language. */
  memory: Memory;
  now: () => Date;
}

/** Message kinds the channel answers itself, without running the dialogs. */
export type AcknowledgedContent = Extract<InboundContent, { kind: 'location' | 'image' | 'unsupported' }>;

/** Whether the channel answers this content itself. */
export function isAcknowledged(content: InboundContent): content is AcknowledgedContent {
  return content.kind === 'location' || content.kind === 'image' || content.kind === 'unsupported';
}

/**
 * Answers what the dialogs cannot read, in the consumer's language: a location or photo is kept for
 * the conversation's next ticket (and added to its open one, if there is one) and acknowledged; any
 * other kind gets a note of what the bot can read. The dialog state is left as it was, so a question
 * the bot asked is still waiting for its answer.
 */
export class Acknowledgements {
  constructor(private readonly parts: AcknowledgementParts) {}

  async answer(context: TurnContext, content: AcknowledgedContent, key: string, record: ConversationRecord): Promise<void> {
    const language = await this.languageOfConsumer(context);
    setTurnLanguage(context, language);
    const t = this.parts.translator.forLanguage(language);
    const at = this.parts.now();
    switch (content.kind) {
      case 'location': {
        await this.parts.conversations.shareSite(key, content.site, at);
        const ticket = await this.addToTicket(record, { site: content.site, photos: [] });
        await context.sendActivity(ticket ? t('whatsapp.locationAdded', { number: ticket }) : t('whatsapp.locationKept'));
        return;
      }
      case 'image': {
        const photo: TicketPhoto = {
          reference: `whatsapp-media:${content.mediaId}`,
          ...(content.caption ? { caption: content.caption } : {}),
          sharedAt: at.toISOString(),
        };
        await this.parts.conversations.addPhoto(key, photo);
        const ticket = await this.addToTicket(record, { site: null, photos: [photo] });
        await context.sendActivity(ticket ? t('whatsapp.photoAdded', { number: ticket }) : t('whatsapp.photoKept'));
        return;
      }
      case 'unsupported':
        await context.sendActivity(t('whatsapp.unsupported'));
    }
  }

  /** Adds the evidence to the conversation's last ticket while it is open; its number as shown, or null. */
  private async addToTicket(record: ConversationRecord, evidence: SharedEvidence): Promise<string | null> {
    if (!record.lastTicket) return null;
    const ticket = await this.parts.tickets.addLaterReport(record.lastTicket, describeEvidence(evidence));
    return ticket ? formatTicketNumber(ticket.number as TicketNumber) : null;
  }

  /** The language the consumer chose, else the one of their last message, else Hindi. */
  private async languageOfConsumer(context: TurnContext): Promise<Language> {
    const profile = await this.parts.memory.profileOf(context);
    const session = await this.parts.memory.sessionOf(context);
    return profile.language ?? session.lastLanguage ?? 'hi';
  }
}
