import type { MeterBackend } from '../backend/meterBackend';
import type { Language } from '../i18n/language';
import type { Logger } from '../log/logger';
import type { Ticket } from '../tickets/ticket';
import type { CampaignAction, Outcome, Recipient } from './campaign';
import type { CampaignOutcomes } from './campaignOutcomes';
import { campaignOfVisitContact, NOT_ON_WHATSAPP, type CampaignVisits } from './campaignVisits';
import type { CampaignSending } from './campaignSending';
import type { CampaignStore } from './campaignStore';
import type { OptOutStore } from './optOutStore';

/** What a consumer's tap on a campaign button told the dialogs: the campaign, and who they are to it. */
export interface CampaignContext {
  campaignId: string;
  /** The campaign's language: a tap carries no words of the consumer's to tell theirs. */
  language: Language;
  /** The consumer the campaign wrote to in this conversation; null when it wrote to none here. */
  consumer: {
    caNumber: string;
    /** The balance when targeted: not positive means the supply is cut for it. */
    balance: number;
  } | null;
}

/** The campaign side of a conversation, as the dialogs see it (DialogServices.outreach). */
export interface CampaignConversations {
  /**
   * A tapped campaign button (`caNumber`: the connection it names, if any): records the reply (and a
   * stop for good); the campaign's context, null for a campaign it does not know.
   */
  tapped(conversationId: string, campaignId: string, action: CampaignAction, caNumber?: string | null): Promise<CampaignContext | null>;
  /** A typed "stop" after a campaign message: opts the number out for good; false when no campaign wrote to this conversation. */
  typedStop(conversationId: string): Promise<boolean>;
  /** Any other words typed after a campaign message: the consumer replied (most type rather than tap). */
  typedReply(conversationId: string): Promise<void>;
}

/** A WhatsApp delivery status, as the channel reads it from the webhook. */
export interface DeliveryStatus {
  wamid: string;
  status: string;
  errors: ReadonlyArray<{ code: number }>;
}

/** WhatsApp's statuses as campaign outcomes. */
const STATUS_OUTCOMES: Readonly<Record<string, Outcome>> = { delivered: 'delivered', read: 'read', failed: 'failed' };

export interface FollowUpParts {
  store: CampaignStore;
  optOuts: OptOutStore;
  outcomes: CampaignOutcomes;
  visits: CampaignVisits;
  sending: CampaignSending;
  backend: MeterBackend;
  logger: Logger;
  now: () => Date;
}

/**
 * Everything that happens after a campaign message: its delivery statuses, the consumer's replies
 * and opt-out, the backend showing a recharge or a new mobile, a field visit done.
 */
export class CampaignFollowUp implements CampaignConversations {
  constructor(private readonly parts: FollowUpParts) {}

  async tapped(conversationId: string, campaignId: string, action: CampaignAction, named: string | null = null): Promise<CampaignContext | null> {
    const { store, outcomes } = this.parts;
    if (action === 'stop') await this.parts.optOuts.optOut(conversationId, this.parts.now().toISOString(), campaignId);
    const campaign = await store.find(campaignId);
    if (!campaign) return null;
    const recipient = await this.recipientTapping(campaignId, conversationId, named);
    if (!recipient) return { campaignId, language: campaign.language, consumer: null };
    const { caNumber } = recipient;
    await outcomes.record(campaignId, caNumber, 'replied');
    if (action === 'stop') await outcomes.record(campaignId, caNumber, 'opted_out');
    if (action === 'recharge' || action === 'update_mobile') await this.parts.sending.scheduleCheck(campaignId, caNumber, 'replied');
    return { campaignId, language: campaign.language, consumer: { caNumber, balance: recipient.balance } };
  }

  /**
   * Whom a tap is about: the connection its button names, when the campaign wrote about it to this
   * conversation's mobile (a payload typed with someone else's CA number finds nobody); else, for a
   * button that names none, the connection the campaign wrote about here last.
   */
  private async recipientTapping(campaignId: string, conversationId: string, named: string | null): Promise<Recipient | null> {
    const { store } = this.parts;
    if (named !== null) {
      const recipient = await store.recipient(campaignId, named);
      return recipient?.conversationId === conversationId ? recipient : null;
    }
    const caNumber = await store.caNumberOfConversation(campaignId, conversationId);
    return caNumber ? store.recipient(campaignId, caNumber) : null;
  }

  async typedReply(conversationId: string): Promise<void> {
    const link = await this.parts.store.linkOfConversation(conversationId);
    if (link) await this.parts.outcomes.record(link.campaignId, link.caNumber, 'replied');
  }

  async typedStop(conversationId: string): Promise<boolean> {
    const link = await this.parts.store.linkOfConversation(conversationId);
    if (!link) return false;
    await this.parts.optOuts.optOut(conversationId, this.parts.now().toISOString(), link.campaignId);
    await this.parts.outcomes.record(link.campaignId, link.caNumber, 'replied');
    await this.parts.outcomes.record(link.campaignId, link.caNumber, 'opted_out');
    return true;
  }

  /**
   * A WhatsApp status of a message; only campaign messages are looked at. A message that cannot
   * reach the number at all puts the consumer on the visit list.
   */
  async delivery(status: DeliveryStatus): Promise<void> {
    const outcome = STATUS_OUTCOMES[status.status];
    if (!outcome) return;
    const link = await this.parts.store.linkOfMessage(status.wamid);
    if (!link) return;
    // Read implies delivered: statuses arrive in any order, and a lost "delivered" must not leave a hole in the funnel.
    if (outcome === 'read') await this.parts.outcomes.record(link.campaignId, link.caNumber, 'delivered');
    await this.parts.outcomes.record(link.campaignId, link.caNumber, outcome);
    if (outcome !== 'failed' || !status.errors.some((error) => error.code === NOT_ON_WHATSAPP)) return;
    const [campaign, recipient] = await Promise.all([
      this.parts.store.find(link.campaignId),
      this.parts.store.recipient(link.campaignId, link.caNumber),
    ]);
    if (campaign && recipient) await this.parts.visits.needed(campaign, recipient, 'not_on_whatsapp');
  }

  /**
   * A visit ticket resolved (or closed after it was): the consumer was visited, and the backend is
   * asked what changed. One the team could not complete (a locked house) is no visit, closed or not.
   */
  async ticketChanged(ticket: Ticket): Promise<void> {
    if (ticket.category !== 'sampark_visit' || ticket.caNumber === null) return;
    if (ticket.status !== 'resolved' && !(ticket.status === 'closed' && ticket.work?.resolution)) return;
    const campaignId = campaignOfVisitContact(ticket.contact);
    if (!campaignId || !(await this.parts.store.recipient(campaignId, ticket.caNumber))) return;
    await this.parts.outcomes.record(campaignId, ticket.caNumber, 'visited');
    await this.parts.sending.scheduleCheck(campaignId, ticket.caNumber, 'visited', 0);
  }

  /** Whether the backend now shows a recharge (a positive balance above the one targeted) or a new mobile. */
  async check(campaignId: string, caNumber: string): Promise<void> {
    const recipient = await this.parts.store.recipient(campaignId, caNumber);
    if (!recipient) return;
    const [consumer, meter] = await Promise.all([this.parts.backend.findConsumer(caNumber), this.parts.backend.getMeterStatus(caNumber)]);
    if (meter && meter.balance > 0 && meter.balance > recipient.balance) {
      await this.parts.outcomes.resolved(campaignId, caNumber, 'recharged');
    }
    if (consumer?.mobile && consumer.mobile !== recipient.mobile) {
      await this.parts.outcomes.resolved(campaignId, caNumber, 'mobile_updated');
    }
  }
}
