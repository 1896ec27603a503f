import { z } from 'zod';
import type { CampaignTarget, MeterBackend } from '../backend/meterBackend';
import type { Logger } from '../log/logger';
import type { CampaignRecord, Recipient } from './campaign';
import type { CampaignOutcomes } from './campaignOutcomes';
import type { CampaignStore } from './campaignStore';
import type { CampaignVisits } from './campaignVisits';
import type { OutreachChannel } from './outreachChannel';

/** The job that finds a started campaign's targets. */
export const PREPARE_JOB = 'outreach.prepare';
export const CampaignJobSchema = z.object({ campaignId: z.string() });

/** Targets asked of the backend at a time. */
const PAGE_SIZE = 500;

export interface PreparationParts {
  store: CampaignStore;
  outcomes: CampaignOutcomes;
  backend: MeterBackend;
  visits: CampaignVisits;
  channel: () => OutreachChannel;
  logger: Logger;
  now: () => Date;
}

/**
 * Turns a started campaign's criteria into its recipients, page by page from the backend. Consumers
 * with a mobile wait to be sent the template; those without go on the visit list of their section.
 * Safe to run again after a crash: recipients, outcomes and tickets are each recorded once.
 */
export class CampaignPreparation {
  constructor(private readonly parts: PreparationParts) {}

  async prepare(campaignId: string): Promise<void> {
    const { store } = this.parts;
    const campaign = await store.find(campaignId);
    if (!campaign || campaign.preparedAt !== null || campaign.status === 'stopped') return;
    let cursor: string | null = null;
    let targeted = 0;
    do {
      // A supervisor who stops a campaign mid-way (the wrong criteria, say) must not leave the field
      // teams with a visit list that keeps growing; a pause only holds the sending.
      if (cursor !== null && (await store.find(campaignId))?.status === 'stopped') {
        this.parts.logger.info({ campaign: campaignId, targeted }, 'campaign stopped while its targets were being found');
        return;
      }
      const page = await this.parts.backend.findTargets(campaign.criteria, cursor, PAGE_SIZE);
      const recipients = page.targets.map((target) => this.recipientOf(target));
      await store.addRecipients(campaignId, recipients);
      for (const recipient of recipients) await this.target(campaign, recipient);
      targeted += recipients.length;
      cursor = page.nextCursor;
    } while (cursor !== null);
    await store.markPrepared(campaignId, this.parts.now().toISOString());
    this.parts.logger.info({ campaign: campaignId, targeted }, 'campaign targets found');
  }

  private recipientOf(target: CampaignTarget): Recipient {
    const { caNumber, mobile, area, urban, balance } = target;
    return { caNumber, mobile, conversationId: mobile === null ? null : this.parts.channel().conversationIdOf(mobile), area, urban, balance };
  }

  private async target(campaign: CampaignRecord, recipient: Recipient): Promise<void> {
    await this.parts.outcomes.record(campaign.id, recipient.caNumber, 'targeted');
    if (recipient.mobile === null) await this.parts.visits.needed(campaign, recipient, 'no_mobile');
  }
}
