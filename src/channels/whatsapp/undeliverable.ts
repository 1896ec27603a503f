import type { Logger } from '../../log/logger';
import type { WhatsAppMetrics } from './whatsAppMetrics';

/** A message that could not reach the consumer, reported rather than silently lost. */
export interface UndeliverableReport {
  /** The pseudonymous conversation id (never the number). */
  conversationId: string;
  /**
   * outside_window: more than 24 hours since the consumer wrote and no template fits;
   * rejected: the Graph API refused the send; failed: Meta's status said it failed.
   */
  reason: 'outside_window' | 'rejected' | 'failed';
  /** Meta's error code, when there was one. */
  code: number | null;
  /** A notification (ticket update, agent reply) rather than a reply in a conversation. */
  notification: boolean;
}

/** Where reports go: the log and the metric always, and the caller's hook (a notification service) when given. */
export type ReportUndeliverable = (report: UndeliverableReport) => void;

/** The reporter every part of the channel uses. */
export function undeliverableReporter(metrics: WhatsAppMetrics, logger: Logger, hook?: ReportUndeliverable): ReportUndeliverable {
  return (report) => {
    metrics.undeliverable.inc({ reason: report.reason });
    logger.error({ conversation: report.conversationId, reason: report.reason, code: report.code, notification: report.notification }, 'whatsapp message undeliverable');
    hook?.(report);
  };
}
