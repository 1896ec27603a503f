import { z } from 'zod';
import { LANGUAGES } from '../i18n/language';

/** A consumer waiting for a 1912 agent. */
export const HandoffRequestSchema = z.object({
  conversationId: z.string().min(1),
  channel: z.string().min(1),
  language: z.enum(LANGUAGES),
  /** Why the bot handed over: the consumer asked, or the bot could not help. */
  reason: z.enum(['consumer_asked', 'bot_could_not_help']),
  caNumber: z.string().nullable(),
  lastIntent: z.string().nullable(),
  requestedAt: z.string(),
  /** Someone at home is ill, very young, very old or on medical equipment: served before the rest. */
  urgent: z.boolean().optional(),
  /** The bot conversation before the handoff, so the agent does not ask again. */
  history: z.array(z.object({ from: z.enum(['consumer', 'bot']), text: z.string(), at: z.string() })).optional(),
});
export type HandoffRequest = z.infer<typeof HandoffRequestSchema>;

export interface QueuePlacement {
  /** 1 for the next to be served. */
  position: number;
  /** True when this conversation was already waiting: asking twice does not queue twice. */
  alreadyQueued: boolean;
}

/** The queue of conversations waiting for an agent; the agent console (its own issue) serves it. */
export interface HandoffQueue {
  enqueue(request: HandoffRequest): Promise<QueuePlacement>;
  /** Position of a waiting conversation, null when it is not waiting. */
  positionOf(conversationId: string): Promise<number | null>;
  /** The consumer no longer needs an agent; true when it was waiting. */
  cancel(conversationId: string): Promise<boolean>;
}
