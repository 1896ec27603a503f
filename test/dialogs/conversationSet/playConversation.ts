import { ActivityTypes } from 'botbuilder';
import type { Ticket } from '../../../src/tickets/ticket';
import { MemoryTicketRepository } from '../../../src/tickets/memoryTicketRepository';
import { MemoryHandoffStore } from '../../../src/handoff/memoryHandoffStore';
import type { Consumer } from '../../../src/backend/meterBackend';
import { TestConversation } from '../../support/conversation';
import type { SetConversation } from './conversationSet';

/** What happened when a conversation of the set was played: the bot's words and what it set going. */
export interface PlayedConversation {
  /** The bot's replies after each consumer message, as the consumer sees them (buttons in brackets). */
  replies: string[][];
  /** Tickets opened or joined during the conversation, as they stood when it ended. */
  tickets: Ticket[];
  /** Whether the conversation ended waiting for, or talking to, a 1912 agent. */
  withAgent: boolean;
  /** The other consumer the writer named (a neighbour's CA), as the backend knows them. */
  otherConsumer: Consumer | null;
}

/** Remembers every ticket a conversation opens or joins, so the judge can ask which it asked for. */
class RecordingTicketRepository extends MemoryTicketRepository {
  readonly touched = new Set<string>();

  override async openOrJoin(candidate: Ticket, requestKey?: string): Promise<{ ticket: Ticket; joined: boolean }> {
    const outcome = await super.openOrJoin(candidate, requestKey);
    this.touched.add(outcome.ticket.number);
    return outcome;
  }
}

/**
 * Plays one conversation against a fresh Sampark on the embedded defaults (the simulator, in-process
 * stores, the local language model) at 11:30 IST, the way WhatsApp delivers it: text with no locale.
 */
export async function playConversation(conversation: SetConversation): Promise<PlayedConversation> {
  const tickets = new RecordingTicketRepository();
  const handoff = new MemoryHandoffStore();
  const chat = await TestConversation.start({ ticketRepository: tickets, handoff });
  try {
    const replies: string[][] = [];
    for (const text of conversation.turns) {
      replies.push(await chat.say({ type: ActivityTypes.Message, text, locale: undefined }));
    }
    const touched = await Promise.all([...tickets.touched].map((number) => tickets.findByNumber(number)));
    const waiting = [...(await handoff.queued()), ...(await handoff.assigned())];
    return {
      replies,
      tickets: touched.filter((ticket): ticket is Ticket => ticket !== null),
      withAgent: waiting.length > 0,
      otherConsumer: conversation.otherConsumerCa ? await chat.sampark.services.backend.findConsumer(conversation.otherConsumerCa) : null,
    };
  } finally {
    await chat.sampark.close();
  }
}
