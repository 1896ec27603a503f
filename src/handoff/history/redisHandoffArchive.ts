import type { Redis } from 'ioredis';
import { HandoffRecordSchema, type HandoffRecord } from '../handoffRecord';
import { archiveIdOf, type HandoffArchive } from './handoffArchive';

/**
 * Finished conversations on Redis: each record under its archive id, and per CA number a sorted set
 * of archive ids by request time. A record expires after the time to live; the index forgets an id
 * when it is read and gone, and the index itself expires with its newest record.
 */
export class RedisHandoffArchive implements HandoffArchive {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly ttlSeconds: number,
  ) {}

  async keep(record: HandoffRecord): Promise<void> {
    const id = archiveIdOf(record);
    const ttl = Math.max(1, Math.ceil(this.ttlSeconds));
    const write = this.redis.multi().set(this.recordKey(id), JSON.stringify(record), 'EX', ttl);
    const { caNumber } = record.request;
    if (caNumber) write.zadd(this.consumerKey(caNumber), Date.parse(record.request.requestedAt), id).expire(this.consumerKey(caNumber), ttl);
    await write.exec();
  }

  async get(archiveId: string): Promise<HandoffRecord | null> {
    const json = await this.redis.get(this.recordKey(archiveId));
    return json ? HandoffRecordSchema.parse(JSON.parse(json)) : null;
  }

  async byConsumer(caNumber: string, limit: number): Promise<HandoffRecord[]> {
    const key = this.consumerKey(caNumber);
    const ids = await this.redis.zrevrange(key, 0, limit - 1);
    const records = await Promise.all(ids.map((id) => this.get(id)));
    const gone = ids.filter((_, i) => records[i] === null);
    if (gone.length > 0) await this.redis.zrem(key, ...gone);
    return records.filter((record): record is HandoffRecord => record !== null);
  }

  private recordKey(archiveId: string): string {
    return `${this.prefix}record:${archiveId}`;
  }

  private consumerKey(caNumber: string): string {
    return `${this.prefix}consumer:${caNumber}`;
  }
}
