import type { Activity } from 'botbuilder';
import type { Logger } from '../log/logger';
import type { Metrics } from '../metrics/metrics';
import type { ConsumerContact, NoticeOutcome } from '../notify/consumerNotifier';
import { handoffStatus, type HandoffState } from './handoffEvents';
import type { HandoffChange, HandoffService } from './handoffService';

export interface HandoffOutcomeParts {
  /** Sends an activity into the consumer's conversation on their channel (ChannelNotifier.deliver). */
  deliver(contact: ConsumerContact, activity: Partial<Activity>): Promise<NoticeOutcome>;
  metrics: Metrics;
  logger: Logger;
}

/**
 * The handoff.status each change made outside the consumer's turn reports: an agent took it from the
 * queue, by claiming it or a supervisor handing it to them (accepted), resolved it (completed), or
 * nobody came in time (failed). A cancel is the consumer's own turn, where the gate sends it.
 */
function statusOf({ event, before }: HandoffChange): { state: HandoffState; message?: string } | null {
  switch (event.type) {
    case 'claim':
      return { state: 'accepted' };
    case 'transfer':
      return before?.status === 'queued' ? { state: 'accepted' } : null;
    case 'resolve':
      return { state: 'completed' };
    case 'expire':
      return { state: 'failed', message: 'no agent claimed the conversation in time' };
    default:
      return null;
  }
}

/**
 * What the bot side reports of every handoff change this instance writes: Bot Framework's
 * handoff.status into the consumer's conversation (proactively, through the notifier), and the
 * satisfaction answers as a Prometheus counter. A report that fails is logged; the change stands.
 */
export function reportHandoffOutcomes(handoff: HandoffService, parts: HandoffOutcomeParts): void {
  handoff.onChange((change: HandoffChange) => {
    const { event, record } = change;
    if (event.type === 'rate') parts.metrics.handoffSatisfaction.inc({ rating: event.rating });
    const status = statusOf(change);
    if (!status) return;
    const { channel, conversationId, language } = record.request;
    parts
      .deliver({ channel, conversationId, language }, handoffStatus(conversationId, status.state, status.message))
      .then((outcome) => {
        if (!outcome.delivered) parts.logger.warn({ state: status.state, reason: outcome.reason }, 'handoff status not delivered');
      })
      .catch((error: unknown) => parts.logger.warn({ err: error, state: status.state }, 'handoff status not delivered'));
  });
}
