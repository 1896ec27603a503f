import type { Activity } from 'botbuilder';

/** A stored activity and its place in the conversation (1, 2, 3, …). */
export interface TranscriptEntry {
  sequence: number;
  activity: Partial<Activity>;
}

/** Activities after a watermark, and the watermark to ask with next time. */
export interface TranscriptPage {
  activities: Partial<Activity>[];
  /** Direct Line watermarks are strings; this one is the last sequence read. */
  watermark: string;
}

/**
 * Where a Direct Line conversation's activities live, so any instance can serve any poll, stream or
 * reload. Each conversation is bounded in length and expires when idle.
 */
export interface TranscriptStore {
  /** Marks the conversation started; true only the first time, so the greeting is sent once. */
  open(conversationId: string): Promise<boolean>;
  /** Appends one activity and returns it with its server id, assigned here in arrival order. */
  append(conversationId: string, activity: Partial<Activity>): Promise<Partial<Activity>>;
  /** The activities after `watermark` (all kept ones for an empty watermark). */
  readAfter(conversationId: string, watermark: string): Promise<TranscriptPage>;
  /**
   * Whether the conversation was started or written to and has not expired: a page holding a token
   * for a conversation the store no longer knows (a restart without Redis, an expiry) must start anew.
   */
  knows(conversationId: string): Promise<boolean>;
}

/**
 * Direct Line's id shape, "<conversation>|<sequence>": unique in the conversation and telling its
 * order at a glance.
 */
function activityId(conversationId: string, sequence: number): string {
  return `${conversationId}|${String(sequence).padStart(7, '0')}`;
}

/** The activity as stored at `sequence`, carrying its id. */
export function withId(conversationId: string, entry: TranscriptEntry): Partial<Activity> {
  return { ...entry.activity, id: activityId(conversationId, entry.sequence) };
}

/**
 * The sequence a watermark stands for; 0 for none. A watermark past the newest sequence means the
 * transcript expired and began again, so reading restarts from its beginning.
 */
export function sequenceAfter(watermark: string, newest: number): number {
  const seen = /^\d{1,15}$/.test(watermark) ? Number(watermark) : 0;
  return seen > newest ? 0 : seen;
}

/** The page for `entries` read after `seen`. */
export function pageOf(conversationId: string, entries: TranscriptEntry[], seen: number): TranscriptPage {
  const last = entries.at(-1);
  return {
    activities: entries.map((entry) => withId(conversationId, entry)),
    watermark: String(last ? last.sequence : seen),
  };
}
