import type { ConversationReference } from 'botbuilder';
import type { Redis } from 'ioredis';
import { RedisScript } from '../store/redisScript';
import type { TicketPhoto, TicketSite } from '../tickets/ticket';
import {
  MAX_PHOTOS,
  ReferenceSchema,
  SharedSiteSchema,
  StoredChoicesSchema,
  StoredPhotosSchema,
  type ConversationRecord,
  type ConversationReferenceStore,
} from './conversationReferenceStore';

/**
 * Stores the reference, moves the last inbound time forward only (a late re-delivery must not
 * shorten a messaging window), and renews the expiry of the record and its photos.
 * KEYS: record hash, photos list. ARGV: reference JSON, inbound ISO time, ttl seconds.
 */
const RECORD_INBOUND = new RedisScript(`
redis.call('HSET', KEYS[1], 'reference', ARGV[1])
local last = redis.call('HGET', KEYS[1], 'lastInboundAt')
if not last or ARGV[2] > last then redis.call('HSET', KEYS[1], 'lastInboundAt', ARGV[2]) end
redis.call('EXPIRE', KEYS[1], ARGV[3])
redis.call('EXPIRE', KEYS[2], ARGV[3])
return 1
`);

/** Sets one field of an existing record. KEYS: record hash. ARGV: field, value, ttl seconds. */
const SET_FIELD = new RedisScript(`
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('EXPIRE', KEYS[1], ARGV[3])
return 1
`);

/** Appends a photo to an existing record, keeping the newest few. KEYS: hash, list. ARGV: photo JSON, max, ttl. */
const ADD_PHOTO = new RedisScript(`
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('RPUSH', KEYS[2], ARGV[1])
redis.call('LTRIM', KEYS[2], -tonumber(ARGV[2]), -1)
redis.call('EXPIRE', KEYS[1], ARGV[3])
redis.call('EXPIRE', KEYS[2], ARGV[3])
return 1
`);

/** Conversation records on Redis: a hash per conversation and a list of its photos, expiring when idle. */
export class RedisConversationReferenceStore implements ConversationReferenceStore {
  constructor(
    private readonly redis: Redis,
    /** Prepended to every key, so deployments and tests can share one Redis. */
    private readonly prefix: string,
    private readonly ttlSeconds: number,
  ) {}

  async recordInbound(key: string, reference: Partial<ConversationReference>, at: Date): Promise<ConversationRecord> {
    const { hash, photos } = this.keys(key);
    await RECORD_INBOUND.run(this.redis, [hash, photos], [JSON.stringify(reference), at.toISOString(), this.ttlSeconds]);
    const record = await this.find(key);
    if (!record) throw new Error('a conversation record vanished while it was written');
    return record;
  }

  async find(key: string): Promise<ConversationRecord | null> {
    const { hash, photos } = this.keys(key);
    const [fields, photoList] = await Promise.all([this.redis.hgetall(hash), this.redis.lrange(photos, 0, -1)]);
    if (!fields.reference) return null;
    return {
      reference: ReferenceSchema.parse(JSON.parse(fields.reference)) as Partial<ConversationReference>,
      lastInboundAt: fields.lastInboundAt ?? null,
      numberedChoices: fields.choices ? StoredChoicesSchema.parse(JSON.parse(fields.choices)) : [],
      site: fields.site ? SharedSiteSchema.parse(JSON.parse(fields.site)) : null,
      photos: StoredPhotosSchema.parse(photoList.map((photo) => JSON.parse(photo) as unknown)),
      lastTicket: fields.ticket ?? null,
    };
  }

  async setNumberedChoices(key: string, choices: string[]): Promise<void> {
    await this.setField(key, 'choices', JSON.stringify(choices));
  }

  async shareSite(key: string, site: TicketSite, at: Date): Promise<void> {
    await this.setField(key, 'site', JSON.stringify({ site, sharedAt: at.toISOString() }));
  }

  async addPhoto(key: string, photo: TicketPhoto): Promise<void> {
    const { hash, photos } = this.keys(key);
    await ADD_PHOTO.run(this.redis, [hash, photos], [JSON.stringify(photo), MAX_PHOTOS, this.ttlSeconds]);
  }

  async noteTicket(key: string, ticketNumber: string): Promise<void> {
    await this.setField(key, 'ticket', ticketNumber);
  }

  private async setField(key: string, field: string, value: string): Promise<void> {
    await SET_FIELD.run(this.redis, [this.keys(key).hash], [field, value, this.ttlSeconds]);
  }

  /** One hash slot per conversation (the braces), so each script's keys sit together on a Redis Cluster. */
  private keys(key: string): { hash: string; photos: string } {
    const hash = `${this.prefix}{${key}}`;
    return { hash, photos: `${hash}:photos` };
  }
}
