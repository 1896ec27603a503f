import { z } from 'zod';

/** What a phone's camera or gallery gives, after the field page has shrunk it. */
export const ResolutionPhotoTypeSchema = z.enum(['image/jpeg', 'image/png', 'image/webp']);
export type ResolutionPhotoType = z.infer<typeof ResolutionPhotoTypeSchema>;

/**
 * The largest photo kept. The field page shrinks a camera photo to fit, and it travels inside one
 * JSON request under REQUEST_BODY_MAX_KIB's default 256 KiB (base64 adds a third).
 */
export const RESOLUTION_PHOTO_MAX_BYTES = 160 * 1024;

/** How long a resolution photo is kept: past any reopen window and the month's grievance reviews. */
export const RESOLUTION_PHOTO_TTL_DAYS = 180;

/** A photo the field team took when resolving a ticket (the new meter, the repaired wiring). */
export interface ResolutionPhoto {
  contentType: ResolutionPhotoType;
  bytes: Buffer;
}

/** Keeps resolution photos, bounded in size and time, read back only through the ticket they belong to. */
export interface ResolutionPhotoStore {
  /** Keeps `photo` for ticket `ticketNumber`; answers the id the ticket's resolution records. */
  put(ticketNumber: string, photo: ResolutionPhoto): Promise<string>;
  /** The photo, or null when it expired, never existed or belongs to another ticket. */
  get(ticketNumber: string, id: string): Promise<ResolutionPhoto | null>;
}
