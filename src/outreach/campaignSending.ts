import type { JobQueue } from '../jobs/jobQueue';
import type { Logger } from '../log/logger';
import type { CampaignRecord, Recipient } from './campaign';
import type { CampaignOutcomes } from './campaignOutcomes';
import type { CampaignStore } from './campaignStore';
import { campaignTemplate } from './campaignTemplate';
import { NOT_ON_WHATSAPP, type CampaignVisits } from './campaignVisits';
import type { KnownLanguage } from './knownLanguage';
import type { OptOutStore } from './optOutStore';
import type { OutreachChannel } from './outreachChannel';
import type { OutreachMetrics } from './outreachMetrics';
import type { OutreachSettings } from './outreachSettings';
import type { SendingQuota } from './sendingQuota';
import { istDate, msUntilIstWindowOpens, msUntilNextIstDay } from '../domain/indianTime';

/** The job that sends one batch of a running campaign, then schedules the next. */
export const SEND_JOB = 'outreach.send';
/** The job that asks the backend, some hours after a message or a reply, whether the consumer recharged or changed mobile. */
export const CHECK_JOB = 'outreach.check';

/** After a refusal worth retrying (throttled, Graph API trouble), the batch waits this long. */
const REFUSED_RETRY_MS = 30_000;

export interface SendingParts {
  store: CampaignStore;
  optOuts: OptOutStore;
  quota: SendingQuota;
  outcomes: CampaignOutcomes;
  visits: CampaignVisits;
  channel: () => OutreachChannel;
  jobs: JobQueue;
  metrics: OutreachMetrics;
  settings: OutreachSettings;
  discomName: string;
  /** A language the consumer chose in an earlier chat wins over the campaign's. */
  knownLanguage: KnownLanguage;
  logger: Logger;
  now: () => Date;
}

/** What one recipient's turn came to. */
type Attempt = 'done' | 'retry_later' | 'tier_full';

/**
 * Sends a running campaign's template to its recipients in batches: only inside the IST window, at
 * most Meta's messages per second (slots shared by every instance and campaign), and to no more
 * unique consumers a day than the tier allows. Each recipient is claimed atomically before the send,
 * so neither a second instance nor a batch run again after a crash sends anyone the campaign twice.
 */
export class CampaignSending {
  constructor(private readonly parts: SendingParts) {}

  /** Sends one batch; resolves with how long to wait before the next one, or null when there is nothing more to do. */
  async sendBatch(campaignId: string): Promise<number | null> {
    const { store, settings, now } = this.parts;
    const campaign = await store.find(campaignId);
    // A pause or stop takes effect here, at most one batch (one second of sends) after it was asked.
    if (!campaign || campaign.status !== 'running') return null;
    // Targets still being found: the preparation job starts sending when it is done.
    if (campaign.preparedAt === null) return null;
    const closedFor = msUntilIstWindowOpens(settings.window, now());
    if (closedFor > 0) return closedFor;
    for (let sent = 0; sent < settings.messagesPerSecond; sent += 1) {
      const second = Math.floor(now().getTime() / 1000);
      if (!(await this.parts.quota.takeSlot(second, settings.messagesPerSecond))) return untilNextSecond(now());
      // A claim whose send never completes (the process died in between, or the Graph API gave no
      // answer) stays taken: the consumer is counted targeted but not sent, and is never sent this
      // campaign again, since the message may have gone out. At most once, never twice.
      const recipient = await store.claimNext(campaignId);
      if (!recipient) return this.finish(campaign);
      const attempt = await this.sendTo(campaign, recipient);
      if (attempt === 'retry_later') return REFUSED_RETRY_MS;
      if (attempt === 'tier_full') return untilTomorrowsWindow(settings.window, now());
    }
    return untilNextSecond(now());
  }

  private async sendTo(campaign: CampaignRecord, recipient: Recipient): Promise<Attempt> {
    const { store, outcomes, metrics, settings, now } = this.parts;
    const { mobile, conversationId, caNumber } = recipient;
    if (mobile === null || conversationId === null) return 'done';
    if (await this.parts.optOuts.isOptedOut(conversationId)) {
      metrics.sends.inc({ result: 'opted_out' });
      await outcomes.record(campaign.id, caNumber, 'opted_out');
      return 'done';
    }
    if (!(await this.parts.quota.admit(istDate(now()), conversationId, settings.dailyRecipients))) {
      metrics.sends.inc({ result: 'tier_full' });
      await this.putBack(campaign.id, caNumber);
      return 'tier_full';
    }
    const language = (await this.parts.knownLanguage(mobile)) ?? campaign.language;
    const message = campaignTemplate(campaign.id, caNumber, language, this.parts.discomName, settings.template);
    const result = await this.parts.channel().send(mobile, message);
    switch (result.kind) {
      case 'accepted':
        metrics.sends.inc({ result: 'accepted' });
        await store.link(result.messageId, conversationId, { campaignId: campaign.id, caNumber });
        await outcomes.record(campaign.id, caNumber, 'sent');
        await this.scheduleCheck(campaign.id, caNumber, 'sent');
        return 'done';
      case 'refused':
        metrics.sends.inc({ result: result.retryLater ? 'retried' : 'refused' });
        if (result.retryLater) {
          await this.putBack(campaign.id, caNumber);
          return 'retry_later';
        }
        this.parts.logger.warn({ campaign: campaign.id, code: result.code }, 'campaign message refused');
        await outcomes.record(campaign.id, caNumber, 'failed');
        if (result.code === NOT_ON_WHATSAPP) await this.parts.visits.needed(campaign, recipient, 'not_on_whatsapp');
        return 'done';
      case 'unknown':
        metrics.sends.inc({ result: 'unknown' });
        return 'done';
    }
  }

  /**
   * Puts a claimed recipient back in the queue (nothing went out). A batch on another instance may
   * have found the queue empty meanwhile and completed the campaign: it runs again, or this consumer
   * would never be sent.
   */
  private async putBack(campaignId: string, caNumber: string): Promise<void> {
    await this.parts.store.release(campaignId, caNumber);
    await this.parts.store.changeStatus(campaignId, ['completed'], { status: 'running', finishedAt: null });
  }

  /** Asks the backend later whether the consumer recharged or changed mobile; once per reason. */
  async scheduleCheck(campaignId: string, caNumber: string, reason: 'sent' | 'replied' | 'visited', delayMs?: number): Promise<void> {
    await this.parts.jobs.enqueue(
      CHECK_JOB,
      { campaignId, caNumber },
      { jobId: `${CHECK_JOB}.${campaignId}.${caNumber}.${reason}`, delayMs: delayMs ?? this.parts.settings.outcomeCheckHours * 3_600_000 },
    );
  }

  /** Nobody is left waiting: the campaign is complete (unless a supervisor paused or stopped it meanwhile). */
  private async finish(campaign: CampaignRecord): Promise<null> {
    const at = this.parts.now().toISOString();
    const finished = await this.parts.store.changeStatus(campaign.id, ['running'], { status: 'completed', finishedAt: at });
    if (finished) this.parts.logger.info({ campaign: campaign.id }, 'campaign completed');
    return null;
  }
}

/** The tier starts over at midnight IST, and sending with the window after it. */
function untilTomorrowsWindow(window: OutreachSettings['window'], now: Date): number {
  const midnight = msUntilNextIstDay(now);
  return midnight + msUntilIstWindowOpens(window, new Date(now.getTime() + midnight));
}

function untilNextSecond(now: Date): number {
  return 1000 - (now.getTime() % 1000);
}
