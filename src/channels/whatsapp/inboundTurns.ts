import type { TurnContext } from 'botbuilder';
import type { Dedupe } from '../../dedupe/dedupe';
import { InboxEntrySchema } from './inbox';
import type { MailboxItem } from './mailboxes';
import type { WhatsAppAdapter } from './whatsAppAdapter';
import type { WhatsAppMetrics } from './whatsAppMetrics';
import { REDELIVERY_SECONDS } from './whatsAppStores';

/** What running a sender's messages needs. */
export interface InboundTurnParts {
  adapter: WhatsAppAdapter;
  dedupe: Dedupe;
  metrics: WhatsAppMetrics;
  /** The bot's turn, as every channel runs it. */
  logic: (context: TurnContext) => Promise<void>;
}

/**
 * Runs one message from a sender's inbox as a turn, exactly once per wamid. The claim is atomic
 * (Redis SET NX in production) and owned by this copy's nonce: a copy Meta re-delivered, at the
 * same moment or minutes later, carries another nonce and is dropped; the same copy retried after a
 * crash keeps its claim and runs again, so an accepted message is not lost.
 */
export class InboundTurns {
  constructor(private readonly parts: InboundTurnParts) {}

  async handle(item: MailboxItem): Promise<void> {
    const entry = InboxEntrySchema.parse(JSON.parse(item.body));
    const { wamid } = entry.message;
    if (!(await this.parts.dedupe.claim(`message:${wamid}`, REDELIVERY_SECONDS, entry.nonce))) {
      this.parts.metrics.duplicates.inc();
      return;
    }
    this.parts.metrics.inbound.inc({ kind: entry.message.content.kind });
    await this.parts.adapter.process(entry.message, this.parts.logic);
  }
}
