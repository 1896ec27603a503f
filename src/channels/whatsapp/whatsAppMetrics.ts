import { Counter, Histogram, type Registry } from 'prom-client';

/** The WhatsApp channel's Prometheus metrics, registered beside the rest of Sampark's. */
export class WhatsAppMetrics {
  /** Webhook POSTs by outcome: accepted, bad_signature, invalid, unavailable (could not queue: Meta retries). */
  readonly webhooks: Counter<'outcome'>;
  /** Time from a webhook POST arriving to its 200, the turns queued. */
  readonly ackSeconds: Histogram;
  /** Incoming messages by kind (text, reply, location, image, welcome, unsupported), duplicates excluded. */
  readonly inbound: Counter<'kind'>;
  /** Re-deliveries of a message already answered, dropped. */
  readonly duplicates: Counter;
  /** Messages sent by type (text, interactive, template) and outcome (sent, failed). */
  readonly outbound: Counter<'type' | 'outcome'>;
  /** Graph API attempts by outcome: the HTTP status, "timeout" or "unreachable". */
  readonly graphAttempts: Counter<'outcome'>;
  /** Delivery statuses that moved a message forward (repeats and late ones are not counted). */
  readonly statuses: Counter<'status'>;
  /** Messages that could not be delivered and were reported, by reason. */
  readonly undeliverable: Counter<'reason'>;

  constructor(registry: Registry) {
    const registers = [registry];
    this.webhooks = new Counter({ name: 'sampark_whatsapp_webhooks_total', help: 'WhatsApp webhook POSTs by outcome', labelNames: ['outcome'], registers });
    this.ackSeconds = new Histogram({
      name: 'sampark_whatsapp_webhook_ack_seconds',
      help: 'Time to acknowledge a WhatsApp webhook (signature checked, turns queued)',
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
      registers,
    });
    this.inbound = new Counter({ name: 'sampark_whatsapp_inbound_messages_total', help: 'WhatsApp messages received, by kind', labelNames: ['kind'], registers });
    this.duplicates = new Counter({ name: 'sampark_whatsapp_duplicate_messages_total', help: 'WhatsApp re-deliveries of messages already handled', registers });
    this.outbound = new Counter({
      name: 'sampark_whatsapp_outbound_messages_total',
      help: 'WhatsApp messages sent, by type and outcome',
      labelNames: ['type', 'outcome'],
      registers,
    });
    this.graphAttempts = new Counter({ name: 'sampark_whatsapp_graph_attempts_total', help: 'Graph API calls by outcome', labelNames: ['outcome'], registers });
    this.statuses = new Counter({ name: 'sampark_whatsapp_statuses_total', help: 'WhatsApp delivery statuses that moved a message forward', labelNames: ['status'], registers });
    this.undeliverable = new Counter({
      name: 'sampark_whatsapp_undeliverable_total',
      help: 'WhatsApp messages reported undeliverable, by reason',
      labelNames: ['reason'],
      registers,
    });
  }
}
