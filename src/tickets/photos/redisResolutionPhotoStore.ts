import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { RESOLUTION_PHOTO_TTL_DAYS, ResolutionPhotoTypeSchema, type ResolutionPhoto, type ResolutionPhotoStore } from './resolutionPhotoStore';

const DAY_SECONDS = 86_400;

/** Resolution photos in Redis, one hash per photo (type and bytes) that expires with the retention period. */
export class RedisResolutionPhotoStore implements ResolutionPhotoStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly ttlDays = RESOLUTION_PHOTO_TTL_DAYS,
  ) {}

  async put(ticketNumber: string, photo: ResolutionPhoto): Promise<string> {
    const id = randomUUID();
    const key = this.key(ticketNumber, id);
    await this.redis.multi().hset(key, 'type', photo.contentType, 'bytes', photo.bytes).expire(key, this.ttlDays * DAY_SECONDS).exec();
    return id;
  }

  async get(ticketNumber: string, id: string): Promise<ResolutionPhoto | null> {
    const [type, bytes] = await this.redis.hmgetBuffer(this.key(ticketNumber, id), 'type', 'bytes');
    if (!type || !bytes) return null;
    // What Redis gives back is checked like any other input.
    const contentType = ResolutionPhotoTypeSchema.safeParse(type.toString('utf8'));
    return contentType.success ? { contentType: contentType.data, bytes } : null;
  }

  private key(ticketNumber: string, id: string): string {
    return `${this.prefix}${ticketNumber}:${id}`;
  }
}
