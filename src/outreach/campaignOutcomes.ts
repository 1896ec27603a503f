import type { Outcome } from './campaign';
import type { CampaignStore } from './campaignStore';
import type { OutreachMetrics } from './outreachMetrics';

/** Records a consumer's outcomes in a campaign, each once, counting the first time in the metrics. */
export class CampaignOutcomes {
  constructor(
    private readonly store: CampaignStore,
    private readonly metrics: OutreachMetrics,
    private readonly now: () => Date,
  ) {}

  /** True when this call recorded it (it had not happened before). */
  async record(campaignId: string, caNumber: string, outcome: Outcome): Promise<boolean> {
    const first = await this.store.mark(campaignId, caNumber, outcome, this.now().toISOString());
    if (first) this.metrics.outcome(outcome);
    return first;
  }

  /** A recharge or a new mobile: the consumer's problem is solved, which the funnel counts once. */
  async resolved(campaignId: string, caNumber: string, how: 'recharged' | 'mobile_updated'): Promise<void> {
    if (await this.record(campaignId, caNumber, how)) await this.record(campaignId, caNumber, 'resolved');
  }
}
