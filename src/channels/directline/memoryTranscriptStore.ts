import { systemClock } from '../../domain/clock';
import type { Activity } from 'botbuilder';
import {
  pageOf,
  sequenceAfter,
  withId,
  type TranscriptEntry,
  type TranscriptPage,
  type TranscriptStore,
} from './transcriptStore';

/** Bounds of the in-process transcripts. */
export interface MemoryTranscriptOptions {
  maxActivities: number;
  ttlSeconds: number;
  now?: () => Date;
}

interface Conversation {
  opened: boolean;
  newest: number;
  entries: TranscriptEntry[];
  expiresAt: number;
}

/** Expired conversations are swept at most this often, on a write. */
const SWEEP_INTERVAL_MS = 60_000;

/** The embedded default: transcripts in this process, lost on restart, invisible to other instances. */
export class MemoryTranscriptStore implements TranscriptStore {
  private readonly conversations = new Map<string, Conversation>();
  private readonly now: () => Date;
  private lastSweep = 0;

  constructor(private readonly options: MemoryTranscriptOptions) {
    this.now = options.now ?? systemClock;
  }

  async open(conversationId: string): Promise<boolean> {
    const conversation = this.touch(conversationId);
    const first = !conversation.opened;
    conversation.opened = true;
    return first;
  }

  async append(conversationId: string, activity: Partial<Activity>): Promise<Partial<Activity>> {
    this.sweep();
    const conversation = this.touch(conversationId);
    conversation.newest += 1;
    const entry: TranscriptEntry = { sequence: conversation.newest, activity: asJson(activity) };
    conversation.entries.push(entry);
    if (conversation.entries.length > this.options.maxActivities) conversation.entries.shift();
    return withId(conversationId, entry);
  }

  async readAfter(conversationId: string, watermark: string): Promise<TranscriptPage> {
    const conversation = this.live(conversationId);
    const newest = conversation?.newest ?? 0;
    const seen = sequenceAfter(watermark, newest);
    const entries = (conversation?.entries ?? []).filter((entry) => entry.sequence > seen);
    return pageOf(conversationId, entries.map((entry) => ({ ...entry, activity: asJson(entry.activity) })), seen);
  }

  async knows(conversationId: string): Promise<boolean> {
    return this.live(conversationId) !== undefined;
  }

  private live(conversationId: string): Conversation | undefined {
    const conversation = this.conversations.get(conversationId);
    if (conversation && conversation.expiresAt <= this.now().getTime()) {
      this.conversations.delete(conversationId);
      return undefined;
    }
    return conversation;
  }

  private touch(conversationId: string): Conversation {
    const conversation = this.live(conversationId) ?? { opened: false, newest: 0, entries: [], expiresAt: 0 };
    conversation.expiresAt = this.now().getTime() + this.options.ttlSeconds * 1000;
    this.conversations.set(conversationId, conversation);
    return conversation;
  }

  private sweep(): void {
    const now = this.now().getTime();
    if (now - this.lastSweep < SWEEP_INTERVAL_MS) return;
    this.lastSweep = now;
    for (const [id, conversation] of this.conversations) {
      if (conversation.expiresAt <= now) this.conversations.delete(id);
    }
  }
}

/** A copy as it would come back from Redis (dates as ISO strings), so both stores answer alike. */
function asJson(activity: Partial<Activity>): Partial<Activity> {
  return JSON.parse(JSON.stringify(activity)) as Partial<Activity>;
}
