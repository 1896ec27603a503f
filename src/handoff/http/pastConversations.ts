import type { HandoffRecord } from '../handoffRecord';
import { archiveIdOf, type HandoffArchive } from '../history/handoffArchive';
import { lastWordsOf } from './conversationView';

/** How many earlier chats of a consumer the console lists: enough for "this keeps happening". */
export const PAST_CONVERSATIONS = 10;

/** One finished chat as a line of a consumer's history; the whole of it is one more (audited) read away. */
export function pastConversation(record: HandoffRecord) {
  return {
    archiveId: archiveIdOf(record),
    conversationId: record.request.conversationId,
    channel: record.request.channel,
    language: record.request.language,
    status: record.status,
    resolution: record.resolution,
    assignee: record.assignee,
    requestedAt: record.request.requestedAt,
    endedAt: record.updatedAt,
    lastWords: lastWordsOf(record),
  };
}

/** The consumer's earlier chats, the newest first, without the request `current` (the one being worked now). */
export async function earlierConversations(archive: HandoffArchive, caNumber: string | null, current?: HandoffRecord) {
  if (!caNumber) return [];
  const skip = current ? archiveIdOf(current) : null;
  const kept = await archive.byConsumer(caNumber, PAST_CONVERSATIONS + 1);
  return kept.filter((record) => archiveIdOf(record) !== skip).slice(0, PAST_CONVERSATIONS).map(pastConversation);
}
