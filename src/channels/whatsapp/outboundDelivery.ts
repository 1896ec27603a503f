import type { Dedupe } from '../../dedupe/dedupe';
import type { DeliveryLog } from './deliveryLog';
import { GRAPH_ERRORS, GraphApiError, type GraphClient } from './graphClient';
import type { OutboxItem } from './outbox';
import type { ReportUndeliverable } from './undeliverable';
import type { WhatsAppMetrics } from './whatsAppMetrics';
import { REDELIVERY_SECONDS } from './whatsAppStores';

/** What sending needs. */
export interface OutboundDeliveryParts {
  graph: GraphClient;
  deliveries: DeliveryLog;
  dedupe: Dedupe;
  metrics: WhatsAppMetrics;
  report: ReportUndeliverable;
}

/**
 * Sends one outbox item. Throttling, server errors, timeouts and a bad token throw, so the item stays
 * first in its box and the job retries later (nothing is lost, and nothing overtakes it). A
 * notification refused because the 24-hour window closed (131047) goes as its template instead.
 * Any other refusal is final: the item is reported undeliverable and the box moves on.
 */
export class OutboundDelivery {
  constructor(private readonly parts: OutboundDeliveryParts) {}

  async deliver(item: OutboxItem): Promise<void> {
    const { graph, deliveries, metrics } = this.parts;
    let wamid: string;
    try {
      wamid = await graph.send(item.address, item.message);
    } catch (error) {
      if (!(error instanceof GraphApiError) || error.transient || error.unauthorized) throw error;
      metrics.outbound.inc({ type: item.message.type, outcome: 'failed' });
      await this.refused(item, error);
      return;
    }
    metrics.outbound.inc({ type: item.message.type, outcome: 'sent' });
    await deliveries.record(wamid, {
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
        await this.deliver({ ...item, message: notification.fallback, notification: { ...notification, fallback: null } });
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
