import type { ConsumerNotifier, NoticeOutcome } from '../notify/consumerNotifier';
import type { HandoffRecord } from './handoffRecord';

/** What telling a consumer that an agent joined needs. */
export interface AgentJoinedParts {
  notifier: ConsumerNotifier;
  /** HELPLINE_NUMBER: the agent is introduced as being from it ("Anita from 1912"). */
  helplineNumber: string;
}

/**
 * Tells the consumer, in their language on their channel, who has just taken their conversation:
 * a person with a name is easier to talk to than "an agent", and the consumer knows the wait is over.
 * Said on every arrival (a claim, a supervisor's assignment, a transfer to a colleague), never when
 * the conversation goes back to the queue.
 */
export function tellAgentJoined(parts: AgentJoinedParts, record: HandoffRecord, agentName: string): Promise<NoticeOutcome> {
  const { channel, conversationId, language } = record.request;
  return parts.notifier.notify({ channel, conversationId, language }, { key: 'agent.joined', params: { agent: agentName, helpline: parts.helplineNumber } });
}
