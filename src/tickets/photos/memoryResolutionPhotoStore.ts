import { randomUUID } from 'node:crypto';
import { RESOLUTION_PHOTO_TTL_DAYS, type ResolutionPhoto, type ResolutionPhotoStore } from './resolutionPhotoStore';

const DAY_MS = 86_400_000;

/**
 * In-process resolution photos, the embedded default: at most `capacity` photos (the oldest go
 * first), each for the retention period, so a demo left running cannot fill the memory.
 */
export class MemoryResolutionPhotoStore implements ResolutionPhotoStore {
  private readonly photos = new Map<string, { photo: ResolutionPhoto; expiresAt: number }>();

  constructor(
    private readonly now: () => Date,
    private readonly capacity = 200,
    private readonly ttlDays = RESOLUTION_PHOTO_TTL_DAYS,
  ) {}

  async put(ticketNumber: string, photo: ResolutionPhoto): Promise<string> {
    const id = randomUUID();
    this.photos.set(`${ticketNumber}:${id}`, { photo: { contentType: photo.contentType, bytes: Buffer.from(photo.bytes) }, expiresAt: this.now().getTime() + this.ttlDays * DAY_MS });
    // A Map iterates in insertion order: the first key is the oldest photo.
    while (this.photos.size > this.capacity) this.photos.delete(this.photos.keys().next().value!);
    return id;
  }

  async get(ticketNumber: string, id: string): Promise<ResolutionPhoto | null> {
    const kept = this.photos.get(`${ticketNumber}:${id}`);
    if (!kept || kept.expiresAt <= this.now().getTime()) return null;
    return { contentType: kept.photo.contentType, bytes: Buffer.from(kept.photo.bytes) };
  }
}
