import type { Logger } from '../../log/logger';
import type { DeliveryLog } from './deliveryLog';
import { GRAPH_ERRORS } from './graphClient';
import type { InboundStatus } from './inboundMessage';
import { Outbox } from './outbox';
import type { SendAttempts } from './sendAttempts';
import type { ReportUndeliverable } from './undeliverable';
import type { WhatsAppMetrics } from './whatsAppMetrics';

/** Meta's failure codes that a later attempt may overcome: throttling and passing trouble on its side. */
const TRY_AGAIN_CODES: ReadonlySet<number> = new Set([130429, 131000, 131016, 131056]);
/** A failed notification is sent again at most this often... */
const MAX_RESENDS = 2;
/** ...this long after the failure, so a rate limit has passed. */
const RESEND_DELAY_MS = 60_000;

/** The job that applies one delivery status. */
export const STATUS_JOB = 'whatsapp.status';

/** What applying statuses needs. */
export interface StatusUpdateParts {
  deliveries: DeliveryLog;
  attempts: SendAttempts;
  outbox: Outbox;
  metrics: WhatsAppMetrics;
  logger: Logger;
  report: ReportUndeliverable;
}

/**
 * Applies Meta's statuses (sent, delivered, read, failed; in any order, repeated) to the delivery
 * state, counting each step once. A failed notification is sent again as its template when the
 * window had closed, sent again later when the failure was passing, and reported otherwise.
 */
export class StatusUpdates {
  constructor(private readonly parts: StatusUpdateParts) {}

  async apply(status: InboundStatus): Promise<void> {
    const { deliveries, metrics, logger } = this.parts;
    // Any status says Meta took the message: a send whose answer was lost is then not sent again.
    if (status.callbackData) await this.parts.attempts.accepted(status.callbackData, status.wamid);
    const { advanced, record } = await deliveries.advance(status.wamid, status.status);
    if (!advanced) return;
    metrics.statuses.inc({ status: status.status });
    if (status.status !== 'failed') return;
    const error = status.errors[0] ?? null;
    logger.warn(
      { code: error?.code, title: error?.title, conversation: record?.conversationId },
      'whatsapp reports a message failed',
    );
    const notification = record?.notification;
    if (!record || !notification) return;
    const code = error?.code ?? null;
    if (code === GRAPH_ERRORS.outsideWindow && notification.fallback) {
      await this.parts.outbox.put(record.address, record.conversationId, [
        Outbox.notificationPart(notification.fallback, null, status.wamid),
      ]);
      return;
    }
    const { resends } = notification;
    if (code !== null && TRY_AGAIN_CODES.has(code) && resends < MAX_RESENDS) {
      await this.parts.outbox.put(
        record.address,
        record.conversationId,
        [Outbox.notificationPart(notification.message, notification.fallback, status.wamid, resends + 1)],
        RESEND_DELAY_MS,
      );
      return;
    }
    this.parts.report({ conversationId: record.conversationId, reason: 'failed', code, notification: true });
  }
}
