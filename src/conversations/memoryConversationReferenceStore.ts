import { systemClock, type Clock } from '../domain/clock';
import type { ConversationReference } from 'botbuilder';
import type { TicketPhoto, TicketSite } from '../tickets/ticket';
import {
  emptyRecord,
  MAX_PHOTOS,
  type ConversationRecord,
  type ConversationReferenceStore,
} from './conversationReferenceStore';

/** Expired records are swept at most this often, on a write. */
const SWEEP_INTERVAL_MS = 60_000;

/** The embedded default: records in this process, lost on restart, invisible to other instances. */
export class MemoryConversationReferenceStore implements ConversationReferenceStore {
  private readonly records = new Map<string, { record: ConversationRecord; expiresAt: number }>();
  private lastSweep = 0;

  constructor(
    private readonly ttlSeconds: number,
    private readonly now: Clock = systemClock,
  ) {}

  async recordInbound(key: string, reference: Partial<ConversationReference>, at: Date): Promise<ConversationRecord> {
    const record = this.touch(key, reference);
    record.reference = structuredClone(reference);
    const time = at.toISOString();
    if (!record.lastInboundAt || time > record.lastInboundAt) record.lastInboundAt = time;
    return structuredClone(record);
  }

  async find(key: string): Promise<ConversationRecord | null> {
    const live = this.live(key);
    return live ? structuredClone(live) : null;
  }

  async setNumberedChoices(key: string, choices: string[]): Promise<void> {
    const record = this.live(key);
    if (record) this.touch(key, record.reference).numberedChoices = [...choices];
  }

  async shareSite(key: string, site: TicketSite, at: Date): Promise<void> {
    const record = this.live(key);
    if (record) this.touch(key, record.reference).site = { site: structuredClone(site), sharedAt: at.toISOString() };
  }

  async addPhoto(key: string, photo: TicketPhoto): Promise<void> {
    const record = this.live(key);
    if (!record) return;
    const touched = this.touch(key, record.reference);
    touched.photos = [...touched.photos, structuredClone(photo)].slice(-MAX_PHOTOS);
  }

  async noteTicket(key: string, ticketNumber: string): Promise<void> {
    const record = this.live(key);
    if (record) this.touch(key, record.reference).lastTicket = ticketNumber;
  }

  private live(key: string): ConversationRecord | undefined {
    const entry = this.records.get(key);
    if (entry && entry.expiresAt <= this.now().getTime()) {
      this.records.delete(key);
      return undefined;
    }
    return entry?.record;
  }

  private touch(key: string, reference: Partial<ConversationReference>): ConversationRecord {
    this.sweep();
    const record = this.live(key) ?? emptyRecord(structuredClone(reference));
    this.records.set(key, { record, expiresAt: this.now().getTime() + this.ttlSeconds * 1000 });
    return record;
  }

  private sweep(): void {
    const now = this.now().getTime();
    if (now - this.lastSweep < SWEEP_INTERVAL_MS) return;
    this.lastSweep = now;
    for (const [key, entry] of this.records) if (entry.expiresAt <= now) this.records.delete(key);
  }
}
