import { z } from 'zod';
import { HandoffStatusSchema } from './handoffRecord';
import type { HandoffChange } from './handoffService';

/** What the agent console hears about, live. */
export const AGENT_EVENT_TYPES = [
  'queue.added',
  'queue.left',
  'conversation.consumer_wrote',
  'conversation.claimed',
  'conversation.transferred',
  'conversation.resolved',
  'conversation.cancelled',
  'conversation.expired',
  'conversation.agent_replied',
  'conversation.noted',
] as const;

/**
 * One thing that happened to a conversation, as consoles on every instance hear it. Ids and names
 * only, never what anybody wrote: a console fetches the conversation when it needs the words, and
 * that fetch is authorised and audited.
 */
export const AgentEventSchema = z.object({
  type: z.enum(AGENT_EVENT_TYPES),
  conversationId: z.string(),
  status: HandoffStatusSchema,
  /** Who has the conversation after the change. */
  assignee: z.string().nullable(),
  /** The agent who made the change (claimed, replied, transferred, resolved, noted); null for the consumer or a timer. */
  by: z.string().nullable(),
  at: z.string(),
});
export type AgentEvent = z.infer<typeof AgentEventSchema>;

/** The console events one handoff change makes; none for changes no console shows (back to the bot). */
export function agentEventsOf({ event, before, record }: HandoffChange): AgentEvent[] {
  const of = (type: AgentEvent['type'], by: string | null = null): AgentEvent => ({
    type,
    conversationId: record.request.conversationId,
    status: record.status,
    assignee: record.assignee,
    by,
    // When it happened: a note, for one, leaves the record's own time as it was.
    at: 'at' in event ? event.at : record.updatedAt,
  });
  const leftQueue = before?.status === 'queued' && record.status !== 'queued' ? [of('queue.left')] : [];
  const joinedQueue = before?.status !== 'queued' && record.status === 'queued' ? [of('queue.added')] : [];
  switch (event.type) {
    case 'queue':
      return joinedQueue;
    case 'claim':
      return [...leftQueue, of('conversation.claimed', event.agent)];
    case 'transfer':
      return [...leftQueue, of('conversation.transferred', event.by.username), ...joinedQueue];
    case 'cancel':
      return [...leftQueue, of('conversation.cancelled')];
    case 'expire':
      return [...leftQueue, of('conversation.expired')];
    case 'resolve':
      return [of('conversation.resolved', event.agent)];
    case 'consumer_wrote':
      return [of('conversation.consumer_wrote')];
    case 'agent_replied':
      return [of('conversation.agent_replied', event.agent)];
    case 'note':
      return [of('conversation.noted', event.by.username)];
    default:
      return [];
  }
}
