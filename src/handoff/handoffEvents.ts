import { ActivityTypes, EventFactory, type Activity, type ConversationAccount, type Transcript, type TurnContext } from 'botbuilder';
import type { Logger } from '../log/logger';
import type { HistoryLine } from './conversationHistory';
import type { HandoffRequest } from './handoffQueue';

/** The states Bot Framework's handoff.status carries (see EventFactory.createHandoffStatus). */
export type HandoffState = 'accepted' | 'completed' | 'failed';

/** What an agent hub needs to route the conversation, besides its transcript. */
export interface HandoffContext {
  reason: HandoffRequest['reason'];
  language: HandoffRequest['language'];
  caNumber: string | null;
  lastIntent: string | null;
  urgent: boolean;
  position: number;
}

/**
 * Bot Framework's handoff.initiate for a queued conversation, with the bot conversation so far as
 * its transcript, so an external agent hub could take over where the bot's own queue does today.
 */
export function handoffInitiation(context: TurnContext, handoffContext: HandoffContext, history: readonly HistoryLine[]): Partial<Activity> {
  const { from, recipient } = context.activity;
  const activities = history.map((line) => ({
    type: ActivityTypes.Message,
    from: line.from === 'bot' ? { ...recipient, role: 'bot' } : { ...from, role: 'user' },
    text: line.text,
    timestamp: new Date(line.at),
  }));
  // Past lines have no ids, channel data or service URLs of their own: an agent hub reads who said what, when.
  const transcript = { activities } as unknown as Transcript;
  return EventFactory.createHandoffInitiation(context, handoffContext, transcript);
}

/** Bot Framework's handoff.status for a conversation, sent into it like any other activity. */
export function handoffStatus(conversationId: string, state: HandoffState, message?: string): Partial<Activity> {
  const conversation = { id: conversationId } as ConversationAccount;
  return EventFactory.createHandoffStatus(conversation, state, message);
}

/**
 * Sends a handoff event in the consumer's turn. A channel that refuses event activities (some Azure
 * Bot Service channels do) costs the agent hub its event, never the consumer their handoff.
 */
export async function sendHandoffEvent(context: TurnContext, event: Partial<Activity>, logger: Logger): Promise<void> {
  try {
    await context.sendActivity(event);
  } catch (error) {
    logger.warn({ err: error, channel: context.activity.channelId, event: event.name }, 'channel refused a handoff event');
  }
}
