import type { Dedupe } from '../../dedupe/dedupe';
import { systemClock, type Clock } from '../../domain/clock';
import type { DeliveryLog } from './deliveryLog';
import { GRAPH_ERRORS, GraphApiError, type GraphClient } from './graphClient';
import type { OutboxItem } from './outbox';
import type { SendAttempts } from './sendAttempts';
import type { ReportUndeliverable } from './undeliverable';
import type { WhatsAppMetrics } from './whatsAppMetrics';
import { REDELIVERY_SECONDS } from './whatsAppStores';

/** What sending needs. */
export interface OutboundDeliveryParts {
  graph: GraphClient;
  deliveries: DeliveryLog;
  attempts: SendAttempts;
  dedupe: Dedupe;
  metrics: WhatsAppMetrics;
  report: ReportUndeliverable;
  /**
   * How long an attempt whose outcome was lost waits for a status saying Meta took it before it is
   * sent again. Meta's first status ("sent") usually follows within seconds; after this long without
   * one the message is taken as never accepted.
   */
  confirmationWaitMs: number;
  now?: Clock;
}

/** Thrown while an earlier attempt may still be confirmed by its status: the job tries again later. */
export class AwaitingConfirmation extends Error {
  constructor(readonly key: string) {
    super('an earlier attempt of this message may have reached WhatsApp; waiting for its status before sending again');
    this.name = 'AwaitingConfirmation';
  }
}

/**
 * Sends one outbox item. Throttling, server errors, timeouts and a bad token throw, so the item stays
 * first in its box and the job retries later (nothing is lost, and nothing overtakes it). A
 * notification refused because the 24-hour window closed (131047) goes as its template instead.
 * Any other refusal is final: the item is reported undeliverable and the box moves on.
 *
 * Each send is an attempt recorded before the call and resolved after it (sendAttempts.ts), so a
 * retry of a send whose outcome was lost (the process died mid-call, the call timed out) sends again
 * only once no status has confirmed it within `confirmationWaitMs`.
 */
export class OutboundDelivery {
  private readonly now: Clock;

  constructor(private readonly parts: OutboundDeliveryParts) {
    this.now = parts.now ?? systemClock;
  }

  async deliver(item: OutboxItem): Promise<void> {
    await this.send(item.id, item);
  }

  /** Sends `item` as the attempt `key` (one per message sent: the item, or its template fallback). */
  private async send(key: string, item: OutboxItem): Promise<void> {
    const { graph, attempts, metrics } = this.parts;
    const now = this.now();
    const earlier = await attempts.begin(key, now);
    if (earlier?.wamid) return this.accepted(item, earlier.wamid);
    if (earlier) {
      if (now.getTime() - earlier.startedAt.getTime() < this.parts.confirmationWaitMs) throw new AwaitingConfirmation(key);
      // No status in all that time: Meta never took it.
      await attempts.restart(key, now);
    }
    let wamid: string;
    try {
      wamid = await graph.send(item.address, item.message, key);
    } catch (error) {
      // An answer that says no, or a call that never left, means Meta does not have it: the next try need not wait.
      if (!(error instanceof GraphApiError && error.mayHaveArrived)) await attempts.forget(key);
      if (!(error instanceof GraphApiError) || error.transient || error.unauthorized) throw error;
      metrics.outbound.inc({ type: item.message.type, outcome: 'failed' });
      await this.refused(item, error);
      return;
    }
    await attempts.accepted(key, wamid);
    await this.accepted(item, wamid);
  }

  /** Counts the message sent and remembers it for its statuses. */
  private async accepted(item: OutboxItem, wamid: string): Promise<void> {
    this.parts.metrics.outbound.inc({ type: item.message.type, outcome: 'sent' });
    await this.parts.deliveries.record(wamid, {
      conversationId: item.conversationId,
      address: item.address,
      notification: item.notification
        ? { message: item.message, fallback: item.notification.fallback, resends: item.notification.resends }
        : null,
    });
  }

  private async refused(item: OutboxItem, error: GraphApiError): Promise<void> {
    const outsideWindow = error.code === GRAPH_ERRORS.outsideWindow;
    const notification = item.notification;
    if (outsideWindow && notification?.fallback) {
      // One template stands in for every part of the notification; the item's own retry may claim again.
      if (await this.parts.dedupe.claim(`fallback:${notification.group}`, REDELIVERY_SECONDS, item.id)) {
        await this.send(`${item.id}.template`, { ...item, message: notification.fallback, notification: { ...notification, fallback: null } });
      }
      return;
    }
    this.parts.report({
      conversationId: item.conversationId,
      reason: outsideWindow ? 'outside_window' : 'rejected',
      code: error.code ?? error.status,
      notification: notification !== null,
    });
  }
}
