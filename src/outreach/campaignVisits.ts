import type { TicketService } from '../tickets/ticketService';
import type { CampaignRecord, Recipient } from './campaign';
import type { CampaignOutcomes } from './campaignOutcomes';

/** The channel a visit ticket names: no chat reaches these consumers, so no update is sent to one. */
const VISIT_CONTACT_CHANNEL = 'outreach';

/** Meta's code for a message that cannot reach the number (not on WhatsApp, or an old app). */
export const NOT_ON_WHATSAPP = 131026;

/** Why chat cannot reach the consumer, for the field team. */
export const VISIT_REASONS = ['no_mobile', 'not_on_whatsapp'] as const;
export type VisitReason = (typeof VISIT_REASONS)[number];

const REASONS: Record<VisitReason, string> = {
  no_mobile: 'no registered mobile',
  not_on_whatsapp: 'the registered mobile is not on WhatsApp',
};

/** The campaign a visit ticket's contact names, or null for any other ticket. */
export function campaignOfVisitContact(contact: { channel: string; conversationId: string }): string | null {
  if (contact.channel !== VISIT_CONTACT_CHANNEL) return null;
  return /^campaign-(.+)$/.exec(contact.conversationId)?.[1] ?? null;
}

/**
 * The visit list: consumers a campaign cannot reach in chat become `sampark_visit` field tickets of
 * their section, opened through the ticket service (priority, SLA, the field teams' API, the
 * work-order webhook) and one per consumer however often they are asked for.
 */
export class CampaignVisits {
  constructor(
    private readonly tickets: TicketService,
    private readonly outcomes: CampaignOutcomes,
  ) {}

  async needed(campaign: Pick<CampaignRecord, 'id' | 'name' | 'language'>, recipient: Recipient, reason: VisitReason): Promise<void> {
    await this.tickets.open({
      category: 'sampark_visit',
      description: `Sampark campaign "${campaign.name}": ${REASONS[reason]}. Help the consumer recharge and register a mobile number on WhatsApp.`,
      problem: { key: `campaign_visit_${reason}`, params: { campaign: campaign.name } },
      urgent: false,
      caNumber: recipient.caNumber,
      area: recipient.area,
      urban: recipient.urban,
      // The campaign as the contact, so a resolved visit finds its campaign again.
      contact: { channel: VISIT_CONTACT_CHANNEL, conversationId: `campaign-${campaign.id}`, language: campaign.language },
      requestId: recipient.caNumber,
    });
    await this.outcomes.record(campaign.id, recipient.caNumber, 'visit_needed');
  }
}
